/** Draft exports: Google Ads Editor CSV, JSON, email as .eml, SEO page as HTML. */
import { AppError } from "@/lib/errors";
import { EXPORT_KINDS, type DraftDetail } from "@/lib/schemas/drafts";
import { adsJson, emailExport, googleAdsEditorCsv, renderSeoHtml } from "./channels";
import { slugify } from "./channels";

export { ExportQuery } from "@/lib/schemas/drafts";

const AVAILABLE = {
  google_rsa: ["csv", "json"],
  meta_ad: ["json"],
  email: ["eml", "json"],
  seo_page: ["html", "json"],
} as const satisfies Record<DraftDetail["format"], readonly (typeof EXPORT_KINDS)[number][]>;

export type ExportFile = { body: string; contentType: string; filename: string };

export function exportDraft(
  d: DraftDetail,
  as: (typeof EXPORT_KINDS)[number],
  sender?: { name: string | null },
): ExportFile {
  const allowed: readonly string[] = AVAILABLE[d.format];
  if (!allowed.includes(as))
    throw new AppError(
      "validation:export_format",
      `This draft exports as ${allowed.map((a) => a.toUpperCase()).join(" or ")}, not ${as.toUpperCase()}.`,
    );
  const base = slugify(d.title || d.id, 60);
  const c = d.content;
  if (as === "csv" && c.format === "google_rsa")
    return {
      body: googleAdsEditorCsv([
        { campaign: d.campaign?.name ?? "Lectern", adGroup: d.title.slice(0, 80), content: c },
      ]),
      contentType: "text/csv; charset=utf-8",
      filename: `${base}.csv`,
    };
  if (as === "eml" && c.format === "email")
    return {
      body: emailExport(c, { fromName: sender?.name ?? null }).eml,
      contentType: "message/rfc822",
      filename: `${base}.eml`,
    };
  if (as === "html" && c.format === "seo_page")
    return { body: renderSeoHtml(c), contentType: "text/html; charset=utf-8", filename: `${c.slug || base}.html` };
  const json =
    c.format === "google_rsa"
      ? adsJson(c)
      : c.format === "email"
        ? JSON.stringify(emailExport(c, { fromName: sender?.name ?? null }), null, 2)
        : JSON.stringify(c, null, 2);
  return { body: json, contentType: "application/json; charset=utf-8", filename: `${base}.json` };
}

export function fileResponse(f: ExportFile): Response {
  return new Response(f.body, {
    headers: {
      "content-type": f.contentType,
      "content-disposition": `attachment; filename="${f.filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}

/**
 * Metadata a document carries itself: Markdown front matter (`tags: [a, b]`, `effective:
 * 2026-02-01`) and HTML `<meta name="keywords|effective">`. Used when the uploader gave none, so
 * a folder of well-kept files ingests with its tags and dates.
 */
import { Tags } from "@/lib/schemas/knowledge";

export type SourceMeta = { tags: string[]; effectiveDate: string | null };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readSourceMeta(text: string, format: "markdown" | "text" | "html"): SourceMeta {
  const head = text.slice(0, 8192);
  let tags: string[] = [];
  let effective: string | null = null;
  if (format === "markdown") {
    const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(head)?.[1] ?? "";
    const t = /^tags[ \t]*:[ \t]*\[([^\]\n]*)\][ \t]*$/m.exec(fm)?.[1];
    if (t) tags = t.split(",").map((x) => x.trim().replace(/^["']|["']$/g, ""));
    effective =
      /^(?:effective|effective_date|effectiveDate)[ \t]*:[ \t]*["']?(\d{4}-\d{2}-\d{2})["']?[ \t]*$/m.exec(fm)?.[1] ??
      null;
  } else if (format === "html") {
    const meta = (name: string) =>
      new RegExp(`<meta\\s+name=["']${name}["']\\s+content=["']([^"']*)["']`, "i").exec(head)?.[1] ?? null;
    tags = (meta("keywords") ?? "").split(",").map((x) => x.trim());
    effective = meta("effective");
  }
  const parsed = Tags.safeParse(tags.filter(Boolean));
  return {
    tags: parsed.success ? parsed.data : [],
    effectiveDate: effective && ISO_DAY.test(effective) && !Number.isNaN(Date.parse(effective)) ? effective : null,
  };
}

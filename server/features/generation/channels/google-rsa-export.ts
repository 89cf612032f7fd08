/**
 * Google RSA exports: a Google Ads Editor CSV (responsive search ad columns) and a stable JSON
 * export in the Google Ads API shape (`AdGroupAd.ad`: finalUrls + responsiveSearchAd).
 */
import { stringify } from "csv-stringify/sync";
import type { GoogleRsaContent } from "@/lib/schemas/drafts";
import { safeCell } from "./csv-safe";
import { GOOGLE_RSA_LIMITS as L } from "./limits";

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Header row of the Google Ads Editor CSV for responsive search ads. */
export const GOOGLE_ADS_EDITOR_COLUMNS: readonly string[] = [
  "Campaign",
  "Ad group",
  "Ad type",
  ...range(L.headlineCount.max).map((i) => `Headline ${i}`),
  ...range(L.headlineCount.max).map((i) => `Headline ${i} position`),
  ...range(L.descriptionCount.max).map((i) => `Description ${i}`),
  ...range(L.descriptionCount.max).map((i) => `Description ${i} position`),
  "Path 1",
  "Path 2",
  "Final URL",
];

export const RSA_AD_TYPE = "Responsive search ad";

export type GoogleAdsEditorRow = { campaign: string; adGroup: string; content: GoogleRsaContent };

function slots<T>(items: readonly T[], n: number): Array<T | undefined> {
  return range(n).map((i) => items[i - 1]);
}

/**
 * One CSV row per ad (header row first), RFC 4180 quoting (CRLF line ends), every cell passed
 * through `safeCell` so spreadsheet formulas cannot run. Headlines/descriptions beyond 15/4 are
 * not exported (validation reports them). No BOM.
 */
export function googleAdsEditorCsv(rows: readonly GoogleAdsEditorRow[]): string {
  const records = rows.map(({ campaign, adGroup, content }) => {
    const headlines = slots(content.headlines, L.headlineCount.max);
    const descriptions = slots(content.descriptions, L.descriptionCount.max);
    return [
      campaign,
      adGroup,
      RSA_AD_TYPE,
      ...headlines.map((h) => h?.text ?? ""),
      ...headlines.map((h) => (h?.pin ? String(h.pin) : "")),
      ...descriptions.map((d) => d?.text ?? ""),
      ...descriptions.map((d) => (d?.pin ? String(d.pin) : "")),
      content.path1 ?? "",
      content.path2 ?? "",
      content.finalUrl ?? "",
    ].map(safeCell);
  });
  return stringify([[...GOOGLE_ADS_EDITOR_COLUMNS], ...records], {
    record_delimiter: "\r\n",
    // With CRLF records csv-stringify only quotes fields containing the full CRLF; quote lone CR/LF too.
    quoted_match: /[\r\n]/,
  });
}

/** Google Ads API `ServedAssetFieldType` for a pin. */
function pinnedField(kind: "HEADLINE" | "DESCRIPTION", pin: number | null | undefined): string | undefined {
  return pin ? `${kind}_${pin}` : undefined;
}

/**
 * A stable JSON export (fixed key order, 2-space indent, trailing newline) in the Google Ads API
 * shape of an ad: `{ type, finalUrls, responsiveSearchAd: { headlines, descriptions, path1, path2 } }`;
 * pins become `pinnedField` (`HEADLINE_1`…`HEADLINE_3`, `DESCRIPTION_1`/`DESCRIPTION_2`).
 */
export function adsJson(content: GoogleRsaContent): string {
  const asset = (kind: "HEADLINE" | "DESCRIPTION") => (t: { text: string; pin: number | null }) => {
    const field = pinnedField(kind, t.pin);
    return field ? { text: t.text, pinnedField: field } : { text: t.text };
  };
  const ad = {
    type: "RESPONSIVE_SEARCH_AD",
    finalUrls: content.finalUrl ? [content.finalUrl] : [],
    responsiveSearchAd: {
      headlines: content.headlines.map(asset("HEADLINE")),
      descriptions: content.descriptions.map(asset("DESCRIPTION")),
      path1: content.path1 ?? "",
      path2: content.path2 ?? "",
    },
  };
  return `${JSON.stringify(ad, null, 2)}\n`;
}

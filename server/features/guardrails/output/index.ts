/**
 * Output filters for generated copy: `filterOutput(output, opts)` → flags, sorted by position.
 *
 * - `pii_unsourced`: personal data that no approved source contains (see pii.ts);
 * - `url_not_allowed`: links whose host is not an allowed domain or a subdomain of one (an empty
 *   allow-list flags every link);
 * - `competitor`: workspace competitor names;
 * - `profanity`: when the policy asks for it.
 *
 * Pure and offline; `findPii` is injected so the same recognisers and policy run on output and sources.
 */
import type { OutputFlag } from "@/lib/schemas/guardrails";
import { findCompetitors } from "./competitors";
import { type FindPii, findUnsourcedPii } from "./pii";
import { findProfanity } from "./profanity";
import { findUrls, isAllowedHost } from "./urls";

export type { FindPii, PiiSpan } from "./pii";
export { findCompetitors } from "./competitors";
export { findProfanity } from "./profanity";
export { findUrls, isAllowedHost, normalizeAllowEntry } from "./urls";

export type OutputFilterOptions = {
  /** Approved source texts (brief, knowledge passages) the output may take personal data from. */
  sources: string[];
  allowedDomains: string[];
  competitors: string[];
  profanity: boolean;
  findPii: FindPii;
};

const KIND_ORDER: Record<OutputFlag["kind"], number> = {
  pii_unsourced: 0,
  url_not_allowed: 1,
  competitor: 2,
  profanity: 3,
};

export function filterOutput(output: string, opts: OutputFilterOptions): OutputFlag[] {
  const flags: OutputFlag[] = [...findUnsourcedPii(output, opts.sources, opts.findPii)];

  const allowedLinks: { start: number; end: number }[] = [];
  for (const u of findUrls(output)) {
    if (isAllowedHost(u.host, opts.allowedDomains)) {
      allowedLinks.push(u);
      continue;
    }
    flags.push({
      kind: "url_not_allowed",
      start: u.start,
      end: u.end,
      text: u.url,
      message: `Link to ${u.displayHost} is not on the workspace's allowed domains`,
    });
  }

  for (const c of findCompetitors(output, opts.competitors)) {
    // A name inside one of the workspace's own links ("acme.com/vs-globex") is not a mention.
    if (allowedLinks.some((l) => c.start >= l.start && c.end <= l.end)) continue;
    flags.push({
      kind: "competitor",
      start: c.start,
      end: c.end,
      text: c.text,
      message: `Mentions competitor ${c.name}`,
    });
  }

  if (opts.profanity) {
    for (const p of findProfanity(output)) {
      flags.push({ kind: "profanity", start: p.start, end: p.end, text: p.text, message: `Profanity ("${p.word}")` });
    }
  }

  const seen = new Set<string>();
  return flags
    .filter((f) => {
      const key = `${f.kind}:${f.start}:${f.end}:${f.entity ?? ""}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

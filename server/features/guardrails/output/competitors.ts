/**
 * Competitor names in generated copy: whole words, case-insensitive, any whitespace between the words
 * of a multi-word name, possessive "'s" included in the span ("Acme's"). Longer names win over
 * shorter ones they contain ("Acme Cloud" before "Acme").
 */
export type CompetitorHit = { start: number; end: number; text: string; name: string };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const collapse = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ");

export function findCompetitors(text: string, names: readonly string[]): CompetitorHit[] {
  const byKey = new Map<string, string>();
  for (const raw of names) {
    const name = collapse(raw);
    if (name.length >= 2) byKey.set(name.toLowerCase(), name);
  }
  if (byKey.size === 0) return [];
  const sorted = [...byKey.values()].sort((a, b) => b.length - a.length);
  const alternation = sorted.map((n) => n.split(" ").map(escapeRegExp).join("\\s+")).join("|");
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternation})(?:['’]s)?(?![\\p{L}\\p{N}_])`, "giu");
  const out: CompetitorHit[] = [];
  for (const m of text.matchAll(re)) {
    const base = collapse(m[0].replace(/['’]s$/u, "")).toLowerCase();
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], name: byKey.get(base) ?? base });
  }
  return out;
}

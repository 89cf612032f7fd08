/**
 * Word-level normalisation shared by fact detection and matching: stop words, light stemming,
 * content words and the case/whitespace/diacritic-insensitive form used to find names in sources.
 */

const STOP_LIST = `a about above after again against all almost along already also although always am among an and
another any anyone anything are aren't around as at away back be because been before being below between both but by
can can't cannot could couldn't did didn't do does doesn't doing don't done down during each either else enough etc
even ever every everything few for from further get gets getting got had hadn't has hasn't have haven't having he her
here here's hers herself him himself his how however i i'd i'll i'm i've if in into is isn't it it'll it's its itself
just least less let let's like lot lots many may me might more most much must my myself neither never no nor not now of
off often on once one only onto or other others ought our ours ourselves out over own per plus quite rather really same
shall she should since so some something still such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those though through thus to today too under until up upon us
very via was wasn't we we'd we'll we're we've well were weren't what what's when where which while who whom whose why
will with within without won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves new
e.g i.e eg ie`;

/** English function words plus a little marketing filler; ignored when measuring word overlap. */
export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_LIST.split(/\s+/).filter(Boolean));

/** All matches of a global regex (String#matchAll clones the regex on every call, which is slow). */
export function execAll(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === "") re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** Lower-cases, folds typographic apostrophes and applies NFKC. */
export function fold(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s.toLowerCase().replace(/`/g, "'");
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
}

/** Removes diacritics (é → e, ä → a). */
export function stripDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

/**
 * Light English stemmer: folds plurals and -ed/-ing/-e endings so "ships", "shipping" and "shipped"
 * all become "ship", "guarantee"/"guaranteed" become "guarante". It does not touch derivations
 * ("weight" ≠ "weigh") or comparatives ("lightest" ≠ "light").
 */
export function stem(word: string): string {
  let w = fold(word).replace(/'s$/, "").replace(/'$/, "");
  if (w.length <= 3) return w;
  if (/ies$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/ied$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(w)) {
    // "glass", "status", "analysis": not plurals
  } else if (/(xes|ches|shes|sses|zes)$/.test(w)) w = w.slice(0, -2);
  else if (/s$/.test(w)) w = w.slice(0, -1);
  if (/ing$/.test(w) && w.length > 5) w = undouble(w.slice(0, -3));
  else if (/ed$/.test(w) && w.length > 4) w = undouble(w.slice(0, -2));
  if (/e$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return STEM_ALIASES[w] ?? w;
}

/** Product-sheet vocabulary that means the same thing ("Price: $149" ~ "costs $149"). */
const STEM_ALIASES: Record<string, string> = { cost: "pric", msrp: "pric", weight: "weigh" };

function undouble(w: string): string {
  return /([b-df-hj-km-np-rtv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

/** Words (starting with a letter) with their offsets in `text`. Hyphenated words are separate words. */
export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of execAll(text, /\p{L}[\p{L}\p{N}'’]*/gu)) {
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** True when `w` (any case) is a stop word. */
export function isStopWord(w: string): boolean {
  const f = fold(w).replace(/'s$/, "");
  return STOP_WORDS.has(f) || STOP_WORDS.has(fold(w));
}

/**
 * Stems of the content words of `text`: stop words, one-letter words and words inside any of the
 * `skip` ranges (numbers, prices, units…) are left out.
 */
export function contentStems(text: string, skip: readonly { start: number; end: number }[] = []): Set<string> {
  const out = new Set<string>();
  for (const { word, start, end } of wordSpans(text)) {
    if (skip.some((r) => start < r.end && end > r.start)) continue;
    if (isStopWord(word)) continue;
    const s = stem(word);
    if (s.length < 2) continue;
    out.add(s);
  }
  return out;
}

/** Stems of every word of `text` (stop words included): the vocabulary of a source passage. */
export function allStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const { word } of wordSpans(text)) out.add(stem(word));
  return out;
}

/**
 * The form in which names are compared: lower case, no diacritics, no ™/®/©, no possessive 's, every run of
 * non-alphanumerics (spaces, hyphens, dots) collapsed to one space, dotted initialisms closed up.
 * "GORE-TEX®" → "gore tex", "U.S." → "us".
 */
export function normalizeName(s: string): string {
  return stripDiacritics(fold(s.replace(/[™®©℠]/g, "")))
    .replace(/(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu, (m) => m.replace(/\./g, ""))
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

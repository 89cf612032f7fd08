/**
 * Deterministic English sentence segmentation (Vale uses a Punkt tokenizer). A boundary is
 * terminal punctuation (+ closing quotes/brackets) followed by whitespace, unless the word before
 * is a known abbreviation or an initial, or the next word starts in lower case. Decimals ("3.5")
 * never split because no whitespace follows the period. A blank line always ends a sentence.
 */

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms mx dr prof sr jr st mt ft vs etc al approx appt apt assn ave blvd capt cmdr col corp dept " +
    "est fig figs gen gov hon inc jan feb mar apr jun jul aug sep sept oct nov dec lt ltd maj messrs " +
    "mme mlle no nos op pp rep rev sen sgt sq vol vols e.g i.e cf viz ca u.s u.k a.m p.m ph.d"
  ).split(" "),
);

const TERMINAL = /[.!?\u2026]+["'\u2019\u201d)\]]*(?=\s)|\n[ \t]*\n/g;

/** Returns `[start, end)` ranges of the sentences in `text`, trimmed. */
export function sentenceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  TERMINAL.lastIndex = 0;
  for (let m = TERMINAL.exec(text); m; m = TERMINAL.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] !== "\n" && !isBoundary(text, m.index, end)) continue;
    push(out, text, start, m[0][0] === "\n" ? m.index : end);
    start = end;
  }
  push(out, text, start, text.length);
  return out;
}

function push(out: [number, number][], text: string, a: number, b: number): void {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (b > a) out.push([a, b]);
}

function isBoundary(text: string, punctAt: number, end: number): boolean {
  let j = end;
  while (j < text.length && /\s/.test(text[j]!)) j++;
  if (j >= text.length) return true;
  if (/\p{Ll}/u.test(text[j]!)) return false; // "e.g. this", "approx. five"
  const run = text.slice(punctAt, end);
  if (!run.startsWith(".") || run.startsWith("..")) return true; // "!", "?", "…", "..."
  let w = punctAt;
  while (w > 0 && !/[\s("'\u2018\u201c[]/.test(text[w - 1]!)) w--;
  const word = text.slice(w, punctAt);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return false; // initial: "J. Smith"
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false; // "e.g", "U.S"
  return true;
}

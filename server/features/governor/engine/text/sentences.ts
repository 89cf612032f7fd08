import { SPACE, unitTable } from "./chars";

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

/** Terminal punctuation: `.`, `!`, `?`, `…`. */
function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** Closing quotes and brackets allowed after terminal punctuation. */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93;
}

/** End of the last match of `TERMINAL` found by `nextTerminal`. */
let terminalEnd = 0;

/**
 * The next match of `/[.!?\u2026]+["'\u2019\u201d)\]]*(?=\s)|\n[ \t]*\n/g` at or after `from`:
 * returns its index (and sets `terminalEnd`), or -1. Both alternatives are deterministic (no
 * backtracking can make a failed candidate succeed), so a scan finds the same matches.
 */
function nextTerminal(text: string, from: number, n: number): number {
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isTerminal(c)) {
      let j = i + 1;
      while (j < n && isTerminal(text.charCodeAt(j))) j++;
      while (j < n && isCloser(text.charCodeAt(j))) j++;
      if (j < n && SPACE[text.charCodeAt(j)] === 1) {
        terminalEnd = j;
        return i;
      }
      i = j - 1; // every later start inside this run ends at the same place and fails too
    } else if (c === 10) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j < n && text.charCodeAt(j) === 10) {
        terminalEnd = j + 1;
        return i;
      }
    }
  }
  return -1;
}

/**
 * Calls `each(start, end)` for the sentences of `text`, trimmed, in order. With `lo`/`hi`, the
 * sentences of `text.slice(lo, hi)`, at their positions in `text`.
 */
export function forEachSentence(
  text: string,
  each: (start: number, end: number) => void,
  lo = 0,
  hi = text.length,
): void {
  let start = lo;
  let from = lo;
  for (;;) {
    const at = nextTerminal(text, from, hi);
    if (at < 0) break;
    const end = terminalEnd;
    from = end;
    const blank = text.charCodeAt(at) === 10;
    if (!blank && !isBoundary(text, at, end, lo, hi)) continue;
    emit(text, start, blank ? at : end, each);
    start = end;
  }
  emit(text, start, hi, each);
}

/** Returns `[start, end)` ranges of the sentences in `text`, trimmed. */
export function sentenceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  forEachSentence(text, (a, b) => out.push([a, b]));
  return out;
}

/** Number of sentences in `text.slice(lo, hi)` (`sentenceRanges(...).length` without the ranges or the slice). */
export function sentenceCount(text: string, lo = 0, hi = text.length): number {
  let n = 0;
  forEachSentence(text, () => n++, lo, hi);
  return n;
}

function emit(text: string, a: number, b: number, each: (start: number, end: number) => void): void {
  while (a < b && SPACE[text.charCodeAt(a)] === 1) a++;
  while (b > a && SPACE[text.charCodeAt(b - 1)] === 1) b--;
  if (b > a) each(a, b);
}

const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** `\p{Ll}` / `\p{Lu}` (with the `u` flag) of a single UTF-16 unit (lone surrogates: neither). */
const LOWERCASE = unitTable("\\p{Ll}", "u");
const UPPERCASE = unitTable("\\p{Lu}", "u");

/** `[\s("'\u2018\u201c[]`: what can precede the word before a period. */
function opensWord(c: number): boolean {
  return SPACE[c] === 1 || c === 40 || c === 34 || c === 39 || c === 0x2018 || c === 0x201c || c === 91;
}

/** Is the terminal punctuation text[punctAt, end) a sentence boundary (within text[lo, hi))? */
function isBoundary(text: string, punctAt: number, end: number, lo: number, hi: number): boolean {
  let j = end;
  while (j < hi && SPACE[text.charCodeAt(j)] === 1) j++;
  if (j >= hi) return true;
  if (LOWERCASE[text.charCodeAt(j)] === 1) return false; // "e.g. this", "approx. five"
  // The punctuation run text[punctAt, end) must start with "." but not "..": "!", "?", "…", "..." end sentences.
  if (text.charCodeAt(punctAt) !== 46 || (punctAt + 1 < end && text.charCodeAt(punctAt + 1) === 46)) return true;
  let w = punctAt;
  while (w > lo && !opensWord(text.charCodeAt(w - 1))) w--;
  const len = punctAt - w;
  if (len === 1 && UPPERCASE[text.charCodeAt(w)] === 1) return false; // initial: "J. Smith"
  if (len === 0) return true;
  const word = text.slice(w, punctAt);
  // Lower-casing maps each code point (at most two units) to at least one unit: longer words are no abbreviation.
  if (len <= 2 * MAX_ABBREVIATION && ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (len >= 3 && word.includes(".") && /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false; // "e.g", "U.S"
  return true;
}

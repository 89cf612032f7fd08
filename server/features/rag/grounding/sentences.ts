/**
 * Sentence splitting for plain-text marketing copy. Every line is split separately (headlines and bullet
 * points without final punctuation are sentences of their own); within a line a sentence ends at `.`, `!`,
 * `?` or `…` (plus closing quotes/brackets) followed by whitespace, or at `。！？`. A period does not end a
 * sentence after an abbreviation ("approx.", "e.g.", "No. 1", "Mr."), an initial ("J. Smith"), when the next
 * word starts in lower case ("approx. 2 kg", "the U.S. market"), or inside a number ("$19.99", "2.5 kg").
 */
import { execAll } from "./words";

export type Sentence = { index: number; text: string; start: number; end: number };

/** Never end a sentence (titles and Latin abbreviations that always continue). */
const CONTINUES = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "mt",
  "approx",
  "appx",
  "ca",
  "cf",
  "vs",
  "incl",
  "excl",
  "esp",
  "viz",
  "e.g",
  "i.e",
  "eg",
  "ie",
  "p.s",
  "p.p.s",
]);

/** Do not end a sentence when a digit follows ("No. 1", "Mar. 3", "est. 1998", "Fig. 2"). */
const BEFORE_DIGIT = new Set([
  "no",
  "nr",
  "nos",
  "vol",
  "p",
  "pp",
  "fig",
  "art",
  "ch",
  "sec",
  "ref",
  "tel",
  "ph",
  "est",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);

/**
 * Company suffixes and dotted initialisms ("Inc.", "Ltd.", "U.S."): they end a sentence only when the next
 * word is a typical sentence opener ("Made in the U.S. Every pair…"), not before a name ("U.S. Forest Service").
 */
const SOMETIMES_ENDS = new Set(["inc", "ltd", "co", "corp", "llc", "plc", "gmbh", "bros", "jr", "sr"]);

const OPENERS = new Set(
  `a an the this that these those it its our we you your they their there here every each all all most many
some no not only just now today if when while with for from in on at as by to so but and or then also plus
order shop get buy try see save enjoy discover explore meet join sign learn free new i he she his her`.split(/\s+/),
);

const TERMINATORS = ".!?…";
const CJK_TERMINATORS = "。！？";
const CLOSERS = `"'”’»)]}`;
const BULLET_RE =
  /^[\s\u00a0]*(?:[-*+•◦▪▫‣⁃–—·✓✔✗✘→►▶]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\p{Extended_Pictographic}\uFE0F?)[\s\u00a0]+/u;

/** Splits `text` into sentences with exact offsets: `text.slice(s.start, s.end) === s.text`. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const line of execAll(text, /[^\r\n\u2028\u2029]+/g)) {
    const lineStart = line.index;
    const lineEnd = lineStart + line[0].length;
    const bullet = BULLET_RE.exec(line[0]);
    let segStart = lineStart + (bullet ? bullet[0].length : 0);
    const push = (end: number) => {
      let s = segStart;
      let e = end;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      const piece = text.slice(s, e);
      if (/[\p{L}\p{N}]/u.test(piece)) out.push({ index: out.length, text: piece, start: s, end: e });
    };
    for (let i = segStart; i < lineEnd; i++) {
      const ch = text[i]!;
      if (CJK_TERMINATORS.includes(ch)) {
        let k = i + 1;
        while (k < lineEnd && (CJK_TERMINATORS.includes(text[k]!) || CLOSERS.includes(text[k]!))) k++;
        push(k);
        segStart = k;
        i = k - 1;
        continue;
      }
      if (!TERMINATORS.includes(ch)) continue;
      let j = i;
      while (j < lineEnd && TERMINATORS.includes(text[j]!)) j++;
      let k = j;
      while (k < lineEnd && CLOSERS.includes(text[k]!)) k++;
      if (k >= lineEnd || !/\s/.test(text[k]!)) {
        i = j - 1; // "$19.99", "U.S.A", "northwind.example", or the end of the line
        continue;
      }
      if (!breaksAfter(text, lineStart, i, j, k, lineEnd)) {
        i = j - 1;
        continue;
      }
      push(k);
      segStart = k;
      i = k - 1;
    }
    push(lineEnd);
  }
  return out;
}

/** Should the terminator run text[i..j) (closers up to k, whitespace after) end the sentence? */
function breaksAfter(text: string, lineStart: number, i: number, j: number, k: number, lineEnd: number): boolean {
  const run = text.slice(i, j);
  if (run.includes("!") || run.includes("?")) return true;
  let n = k;
  while (n < lineEnd && /\s/.test(text[n]!)) n++;
  const rest = text.slice(n, Math.min(lineEnd, n + 40));
  const next = rest.charAt(0);
  if (/\p{Ll}/u.test(next)) return false; // "e.g. the", "approx. weight", "… and more"
  if (run !== ".") return true;
  let w = i;
  while (w > lineStart && /[\p{L}\p{N}.&'’-]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, i).replace(/^[-'’.]+/, "");
  const lower = word.toLowerCase();
  if (lower === "") return true;
  if (CONTINUES.has(lower)) return false;
  if (/^\p{N}/u.test(next) && BEFORE_DIGIT.has(lower)) return false;
  // A single capital initial before a name: "J. R. Smith".
  if (/^\p{Lu}$/u.test(word) && /^\p{Lu}/u.test(next)) return false;
  const initialism = /^\p{L}(?:\.\p{L})+$/u.test(word);
  if (initialism || SOMETIMES_ENDS.has(lower)) {
    const nextWord = /^[\p{L}']+/u.exec(rest)?.[0].toLowerCase() ?? "";
    return nextWord === "" || OPENERS.has(nextWord);
  }
  return true;
}

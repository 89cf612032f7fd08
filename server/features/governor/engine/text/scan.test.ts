import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/random";
import { SPACE, unitTable } from "./chars";
import { nextSpecial } from "./inline";
import { type MappedText, TextBuilder } from "./mapped";
import { paragraphRanges } from "./plaintext";
import { forEachSentence, sentenceCount, sentenceRanges } from "./sentences";
import { type TextStats, asciiSyllables, computeStats, syllables } from "./stats";

/**
 * The text scanners work on character codes for speed. Each is checked here against the plain
 * regex implementation it replaced (kept below, verbatim), on random texts full of edge cases.
 */

// ---- Reference implementations (the engine's previous code) -----------------------------------

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms mx dr prof sr jr st mt ft vs etc al approx appt apt assn ave blvd capt cmdr col corp dept " +
    "est fig figs gen gov hon inc jan feb mar apr jun jul aug sep sept oct nov dec lt ltd maj messrs " +
    "mme mlle no nos op pp rep rev sen sgt sq vol vols e.g i.e cf viz ca u.s u.k a.m p.m ph.d"
  ).split(" "),
);
const TERMINAL = /[.!?\u2026]+["'\u2019\u201d)\]]*(?=\s)|\n[ \t]*\n/g;

function refSentenceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  TERMINAL.lastIndex = 0;
  for (let m = TERMINAL.exec(text); m; m = TERMINAL.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] !== "\n" && !refIsBoundary(text, m.index, end)) continue;
    refPush(out, text, start, m[0][0] === "\n" ? m.index : end);
    start = end;
  }
  refPush(out, text, start, text.length);
  return out;
}

function refPush(out: [number, number][], text: string, a: number, b: number): void {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (b > a) out.push([a, b]);
}

function refIsBoundary(text: string, punctAt: number, end: number): boolean {
  let j = end;
  while (j < text.length && /\s/.test(text[j]!)) j++;
  if (j >= text.length) return true;
  if (/\p{Ll}/u.test(text[j]!)) return false;
  const run = text.slice(punctAt, end);
  if (!run.startsWith(".") || run.startsWith("..")) return true;
  let w = punctAt;
  while (w > 0 && !/[\s("'\u2018\u201c[]/.test(text[w - 1]!)) w--;
  const word = text.slice(w, punctAt);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return true;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu;

function refCountSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length === 0) return /\p{N}/u.test(word) ? 1 : 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$/, (m) => m[0]!);
  w = w.replace(/^y/, "");
  const groups = w.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 0);
}

function refComputeStats(text: string): TextStats {
  const s: TextStats = {
    words: 0,
    sentences: refSentenceRanges(text).length,
    paragraphs: paragraphRanges(text).length,
    characters: 0,
    syllables: 0,
    complexWords: 0,
    longWords: 0,
    polysyllabicWords: 0,
  };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    s.words++;
    s.characters += /^[A-Za-z0-9]+$/.test(word) ? word.length : (word.match(/[\p{L}\p{N}]/gu) ?? []).length;
    if (word.length > 6) s.longWords++;
    const syl = refCountSyllables(word);
    s.syllables += syl;
    if (syl > 2) {
      s.polysyllabicWords++;
      const complex = /(?:es|ed|ing)$/.test(word) ? syl - 1 : syl;
      if (complex > 2) s.complexWords++;
    }
  }
  return s;
}

const SPECIAL = /[\\`<![&*_~]|(?<=^|[\s(<"'*_~])(?:https?:\/\/|ftp:\/\/|www\.)/g;

// ---- Random texts --------------------------------------------------------------------------------

const PIECES = [
  ..."abcdeyz ABCZ 0123 .,;:!?…-'’\"“”‘()[]_*~`<&\\\t\n\u00a0\u2028é\u212Aİß\u0130ıσΣ",
  "😀",
  "\ud800",
  "\udc00",
  "Dr.",
  "e.g.",
  "U.S.",
  "J.",
  "approx.",
  "messrs.",
  "APPROX.",
  "x.y.z",
  "...",
  "?!",
  ".)",
  ".\u201d",
  "\n \t\n",
  "\n\n",
  " the ",
  "walked",
  "readable",
  "tables",
  "ye",
  "http://x.y",
  "https://a",
  "ftp://b",
  "www.c",
  "(www.d",
  "_https://e",
  "&amp;",
  "naïve",
  "rhythm",
  "queueing",
  "1st",
  "A1b2",
  "o'clock",
  "co-operate",
];

function randomTexts(seed: number, count: number, maxLen: number): string[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: count }, () => {
    let s = "";
    const n = Math.floor(rnd() * maxLen);
    for (let i = 0; i < n; i++) s += PIECES[Math.floor(rnd() * PIECES.length)]!;
    return s;
  });
}

// ---- Tests -----------------------------------------------------------------------------------------

describe("character tables", () => {
  it("SPACE is /\\s/ and unitTable follows the regex engine", () => {
    const lower = unitTable("\\p{Ll}", "u");
    const notA = unitTable("[^a]", "u");
    const wrong: number[] = [];
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      if ((SPACE[c] === 1) !== /\s/.test(ch) || (lower[c] === 1) !== /\p{Ll}/u.test(ch)) wrong.push(c);
      if ((notA[c] === 1) !== /^[^a]$/u.test(ch)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});

describe("sentences", () => {
  it("are segmented exactly like the regex implementation", () => {
    for (const t of randomTexts(1, 3000, 40)) {
      const expected = refSentenceRanges(t);
      expect(sentenceRanges(t), JSON.stringify(t)).toEqual(expected);
      expect(sentenceCount(t)).toBe(expected.length);
      const seen: [number, number][] = [];
      forEachSentence(t, (a, b) => seen.push([a, b]));
      expect(seen).toEqual(expected);
    }
  });

  it("of a range are those of the sliced text, at their positions in the whole text", () => {
    const rnd = mulberry32(8);
    const wrong: string[] = [];
    for (const t of randomTexts(7, 1500, 40)) {
      const lo = Math.floor(rnd() * (t.length + 1));
      const hi = lo + Math.floor(rnd() * (t.length - lo + 1));
      const expected = refSentenceRanges(t.slice(lo, hi)).map(([a, b]) => [a + lo, b + lo]);
      const seen: number[][] = [];
      forEachSentence(t, (a, b) => seen.push([a, b]), lo, hi);
      if (JSON.stringify(seen) !== JSON.stringify(expected) || sentenceCount(t, lo, hi) !== expected.length) {
        wrong.push(`${JSON.stringify(t)} [${lo}, ${hi})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("text statistics", () => {
  it("are computed exactly like the regex implementation", () => {
    for (const t of randomTexts(2, 2000, 60)) expect(computeStats(t), JSON.stringify(t)).toEqual(refComputeStats(t));
  });

  it("count the syllables of ASCII words on character codes exactly like the string version", () => {
    const rnd = mulberry32(3);
    const letters = "aeiouyAEIOUYbcdfghklmnpqrstvwxzLTD0123'.-";
    const words = ["the", "table", "walked", "wanted", "readability", "yes", "eyes", "ye", "lies", "bled", "cakes"];
    for (let i = 0; i < 20000; i++) {
      let w = "";
      const n = 1 + Math.floor(rnd() * 12);
      for (let k = 0; k < n; k++) w += letters[Math.floor(rnd() * letters.length)];
      words.push(w);
    }
    const wrong = words.filter(
      (w) => asciiSyllables(w, 0, w.length) !== refCountSyllables(w) || syllables(w) !== refCountSyllables(w),
    );
    expect(wrong).toEqual([]);
  });
});

describe("inline markup scan", () => {
  it("finds the next special character like the regex", () => {
    const wrong: string[] = [];
    for (const t of randomTexts(4, 1500, 40)) {
      for (let i = 0; i <= t.length; i++) {
        SPECIAL.lastIndex = i;
        const m = SPECIAL.exec(t);
        if (nextSpecial(t, i) !== (m ? m.index : -1)) wrong.push(`${JSON.stringify(t)} @${i}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("mapped text slices", () => {
  /** A mapped text of linear, atomic and synthetic segments, at random source offsets. */
  function mapped(rnd: () => number): MappedText {
    const tb = new TextBuilder();
    let src = Math.floor(rnd() * 5);
    const n = 1 + Math.floor(rnd() * 6);
    for (let i = 0; i < n; i++) {
      const len = 1 + Math.floor(rnd() * 5);
      const text = "abcdefgh".slice(0, len);
      const r = rnd();
      if (r < 0.5) tb.append(text, src);
      else if (r < 0.7) tb.appendAtomic(text.slice(0, 1), src, src + len);
      else if (r < 0.8) tb.appendAtomic(text, src, src + len);
      else tb.appendSynthetic("\n", src);
      src += len + (rnd() < 0.5 ? 0 : Math.floor(rnd() * 3));
    }
    return tb.build();
  }

  it("map every position exactly like a copied slice", () => {
    const rnd = mulberry32(6);
    const positions = (t: MappedText, from: number, to: number) => {
      const out: number[] = [];
      for (let i = from; i <= to; i++) out.push(t.sourceStart(i), t.sourceEnd(i));
      return out.join(",");
    };
    const problems: string[] = [];
    for (let k = 0; k < 200; k++) {
      const m = mapped(rnd);
      const len = m.text.length;
      const whole = m.linearBase();
      if (whole >= 0) {
        for (let i = -2; i <= len + 2; i++) {
          if (m.sourceStart(i) !== whole + Math.min(i, len)) problems.push(`whole start ${i}`);
          if (m.sourceEnd(i) !== whole + Math.min(Math.max(i, 0), len)) problems.push(`whole end ${i}`);
        }
      }
      for (let a = 0; a < len; a++) {
        for (let b = a + 1; b <= len; b++) {
          const fast = m.slice(a, b);
          const copy = m.copySlice(a, b);
          const n = b - a;
          const where = `${JSON.stringify([...m.segments()])} [${a}, ${b})`;
          if (fast.text !== copy.text) problems.push(`text ${where}`);
          if (positions(fast, -2, n + 2) !== positions(copy, -2, n + 2)) problems.push(`positions ${where}`);
          if (JSON.stringify([...fast.segments()]) !== JSON.stringify([...copy.segments()]))
            problems.push(`segments ${where}`);
          const base = fast.linearBase();
          if (base !== copy.linearBase()) problems.push(`linearBase ${where}`);
          if (base >= 0) {
            for (let i = -2; i <= n + 2; i++) {
              if (fast.sourceStart(i) !== base + Math.min(i, n)) problems.push(`linear start ${where} ${i}`);
              if (fast.sourceEnd(i) !== base + Math.min(Math.max(i, 0), n)) problems.push(`linear end ${where} ${i}`);
            }
          }
          if (n > 2) {
            // Slices of slices too.
            const inner = fast.slice(1, n - 1);
            const innerCopy = copy.copySlice(1, n - 1);
            if (positions(inner, -1, n - 1) !== positions(innerCopy, -1, n - 1)) problems.push(`inner ${where}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

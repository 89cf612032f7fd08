import { unitTable } from "./chars";
import { paragraphRanges } from "./plaintext";
import { sentenceCount } from "./sentences";

/** Counts behind Vale's `metric` variables and `readability` scores (prose's `summarize.Document`). */
export interface TextStats {
  words: number;
  sentences: number;
  paragraphs: number;
  /** Letters and digits. */
  characters: number;
  syllables: number;
  /** Words of more than two syllables, not counting -es/-ed/-ing. */
  complexWords: number;
  /** Words longer than six characters. */
  longWords: number;
  /** Words of more than two syllables. */
  polysyllabicWords: number;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu;

const syllableCache = new Map<string, number>();

/** English syllable estimate: vowel groups, minus silent final -e / -es / -ed (not after t/d). Memoised. */
export function syllables(word: string): number {
  let n = syllableCache.get(word);
  if (n === undefined) {
    n = countSyllables(word);
    if (syllableCache.size > 100_000) syllableCache.clear();
    syllableCache.set(word, n);
  }
  return n;
}

function countSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length === 0) return /\p{N}/u.test(word) ? 1 : 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$/, (m) => m[0]!);
  w = w.replace(/^y/, "");
  const groups = w.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 0);
}

/** `[\p{L}\p{N}]` (with the `u` flag) for each BMP code point that is not a surrogate. */
const LETTER_OR_DIGIT = unitTable("[\\p{L}\\p{N}]", "u");

function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45;
}

/** Not one of `laeiouy`. */
function notLaeiouy(c: number): boolean {
  return c !== 108 && !isVowel(c);
}

let letters = new Uint8Array(64);

function isVowel(c: number): boolean {
  // a e i o u y
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
}

/**
 * `countSyllables(text.slice(a, b))` for an ASCII word, computed on character codes (no strings).
 * Follows countSyllables step by step.
 */
export function asciiSyllables(text: string, a: number, b: number): number {
  if (letters.length < b - a) letters = new Uint8Array(2 * (b - a));
  const w = letters;
  // Lower-cased letters only.
  let n = 0;
  let digit = false;
  for (let i = a; i < b; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c >= 97 && c <= 122) w[n++] = c;
    else if (c >= 48 && c <= 57) digit = true;
  }
  if (n === 0) return digit ? 1 : 0;
  if (n <= 3) return 1;
  // Silent endings: /(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$/ -> keep the consonant only.
  const c3 = w[n - 3]!;
  if (w[n - 2] === 101 && w[n - 1] === 115 && notLaeiouy(c3)) n -= 2;
  else if (w[n - 2] === 101 && w[n - 1] === 100 && notLaeiouy(c3) && c3 !== 116 && c3 !== 100) n -= 2;
  else if (w[n - 1] === 101 && notLaeiouy(w[n - 2]!)) n -= 1;
  // /^y/ removed, then /[aeiouy]{1,2}/g counted: ceil(run / 2) per run of vowels.
  let groups = 0;
  let run = 0;
  for (let i = w[0] === 121 ? 1 : 0; i < n; i++) {
    if (isVowel(w[i]!)) run++;
    else if (run > 0) {
      groups += (run + 1) >> 1;
      run = 0;
    }
  }
  groups += (run + 1) >> 1;
  return Math.max(1, groups);
}

/** `/(?:es|ed|ing)$/.test(text.slice(a, b))`. */
function endsInflected(text: string, a: number, b: number): boolean {
  const n = b - a;
  const last = text.charCodeAt(b - 1);
  if (n >= 2 && text.charCodeAt(b - 2) === 101 && (last === 115 || last === 100)) return true;
  return n >= 3 && text.charCodeAt(b - 3) === 105 && text.charCodeAt(b - 2) === 110 && last === 103;
}

export function computeStats(text: string): TextStats {
  const s: TextStats = {
    words: 0,
    sentences: sentenceCount(text),
    paragraphs: paragraphRanges(text).length,
    characters: 0,
    syllables: 0,
    complexWords: 0,
    longWords: 0,
    polysyllabicWords: 0,
  };
  const addWord = (word: string, characters: number) => {
    s.words++;
    s.characters += characters;
    if (word.length > 6) s.longWords++;
    const syl = syllables(word);
    s.syllables += syl;
    if (syl > 2) {
      s.polysyllabicWords++;
      const complex = /(?:es|ed|ing)$/.test(word) ? syl - 1 : syl;
      if (complex > 2) s.complexWords++;
    }
  };
  // Words never span whitespace, so one pass over the whole text counts them all.
  if (/[\ud800-\udfff]/.test(text)) {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const word = m[0];
      addWord(word, ASCII_WORD.test(word) ? word.length : (word.match(/[\p{L}\p{N}]/gu) ?? []).length);
    }
  } else {
    // No surrogates: every code unit is a code point, so `WORD` can be matched with a table.
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (LETTER_OR_DIGIT[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const start = i;
      let characters = 0;
      let ascii = true;
      for (;;) {
        while (i < n && LETTER_OR_DIGIT[text.charCodeAt(i)] === 1) {
          if (text.charCodeAt(i) >= 128) ascii = false;
          i++;
          characters++;
        }
        // `['’.-]` followed by a letter or digit continues the word.
        if (i + 1 < n && isJoiner(text.charCodeAt(i)) && LETTER_OR_DIGIT[text.charCodeAt(i + 1)] === 1) {
          if (text.charCodeAt(i) >= 128) ascii = false;
          i++;
        } else break;
      }
      if (!ascii) {
        addWord(text.slice(start, i), characters);
        continue;
      }
      // ASCII word: the same counts without making a string.
      s.words++;
      s.characters += characters;
      if (i - start > 6) s.longWords++;
      const syl = asciiSyllables(text, start, i);
      s.syllables += syl;
      if (syl > 2) {
        s.polysyllabicWords++;
        const complex = endsInflected(text, start, i) ? syl - 1 : syl;
        if (complex > 2) s.complexWords++;
      }
    }
  }
  return s;
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;

export type ReadabilityMetric = "Flesch-Kincaid" | "Gunning Fog" | "Coleman-Liau" | "SMOG" | "Automated Readability";
export const READABILITY_METRICS: readonly ReadabilityMetric[] = [
  "Flesch-Kincaid",
  "Gunning Fog",
  "Coleman-Liau",
  "SMOG",
  "Automated Readability",
];

/** Grade level of one metric (standard published formulas, as in prose's summarize package). */
export function gradeLevel(metric: ReadabilityMetric, s: TextStats): number {
  const words = Math.max(s.words, 1);
  const sentences = Math.max(s.sentences, 1);
  switch (metric) {
    case "Flesch-Kincaid":
      return 0.39 * (words / sentences) + 11.8 * (s.syllables / words) - 15.59;
    case "Gunning Fog":
      return 0.4 * (words / sentences + 100 * (s.complexWords / words));
    case "Coleman-Liau":
      return 0.0588 * ((s.characters / words) * 100) - 0.296 * ((sentences / words) * 100) - 15.8;
    case "SMOG":
      return 1.043 * Math.sqrt((s.polysyllabicWords * 30) / sentences) + 3.1291;
    case "Automated Readability":
      return 4.71 * (s.characters / words) + 0.5 * (words / sentences) - 21.43;
  }
}

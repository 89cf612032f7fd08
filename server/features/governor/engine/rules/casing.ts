/**
 * Case styles for `capitalization` rules: `$title` (AP or Chicago, as prose's TitleConverter
 * without its POS tagger), `$sentence`, `$lower`, `$upper`.
 */

const SMALL_WORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "but",
  "by",
  "en",
  "for",
  "if",
  "in",
  "nor",
  "of",
  "on",
  "or",
  "per",
  "the",
  "to",
  "vs",
  "vs.",
  "via",
  "v",
  "v.",
]);
const PREPOSITIONS = new Set([
  "with",
  "from",
  "into",
  "during",
  "including",
  "until",
  "against",
  "among",
  "throughout",
  "despite",
  "towards",
  "upon",
  "concerning",
  "about",
  "over",
  "through",
  "before",
  "between",
  "after",
  "since",
  "without",
  "under",
  "within",
  "along",
  "following",
  "across",
  "beyond",
  "around",
  "down",
  "near",
  "above",
]);

const CONVERT_WORD = /[\p{N}\p{L}]+[^\s\-/]*/gu;

export function capFirst(s: string): string {
  const first = s.codePointAt(0);
  if (first === undefined) return s;
  const c = String.fromCodePoint(first);
  return c.toUpperCase() + s.slice(c.length);
}

/** Go's strings.Title: upper-cases the first letter of every letter run. */
function goTitle(s: string): string {
  return s.replace(/(^|[^\p{L}\p{N}'’])(\p{L})/gu, (_m, pre: string, l: string) => pre + l.toUpperCase());
}

export interface Vocabulary {
  /** Exact terms and patterns whose spelling is kept as is. */
  terms: { text: string; re: RegExp | null }[];
}

export function vocabularyOf(terms: readonly string[]): Vocabulary {
  return {
    terms: terms.map((t) => {
      let re: RegExp | null = null;
      try {
        re = new RegExp(t, "u");
      } catch {
        re = null;
      }
      return { text: t, re };
    }),
  };
}

function inVocab(vocab: Vocabulary, word: string): string | null {
  for (const t of vocab.terms) {
    if (t.text.toLowerCase() === word.toLowerCase()) return t.text;
    if (t.re && t.re.test(word)) return word;
  }
  return null;
}

/** Converts `s` to title case (AP by default; Chicago also lower-cases prepositions). */
export function toTitle(s: string, style: "AP" | "Chicago", vocab: Vocabulary): string {
  const end = s.length;
  return s.replace(CONVERT_WORD, (m: string, pos: number) => {
    const sm = m.toLowerCase();
    const after = pos + m.length;
    const found = inVocab(vocab, m);
    if (found !== null) return found;
    const bounding = pos === 0 || after === end;
    const small = SMALL_WORDS.has(sm) || (style === "Chicago" && PREPOSITIONS.has(sm));
    const prev = s[pos - 1];
    if (
      !bounding &&
      small &&
      (prev === " " || prev === "-" || prev === "/") &&
      s[pos - 2] !== ":" &&
      s[pos - 2] !== "-" &&
      (s[after] !== "-" || prev === "-")
    ) {
      return sm;
    }
    return capFirst(m);
  });
}

/** Converts `s` to sentence case, keeping vocabulary terms, all-caps words, and words after indicators. */
export function toSentence(s: string, vocab: Vocabulary, indicators: readonly string[]): string {
  let index = 0;
  let prev = "";
  return s.replace(/[\p{N}\p{L}*]+[^\s]*/gu, (m: string) => {
    const i = index++;
    const before = prev;
    prev = m;
    const found = inVocab(vocab, m);
    if (found !== null) return found;
    if (m.length > 1 && m === m.toUpperCase() && m !== m.toLowerCase()) return m;
    if (i === 0) return capFirst(m.toLowerCase());
    if (indicators.some((ind) => before.endsWith(ind))) return m;
    return m.toLowerCase();
  });
}

export interface CaseCheck {
  ok: boolean;
  expected: string;
}

const wordRes = new Map<string, RegExp>();

function wordsOf(s: string, exceptSource: string | null): string[] {
  const key = exceptSource ?? "";
  let re = wordRes.get(key);
  if (!re) {
    const ps = `[\\p{N}\\p{L}*]+[^\\s]*`;
    re = new RegExp(exceptSource ? `(?:${exceptSource})|${ps}` : ps, "gu");
    if (wordRes.size > 1000) wordRes.clear();
    wordRes.set(key, re);
  }
  return s.match(re) ?? [];
}

/** Vale's `$title` check: the share of words already in title case must exceed `threshold`. */
export function checkTitle(
  s: string,
  style: "AP" | "Chicago",
  vocab: Vocabulary,
  except: RegExp | null,
  exceptSource: string | null,
  threshold: number,
): CaseCheck {
  const expected = toTitle(s, style, vocab);
  const want = wordsOf(expected, exceptSource);
  const got = wordsOf(s, exceptSource);
  if (got.length === 0) return { ok: true, expected };
  let count = 0;
  got.forEach((word, i) => {
    if (i >= want.length || word === want[i] || (except !== null && except.test(word)) || word === word.toUpperCase()) {
      count++;
    }
  });
  return { ok: count / got.length > threshold, expected };
}

/** Vale's `$sentence` check. */
export function checkSentence(
  s: string,
  vocab: Vocabulary,
  except: RegExp | null,
  exceptSource: string | null,
  indicators: readonly string[],
  threshold: number,
): CaseCheck {
  const expected = toSentence(s, vocab, indicators);
  const tokens = wordsOf(s.replace(/[?!.:]+$/, ""), exceptSource);
  if (tokens.length === 0) return { ok: true, expected };
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const prev = i > 0 ? tokens[i - 1]! : "";
    let w = tokens[i]!;
    if (w.includes("-")) w = w.split("-")[0]!;
    else if (w.includes("'")) w = w.split("'")[0]!;
    else if (w.includes("\u2019")) w = w.split("\u2019")[0]!;
    if (w === w.toUpperCase() || indicators.some((ind) => prev.endsWith(ind)) || (except !== null && except.test(w))) {
      count++;
    } else if (i === 0 && w !== goTitle(w.toLowerCase())) {
      return { ok: false, expected };
    } else if (i === 0 || w === w.toLowerCase()) {
      count++;
    }
  }
  return { ok: count / tokens.length > threshold, expected };
}

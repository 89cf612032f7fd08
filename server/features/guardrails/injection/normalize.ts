/**
 * Matching form of a text, with a map back to the original.
 *
 * Phrase detectors run on a folded copy: compatibility-normalised (NFKC-style, so full-width and
 * mathematical letters become ASCII), lower-cased, diacritics removed (NFKD, non-spacing marks
 * dropped), invisible characters removed (zero-width, bidi controls, soft hyphen, variation
 * selectors), Unicode tag characters decoded to the ASCII they smuggle, whitespace runs collapsed to
 * one space, Cyrillic/Greek look-alikes inside Latin words mapped to Latin, and leetspeak digits
 * next to letters mapped to letters ("1gn0re" → "ignore").
 *
 * Every UTF-16 unit of the folded text remembers the original range it came from, so a match in the
 * folded text becomes a span in the original. One pass, linear in the input; lone surrogates are kept
 * as U+FFFD and never throw.
 */

export type NormalizedText = {
  /** The folded text the phrase patterns run on. */
  text: string;
  /** For folded unit i: the original range [start[i], end[i]) it came from. */
  start: Int32Array;
  end: Int32Array;
  /** Original spans of words mixing Latin with Cyrillic/Greek letters (homoglyph obfuscation). */
  mixedScriptWords: { start: number; end: number }[];
  /** Number of letter words seen (for ratios). */
  wordCount: number;
};

/** Default-ignorable and bidi control characters: removed from the matching form. */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0x1bca0 && cp <= 0x1bca3) ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}

function isSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

const NONSPACING_MARK = /\p{Mn}/u;
/** Typographic quotes and ß, folded so patterns can use plain ASCII. */
const PUNCT_FOLD: Record<string, string> = {
  ß: "ss",
  "\u2018": "'",
  "\u2019": "'",
  "\u02bc": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u00ab": '"',
  "\u00bb": '"',
};
const foldCache = new Map<number, string>();

/** Lower-case, compatibility-decompose and strip non-spacing marks from one code point. */
function foldCodePoint(cp: number): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  let out = "";
  // Lower-case before and after decomposition: 𝐈 only becomes "I" once decomposed.
  for (const ch of String.fromCodePoint(cp).toLowerCase().normalize("NFKD").toLowerCase()) {
    if (NONSPACING_MARK.test(ch)) continue;
    out += PUNCT_FOLD[ch] ?? ch;
  }
  // NFKD can expand into spaces (e.g. U+00A8 → " ̈"); those are handled as whitespace by the caller.
  if (foldCache.size < 50_000) foldCache.set(cp, out);
  return out;
}

/**
 * Fold a pattern source the same way the text is folded (diacritics, ß), so rules can be written
 * with their natural spelling ("précédentes", "Anweisungen").
 */
export function foldPattern(source: string): string {
  let out = "";
  for (const ch of source.normalize("NFKD")) {
    if (NONSPACING_MARK.test(ch)) continue;
    out += ch === "ß" ? "ss" : ch;
  }
  return out;
}

/** Cyrillic and Greek letters (lower case, after folding) that look like Latin ones. */
const CONFUSABLE: Record<number, number> = {};
for (const [from, to] of Object.entries({
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ӏ: "l",
  α: "a",
  β: "b",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ɑ: "a",
  ı: "i",
  ȷ: "j",
  ɡ: "g",
})) {
  CONFUSABLE[from.charCodeAt(0)] = to.charCodeAt(0);
}

const LEET: Record<number, number> = {
  0x30: 0x6f, // 0 → o
  0x31: 0x69, // 1 → i
  0x33: 0x65, // 3 → e
  0x34: 0x61, // 4 → a
  0x35: 0x73, // 5 → s
  0x37: 0x74, // 7 → t
  0x40: 0x61, // @ → a
  0x24: 0x73, // $ → s
};

const isAsciiLetter = (c: number) => c >= 0x61 && c <= 0x7a;
const isCyrGreek = (c: number) => (c >= 0x0370 && c <= 0x03ff) || (c >= 0x0400 && c <= 0x052f) || c === 0x0251;
/** Letters for word segmentation of the confusable pass (Latin, Latin-1/Extended, Greek, Cyrillic). */
const isWordLetter = (c: number) =>
  isAsciiLetter(c) || (c >= 0xdf && c <= 0x24f && c !== 0xf7 && c !== 0xd7) || isCyrGreek(c);

export function normalizeForMatching(input: string): NormalizedText {
  const n = input.length;
  // Folded output rarely grows; start with the input size and grow by doubling when it does.
  let codes = new Uint16Array(n + 16);
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  let len = 0;
  const push = (code: number, s: number, e: number) => {
    if (len === codes.length) {
      const size = codes.length * 2;
      const c2 = new Uint16Array(size);
      c2.set(codes);
      codes = c2;
      const s2 = new Int32Array(size);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(size);
      e2.set(ends);
      ends = e2;
    }
    codes[len] = code;
    starts[len] = s;
    ends[len] = e;
    len++;
  };
  let lastWasSpace = true;
  const pushSpace = (s: number, e: number) => {
    if (lastWasSpace) {
      if (len > 0) ends[len - 1] = e;
      return;
    }
    push(0x20, s, e);
    lastWasSpace = true;
  };

  for (let i = 0; i < n;) {
    const c = input.charCodeAt(i);
    // ASCII fast path.
    if (c < 0x80) {
      if (isSpace(c)) pushSpace(i, i + 1);
      else {
        push(c >= 0x41 && c <= 0x5a ? c + 32 : c, i, i + 1);
        lastWasSpace = false;
      }
      i++;
      continue;
    }
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const s = i;
    const e = i + width;
    i = e;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      // Lone surrogate: keep a replacement character so the text stays well-formed.
      push(0xfffd, s, e);
      lastWasSpace = false;
      continue;
    }
    if (cp >= 0xe0020 && cp <= 0xe007e) {
      // Tag characters smuggle ASCII that models read but people do not see: decode them.
      const ascii = cp - 0xe0000;
      if (ascii === 0x20) pushSpace(s, e);
      else {
        push(ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii, s, e);
        lastWasSpace = false;
      }
      continue;
    }
    // Invisible characters vanish; a match around them still spans them in the original.
    if (isInvisible(cp)) continue;
    if (isSpace(cp)) {
      pushSpace(s, e);
      continue;
    }
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      const u = folded.charCodeAt(k);
      if (u === 0x20) pushSpace(s, e);
      else {
        push(u, s, e);
        lastWasSpace = false;
      }
    }
  }

  // Pass 2: homoglyph words (Latin mixed with Cyrillic/Greek) → map look-alikes to Latin.
  const mixedScriptWords: { start: number; end: number }[] = [];
  let wordCount = 0;
  for (let k = 0; k < len;) {
    if (!isWordLetter(codes[k]!)) {
      k++;
      continue;
    }
    let j = k;
    let latin = false;
    let other = false;
    while (j < len && isWordLetter(codes[j]!)) {
      if (isCyrGreek(codes[j]!)) other = true;
      else latin = true;
      j++;
    }
    wordCount++;
    if (latin && other) {
      for (let m = k; m < j; m++) {
        const to = CONFUSABLE[codes[m]!];
        if (to !== undefined) codes[m] = to;
      }
      if (mixedScriptWords.length < 1000) mixedScriptWords.push({ start: starts[k]!, end: ends[j - 1]! });
    }
    k = j;
  }

  // Pass 3: leetspeak digits and symbols adjacent to letters.
  for (let k = 0; k < len; k++) {
    const to = LEET[codes[k]!];
    if (to === undefined) continue;
    const prev = k > 0 ? codes[k - 1]! : 0;
    const next = k + 1 < len ? codes[k + 1]! : 0;
    const nextIsLeetThenLetter = LEET[next] !== undefined && k + 2 < len && isAsciiLetter(codes[k + 2]!);
    if (isAsciiLetter(prev) || isAsciiLetter(next) || nextIsLeetThenLetter) codes[k] = to;
  }

  let text = "";
  const CHUNK = 8192;
  for (let k = 0; k < len; k += CHUNK) {
    text += String.fromCharCode(...codes.subarray(k, Math.min(len, k + CHUNK)));
  }
  return { text, start: starts.subarray(0, len), end: ends.subarray(0, len), mixedScriptWords, wordCount };
}

/** Map a folded range [from, to) back to the original text. */
export function toOriginal(norm: NormalizedText, from: number, to: number): { start: number; end: number } {
  if (norm.start.length === 0) return { start: 0, end: 0 };
  const a = Math.min(Math.max(from, 0), norm.start.length - 1);
  const b = Math.min(Math.max(to - 1, a), norm.end.length - 1);
  return { start: norm.start[a]!, end: norm.end[b]! };
}

import { unitTable } from "../text/chars";

/**
 * A precompiled matcher for the commonest token patterns of `occurrence`, `repetition` (and some
 * `existence`) rules: one character class repeated (`\w+`, `[^\s]+`, `[A-Za-z]+`, `\b(\w+)\b`...).
 * Their matches are exactly the maximal runs of the class, so they can be found with a table
 * lookup per character instead of a regular-expression execution (and a match object) per token.
 *
 * Only patterns without the `u` flag are accepted (each UTF-16 unit is then one character, as the
 * scan sees it). The class table is computed by the JavaScript regex engine itself, and every
 * matcher is checked against the regex on a probe text before use, so a pattern is either matched
 * exactly like its RegExp or not handled here at all.
 */

export interface RunMatcher {
  /** 1 for the UTF-16 units in the class. */
  readonly table: Uint8Array;
  /** `\b…\b` around a class inside `\w`: a run only matches when it is not inside a longer word run. */
  readonly bounded: boolean;
  /** Identifies the matcher's behaviour: equal keys produce equal matches (shared token streams). */
  readonly key: string;
}

/** `\w` and `\b` without the `u` flag: ASCII word characters. */
const WORD = new Uint8Array(65536);
for (let c = 0; c < 128; c++) if (/\w/.test(String.fromCharCode(c))) WORD[c] = 1;

const SIMPLE_ESCAPES = new Set(["w", "W", "d", "D", "s", "S"]);

/** Length of the character class starting with `[` at i (through its `]`), or -1. */
function classLength(s: string, i: number): number {
  let j = i + 1;
  if (s[j] === "^") j++;
  for (; j < s.length; j++) {
    const c = s[j];
    if (c === "\\") {
      j++;
      continue;
    }
    if (c === "[") return -1; // nested sets (`v` flag syntax): not handled
    if (c === "]") return j - i + 1;
  }
  return -1;
}

/** Index of the `)` closing the group opened at i (skipping escapes and classes), or -1. */
function closingParen(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === "\\") {
      j++;
      continue;
    }
    if (c === "[") {
      const n = classLength(s, j);
      if (n < 0) return -1;
      j += n - 1;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

/** Removes `(?:…)` / `(…)` groups that wrap the whole pattern. */
function unwrap(s: string): string {
  for (;;) {
    const open = s.startsWith("(?:") ? 3 : s.startsWith("(") && s[1] !== "?" ? 1 : 0;
    if (open === 0 || closingParen(s, 0) !== s.length - 1) return s;
    s = s.slice(open, -1);
  }
}

/**
 * Any `(?:…)` / `(…)` wrappers, optional `\b` on both sides, then one atom followed by a greedy `+`.
 * Returns the atom's source, or null for any other shape.
 */
export function parseRunPattern(source: string): { atom: string; bounded: boolean } | null {
  let s = unwrap(source);
  let bounded = false;
  if (s.startsWith("\\b")) {
    if (!s.endsWith("\\b") || s.length < 5) return null;
    // The trailing `\b` must be an escape, not the end of `\\b` (an escaped backslash then `b`).
    let backslashes = 0;
    while (s[s.length - 3 - backslashes] === "\\") backslashes++;
    if (backslashes % 2 !== 0) return null;
    bounded = true;
    s = unwrap(s.slice(2, -2));
  }
  let atomLen: number;
  if (s[0] === "[") atomLen = classLength(s, 0);
  else if (s[0] === "\\") atomLen = SIMPLE_ESCAPES.has(s[1] ?? "") ? 2 : -1;
  else if (s[0] === ".") atomLen = 1;
  else atomLen = -1;
  if (atomLen < 0 || s.slice(atomLen) !== "+") return null;
  return { atom: s.slice(0, atomLen), bounded };
}

/** Scans `text` for the matcher's runs, calling `emit(start, length)` for each match in order. */
export function scanRuns(
  text: string,
  m: RunMatcher,
  emit: (start: number, length: number) => void,
  from = 0,
  to = text.length,
): void {
  const t = m.table;
  const bounded = m.bounded;
  let i = from;
  while (i < to) {
    while (i < to && t[text.charCodeAt(i)] === 0) i++;
    if (i >= to) return;
    const s = i;
    i++;
    while (i < to && t[text.charCodeAt(i)] === 1) i++;
    if (
      bounded &&
      ((s > 0 && WORD[text.charCodeAt(s - 1)] === 1) || (i < text.length && WORD[text.charCodeAt(i)] === 1))
    )
      continue;
    emit(s, i - s);
  }
}

/** Growable match positions (view, index, length), in typed arrays. */
export class SpanBuffer {
  n = 0;
  view: Int32Array;
  index: Int32Array;
  length: Int32Array;
  text?: string;
  base?: Int32Array;
  viewStart?: Int32Array;

  constructor(capacity = 0) {
    this.view = new Int32Array(capacity);
    this.index = new Int32Array(capacity);
    this.length = new Int32Array(capacity);
  }

  push(v: number, i: number, l: number): void {
    if (this.n === this.view.length) this.grow();
    this.view[this.n] = v;
    this.index[this.n] = i;
    this.length[this.n] = l;
    this.n++;
  }

  private grow(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(Math.max(64, a.length * 2));
      b.set(a);
      return b;
    };
    this.view = grow(this.view);
    this.index = grow(this.index);
    this.length = grow(this.length);
  }

  clear(): void {
    this.n = 0;
  }

  /** This buffer, with arrays of exactly `n` entries if they are mostly unused (the buffer may be kept a while). */
  trimmed(): SpanBuffer {
    if (this.view.length > 4 * this.n + 256) {
      this.view = this.view.slice(0, this.n);
      this.index = this.index.slice(0, this.n);
      this.length = this.length.slice(0, this.n);
    }
    return this;
  }
}

/**
 * Appends the matcher's runs in `text[from, to)` to `out` as matches of view `v` at `index - from`
 * (the range is one view's text inside a joined string; its ends are text boundaries). Like
 * `scanRuns`, without a callback per match.
 */
export function collectRuns(text: string, m: RunMatcher, v: number, out: SpanBuffer, from = 0, to = text.length): void {
  const t = m.table;
  const bounded = m.bounded;
  let i = from;
  while (i < to) {
    while (i < to && t[text.charCodeAt(i)] === 0) i++;
    if (i >= to) return;
    const s = i;
    i++;
    while (i < to && t[text.charCodeAt(i)] === 1) i++;
    if (bounded && ((s > from && WORD[text.charCodeAt(s - 1)] === 1) || (i < to && WORD[text.charCodeAt(i)] === 1)))
      continue;
    out.push(v, s - from, i - s);
  }
}

const masks = new Map<string, Uint32Array>();

/** Per UTF-16 unit, bit j set when the unit is in matcher j's class (at most 32 matchers). */
function maskOf(ms: readonly RunMatcher[]): Uint32Array {
  const key = ms.map((m) => m.key).join("\u0000");
  let mask = masks.get(key);
  if (!mask) {
    mask = new Uint32Array(65536);
    ms.forEach((m, j) => {
      const t = m.table;
      for (let c = 0; c < 65536; c++) if (t[c] === 1) mask![c]! |= 1 << j;
    });
    if (masks.size >= 16) masks.clear();
    masks.set(key, mask);
  }
  return mask;
}

/**
 * `collectRuns` for several matchers in one pass over the views `text[starts[v], ends[v])`: run
 * boundaries are where the set of classes a character belongs to changes. `outs[j]` receives
 * matcher j's runs. `check` is called every 64K characters or so (it throws to stop).
 */
export function collectRunsMulti(
  text: string,
  ms: readonly RunMatcher[],
  starts: Int32Array,
  ends: Int32Array,
  outs: readonly SpanBuffer[],
  check: () => void,
): void {
  const mask = maskOf(ms);
  const runStart = new Int32Array(ms.length);
  let chars = 0;
  for (let v = 0; v < starts.length; v++) {
    const from = starts[v]!;
    const to = ends[v]!;
    let prev = 0;
    for (let i = from; i < to; i++) {
      const cur = mask[text.charCodeAt(i)]!;
      if (cur === prev) continue;
      let ended = prev & ~cur;
      while (ended !== 0) {
        const j = 31 - Math.clz32(ended & -ended);
        ended &= ended - 1;
        emitRun(text, ms[j]!, v, outs[j]!, from, to, runStart[j]!, i);
      }
      let started = cur & ~prev;
      while (started !== 0) {
        const j = 31 - Math.clz32(started & -started);
        started &= started - 1;
        runStart[j] = i;
      }
      prev = cur;
    }
    while (prev !== 0) {
      const j = 31 - Math.clz32(prev & -prev);
      prev &= prev - 1;
      emitRun(text, ms[j]!, v, outs[j]!, from, to, runStart[j]!, to);
    }
    chars += to - from;
    if (chars > 65536) {
      check();
      chars = 0;
    }
  }
}

function emitRun(
  text: string,
  m: RunMatcher,
  v: number,
  out: SpanBuffer,
  from: number,
  to: number,
  s: number,
  e: number,
): void {
  if (m.bounded && ((s > from && WORD[text.charCodeAt(s - 1)] === 1) || (e < to && WORD[text.charCodeAt(e)] === 1)))
    return;
  out.push(v, s - from, e - s);
}

const PROBE =
  "The quick_brown fox's 3.5 e-mail, naïve Ελληνικά 😀 \u212Aelvin İstanbul ﬁne\tTAB\r\nCRLF\u0000nul " +
  "x_y _ __init__ a1b2 ***masked*** @@@ (parens) [brackets] {braces} «quotes» “curly” ‘single’ — – … " +
  "\u00a0nbsp\u2028ls\u2029ps\ufeffbom \ud800lone \udc00low end.";

function matchesOf(re: RegExp, text: string): string {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(m.index, m[0].length);
  }
  return out.join(",");
}

/** Matchers by pattern (null: not a run pattern); bounded, like the class tables they hold. */
const matchers = new Map<string, RunMatcher | null>();
let tablesHeld = 0;
const byRegExp = new WeakMap<RegExp, RunMatcher | null>();

/** The run matcher equivalent to a global RegExp, or null when the pattern is not a single-class run. */
export function runMatcherOf(re: RegExp): RunMatcher | null {
  const known = byRegExp.get(re);
  if (known !== undefined) return known;
  const m = runMatcherOfSource(re);
  byRegExp.set(re, m);
  return m;
}

function runMatcherOfSource(re: RegExp): RunMatcher | null {
  const cacheKey = `${re.flags}/${re.source}`;
  let m = matchers.get(cacheKey);
  if (m !== undefined) return m;
  m = buildMatcher(re);
  // Each matcher holds a 64 KB table: keep at most 256 of them (and 10,000 entries in all).
  if (matchers.size > 10_000 || (m !== null && tablesHeld >= 256)) {
    matchers.clear();
    tablesHeld = 0;
  }
  if (m !== null) tablesHeld++;
  matchers.set(cacheKey, m);
  return m;
}

function buildMatcher(re: RegExp): RunMatcher | null {
  if (/[uvy]/.test(re.flags)) return null;
  const parsed = parseRunPattern(re.source);
  if (!parsed) return null;
  const flags = re.flags.replace(/[gd]/g, "");
  let table: Uint8Array;
  try {
    table = unitTable(parsed.atom, flags);
  } catch {
    return null;
  }
  let bounded = parsed.bounded;
  if (bounded) {
    let same = true;
    for (let c = 0; c < 65536; c++) {
      if (table[c] === 1 && WORD[c] === 0) return null;
      if (table[c] !== WORD[c]) same = false;
    }
    // `\b\w+\b` is `\w+`: maximal word runs always sit between word boundaries.
    if (same) bounded = false;
  }
  // Behaviour key: the class as ranges, plus boundedness.
  const ranges: string[] = [];
  for (let c = 0; c < 65536; c++) {
    if (table[c] === 0) continue;
    let e = c;
    while (e + 1 < 65536 && table[e + 1] === 1) e++;
    ranges.push(e === c ? `${c}` : `${c}-${e}`);
    c = e;
  }
  if (ranges.length === 0) return null;
  const matcher: RunMatcher = { table, bounded, key: `${bounded ? "b" : ""}[${ranges.join(",")}]` };
  // Self-check against the regex itself on a varied probe text.
  const global = new RegExp(re.source, flags + "g");
  const got: number[] = [];
  scanRuns(PROBE, matcher, (s, n) => got.push(s, n));
  if (got.join(",") !== matchesOf(global, PROBE)) return null;
  return matcher;
}

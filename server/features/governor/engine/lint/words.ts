/**
 * Word index helpers: find where given ASCII word runs (`[A-Za-z0-9_]+`, whole runs) start in a
 * text with one character scan and no allocation per word, and merge sorted position lists.
 */

/** 1 for ASCII word characters (`[A-Za-z0-9_]`). */
const WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (/[A-Za-z0-9_]/.test(String.fromCharCode(c))) WORD_CHAR[c] = 1;

/** FNV-1a over the run text[a, b) (A-Z folded to a-z if `fold`). */
function hashRun(text: string, a: number, b: number, fold: boolean): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) {
    let c = text.charCodeAt(i);
    if (fold && c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** A set of ASCII word runs, as an open-addressing hash table (memory in proportion to the words). */
export class WordSet {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** 1 at index n if some word is n characters long. */
  private readonly lengths: Uint8Array;
  /** 1 at c0 * 128 + c1 if some word starts with c0 c1 (or is c0 alone, at c0 * 128): most runs stop here. */
  private readonly starts = new Uint8Array(128 * 128);
  readonly words: string[] = [];

  constructor(words: Iterable<string>) {
    const list = [...new Set(words)].filter((w) => /^[A-Za-z0-9_]+$/.test(w));
    let size = 16;
    while (size < list.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.lengths = new Uint8Array(list.reduce((m, w) => Math.max(m, w.length), 0) + 1);
    for (const w of list) {
      this.lengths[w.length] = 1;
      this.starts[w.charCodeAt(0) * 128 + (w.length > 1 ? w.charCodeAt(1) : 0)] = 1;
      let slot = hashRun(w, 0, w.length, false) & this.mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = this.words.length;
      this.words.push(w);
    }
  }

  /**
   * Start positions of every maximal `[A-Za-z0-9_]+` run of `text` that is one of the words, by
   * word (only words that occur): what a `/[A-Za-z0-9_]+/g` scan with a set lookup finds.
   */
  index(text: string): Map<string, number[]> {
    return indexRuns(text, this, null)[0];
  }

  /** Word id of the run text[a, b) (ASCII word characters, A-Z lower-cased first if `fold`), or -1. */
  lookup(text: string, a: number, b: number, fold: boolean): number {
    const n = b - a;
    if (n >= this.lengths.length || this.lengths[n] === 0) return -1;
    let c0 = text.charCodeAt(a);
    let c1 = n > 1 ? text.charCodeAt(a + 1) : 0;
    if (fold) {
      if (c0 >= 65 && c0 <= 90) c0 += 32;
      if (c1 >= 65 && c1 <= 90) c1 += 32;
    }
    if (this.starts[c0 * 128 + c1] === 0) return -1;
    let slot = hashRun(text, a, b, fold) & this.mask;
    for (;;) {
      const w = this.slots[slot]!;
      if (w < 0) return -1;
      const word = this.words[w]!;
      if (word.length === n) {
        let i = 0;
        for (; i < n; i++) {
          let c = text.charCodeAt(a + i);
          if (fold && c >= 65 && c <= 90) c += 32;
          if (c !== word.charCodeAt(i)) break;
        }
        if (i === n) return w;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * One scan of `text` for `exact.index(text)` and, if `lower` is given, `lower.index(text.toLowerCase())`.
 * The second is only correct for ASCII text (lower-casing then only maps A-Z to a-z).
 */
export function indexRuns(
  text: string,
  exact: WordSet,
  lower: WordSet | null,
): [Map<string, number[]>, Map<string, number[]>] {
  const lists: (number[] | undefined)[] = new Array(exact.words.length);
  const lowerLists: (number[] | undefined)[] = new Array(lower ? lower.words.length : 0);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 || WORD_CHAR[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d >= 128 || WORD_CHAR[d] === 0) break;
      i++;
    }
    const w = exact.lookup(text, start, i, false);
    if (w >= 0) (lists[w] ??= []).push(start);
    if (lower) {
      const l = lower.lookup(text, start, i, true);
      if (l >= 0) (lowerLists[l] ??= []).push(start);
    }
  }
  const toMap = (ws: WordSet | null, ls: (number[] | undefined)[]) => {
    const out = new Map<string, number[]>();
    if (ws) for (let w = 0; w < ls.length; w++) if (ls[w]) out.set(ws.words[w]!, ls[w]!);
    return out;
  };
  return [toMap(exact, lists), toMap(lower, lowerLists)];
}

/** Merges ascending position lists into one ascending list (duplicates kept). */
export function mergeSorted(lists: readonly number[][]): number[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0]!;
  let total = 0;
  for (const l of lists) total += l.length;
  const out = new Array<number>(total);
  if (lists.length === 2) {
    const a = lists[0]!;
    const b = lists[1]!;
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
    while (i < a.length) out[k++] = a[i++]!;
    while (j < b.length) out[k++] = b[j++]!;
    return out;
  }
  const half = lists.length >> 1;
  return mergeSorted([mergeSorted(lists.slice(0, half)), mergeSorted(lists.slice(half))]);
}

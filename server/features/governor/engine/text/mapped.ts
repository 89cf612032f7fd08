/**
 * Text extracted from a document, with an exact mapping of every position back to an offset in
 * the source string. Segments are either linear (one text character per source character) or
 * atomic (a decoded entity, a synthetic separator: any position inside maps to the whole range).
 */
export class MappedText {
  constructor(
    readonly text: string,
    /** Segment starts in `text`, ascending. */
    private readonly tStart: readonly number[],
    /** Segment lengths in `text`. */
    private readonly tLen: readonly number[],
    /** Segment starts in the source. */
    private readonly sStart: readonly number[],
    /** Segment lengths in the source (equal to tLen for linear segments). */
    private readonly sLen: readonly number[],
    /** 1 for atomic segments (whole-range mapping), 0 for linear ones. */
    private readonly atomic: readonly number[],
  ) {}

  get segmentCount(): number {
    return this.tStart.length;
  }

  private find(i: number): number {
    const ts = this.tStart;
    let lo = 0;
    let hi = ts.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * When the whole text maps linearly onto the source (one linear segment), the source offset of
   * its first character; otherwise -1. Then `sourceStart(i)` is `base + min(i, length)` and
   * `sourceEnd(i)` is `base + min(max(i, 0), length)`.
   */
  linearBase(): number {
    return this.linearBaseOf(0, this.text.length);
  }

  /** `linearBase()` of `slice(a, b)`, without slicing (0 <= a < b <= length). */
  linearBaseOf(a: number, b: number): number {
    const k = this.find(a);
    if (k < 0 || this.atomic[k] !== 0) return -1;
    const ts = this.tStart[k]!;
    if (a < ts || b > ts + this.tLen[k]!) return -1;
    return this.sStart[k]! + (a - ts);
  }

  /** Source offset of the text position `i` (start of a range). */
  sourceStart(i: number): number {
    const k = this.find(i);
    if (k < 0) return 0;
    const off = i - this.tStart[k]!;
    const tl = this.tLen[k]!;
    const sl = this.sLen[k]!;
    if (off >= tl) return this.sStart[k]! + sl;
    return this.atomic[k] ? this.sStart[k]! : this.sStart[k]! + off;
  }

  /** Source offset just after the text position `i - 1` (exclusive end of a range ending at `i`). */
  sourceEnd(i: number): number {
    if (i <= 0) return this.sourceStart(0);
    const k = this.find(i - 1);
    if (k < 0) return 0;
    const off = i - 1 - this.tStart[k]!;
    const tl = this.tLen[k]!;
    const sl = this.sLen[k]!;
    if (off >= tl) return this.sStart[k]! + sl;
    return this.atomic[k] ? this.sStart[k]! + sl : this.sStart[k]! + off + 1;
  }

  /** The sub-text `[a, b)` with its mapping. */
  slice(a: number, b: number): MappedText {
    if (a >= b || a < 0 || b > this.text.length || this.tStart.length === 0) return this.copySlice(a, b);
    return new SubText(this, a, b);
  }

  /** `slice` with its own copy of the mapping. */
  copySlice(a: number, b: number): MappedText {
    if (a >= b) return new TextBuilder().build();
    const k0 = Math.max(0, this.find(a));
    if (k0 < this.tStart.length) {
      // Common case: the range lies within one segment (exact-size arrays, no builder).
      const ts = this.tStart[k0]!;
      const te = ts + this.tLen[k0]!;
      if (a >= ts && b <= te) {
        const isAtomic = this.atomic[k0] === 1;
        return new MappedText(
          this.text.slice(a, b),
          [0],
          [b - a],
          [isAtomic ? this.sStart[k0]! : this.sStart[k0]! + (a - ts)],
          [isAtomic ? this.sLen[k0]! : b - a],
          [isAtomic ? 1 : 0],
        );
      }
    }
    // What `TextBuilder.appendMapped` would build, without copying each segment's text apart:
    // segments tile the text, so the pieces joined are `text.slice(a, b)`.
    const tStart: number[] = [];
    const tLen: number[] = [];
    const sStart: number[] = [];
    const sLen: number[] = [];
    const atomic: number[] = [];
    let length = 0;
    let k = Math.max(0, this.find(a));
    for (; k < this.tStart.length; k++) {
      const ts = this.tStart[k]!;
      if (ts >= b) break;
      const lo = Math.max(ts, a);
      const hi = Math.min(ts + this.tLen[k]!, b);
      if (lo >= hi) continue;
      const isAtomic = this.atomic[k] === 1;
      const src = isAtomic ? this.sStart[k]! : this.sStart[k]! + (lo - ts);
      const srcLen = isAtomic ? this.sLen[k]! : hi - lo;
      const n = tStart.length;
      // Merge with the previous segment when both are linear and contiguous (as TextBuilder does).
      if (n > 0 && !isAtomic && atomic[n - 1] === 0 && sStart[n - 1]! + sLen[n - 1]! === src) {
        tLen[n - 1]! += hi - lo;
        sLen[n - 1]! += srcLen;
      } else {
        tStart.push(length);
        tLen.push(hi - lo);
        sStart.push(src);
        sLen.push(srcLen);
        atomic.push(isAtomic ? 1 : 0);
      }
      length += hi - lo;
    }
    return new MappedText(this.text.slice(a, a + length), tStart, tLen, sStart, sLen, atomic);
  }

  /** Trims leading and trailing whitespace. */
  trim(): MappedText {
    const t = this.text;
    let a = 0;
    let b = t.length;
    while (a < b && /\s/.test(t[a]!)) a++;
    while (b > a && /\s/.test(t[b - 1]!)) b--;
    if (a === 0 && b === t.length) return this;
    return this.slice(a, b);
  }

  /** Copies the segments overlapping [a, b) into `out` (used by TextBuilder.appendMapped). */
  copyInto(out: TextBuilder, a: number, b: number): void {
    if (a >= b) return;
    let k = Math.max(0, this.find(a));
    for (; k < this.tStart.length; k++) {
      const ts = this.tStart[k]!;
      if (ts >= b) break;
      const tl = this.tLen[k]!;
      const lo = Math.max(ts, a);
      const hi = Math.min(ts + tl, b);
      if (lo >= hi) continue;
      out.pushSegment(
        this.text.slice(lo, hi),
        this.atomic[k] ? this.sStart[k]! : this.sStart[k]! + (lo - ts),
        this.atomic[k] ? this.sLen[k]! : hi - lo,
        this.atomic[k] === 1,
      );
    }
  }

  /** Iterates segments as [textStart, textLen, srcStart, srcLen, atomic]. */
  *segments(): Generator<[number, number, number, number, boolean]> {
    for (let k = 0; k < this.tStart.length; k++) {
      yield [this.tStart[k]!, this.tLen[k]!, this.sStart[k]!, this.sLen[k]!, this.atomic[k] === 1];
    }
  }
}

const NONE: readonly number[] = Object.freeze([]);

/**
 * `parent.slice(a, b)` (a < b) without copying the mapping: positions map through the parent.
 * Behaves exactly like the copied slice; the copy is only made for the rarely used operations
 * (segment access, negative positions).
 */
class SubText extends MappedText {
  private copy: MappedText | null = null;

  constructor(
    private readonly parent: MappedText,
    private readonly from: number,
    to: number,
  ) {
    super(parent.text.slice(from, to), NONE, NONE, NONE, NONE, NONE);
  }

  private materialised(): MappedText {
    this.copy ??= this.parent.copySlice(this.from, this.from + this.text.length);
    return this.copy;
  }

  override linearBase(): number {
    return this.parent.linearBaseOf(this.from, this.from + this.text.length);
  }

  override linearBaseOf(a: number, b: number): number {
    return this.materialised().linearBaseOf(a, b);
  }

  override get segmentCount(): number {
    return this.materialised().segmentCount;
  }

  override sourceStart(i: number): number {
    const len = this.text.length;
    if (i < 0) return this.materialised().sourceStart(i);
    // Past the end: the end of the last (clipped) segment, i.e. where the parent's text[from + len - 1] ends.
    if (i >= len) return this.parent.sourceEnd(this.from + len);
    return this.parent.sourceStart(this.from + i);
  }

  override sourceEnd(i: number): number {
    if (i <= 0) return this.sourceStart(0);
    return this.parent.sourceEnd(this.from + Math.min(i, this.text.length));
  }

  override slice(a: number, b: number): MappedText {
    return this.materialised().slice(a, b);
  }

  override copySlice(a: number, b: number): MappedText {
    return this.materialised().copySlice(a, b);
  }

  override trim(): MappedText {
    return this.materialised().trim();
  }

  override copyInto(out: TextBuilder, a: number, b: number): void {
    this.materialised().copyInto(out, a, b);
  }

  override *segments(): Generator<[number, number, number, number, boolean]> {
    yield* this.materialised().segments();
  }
}

export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly tStart: number[] = [];
  private readonly tLen: number[] = [];
  private readonly sStart: number[] = [];
  private readonly sLen: number[] = [];
  private readonly atomic: number[] = [];

  get size(): number {
    return this.length;
  }

  /** Last character appended, or "" if none. */
  lastChar(): string {
    const p = this.parts[this.parts.length - 1];
    return p ? p[p.length - 1]! : "";
  }

  /** Low-level: appends one segment. */
  pushSegment(text: string, srcStart: number, srcLen: number, atomic: boolean): void {
    this.push(text, srcStart, srcLen, atomic);
  }

  private push(text: string, srcStart: number, srcLen: number, atomic: boolean): void {
    if (text.length === 0) return;
    const n = this.tStart.length;
    // Merge with the previous segment when both are linear and contiguous.
    if (n > 0 && !atomic) {
      const k = n - 1;
      if (
        this.atomic[k] === 0 &&
        this.tStart[k]! + this.tLen[k]! === this.length &&
        this.sStart[k]! + this.sLen[k]! === srcStart
      ) {
        this.tLen[k]! += text.length;
        this.sLen[k]! += srcLen;
        this.parts.push(text);
        this.length += text.length;
        return;
      }
    }
    this.tStart.push(this.length);
    this.tLen.push(text.length);
    this.sStart.push(srcStart);
    this.sLen.push(srcLen);
    this.atomic.push(atomic ? 1 : 0);
    this.parts.push(text);
    this.length += text.length;
  }

  /** Text copied verbatim from the source at `srcStart`. */
  append(text: string, srcStart: number): void {
    this.push(text, srcStart, text.length, false);
  }

  /** Text standing for the source range `[srcStart, srcEnd)` as a whole (decoded entity, mask...). */
  appendAtomic(text: string, srcStart: number, srcEnd: number): void {
    // Same length: keep it linear so that sub-ranges stay precise (masks).
    this.push(text, srcStart, srcEnd - srcStart, text.length !== srcEnd - srcStart);
  }

  /** Synthetic text (separators) with no source of its own; it maps to the zero-width point `at`. */
  appendSynthetic(text: string, at: number): void {
    this.push(text, at, 0, true);
  }

  /** Copies `[a, b)` of another mapped text, mapping included. */
  appendMapped(src: MappedText, a = 0, b = src.text.length): void {
    src.copyInto(this, a, b);
  }

  build(): MappedText {
    // Exact-size copies of the (over-allocated) segment arrays: the text may be kept a long time.
    return new MappedText(
      this.parts.join(""),
      this.tStart.slice(),
      this.tLen.slice(),
      this.sStart.slice(),
      this.sLen.slice(),
      this.atomic.slice(),
    );
  }
}

/** Line/column computation over a source string, Vale style (1-based, columns in code points). */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Per line: 0 unknown, 1 every UTF-16 unit is one column, 2 needs counting. */
  private simple: Uint8Array | null = null;

  constructor(private readonly src: string) {
    for (let i = 0; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (src.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    const st = this.starts;
    let lo = 0;
    let hi = st.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (st[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset just past the line's text including its line break (Vale counts the "\n" in a line's extent). */
  private lineExtentEnd(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! : this.src.length;
  }

  private codePoints(a: number, b: number): number {
    let n = 0;
    for (let i = a; i < b; i++) {
      const c = this.src.charCodeAt(i);
      // Count a surrogate pair once; a "\r\n" line break counts once, as Vale normalises it to "\n".
      if (c >= 0xdc00 && c <= 0xdfff && i > a) {
        const p = this.src.charCodeAt(i - 1);
        if (p >= 0xd800 && p <= 0xdbff) continue;
      }
      if (c === 10 && i > a && this.src.charCodeAt(i - 1) === 13) continue;
      n++;
    }
    return n;
  }

  private isSimple(line: number): boolean {
    if (!this.simple) this.simple = new Uint8Array(this.starts.length);
    let f = this.simple[line]!;
    if (f === 0) {
      f = 1;
      const end = this.lineExtentEnd(line);
      for (let i = this.starts[line]!; i < end; i++) {
        const c = this.src.charCodeAt(i);
        if ((c >= 0xd800 && c <= 0xdfff) || c === 13) {
          f = 2;
          break;
        }
      }
      this.simple[line] = f;
    }
    return f === 1;
  }

  /** Vale's `Line` and `Span` for the source range [start, end). */
  locate(start: number, end: number): { line: number; span: [number, number] } {
    const span = this.spanOf(start, end);
    return { line: this.lastLine, span };
  }

  /** 1-based line of the range located by the last `spanOf` call. */
  lastLine = 0;

  /** Vale's `Span` for the source range [start, end); its `Line` is left in `lastLine`. */
  spanOf(start: number, end: number): [number, number] {
    const line = this.lineOf(start);
    const lineStart = this.starts[line]!;
    const extentEnd = this.lineExtentEnd(line);
    const stop = Math.min(Math.max(end, start), extentEnd);
    const simple = this.isSimple(line);
    const col = (simple ? start - lineStart : this.codePoints(lineStart, start)) + 1;
    const len = simple ? stop - start : this.codePoints(start, stop);
    this.lastLine = line + 1;
    return [col, Math.max(col, col + len - 1)];
  }
}

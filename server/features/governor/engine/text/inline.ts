import { SPACE } from "./chars";
import { decodeEntityAt } from "./entities";
import { type MappedText, TextBuilder } from "./mapped";

/** A source line (or the part of it left after container markers): `src[start:end]`, no newline. */
export interface Line {
  start: number;
  end: number;
}

export interface InlineResult {
  text: MappedText;
  /** Image alt texts: linted as separate `text.attr.alt` blocks, like Vale. */
  alts: MappedText[];
  /** Bodies of HTML comments met inline (for `<!-- vale off -->`). */
  comments: string[];
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const MASKED_INLINE_TAGS = new Set(["code", "tt", "kbd"]);

/**
 * A paragraph-like run of lines joined by "\n", with the mapping of every joined position back
 * to the source. Inline Markdown is then scanned on the joined string.
 */
class Joined {
  readonly s: string;
  private readonly starts: number[] = [];

  constructor(
    private readonly src: string,
    private readonly lines: Line[],
  ) {
    let pos = 0;
    const parts: string[] = [];
    for (const l of lines) {
      this.starts.push(pos);
      const t = src.slice(l.start, l.end);
      parts.push(t);
      pos += t.length + 1;
    }
    this.s = parts.join("\n");
  }

  private lineOf(j: number): number {
    const st = this.starts;
    let lo = 0;
    let hi = st.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (st[mid]! <= j) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Appends joined[a:b) to `out`, optionally masking non-space characters with `*`. */
  emit(out: TextBuilder, a: number, b: number, mask = false): void {
    if (a >= b) return;
    let k = this.lineOf(a);
    let j = a;
    while (j < b && k < this.lines.length) {
      const line = this.lines[k]!;
      const ls = this.starts[k]!;
      const le = ls + (line.end - line.start);
      if (j < le) {
        const stop = Math.min(b, le);
        const piece = this.s.slice(j, stop);
        out.append(mask ? piece.replace(/[^\s]/g, "*") : piece, line.start + (j - ls));
        j = stop;
      }
      if (j >= b) break;
      if (j === le) {
        // The newline between line k and k + 1.
        const nl = this.src[line.end] === "\r" && this.src[line.end + 1] === "\n" ? 2 : 1;
        out.appendAtomic("\n", line.end, Math.min(line.end + nl, this.src.length));
        j++;
        k++;
      }
    }
  }

  /** Source offset of joined position j. */
  source(j: number): number {
    const k = this.lineOf(j);
    const line = this.lines[k]!;
    return line.start + Math.min(j - this.starts[k]!, line.end - line.start);
  }
}

/** Finds the end of a backtick code span starting at `i` (a run of n backticks). */
function codeSpanEnd(s: string, i: number, n: number): number {
  let j = i + n;
  for (;;) {
    const k = s.indexOf("`", j);
    if (k < 0) return -1;
    let e = k;
    while (s[e] === "`") e++;
    if (e - k === n) return k;
    j = e;
  }
}

/** Finds the `]` matching the `[` at i, skipping escapes and code spans; -1 if none. */
function closingBracket(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === "\\") {
      j++;
      continue;
    }
    if (c === "`") {
      let n = 0;
      while (s[j + n] === "`") n++;
      const end = codeSpanEnd(s, j, n);
      if (end > 0) {
        j = end + n - 1;
        continue;
      }
      j += n - 1;
      continue;
    }
    if (c === "[") depth++;
    else if (c === "]") {
      depth--;
      if (depth === 0) return j;
    } else if (c === "\n" && s[j + 1] === "\n") return -1;
  }
  return -1;
}

/** Given `]` at j, returns the end of the link tail (`(...)`, `[...]`, `[]`) or -1. */
function linkTailEnd(s: string, j: number): number {
  const c = s[j + 1];
  if (c === "(") {
    let depth = 0;
    for (let k = j + 1; k < s.length; k++) {
      const d = s[k];
      if (d === "\\") {
        k++;
        continue;
      }
      if (d === "(") depth++;
      else if (d === ")") {
        depth--;
        if (depth === 0) return k + 1;
      } else if (d === "\n" && s[k + 1] === "\n") return -1;
    }
    return -1;
  }
  if (c === "[") {
    const e = s.indexOf("]", j + 2);
    if (e < 0) return -1;
    return e + 1;
  }
  return -1;
}

const URL_START = /(?:https?:\/\/|ftp:\/\/|www\.)/y;
/** 1 for `[\\`<![&*_~]` (characters that can start inline markup). */
const MARKUP_START = new Uint8Array(128);
for (const ch of "\\`<![&*_~") MARKUP_START[ch.charCodeAt(0)] = 1;

/** `[\s(<"'*_~]`: what may precede a bare URL. */
function beforeUrl(c: number): boolean {
  return SPACE[c] === 1 || c === 40 || c === 60 || c === 34 || c === 39 || c === 42 || c === 95 || c === 126;
}

/**
 * Index of the first match at or after `from` of
 * `/[\\`<![&*_~]|(?<=^|[\s(<"'*_~])(?:https?:\/\/|ftp:\/\/|www\.)/g`, or -1.
 */
export function nextSpecial(s: string, from: number): number {
  for (let p = from; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c < 128 && MARKUP_START[c] === 1) return p;
    if ((c === 104 || c === 102 || c === 119) && (p === 0 || beforeUrl(s.charCodeAt(p - 1)))) {
      // h, f, w: a bare URL start?
      if (c === 104 && (s.startsWith("http://", p) || s.startsWith("https://", p))) return p;
      if (c === 102 && s.startsWith("ftp://", p)) return p;
      if (c === 119 && s.startsWith("www.", p)) return p;
    }
  }
  return -1;
}
const AUTOLINK =
  /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const HTML_TAG =
  /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y;

function isAlnum(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/**
 * Extracts the prose of inline Markdown: emphasis markers, link destinations, images, HTML tags
 * and escapes are dropped; code spans, autolinks, bare URLs and inline `<code>` are masked with
 * `*` (Vale masks them the same way) so that word boundaries stay where they were.
 */
export function scanInline(src: string, lines: Line[]): InlineResult {
  const J = new Joined(src, lines);
  const s = J.s;
  const out = new TextBuilder();
  const alts: MappedText[] = [];
  const comments: string[] = [];
  // Links being read: when we reach `close`, skip to `tailEnd`.
  const linkStack: { close: number; tailEnd: number }[] = [];
  let run = 0;
  let i = 0;
  const flush = (upto: number) => {
    J.emit(out, run, upto);
  };

  while (i < s.length) {
    // Jump to the next character that can start inline markup (or a bare URL).
    const sm = nextSpecial(s, i);
    const next = sm >= 0 ? sm : s.length;
    const top = linkStack[linkStack.length - 1];
    if (top && top.close <= next) {
      i = Math.max(i, top.close);
      flush(Math.min(i, top.close));
      linkStack.pop();
      i = Math.max(i, top.tailEnd);
      run = i;
      continue;
    }
    if (sm < 0) break;
    i = next;
    const c = s[i]!;
    switch (c) {
      case "\\": {
        const n = s[i + 1];
        if (n !== undefined && (ASCII_PUNCT.test(n) || n === "\n")) {
          flush(i);
          run = i + 1;
          i += 2;
          continue;
        }
        break;
      }
      case "`": {
        let n = 0;
        while (s[i + n] === "`") n++;
        const end = codeSpanEnd(s, i, n);
        if (end < 0) {
          i += n;
          continue;
        }
        flush(i);
        J.emit(out, i + n, end, true);
        i = end + n;
        run = i;
        continue;
      }
      case "<": {
        AUTOLINK.lastIndex = i;
        const auto = AUTOLINK.exec(s);
        if (auto) {
          flush(i);
          J.emit(out, i + 1, i + auto[0].length - 1, true);
          i += auto[0].length;
          run = i;
          continue;
        }
        if (s.startsWith("<!--", i)) {
          const end = s.indexOf("-->", i + 4);
          if (end >= 0) {
            flush(i);
            comments.push(s.slice(i + 4, end));
            i = end + 3;
            run = i;
            continue;
          }
        }
        HTML_TAG.lastIndex = i;
        const tag = HTML_TAG.exec(s);
        if (tag) {
          flush(i);
          const name = tag[2]!.toLowerCase();
          i += tag[0].length;
          run = i;
          if (!tag[1] && MASKED_INLINE_TAGS.has(name)) {
            const close = s.toLowerCase().indexOf(`</${name}`, i);
            if (close >= 0) {
              J.emit(out, i, close, true);
              const gt = s.indexOf(">", close);
              i = gt < 0 ? s.length : gt + 1;
              run = i;
            }
          }
          continue;
        }
        break;
      }
      case "!":
      case "[": {
        const isImage = c === "!";
        const open = isImage ? i + 1 : i;
        if (isImage && s[open] !== "[") break;
        if (s[open + 1] === "^") {
          // Footnote reference `[^1]`: not prose.
          const e = s.indexOf("]", open);
          if (e > 0 && !/\s/.test(s.slice(open + 2, e))) {
            flush(i);
            i = e + 1;
            run = i;
            continue;
          }
        }
        const close = closingBracket(s, open);
        if (close < 0) break;
        const tailEnd = linkTailEnd(s, close);
        if (tailEnd < 0) break;
        flush(i);
        if (isImage) {
          const b = new TextBuilder();
          J.emit(b, open + 1, close);
          alts.push(b.build());
          i = tailEnd;
          run = i;
          continue;
        }
        linkStack.push({ close, tailEnd });
        i = open + 1;
        run = i;
        continue;
      }
      case "&": {
        const dec = decodeEntityAt(s, i);
        if (dec) {
          flush(i);
          const a = J.source(i);
          out.appendAtomic(dec[0], a, a + dec[1]);
          i += dec[1];
          run = i;
          continue;
        }
        break;
      }
      case "*":
      case "_":
      case "~": {
        let j = i;
        while (s[j] === c) j++;
        const before = i > 0 ? s[i - 1] : undefined;
        const after = s[j];
        const leftFlank = after !== undefined && !/\s/.test(after);
        const rightFlank = before !== undefined && !/\s/.test(before);
        let drop = leftFlank || rightFlank;
        if (c === "_" && isAlnum(before) && isAlnum(after)) drop = false;
        if (c === "~" && j - i > 2) drop = false;
        if (drop) {
          flush(i);
          i = j;
          run = i;
          continue;
        }
        i = j;
        continue;
      }
      case "h":
      case "f":
      case "w": {
        const prev = i > 0 ? s[i - 1]! : " ";
        if (/[\s(<"'*_~]/.test(prev)) {
          URL_START.lastIndex = i;
          if (URL_START.test(s)) {
            let e = i;
            while (e < s.length && !/[\s<]/.test(s[e]!)) e++;
            while (e > i && /[.,:;!?'"*_~)\]]/.test(s[e - 1]!)) {
              if (s[e - 1] === ")" && s.slice(i, e).split("(").length > s.slice(i, e).split(")").length - 1) break;
              e--;
            }
            flush(i);
            J.emit(out, i, e, true);
            i = e;
            run = i;
            continue;
          }
        }
        break;
      }
    }
    i++;
  }
  flush(s.length);
  return { text: out.build(), alts, comments };
}

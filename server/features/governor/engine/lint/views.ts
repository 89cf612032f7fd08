import type { CompiledPattern, RawMatch, Spans, View } from "../rules/common";
import { type ScopeSpec, type ViewKind, scopeMatches } from "../scope";
import { CONTROL_ON, type ParsedDocument } from "../text/document";
import { TextBuilder } from "../text/mapped";
import { paragraphRanges } from "../text/plaintext";
import { sentenceRanges } from "../text/sentences";
import { RuleTimeout } from "./sandbox";

/** The views of one document, built lazily by kind. */
export class DocumentViews {
  private readonly byKind = new Map<ViewKind, View[]>();
  private readonly selected = new Map<string, ViewSet>();

  constructor(
    private readonly doc: ParsedDocument,
    private readonly ext: string,
    private readonly interesting: InterestingWords = EMPTY_WORDS,
  ) {}

  of(kind: ViewKind): View[] {
    let v = this.byKind.get(kind);
    if (!v) {
      v = this.build(kind);
      this.byKind.set(kind, v);
    }
    return v;
  }

  private build(kind: ViewKind): View[] {
    const doc = this.doc;
    switch (kind) {
      case "block":
        return doc.blocks.map((b) => ({ text: b.text, kind, sections: b.sections, control: b.control }));
      case "paragraph": {
        const out: View[] = [];
        for (const b of doc.blocks) {
          if (!b.paragraph) continue;
          const sections = ["paragraph", ...b.sections];
          const ranges = paragraphRanges(b.text.text);
          for (const [a, e] of ranges) {
            const text = a === 0 && e === b.text.text.length ? b.text : b.text.slice(a, e);
            out.push({ text, kind, sections, control: b.control });
          }
        }
        return out;
      }
      case "sentence": {
        const out: View[] = [];
        for (const b of doc.blocks) {
          const sections = ["sentence", ...b.sections];
          for (const [a, e] of sentenceRanges(b.text.text)) {
            const text = a === 0 && e === b.text.text.length ? b.text : b.text.slice(a, e);
            out.push({ text, kind, sections, control: b.control });
          }
        }
        return out;
      }
      case "summary":
        return [{ text: doc.summary, kind, sections: ["summary", this.ext], control: CONTROL_ON }];
      case "raw": {
        const tb = new TextBuilder();
        tb.append(doc.source, 0);
        return [{ text: tb.build(), kind, sections: ["raw", this.ext], control: CONTROL_ON }];
      }
    }
  }

  /** Views a scope selects, in document order (cached per scope). */
  select(scope: ScopeSpec): ViewSet {
    const cached = this.selected.get(scope.key);
    if (cached) return cached;
    const out: View[] = [];
    for (const kind of ["block", "paragraph", "sentence", "summary", "raw"] as const) {
      if (!scope.needs.has(kind)) continue;
      const memo = new Map<string, boolean>();
      for (const v of this.of(kind)) {
        const sig = v.sections.join(".");
        let ok = memo.get(sig);
        if (ok === undefined) {
          ok = scopeMatches(scope, kind, v.sections);
          memo.set(sig, ok);
        }
        if (ok) out.push(v);
      }
    }
    if (scope.needs.size > 1) out.sort((a, b) => a.text.sourceStart(0) - b.text.sourceStart(0));
    const set = new ViewSet(out, this.interesting);
    this.selected.set(scope.key, set);
    return set;
  }
}

/** The words any active rule's prefilter asks about: only these are indexed. */
export interface InterestingWords {
  exact: ReadonlySet<string>;
  lower: ReadonlySet<string>;
}

const EMPTY_WORDS: InterestingWords = { exact: new Set(), lower: new Set() };

/** Separator between views when a rule's pattern is run once over all of them. */
const SEP = "\n\u0000\n";

/** A list of views plus, lazily, their concatenation for single-pass matching. */
export class ViewSet {
  private concat: { text: string; starts: Int32Array } | null = null;
  /** Start positions of each ASCII word run in the joined text (exact case, and lower-cased). */
  private readonly wordIndexes = new Map<boolean, Map<string, number[]> | null>();

  /**
   * Word run -> start positions in the joined text, built once per view set with one scan. Null
   * (no index) when lower-casing changes the text's length, so positions would not line up.
   */
  private wordIndex(ignoreCase: boolean): Map<string, number[]> | null {
    let idx = this.wordIndexes.get(ignoreCase);
    if (idx !== undefined) return idx;
    const { text } = this.joined();
    const hay = ignoreCase ? text.toLowerCase() : text;
    const wanted = ignoreCase ? this.interesting.lower : this.interesting.exact;
    if (hay.length !== text.length) idx = null;
    else {
      idx = new Map();
      const re = /[A-Za-z0-9_]+/g;
      for (let m = re.exec(hay); m; m = re.exec(hay)) {
        if (!wanted.has(m[0])) continue;
        const list = idx.get(m[0]);
        if (list) list.push(m.index);
        else idx.set(m[0], [m.index]);
      }
    }
    this.wordIndexes.set(ignoreCase, idx);
    return idx;
  }

  /** Could a pattern with this prefilter match anywhere in these views? */
  private mightMatch(p: CompiledPattern): boolean {
    const pf = p.prefilter;
    if (!pf) return true;
    const wanted = pf.ignoreCase ? this.interesting.lower : this.interesting.exact;
    if (!pf.words.every((w) => wanted.has(w))) return true; // not indexed: cannot tell
    const idx = this.wordIndex(pf.ignoreCase);
    return idx === null || pf.words.some((w) => idx.has(w));
  }

  /** Start positions of whole word runs equal to one of `words`, ascending (null: no index). */
  private candidates(words: readonly string[], ignoreCase: boolean): number[] | null {
    const wanted = ignoreCase ? this.interesting.lower : this.interesting.exact;
    if (!words.every((w) => wanted.has(w))) return null;
    const idx = this.wordIndex(ignoreCase);
    if (idx === null) return null;
    const lists: number[][] = [];
    for (const w of words) {
      const l = idx.get(w);
      if (l) lists.push(l);
    }
    if (lists.length === 1) return lists[0]!;
    return lists.flat().sort((x, y) => x - y);
  }

  constructor(
    readonly views: View[],
    private readonly interesting: InterestingWords = EMPTY_WORDS,
  ) {}

  private joined(): { text: string; starts: Int32Array } {
    if (!this.concat) {
      const starts = new Int32Array(this.views.length);
      let pos = 0;
      const parts: string[] = [];
      this.views.forEach((v, i) => {
        starts[i] = pos;
        parts.push(v.text.text);
        pos += v.text.text.length + SEP.length;
      });
      this.concat = { text: parts.join(SEP), starts };
    }
    return this.concat;
  }

  /**
   * Feeds every non-empty match to `sink` in document order. The pattern runs once over all views
   * joined by a separator; if a match touches a separator, the per-view results would differ, so
   * `reset` is called and the pattern is run on each view separately instead.
   */
  private run(
    p: CompiledPattern,
    deadline: () => boolean,
    sink: (view: number, index: number, m: RegExpExecArray) => void,
    reset: () => void,
  ): void {
    if (!this.mightMatch(p)) return;
    if (p.edgeSensitive || this.views.length < 4) {
      this.runPerView(p, deadline, sink);
      return;
    }
    const { text, starts } = this.joined();
    if (p.prefilter?.anchored) {
      const positions = this.candidates(p.prefilter.words, p.prefilter.ignoreCase);
      if (positions) {
        this.runAt(p, positions, deadline, sink, reset);
        return;
      }
    }
    const re = p.re;
    re.lastIndex = 0;
    let n = 0;
    let v = 0;
    const last = starts.length - 1;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const len = m[0].length;
      if (len === 0) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if ((++n & 1023) === 0 && deadline()) throw new RuleTimeout();
      // Matches come in order: advance to the view holding this one.
      while (v < last && starts[v + 1]! <= m.index) v++;
      const vStart = starts[v]!;
      const vEnd = vStart + this.views[v]!.text.text.length;
      if (m.index >= vEnd) {
        if (m.index + len <= vEnd + SEP.length) continue; // entirely inside a separator
        reset();
        this.runPerView(p, deadline, sink);
        return;
      }
      if (m.index + len > vEnd) {
        reset();
        this.runPerView(p, deadline, sink);
        return;
      }
      sink(v, m.index - vStart, m);
    }
  }

  /**
   * Runs an anchored literal pattern only where it can start (the candidate word runs), in order,
   * skipping candidates inside the previous match: the same matches as a global scan.
   */
  private runAt(
    p: CompiledPattern,
    positions: number[],
    deadline: () => boolean,
    sink: (view: number, index: number, m: RegExpExecArray) => void,
    reset: () => void,
  ): void {
    const { text, starts } = this.joined();
    const sticky = stickyOf(p.re);
    const last = starts.length - 1;
    let v = 0;
    let minPos = 0;
    let n = 0;
    for (const pos of positions) {
      if (pos < minPos) continue;
      if ((++n & 1023) === 0 && deadline()) throw new RuleTimeout();
      sticky.lastIndex = pos;
      const m = sticky.exec(text);
      if (!m || m[0].length === 0) continue;
      while (v < last && starts[v + 1]! <= pos) v++;
      const vStart = starts[v]!;
      const vEnd = vStart + this.views[v]!.text.text.length;
      if (pos >= vEnd || pos + m[0].length > vEnd) {
        reset();
        this.runPerView(p, deadline, sink);
        return;
      }
      sink(v, pos - vStart, m);
      minPos = pos + m[0].length;
    }
  }

  private runPerView(
    p: CompiledPattern,
    deadline: () => boolean,
    sink: (view: number, index: number, m: RegExpExecArray) => void,
  ): void {
    const re = p.re;
    let n = 0;
    for (let v = 0; v < this.views.length; v++) {
      const text = this.views[v]!.text.text;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if ((++n & 1023) === 0 && deadline()) throw new RuleTimeout();
        if (m[0].length === 0) {
          re.lastIndex = m.index + 1;
          continue;
        }
        sink(v, m.index, m);
      }
      if ((v & 63) === 0 && deadline()) throw new RuleTimeout();
    }
  }

  /** All matches with their capture groups. */
  matchAll(p: CompiledPattern, deadline: () => boolean): RawMatch[] {
    let out: RawMatch[] = [];
    this.run(
      p,
      deadline,
      (v, index, m) => out.push(toRaw(m, v, index)),
      () => {
        out = [];
      },
    );
    return out;
  }

  /** Streams match positions (see RuleRun.scan). */
  scan(
    p: CompiledPattern,
    deadline: () => boolean,
    onMatch: (view: number, index: number, length: number) => void,
    reset: () => void,
  ): void {
    this.run(p, deadline, (v, index, m) => onMatch(v, index, m[0].length), reset);
  }

  /** Match positions only, in typed arrays (no per-match objects kept): for rules that see many matches. */
  spans(p: CompiledPattern, deadline: () => boolean): Spans {
    const s = new SpanBuffer();
    this.run(
      p,
      deadline,
      (v, index, m) => s.push(v, index, m[0].length),
      () => s.clear(),
    );
    return s;
  }
}

/** Growable match positions. */
class SpanBuffer implements Spans {
  n = 0;
  view = new Int32Array(256);
  index = new Int32Array(256);
  length = new Int32Array(256);

  push(v: number, i: number, l: number): void {
    if (this.n === this.view.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.view = grow(this.view);
      this.index = grow(this.index);
      this.length = grow(this.length);
    }
    this.view[this.n] = v;
    this.index[this.n] = i;
    this.length[this.n] = l;
    this.n++;
  }

  clear(): void {
    this.n = 0;
  }
}

const stickies = new WeakMap<RegExp, RegExp>();

function stickyOf(re: RegExp): RegExp {
  let s = stickies.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.replace("g", "") + "y");
    stickies.set(re, s);
  }
  return s;
}

function toRaw(m: RegExpExecArray, view: number, index: number): RawMatch {
  const raw: RawMatch = { view, index, text: m[0], groups: m.slice(1) };
  if (m.indices) raw.groupOffsets = m.indices.slice(1).map((x) => (x ? x[0] - m.index : undefined));
  return raw;
}

import type { CompiledPattern, GroupMatch, PatternUse, RawMatch, Spans, View } from "../rules/common";
import { type ScopeSpec, type ViewKind, scopeMatches } from "../scope";
import { CONTROL_ON, type ParsedDocument } from "../text/document";
import { TextBuilder } from "../text/mapped";
import { paragraphRanges } from "../text/plaintext";
import { forEachSentence } from "../text/sentences";
import { fastPathsEnabled } from "./fast";
import { type RunMatcher, SpanBuffer, collectRuns, collectRunsMulti, runMatcherOf } from "./runs";
import { RuleTimeout } from "./sandbox";
import { WordSet, indexRuns, mergeSorted } from "./words";

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
        const prefixed = new Map<string[], string[]>();
        for (const b of doc.blocks) {
          if (!b.paragraph) continue;
          const sections = withPrefix(prefixed, "paragraph", b.sections);
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
        const prefixed = new Map<string[], string[]>();
        for (const b of doc.blocks) {
          const sections = withPrefix(prefixed, "sentence", b.sections);
          forEachSentence(b.text.text, (a, e) => {
            const text = a === 0 && e === b.text.text.length ? b.text : b.text.slice(a, e);
            out.push({ text, kind, sections, control: b.control });
          });
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

  private readonly expectations = new Map<string, { p: CompiledPattern; use: PatternUse["use"] }[]>();

  /**
   * Announces that a rule of this scope will run `p` (see `ViewSet.expect`). Recorded until the
   * scope's views are selected: building them stays inside the time-bounded rule runs.
   */
  expect(scope: ScopeSpec, p: CompiledPattern, use: PatternUse["use"]): void {
    const set = this.selected.get(scope.key);
    if (set) {
      set.expect(p, use);
      return;
    }
    let list = this.expectations.get(scope.key);
    if (!list) {
      list = [];
      this.expectations.set(scope.key, list);
    }
    list.push({ p, use });
  }

  /** Views a scope selects, in document order (cached per scope). */
  select(scope: ScopeSpec): ViewSet {
    const cached = this.selected.get(scope.key);
    if (cached) return cached;
    const set = this.selectViews(scope);
    for (const e of this.expectations.get(scope.key) ?? []) set.expect(e.p, e.use);
    this.expectations.delete(scope.key);
    return set;
  }

  private selectViews(scope: ScopeSpec): ViewSet {
    const out: View[] = [];
    for (const kind of ["block", "paragraph", "sentence", "summary", "raw"] as const) {
      if (!scope.needs.has(kind)) continue;
      // Views of one block share their sections array: remember the verdict per array.
      const memo = new Map<readonly string[], boolean>();
      for (const v of this.of(kind)) {
        let ok = memo.get(v.sections);
        if (ok === undefined) {
          ok = scopeMatches(scope, kind, v.sections);
          memo.set(v.sections, ok);
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

/** `[first, ...sections]`, one array per distinct `sections` array. */
function withPrefix(cache: Map<string[], string[]>, first: string, sections: string[]): string[] {
  let out = cache.get(sections);
  if (!out) {
    out = [first, ...sections];
    cache.set(sections, out);
  }
  return out;
}

/** The words any active rule's prefilter asks about: only these are indexed. */
export interface InterestingWords {
  exact: ReadonlySet<string>;
  lower: ReadonlySet<string>;
}

const EMPTY_WORDS: InterestingWords = { exact: new Set(), lower: new Set() };

const wordSets = new WeakMap<ReadonlySet<string>, WordSet>();
const wordSetsByContent = new Map<string, WordSet>();

/** The lookup set of some interesting words (the same words give the same set, across lint calls). */
function wordSetOf(words: ReadonlySet<string>): WordSet {
  let ws = wordSets.get(words);
  if (!ws) {
    const key = [...words].sort().join("\n");
    ws = wordSetsByContent.get(key);
    if (!ws) {
      ws = new WordSet(words);
      if (wordSetsByContent.size >= 16) wordSetsByContent.clear();
      wordSetsByContent.set(key, ws);
    }
    wordSets.set(words, ws);
  }
  return ws;
}

const useKeys = new WeakMap<RegExp, Partial<Record<PatternUse["use"], string>>>();

/** Identifies a use of a pattern: equal keys, equal results (same source and flags). */
function keyOfUse(p: CompiledPattern, use: PatternUse["use"]): string {
  let keys = useKeys.get(p.re);
  if (!keys) {
    keys = {};
    useKeys.set(p.re, keys);
  }
  return (keys[use] ??= `${use}|${p.re.flags}/${p.re.source}`);
}

/** Separator between views when a rule's pattern is run once over all of them. */
const SEP = "\n\u0000\n";

/** A list of views plus, lazily, their concatenation for single-pass matching. */
export class ViewSet {
  private concat: Joined | null = null;
  /** Token streams of run matchers, by matcher key (see `spans`). */
  private readonly tokenStreams = new Map<string, Spans>();
  /** Run matchers that rules announced they will use (see `expect`). */
  private readonly expected = new Map<string, RunMatcher>();
  /** Announced uses not made yet, by matcher key: a token stream is dropped after its last use. */
  private readonly pendingUses = new Map<string, number>();
  /** Announced uses of other patterns not made yet, and results kept for the next use (see `shared`). */
  private readonly sharedUses = new Map<string, number>();
  private readonly sharedResults = new Map<string, unknown>();
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
    if (fastPathsEnabled() && !/[^\x00-\x7f]/.test(text)) {
      // ASCII text: lower-casing maps A-Z to a-z only, so both indexes come from one scan.
      const [exact, lower] = indexRuns(text, wordSetOf(this.interesting.exact), wordSetOf(this.interesting.lower));
      this.wordIndexes.set(false, exact);
      this.wordIndexes.set(true, lower);
      return ignoreCase ? lower : exact;
    }
    const hay = ignoreCase ? text.toLowerCase() : text;
    const wanted = ignoreCase ? this.interesting.lower : this.interesting.exact;
    if (hay.length !== text.length) idx = null;
    else if (fastPathsEnabled()) {
      idx = wordSetOf(wanted).index(hay);
    } else {
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
    if (fastPathsEnabled()) return mergeSorted(lists);
    return lists.flat().sort((x, y) => x - y);
  }

  constructor(
    readonly views: View[],
    private readonly interesting: InterestingWords = EMPTY_WORDS,
  ) {}

  private linear: { base: Int32Array; length: Int32Array } | null = null;

  /**
   * Per view, the source offset of its text when the text maps linearly onto the source (see
   * `MappedText.linearBase`), else -1, and the text's length: locating a match is then an addition.
   */
  linearMap(): { base: Int32Array; length: Int32Array } {
    if (!this.linear) {
      const base = new Int32Array(this.views.length);
      const length = new Int32Array(this.views.length);
      for (let v = 0; v < this.views.length; v++) {
        const t = this.views[v]!.text;
        base[v] = t.linearBase();
        length[v] = t.text.length;
      }
      this.linear = { base, length };
    }
    return this.linear;
  }

  /** All views' texts joined by `SEP`: view v is `text[starts[v], ends[v])`. */
  private joined(): Joined {
    if (!this.concat) {
      const starts = new Int32Array(this.views.length);
      const ends = new Int32Array(this.views.length);
      let pos = 0;
      const parts: string[] = [];
      this.views.forEach((v, i) => {
        starts[i] = pos;
        ends[i] = pos + v.text.text.length;
        parts.push(v.text.text);
        pos += v.text.text.length + SEP.length;
      });
      this.concat = { text: parts.join(SEP), starts, ends };
    }
    return this.concat;
  }

  /**
   * Feeds every non-empty match to `sink` in document order. The pattern runs once over all views
   * joined by a separator; if a match touches a separator, the per-view results would differ, so
   * `reset` is called and the pattern is run on each view separately instead. With `needMatch`
   * false the sink may get no match object (only positions are wanted).
   */
  private run(p: CompiledPattern, deadline: () => boolean, sink: Sink, reset: () => void, needMatch: boolean): void {
    if (!this.mightMatch(p)) return;
    if (p.edgeSensitive || this.views.length < 4) {
      this.runPerView(p, deadline, sink);
      return;
    }
    const { text, starts, ends } = this.joined();
    if (p.prefilter?.anchored) {
      const positions = this.candidates(p.prefilter.words, p.prefilter.ignoreCase);
      if (positions) {
        this.runAt(p, positions, deadline, sink, reset, needMatch);
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
      const vEnd = ends[v]!;
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
      sink(v, m.index - vStart, len, m, text, m.index);
    }
  }

  /**
   * Runs an anchored literal pattern only where it can start (the candidate word runs), in order,
   * skipping candidates inside the previous match: the same matches as a global scan. When only
   * positions are needed, a sticky `test` gives the match end without building a match object.
   */
  private runAt(
    p: CompiledPattern,
    positions: number[],
    deadline: () => boolean,
    sink: Sink,
    reset: () => void,
    needMatch: boolean,
  ): void {
    const { text, starts, ends } = this.joined();
    const sticky = stickyOf(p.re);
    const last = starts.length - 1;
    const testOnly = !needMatch && fastPathsEnabled();
    let v = 0;
    let minPos = 0;
    let n = 0;
    for (let c = 0; c < positions.length; c++) {
      const pos = positions[c]!;
      if (pos < minPos) continue;
      if ((++n & 1023) === 0 && deadline()) throw new RuleTimeout();
      sticky.lastIndex = pos;
      let m: RegExpExecArray | null = null;
      let len: number;
      if (testOnly) {
        if (!sticky.test(text)) continue;
        len = sticky.lastIndex - pos;
      } else {
        m = sticky.exec(text);
        if (!m) continue;
        len = m[0].length;
      }
      if (len === 0) continue;
      while (v < last && starts[v + 1]! <= pos) v++;
      const vStart = starts[v]!;
      const vEnd = ends[v]!;
      if (pos >= vEnd || pos + len > vEnd) {
        reset();
        this.runPerView(p, deadline, sink);
        return;
      }
      sink(v, pos - vStart, len, m, text, pos);
      minPos = pos + len;
    }
  }

  private runPerView(p: CompiledPattern, deadline: () => boolean, sink: Sink): void {
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
        sink(v, m.index, m[0].length, m, text, m.index);
      }
      if ((v & 63) === 0 && deadline()) throw new RuleTimeout();
    }
  }

  /** All matches with their capture groups (callers must not modify the result: it may be shared). */
  matchAll(p: CompiledPattern, deadline: () => boolean): RawMatch[] {
    return this.shared(p, "all", () => this.computeMatchAll(p, deadline));
  }

  private computeMatchAll(p: CompiledPattern, deadline: () => boolean): RawMatch[] {
    let out: RawMatch[] = [];
    this.run(
      p,
      deadline,
      (v, index, _len, m) => out.push(toRaw(m!, v, index)),
      () => {
        out = [];
      },
      true,
    );
    return out;
  }

  /**
   * For each match, only its first participating capture group (what `substitution` needs):
   * cheaper than `matchAll` (no group arrays; group offsets without the `d` flag when possible).
   */
  firstGroups(p: CompiledPattern, deadline: () => boolean): GroupMatch[] {
    return this.shared(p, "groups", () => this.computeFirstGroups(p, deadline));
  }

  private computeFirstGroups(p: CompiledPattern, deadline: () => boolean): GroupMatch[] {
    let out: GroupMatch[] = [];
    this.run(
      p,
      deadline,
      (v, index, len, m, hay, at) => {
        let g = 1;
        while (g < m!.length && m![g] === undefined) g++;
        if (g === m!.length) {
          out.push({ view: v, index, length: len, group: -1, text: m![0], offset: 0 });
          return;
        }
        const text = m![g]!;
        let offset: number;
        if (m!.indices) offset = m!.indices[g]![0] - at;
        else if (text.length === len)
          offset = 0; // as long as the match: it is the whole match
        else offset = indicesAt(p.re, hay, at)[g]![0] - at;
        out.push({ view: v, index, length: len, group: g - 1, text, offset });
      },
      () => {
        out = [];
      },
      true,
    );
    return out;
  }

  /**
   * Announces that a rule will ask for the spans of `p` (see `spans`): run patterns announced for
   * the same view set are tokenised together, in one pass over the text.
   */
  expect(p: CompiledPattern, use: PatternUse["use"]): void {
    const rm = use === "spans" ? this.runMatcher(p) : null;
    if (!rm) {
      const key = keyOfUse(p, use);
      this.sharedUses.set(key, (this.sharedUses.get(key) ?? 0) + 1);
      return;
    }
    if (!this.expected.has(rm.key)) this.expected.set(rm.key, rm);
    this.pendingUses.set(rm.key, (this.pendingUses.get(rm.key) ?? 0) + 1);
  }

  /** The run matcher of a pattern when the fast paths may use one. */
  private runMatcher(p: CompiledPattern): RunMatcher | null {
    return fastPathsEnabled() ? runMatcherOf(p.re) : null;
  }

  /**
   * Matches of a single-class run pattern, view by view, without executing the regex. Scans the
   * joined text (one flat string, faster to read than many sliced ones), each view's range apart.
   */
  private runs(rm: RunMatcher, deadline: () => boolean): SpanBuffer {
    const { text, starts, ends } = this.joined();
    const out = new SpanBuffer(Math.max(256, text.length >> 2));
    let chars = 0;
    for (let v = 0; v < starts.length; v++) {
      collectRuns(text, rm, v, out, starts[v]!, ends[v]!);
      chars += ends[v]! - starts[v]!;
      if (chars > 65536) {
        if (deadline()) throw new RuleTimeout();
        chars = 0;
      }
    }
    return out;
  }

  /** Streams match positions (see RuleRun.scan). */
  scan(
    p: CompiledPattern,
    deadline: () => boolean,
    onMatch: (view: number, index: number, length: number) => void,
    reset: () => void,
  ): void {
    const rm = this.runMatcher(p);
    if (rm) {
      const s = this.spans(p, deadline);
      for (let k = 0; k < s.n; k++) onMatch(s.view[k]!, s.index[k]!, s.length[k]!);
      return;
    }
    this.run(p, deadline, (v, index, len) => onMatch(v, index, len), reset, false);
  }

  /**
   * Match positions only, in typed arrays (no per-match objects kept): for rules that see many
   * matches. Single-class run patterns (`\w+`, `[^\s]+`...) are tokenised once per view set and
   * the token stream is shared by every rule whose pattern has the same matcher: callers must not
   * modify the result.
   */
  spans(p: CompiledPattern, deadline: () => boolean): Spans {
    const rm = this.runMatcher(p);
    if (rm) {
      if (!this.mightMatch(p)) return new SpanBuffer(0);
      let shared = this.tokenStreams.get(rm.key);
      if (!shared) {
        // Tokenise for every expected matcher not done yet in the same pass (up to 32 at once).
        const todo = [rm];
        for (const [key, other] of this.expected) {
          if (todo.length < 32 && key !== rm.key && !this.tokenStreams.has(key)) todo.push(other);
        }
        if (todo.length === 1) shared = this.withViewStarts(this.runs(rm, deadline).trimmed());
        else {
          const { text, starts, ends } = this.joined();
          const outs = todo.map(() => new SpanBuffer(Math.max(256, text.length >> 2)));
          collectRunsMulti(text, todo, starts, ends, outs, () => {
            if (deadline()) throw new RuleTimeout();
          });
          todo.forEach((m, j) => this.tokenStreams.set(m.key, this.withViewStarts(outs[j]!.trimmed())));
          shared = this.tokenStreams.get(rm.key)!;
        }
        this.tokenStreams.set(rm.key, shared);
      }
      const uses = this.pendingUses.get(rm.key);
      if (uses !== undefined) {
        if (uses <= 1) {
          this.pendingUses.delete(rm.key);
          this.tokenStreams.delete(rm.key);
        } else this.pendingUses.set(rm.key, uses - 1);
      }
      return shared;
    }
    return this.shared(p, "spans", () => {
      const s = new SpanBuffer();
      this.run(
        p,
        deadline,
        (v, index, len) => s.push(v, index, len),
        () => s.clear(),
        false,
      );
      return fastPathsEnabled() && this.concat ? this.withText(s) : s;
    });
  }

  /**
   * Results of `compute` for a pattern and use, shared between the rules that announced this
   * use of an identical pattern (same source and flags: same matches) and dropped after the last.
   */
  private shared<T>(p: CompiledPattern, use: PatternUse["use"], compute: () => T): T {
    if (!fastPathsEnabled()) return compute();
    const key = keyOfUse(p, use);
    const uses = this.sharedUses.get(key);
    if (uses === undefined) return compute();
    let result = this.sharedResults.get(key) as T | undefined;
    if (result === undefined) {
      result = compute();
      if (uses > 1) this.sharedResults.set(key, result);
    }
    if (uses <= 1) {
      this.sharedUses.delete(key);
      this.sharedResults.delete(key);
    } else this.sharedUses.set(key, uses - 1);
    return result;
  }

  /** Attaches the joined text to spans (rules read it instead of each view's own string). */
  private withText(s: SpanBuffer): Spans {
    const { text, starts } = this.joined();
    s.text = text;
    s.base = starts;
    return s;
  }

  /** `withText`, plus where each view's matches start (matches are in view order). */
  private withViewStarts(s: SpanBuffer): Spans {
    const viewStart = new Int32Array(this.views.length + 1);
    let k = 0;
    for (let v = 0; v < this.views.length; v++) {
      viewStart[v] = k;
      while (k < s.n && s.view[k] === v) k++;
    }
    viewStart[this.views.length] = k;
    if (k === s.n) s.viewStart = viewStart;
    return this.withText(s);
  }
}

/** A match: its view, index in the view, length, match object (if asked for), haystack and index there. */
type Sink = (view: number, index: number, length: number, m: RegExpExecArray | null, hay: string, at: number) => void;

interface Joined {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
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

const stickyIndices = new WeakMap<RegExp, RegExp>();

/** Group indices of the match of `re` starting exactly at `at` in `hay` (the `d` flag's `indices`). */
function indicesAt(re: RegExp, hay: string, at: number): RegExpIndicesArray {
  let s = stickyIndices.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.replace(/[gd]/g, "") + "yd");
    stickyIndices.set(re, s);
  }
  s.lastIndex = at;
  return s.exec(hay)!.indices!;
}

function toRaw(m: RegExpExecArray, view: number, index: number): RawMatch {
  const raw: RawMatch = { view, index, text: m[0], groups: m.slice(1) };
  if (m.indices) raw.groupOffsets = m.indices.slice(1).map((x) => (x ? x[0] - m.index : undefined));
  return raw;
}

import { quoteMeta, stripCaptures } from "../regex/translate";
import { parseScope } from "../scope";
import { SPACE, unitTable } from "../text/chars";
import { sentenceCount } from "../text/sentences";
import { READABILITY_METRICS, type ReadabilityMetric, gradeLevel } from "../text/stats";
import type { AlertAction, Diagnostic } from "../types";
import { checkSentence, checkTitle, vocabularyOf } from "./casing";
import {
  type CompileEnv,
  type CompiledPattern,
  type CompiledRule,
  type RuleRun,
  RuleCompileError,
  type Spans,
  buildExceptions,
  buildPhrases,
  compilePattern,
  formatMessage,
  isPhrase,
  literalPrefilter,
  prefilterWordsOf,
  simpleAlternatives,
  makeValePattern,
  standardMessage,
  toSentenceList,
  withinPhrase,
} from "./common";
import { ExprError, evalExpr, exprVariables, parseExpr } from "./expr";
import type { ParsedRule } from "./parse";
import type {
  CapitalizationDef,
  ConditionalDef,
  ConsistencyDef,
  ExistenceDef,
  MetricDef,
  OccurrenceDef,
  ReadabilityDef,
  RepetitionDef,
  RuleDef,
  SubstitutionDef,
} from "./schema";

type Base = Omit<CompiledRule, "run">;

function baseOf(p: ParsedRule, scopes?: string[]): Base {
  const def = p.def;
  const params = def.action?.params && def.action.params.length > 0 ? def.action.params : null;
  return {
    name: p.name,
    style: p.name.split(".")[0]!,
    kind: def.extends,
    level: def.level ?? "warning",
    message: def.message,
    description: def.description ?? "",
    link: def.link ?? "",
    limit: def.limit ?? 0,
    action: def.action ? { Name: def.action.name, Params: params } : { Name: "", Params: null },
    scope: parseScope(scopes ?? def.scope ?? []),
    file: p.file,
  };
}

/** Compiles `build()`; on failure, tries each item alone to point at the line of the culprit. */
function pinpoint<T>(build: () => T, items: { line: number; field: string; build: () => unknown }[]): T {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof RuleCompileError)) throw e;
    for (const it of items) {
      try {
        it.build();
      } catch (inner) {
        if (inner instanceof RuleCompileError) throw new RuleCompileError(inner.message, it.field, it.line);
      }
    }
    throw e;
  }
}

/** The text of view v in [i, end), read from the spans' joined text when they carry it. */
function matchText(r: RuleRun, s: Spans, v: number, i: number, end: number): string {
  if (s.text !== undefined) {
    const o = s.base![v]!;
    return s.text.slice(o + i, o + end);
  }
  return r.views[v]!.text.text.slice(i, end);
}

// ---------------------------------------------------------------------------------------------

function compileExistence(p: ParsedRule, def: ExistenceDef, env: CompileEnv): CompiledRule {
  const base = baseOf(p);
  const tokens = (def.tokens ?? []).filter((t) => t.trim() !== "");
  const raw = (def.raw ?? []).join("");
  if (tokens.length === 0 && raw === "") {
    throw new RuleCompileError("an existence rule needs 'tokens' or 'raw'", "tokens", p.lineOf(["extends"]));
  }
  const field = tokens.length > 0 ? "tokens" : "raw";
  const make = (body: string, rawPart: string) =>
    makeValePattern({
      wordTemplate: env.wordTemplate,
      ignoreCase: def.ignorecase === true,
      word: def.nonword !== true && tokens.length > 0,
      raw: rawPart,
      append: def.append === true,
      body,
    });
  const pattern = pinpoint(
    () => compilePattern(make(tokens.join("|"), raw), { field, line: p.lineOf([field]), noCaptures: true }),
    [
      ...tokens.map((t, i) => ({
        field: `tokens[${i}]`,
        line: p.lineOf(["tokens", (def.tokens ?? []).indexOf(t)]),
        build: () => compilePattern(make(t, ""), { field: "tokens", line: 0 }),
      })),
      ...(def.raw ?? []).map((r, i) => ({
        field: `raw[${i}]`,
        line: p.lineOf(["raw", i]),
        build: () => compilePattern(r, { field: "raw", line: 0 }),
      })),
    ],
  );
  if (def.nonword !== true && raw === "" && !env.wordTemplate && !pattern.flags.includes("u")) {
    pattern.prefilter = literalPrefilter(tokens, def.ignorecase === true);
  }
  const useVocab = def.vocab !== false && def.nonword !== true;
  const terms = [...(def.exceptions ?? []), ...(useVocab ? env.accepted : [])];
  const exceptLine = p.lineOf(["exceptions"]);
  const except = buildExceptions(terms, "exceptions", exceptLine);
  const phrase = buildPhrases(terms, "exceptions", exceptLine);
  return {
    ...base,
    prefilterWords: prefilterWordsOf([pattern]),
    patternUses: [{ p: pattern, use: "spans" }],
    run(r) {
      const s = r.spans(pattern);
      // Message by matched text (null: an exception); the same wherever the text occurs.
      const messages = new Map<string, string | null>();
      for (let k = 0; k < s.n; k++) {
        if ((k & 4095) === 4095) r.tick();
        const v = s.view[k]!;
        const i = s.index[k]!;
        const end = i + s.length[k]!;
        const m = matchText(r, s, v, i, end);
        let message = messages.get(m);
        if (message === undefined) {
          message = except.test(m.trim()) ? null : standardMessage(base, m);
          messages.set(m, message);
        }
        if (message === null || (phrase !== null && withinPhrase(phrase, r.views[v]!.text.text, i, end))) continue;
        r.alert(v, i, end, { message, match: m });
      }
    },
  };
}

function getOptions(expected: string): string[] {
  return expected
    .replace(/\\\|/g, "\u0000")
    .split("|")
    .filter((o) => o !== "")
    .map((o) => o.replace(/\u0000/g, "|"));
}

function compileSubstitution(p: ParsedRule, def: SubstitutionDef, env: CompileEnv): CompiledRule {
  const base = baseOf(p);
  const entries = Object.entries(def.swap);
  if (entries.length === 0) throw new RuleCompileError("'swap' must not be empty", "swap", p.lineOf(["swap"]));
  // Longest keys first: Vale's "greedy alternation".
  const order = entries.map((e, i) => [e, i] as const).sort((a, b) => b[0][0].length - a[0][0].length || a[1] - b[1]);
  const keys = order.map(([e]) => e[0]);
  const repl = order.map(([e]) => e[1]);
  const ignoreCase = def.ignorecase === true;
  const make = (ks: string[]) =>
    makeValePattern({
      wordTemplate: env.wordTemplate,
      ignoreCase,
      word: def.nonword !== true,
      body: ks.map((k) => `(${stripCaptures(k)})`).join("|"),
    });
  const compiled = pinpoint(
    () => compilePattern(make(keys), { field: "swap", line: p.lineOf(["swap"]) }),
    keys.map((k) => ({
      field: `swap.${k}`,
      line: p.lineOf(["swap", k]),
      build: () => compilePattern(make([k]), { field: `swap.${k}`, line: 0 }),
    })),
  );
  const pattern: CompiledPattern = {
    re: compiled.re,
    edgeSensitive: compiled.edgeSensitive,
    prefilter:
      def.nonword !== true && !env.wordTemplate && !compiled.flags.includes("u")
        ? literalPrefilter(keys.flatMap(simpleAlternatives), ignoreCase)
        : undefined,
  };
  const terms = [...(def.exceptions ?? []), ...(def.vocab !== false ? env.accepted : [])];
  const except = buildExceptions(terms, "exceptions", p.lineOf(["exceptions"]));
  const keyRes = new Map<number, RegExp>();
  const tokenRes = new Map<string, RegExp | null>();
  const capFirst = (s: string) => (s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s);
  const matchToken = (expected: string, observed: string): boolean => {
    if (isPhrase(expected)) return expected === observed;
    let re = tokenRes.get(expected);
    if (re === undefined) {
      try {
        re = compilePattern(`^(?:${expected})$`, { field: "swap", line: 0, checkEverything: false, global: false }).re;
      } catch {
        re = null;
      }
      tokenRes.set(expected, re);
    }
    return re === null ? expected === observed : re.test(observed);
  };
  const subMsg = (g: number, observed: string): string => {
    let expected = repl[g]!;
    if (def.capitalize && observed === capFirst(observed)) expected = capFirst(expected);
    if (!/\$\d/.test(expected)) return expected;
    let re = keyRes.get(g);
    if (!re) {
      re = compilePattern(keys[g]!, { field: "swap", line: 0, ignoreCase, checkEverything: false }).re;
      keyRes.set(g, re);
    }
    re.lastIndex = 0;
    return observed.replace(re, expected);
  };
  return {
    ...base,
    prefilterWords: prefilterWordsOf([pattern]),
    patternUses: [{ p: pattern, use: "groups" }],
    run(r) {
      // The verdict for a (group, observed text) pair is the same wherever it occurs.
      const verdicts: Map<string, { message: string; action: AlertAction } | null>[] = [];
      const verdict = (g: number, observed: string): { message: string; action: AlertAction } | null => {
        let expected = subMsg(g, observed);
        const same =
          base.action.Name === "replace" ? getOptions(expected).includes(observed) : matchToken(expected, observed);
        if (same || except.test(observed)) return null;
        let action: AlertAction = base.action;
        let message = base.message;
        if (action.Name === "replace" && action.Params === null) {
          let params = getOptions(expected);
          if (def.capitalize && observed === capFirst(observed)) params = params.map(capFirst);
          expected = toSentenceList(params, "or");
          action = { Name: "replace", Params: params };
          for (const spec of ["'%s'", '"%s"']) {
            if (message.split(spec).length - 1 === 2) message = message.replace(spec, "%s");
          }
        }
        return { message: formatMessage(message, expected, observed), action };
      };
      for (const m of r.firstGroups(pattern)) {
        const g = m.group;
        if (g < 0) continue;
        const observed = m.text;
        const start = m.index + m.offset;
        const byText = (verdicts[g] ??= new Map());
        let v = byText.get(observed);
        if (v === undefined) {
          v = verdict(g, observed);
          byText.set(observed, v);
        }
        if (v === null) continue;
        r.alert(m.view, start, start + observed.length, { message: v.message, match: observed, action: v.action });
      }
    },
  };
}

function compileOccurrence(p: ParsedRule, def: OccurrenceDef): CompiledRule {
  const base = baseOf(p);
  const pattern = compilePattern(`${def.ignorecase ? "(?i)" : ""}(?:${def.token})`, {
    field: "token",
    line: p.lineOf(["token"]),
    noCaptures: true,
  });
  const max = def.max ?? 0;
  const min = def.min ?? 0;
  return {
    ...base,
    patternUses: [{ p: pattern, use: "spans" }],
    run(r) {
      const count = new Int32Array(r.views.length);
      const firstAt = new Int32Array(r.views.length).fill(-1);
      const firstLen = new Int32Array(r.views.length);
      const s = r.spans(pattern);
      const vs = s.viewStart;
      if (vs !== undefined) {
        // Matches grouped by view: count them per view, and look for the first prose token only.
        for (let v = 0; v < r.views.length; v++) {
          count[v] = vs[v + 1]! - vs[v]!;
          for (let k = vs[v]!; k < vs[v + 1]!; k++) {
            const i = s.index[k]!;
            const len = s.length[k]!;
            if (isProseToken(s.text!, s.base![v]! + i, s.base![v]! + i + len)) {
              firstAt[v] = i;
              firstLen[v] = len;
              break;
            }
          }
        }
      }
      for (let k = 0; vs === undefined && k < s.n; k++) {
        const v = s.view[k]!;
        count[v]!++;
        if (firstAt[v] === -1) {
          // The first match that is not a masked (code) token.
          const i = s.index[k]!;
          const len = s.length[k]!;
          const countable =
            s.text !== undefined
              ? isProseToken(s.text, s.base![v]! + i, s.base![v]! + i + len)
              : isProseToken(r.views[v]!.text.text, i, i + len);
          if (countable) {
            firstAt[v] = i;
            firstLen[v] = len;
          }
        }
      }
      for (let v = 0; v < r.views.length; v++) {
        const n = count[v]!;
        if (!((max > 0 && n > max) || (min > 0 && n < min))) continue;
        const message = formatMessage(base.message, n);
        if (n === 0) {
          r.docAlert(message);
          continue;
        }
        const at = firstAt[v]!;
        if (at < 0) continue;
        r.alert(v, at, at + firstLen[v]!, { message, match: matchText(r, s, v, at, at + firstLen[v]!) });
      }
    },
  };
}

/**
 * Is `text[a, b)` a token of prose: not blank and not a masked (code) token? That is
 * `t.trim() !== "" && !/^[*@]+$/.test(t)` for `t = text.slice(a, b)`, without the slice.
 */
function isProseToken(text: string, a: number, b: number): boolean {
  let blank = true;
  let masked = true;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (SPACE[c] === 0) blank = false;
    if (c !== 42 && c !== 64) masked = false;
  }
  return !blank && !(masked && b > a);
}

function compileRepetition(p: ParsedRule, def: RepetitionDef, env: CompileEnv): CompiledRule {
  const base = baseOf(p);
  const tokensLine = p.lineOf(["tokens"]);
  const pattern = compilePattern(`${def.ignorecase ? "(?i)" : ""}(${def.tokens.join("|")})`, {
    field: "tokens",
    line: tokensLine,
    noCaptures: true,
  });
  const terms = [...(def.exceptions ?? []), ...(def.vocab !== false ? env.accepted : [])];
  const except = buildExceptions(terms, "exceptions", p.lineOf(["exceptions"]));
  const phrase = buildPhrases(terms, "exceptions", p.lineOf(["exceptions"]));
  const max = def.max ?? 0;
  return {
    ...base,
    patternUses: [{ p: pattern, use: "spans" }],
    run(r) {
      const ic = def.ignorecase === true;
      let view = -1;
      let text = "";
      // Offset of the view's text in `text` (the joined text when the spans carry it).
      let o = 0;
      // Trimmed bounds of the previous token and the start of its match (in `text`).
      let pa = -1;
      let pb = -1;
      let prevStart = -1;
      let count = 0;
      const messages = new Map<string, string>();
      const s = r.spans(pattern);
      for (let k = 0; k < s.n; k++) {
        if ((k & 4095) === 4095) r.tick();
        const v = s.view[k]!;
        if (v !== view) {
          view = v;
          if (s.text !== undefined) {
            text = s.text;
            o = s.base![v]!;
          } else {
            text = r.views[v]!.text.text;
            o = 0;
          }
          pa = pb = prevStart = -1;
          count = 0;
        }
        const i = o + s.index[k]!;
        const end = i + s.length[k]!;
        let a = i;
        let b = end;
        while (a < b && isWs(text.charCodeAt(a))) a++;
        while (b > a && isWs(text.charCodeAt(b - 1))) b--;
        let hit = b > a && pa >= 0 && sameToken(text, a, b, pa, pb, ic);
        if (hit && def.alpha) hit = allLetters(text, a, b);
        if (hit) count++;
        // One sentence from the previous token's start to this token's end (counted in place).
        if (hit && count > max && prevStart >= 0 && sentenceCount(text, prevStart, end) === 1) {
          const span = text.slice(prevStart, end);
          if (!except.test(span) && !withinPhrase(phrase, r.views[v]!.text.text, prevStart - o, end - o)) {
            const token = text.slice(a, b);
            let message = messages.get(token);
            if (message === undefined) {
              message = formatMessage(base.message, token);
              messages.set(token, message);
            }
            r.alert(v, prevStart - o, end - o, { message, match: span });
            count = 0;
          }
        }
        prevStart = i;
        pa = a;
        pb = b;
      }
    },
  };
}

/** `\p{L}` (with the `u` flag) of each BMP code unit that is not a surrogate. */
const LETTER = unitTable("\\p{L}", "u");

/** `/^\p{L}*$/u.test(text.slice(a, b))`, without the slice for text without surrogates. */
function allLetters(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return /^\p{L}*$/u.test(text.slice(a, b));
    if (LETTER[c] === 0) return false;
  }
  return true;
}

function isWs(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

/** Are text[a1:b1] and text[a2:b2] the same token (optionally ignoring case)? No allocation in the common case. */
function sameToken(text: string, a1: number, b1: number, a2: number, b2: number, ignoreCase: boolean): boolean {
  if (b1 - a1 !== b2 - a2) return false;
  for (let j = 0; j < b1 - a1; j++) {
    const c1 = text.charCodeAt(a1 + j);
    const c2 = text.charCodeAt(a2 + j);
    if (c1 === c2) continue;
    if (!ignoreCase) return false;
    if (c1 < 128 && c2 < 128) {
      // ASCII: lower-casing only maps A-Z to a-z.
      if ((c1 >= 65 && c1 <= 90 ? c1 + 32 : c1) !== (c2 >= 65 && c2 <= 90 ? c2 + 32 : c2)) return false;
    } else if (String.fromCharCode(c1).toLowerCase() !== String.fromCharCode(c2).toLowerCase()) return false;
  }
  return true;
}

const occurrenceRes = new Map<string, RegExp>();

function firstWordOccurrence(text: string, needle: string, fallback: number): number {
  // Every match contains the needle at its start or after a leading "_": none starts before the
  // needle's first occurrence minus one, so the search can start there (lookbehind-free pattern).
  const first = text.indexOf(needle);
  if (first < 0) return fallback;
  let re = occurrenceRes.get(needle);
  if (!re) {
    re = new RegExp(`(?:^|\\b|_)${quoteMeta(needle)}(?:_|\\b|$)`, "gu");
    if (occurrenceRes.size > 10_000) occurrenceRes.clear();
    occurrenceRes.set(needle, re);
  }
  re.lastIndex = Math.max(0, first - 1);
  const m = re.exec(text);
  if (!m) return fallback;
  return m.index + m[0].indexOf(needle);
}

function compileConsistency(p: ParsedRule, def: ConsistencyDef, env: CompileEnv): CompiledRule {
  const base = baseOf(p);
  const steps = Object.entries(def.either).map(([a, b]) => {
    const pattern: CompiledPattern & { flags: string } = compilePattern(
      makeValePattern({
        wordTemplate: env.wordTemplate,
        ignoreCase: def.ignorecase === true,
        word: def.nonword !== true,
        body: `(${stripCaptures(a)})|(${stripCaptures(b)})`,
      }),
      { field: `either.${a}`, line: p.lineOf(["either", a]) },
    );
    if (def.nonword !== true && !env.wordTemplate && !pattern.flags.includes("u")) {
      pattern.prefilter = literalPrefilter([a, b], def.ignorecase === true);
    }
    return { pattern };
  });
  return {
    ...base,
    prefilterWords: prefilterWordsOf(steps.map((st) => st.pattern)),
    patternUses: steps.map((st) => ({ p: st.pattern, use: "groups" as const })),
    run(r) {
      for (const step of steps) {
        const seen = [false, false];
        // Matches come in document order: handle them view by view.
        const ms = r.firstGroups(step.pattern);
        for (let k = 0; k < ms.length;) {
          const v = ms[k]!.view;
          let last = "";
          let lastIndex = 0;
          for (; k < ms.length && ms[k]!.view === v; k++) {
            const m = ms[k]!;
            // The first group if it participated, else the second one, else the whole match.
            const g = m.group === 0 ? 0 : 1;
            seen[g] = true;
            last = m.group === 0 || m.group === 1 ? m.text : r.views[v]!.text.text.slice(m.index, m.index + m.length);
            lastIndex = m.index;
          }
          if (!seen[0] || !seen[1]) continue;
          const text = r.views[v]!.text.text;
          const at = firstWordOccurrence(text, last, lastIndex);
          r.alert(v, at, at + last.length, { message: standardMessage(base, last), match: last });
        }
      }
    },
  };
}

function hasCaptureGroup(pattern: string): boolean {
  const opens = pattern.split("(").length - 1;
  const noncap = pattern.split("(?").length - 1 + (pattern.split("\\(").length - 1);
  return opens > noncap;
}

function compileConditional(p: ParsedRule, def: ConditionalDef, env: CompileEnv): CompiledRule {
  const base = baseOf(p);
  const second = compilePattern(def.second, { field: "second", line: p.lineOf(["second"]), checkEverything: false });
  const first = compilePattern(def.first, { field: "first", line: p.lineOf(["first"]), noCaptures: true });
  const secondHasGroup = hasCaptureGroup(def.second);
  const terms = [...(def.exceptions ?? []), ...(def.vocab !== false ? env.accepted : [])];
  const except = buildExceptions(terms, "exceptions", p.lineOf(["exceptions"]));
  const phrase = buildPhrases(terms, "exceptions", p.lineOf(["exceptions"]));
  return {
    ...base,
    patternUses: [
      { p: second, use: "all" },
      { p: first, use: "spans" },
    ],
    run(r) {
      // Matches come in document order (ascending views).
      const seconds = r.matchAll(second);
      const hasSecond = new Uint8Array(r.views.length);
      for (const m of seconds) hasSecond[m.view] = 1;
      const s = r.spans(first);
      const defined = new Set<string>();
      const messages = new Map<string, string | null>();
      let next = 0;
      for (let k = 0; k < s.n; k++) {
        const v = s.view[k]!;
        // Definitions are collected block by block, before the block's own uses are checked.
        for (; next < seconds.length && seconds[next]!.view <= v; next++) {
          for (const g of seconds[next]!.groups) if (g) defined.add(g);
        }
        if (!secondHasGroup && hasSecond[v] === 1) continue;
        const i = s.index[k]!;
        const end = i + s.length[k]!;
        const m = matchText(r, s, v, i, end);
        if (secondHasGroup && defined.has(m)) continue;
        let message = messages.get(m);
        if (message === undefined) {
          message = except.test(m) ? null : standardMessage(base, m);
          messages.set(m, message);
        }
        if (message === null || (phrase !== null && withinPhrase(phrase, r.views[v]!.text.text, i, end))) continue;
        r.alert(v, i, end, { message, match: m });
      }
    },
  };
}

function compileCapitalization(p: ParsedRule, def: CapitalizationDef, env: CompileEnv): CompiledRule {
  const base = baseOf(p);
  const terms = [...(def.exceptions ?? []), ...(def.vocab !== false ? env.accepted : [])];
  const except = buildExceptions(terms, "exceptions", p.lineOf(["exceptions"]));
  const vocab = vocabularyOf(terms);
  const threshold = def.threshold && def.threshold !== 0 ? def.threshold : 0.8;
  const indicators = def.indicators ?? [];
  let check: (s: string) => { ok: boolean; expected: string };
  const exceptSource = except.source;
  const exceptRe = except.regex;
  switch (def.match) {
    case "$title":
      check = (s) => checkTitle(s, def.style ?? "AP", vocab, exceptRe, exceptSource, threshold);
      break;
    case "$sentence":
      check = (s) => checkSentence(s, vocab, exceptRe, exceptSource, indicators, threshold);
      break;
    case "$lower":
      check = (s) => ({ ok: s === s.toLowerCase() || except.test(s), expected: s.toLowerCase() });
      break;
    case "$upper":
      check = (s) => ({ ok: s === s.toUpperCase() || except.test(s), expected: s.toUpperCase() });
      break;
    default: {
      const re = compilePattern(def.match, {
        field: "match",
        line: p.lineOf(["match"]),
        checkEverything: false,
        global: false,
      }).re;
      check = (s) => ({ ok: re.test(s) || except.test(s), expected: def.match });
    }
  }
  const caseStyle = def.match === "$title" || def.match === "$sentence";
  return {
    ...base,
    run(r) {
      r.views.forEach((view, v) => {
        const text = view.text.text;
        const res = check(text);
        r.tick();
        if (res.ok) return;
        let action = base.action;
        if (action.Name === "replace" && action.Params === null && caseStyle) {
          action = { Name: "replace", Params: [res.expected] };
        }
        r.alert(v, 0, text.length, { message: formatMessage(base.message, text, res.expected), match: text, action });
      });
    },
  };
}

/** Scope of measuring rules: unset or `text` means the document summary, like Vale. */
function measuredScope(scope: string[] | undefined): string[] {
  if (!scope || scope.length === 0 || (scope.length === 1 && scope[0] === "text")) return ["summary"];
  return scope;
}

const METRIC_VARIABLES = new Set([
  "words",
  "sentences",
  "paragraphs",
  "characters",
  "syllables",
  "complex_words",
  "long_words",
  "polysyllabic_words",
  "pre",
  "list",
  "blockquote",
  "heading_h1",
  "heading_h2",
  "heading_h3",
  "heading_h4",
  "heading_h5",
  "heading_h6",
  "figure_caption",
  "script",
  "style",
  "figure",
  "noscript",
  "iframe",
]);

function metricParams(r: RuleRun, v: number): Record<string, number> | null {
  const s = r.stats(v);
  if (s.words === 0) return null;
  const params: Record<string, number> = {};
  for (const name of METRIC_VARIABLES) params[name] = 0;
  for (const [k, n] of Object.entries(r.counts)) {
    if (!k.startsWith("table")) params[k.replace(/\./g, "_")] = n;
  }
  Object.assign(params, {
    words: s.words,
    sentences: s.sentences,
    paragraphs: s.paragraphs,
    characters: s.characters,
    syllables: s.syllables,
    complex_words: s.complexWords,
    long_words: s.longWords,
    polysyllabic_words: s.polysyllabicWords,
  });
  return params;
}

function compileMetric(p: ParsedRule, def: MetricDef): CompiledRule {
  const base = baseOf(p, measuredScope(def.scope));
  const formulaSrc = def.formula.replace(/heading\.(h[1-6])/g, "heading_$1");
  const parseField = (field: "formula" | "condition", src: string) => {
    try {
      return parseExpr(src);
    } catch (e) {
      throw new RuleCompileError(
        `invalid ${field}: ${e instanceof Error ? e.message : String(e)}`,
        field,
        p.lineOf([field]),
      );
    }
  };
  const formula = parseField("formula", formulaSrc);
  parseField("condition", `0 ${def.condition}`);
  for (const name of exprVariables(formula)) {
    if (!METRIC_VARIABLES.has(name)) {
      throw new RuleCompileError(`unknown variable '${name}' in formula`, "formula", p.lineOf(["formula"]));
    }
  }
  return {
    ...base,
    run(r) {
      r.views.forEach((view, v) => {
        const params = metricParams(r, v);
        if (!params) return;
        const res = evalExpr(formula, params);
        if (typeof res !== "number") throw new ExprError("formula did not produce a number");
        const cond = evalExpr(parseExpr(`${res.toFixed(6)} ${def.condition}`), params);
        if (cond !== true) return;
        const message = formatMessage(base.message, res.toFixed(2));
        if (view.kind === "summary") r.docAlert(message);
        else r.alert(v, 0, 0, { message, match: "" });
      });
    },
  };
}

function compileReadability(p: ParsedRule, def: ReadabilityDef): CompiledRule {
  const base = baseOf(p, measuredScope(def.scope));
  const metrics: ReadabilityMetric[] = [];
  for (const m of def.metrics) {
    if (!(READABILITY_METRICS as readonly string[]).includes(m)) {
      throw new RuleCompileError(
        `unknown readability metric '${m}' (one of: ${READABILITY_METRICS.join(", ")})`,
        "metrics",
        p.lineOf(["metrics"]),
      );
    }
    metrics.push(m as ReadabilityMetric);
  }
  if (metrics.length === 0) throw new RuleCompileError("'metrics' must not be empty", "metrics", p.lineOf(["metrics"]));
  return {
    ...base,
    run(r) {
      r.views.forEach((view, v) => {
        const s = r.stats(v);
        if (s.words === 0) return;
        const grade = metrics.reduce((sum, m) => sum + gradeLevel(m, s), 0) / metrics.length;
        if (!(grade > def.grade)) return;
        const message = formatMessage(base.message, grade.toFixed(2));
        if (view.kind === "summary") r.docAlert(message);
        else r.alert(v, 0, 0, { message, match: "" });
      });
    },
  };
}

/** Compiles a parsed rule. Returns the rule or a diagnostic naming file, line and field. */
export function compileRule(p: ParsedRule, env: CompileEnv): CompiledRule | Diagnostic {
  const def: RuleDef = p.def;
  try {
    switch (def.extends) {
      case "existence":
        return compileExistence(p, def, env);
      case "substitution":
        return compileSubstitution(p, def, env);
      case "occurrence":
        return compileOccurrence(p, def);
      case "repetition":
        return compileRepetition(p, def, env);
      case "consistency":
        return compileConsistency(p, def, env);
      case "conditional":
        return compileConditional(p, def, env);
      case "capitalization":
        return compileCapitalization(p, def, env);
      case "metric":
        return compileMetric(p, def);
      case "readability":
        return compileReadability(p, def);
    }
  } catch (e) {
    if (e instanceof RuleCompileError) {
      return {
        kind: "rule",
        severity: "error",
        message: e.message,
        file: p.file,
        line: e.line,
        field: e.field,
        rule: p.name,
      };
    }
    throw e;
  }
}

import { checkBacktracking, checkMatchesEverything } from "../regex/safety";
import { PatternError, stripCaptures, translate } from "../regex/translate";
import type { ScopeSpec, ViewKind } from "../scope";
import type { ControlState } from "../text/document";
import type { MappedText } from "../text/mapped";
import type { TextStats } from "../text/stats";
import type { AlertAction, Severity } from "../types";
import type { RuleKind } from "./schema";

/** A rule compiled for matching. */
export interface CompiledRule {
  name: string;
  style: string;
  kind: RuleKind;
  level: Severity;
  message: string;
  description: string;
  link: string;
  /** Maximum alerts per file (0 = unlimited). */
  limit: number;
  action: AlertAction;
  scope: ScopeSpec;
  file: string;
  /** Words used by this rule's literal prefilters (the engine indexes only these). */
  prefilterWords?: PrefilterWords;
  /**
   * The patterns this rule runs and how (`spans`, `firstGroups`, `matchAll`): the engine shares
   * results between rules running the same pattern on the same views, and tokenises run patterns
   * of one scope together.
   */
  patternUses?: PatternUse[];
  run(r: RuleRun): void;
}

export interface PrefilterWords {
  exact: string[];
  lower: string[];
}

export interface PatternUse {
  p: CompiledPattern;
  use: "spans" | "groups" | "all";
}

/** Collects the prefilter words of some patterns. */
export function prefilterWordsOf(patterns: readonly CompiledPattern[]): PrefilterWords | undefined {
  const out: PrefilterWords = { exact: [], lower: [] };
  for (const p of patterns) {
    if (!p.prefilter) continue;
    (p.prefilter.ignoreCase ? out.lower : out.exact).push(...p.prefilter.words);
  }
  return out.exact.length + out.lower.length > 0 ? out : undefined;
}

/** A piece of text a rule runs on. */
export interface View {
  text: MappedText;
  kind: ViewKind;
  sections: string[];
  control: ControlState;
}

export interface RawMatch {
  view: number;
  /** Index of the match in the view's text. */
  index: number;
  text: string;
  groups: (string | undefined)[];
  /** Offsets of the groups from `index` (only for patterns compiled with the `d` flag). */
  groupOffsets?: (number | undefined)[];
}

/** A match reduced to its first participating capture group. */
export interface GroupMatch {
  view: number;
  /** Index of the match in the view's text. */
  index: number;
  /** Length of the whole match. */
  length: number;
  /** 0-based index of the first group that participated, or -1 if none did. */
  group: number;
  /** That group's text (the whole match's if none did). */
  text: string;
  /** Offset of the group from `index`. */
  offset: number;
}

export interface AlertInput {
  message: string;
  /** Defaults to the matched text. */
  match?: string;
  action?: AlertAction;
}

/** Match positions in typed arrays: match k is in view `view[k]` at `index[k]`, `length[k]` long. */
export interface Spans {
  n: number;
  view: Int32Array;
  index: Int32Array;
  length: Int32Array;
  /**
   * Optionally, all views' texts in one string: view v's text is `text.slice(base[v], base[v] + len)`.
   * Reading characters there is cheaper than through each view (one flat string, no pointer chasing).
   */
  text?: string;
  base?: Int32Array;
  /** Optionally, where each view's matches start: view v's are matches `[viewStart[v], viewStart[v + 1])`. */
  viewStart?: Int32Array;
}

/** What a rule sees while it runs on one document. */
export interface RuleRun {
  readonly views: readonly View[];
  /** All non-empty matches of `p` in the views, in document order. */
  matchAll(p: CompiledPattern): RawMatch[];
  /** All non-empty matches reduced to their first participating capture group, in document order. */
  firstGroups(p: CompiledPattern): GroupMatch[];
  /** Positions of all non-empty matches (cheaper than `matchAll` for rules that see many). */
  spans(p: CompiledPattern): Spans;
  /**
   * Streams match positions in document order without storing them. `reset` is called if the
   * engine has to start over (a match crossed a view boundary in the joined text): forget all state.
   */
  scan(p: CompiledPattern, onMatch: (view: number, index: number, length: number) => void, reset: () => void): void;
  alert(view: number, start: number, end: number, a: AlertInput): void;
  /** A document-level alert (reported at line 1, like Vale's readability/metric alerts). */
  docAlert(message: string): void;
  /** Text statistics of a view (summary views: Vale's document summary). */
  stats(view: number): TextStats;
  /** Structural counts of the document (`pre`, `list`, `heading.h2`...). */
  readonly counts: Readonly<Record<string, number>>;
  /** Throws when the rule has used up its time budget (checked between matches). */
  tick(): void;
}

export interface CompiledPattern {
  re: RegExp;
  edgeSensitive: boolean;
  /**
   * Literal prefilter (Vale's MightMatch): the pattern can only match if one of these ASCII word
   * runs occurs as a whole word run in the text. Absent when it cannot be derived.
   */
  prefilter?: { words: string[]; ignoreCase: boolean; anchored: boolean };
}

/**
 * The fixed text a pattern matches (whitespace-tolerant: `\s+` reads as a space), or null when
 * the pattern can match anything else: letters, digits, spaces, `'`, `’`, `-` and escaped
 * punctuation only.
 */
function literalForm(alt: string): string | null {
  let out = "";
  for (let i = 0; i < alt.length; i++) {
    const c = alt[i]!;
    if (c === "\\") {
      const n = alt[i + 1];
      if (n === undefined) return null;
      if (n === "s") {
        out += " ";
        i += alt[i + 2] === "+" ? 2 : 1;
        continue;
      }
      if (/[A-Za-z0-9]/.test(n)) return null;
      out += n;
      i++;
      continue;
    }
    if (!/[\p{L}\p{N} '\u2019-]/u.test(c)) return null;
    out += c;
  }
  return out;
}

/**
 * Word runs every match must contain, for a word-bounded alternation of literal phrases. Returns
 * undefined when any alternative is not a plain phrase (then no prefilter is used).
 */
export function literalPrefilter(alternatives: readonly string[], ignoreCase: boolean): CompiledPattern["prefilter"] {
  const words: string[] = [];
  let anchored = true;
  for (const alt of alternatives) {
    const lit = literalForm(alt);
    if (lit === null) return undefined;
    const first = /[A-Za-z0-9_]+/.exec(lit);
    if (!first) return undefined;
    // Anchored: every match starts exactly where its first word run starts.
    if (first.index !== 0) anchored = false;
    words.push(ignoreCase ? first[0].toLowerCase() : first[0]);
  }
  return words.length > 0 ? { words: [...new Set(words)], ignoreCase, anchored } : undefined;
}

/** Splits `(?:a|b|c)` into its alternatives when it is exactly one such group; otherwise [s]. */
export function simpleAlternatives(s: string): string[] {
  const m = /^\(\?:([^()[\]\\]*)\)$/.exec(s);
  return m ? m[1]!.split("|") : [s];
}

export interface CompileEnv {
  /** Accepted vocabulary terms (exceptions for rules with `vocab: true`). */
  accepted: readonly string[];
  /** `.vale.ini` `WordTemplate`, e.g. `\b(?:%s)\b`. */
  wordTemplate?: string;
}

/** A rule that cannot be compiled: points at the field and line responsible. */
export class RuleCompileError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "RuleCompileError";
  }
}

export interface PatternOptions {
  field: string;
  line: number;
  ignoreCase?: boolean;
  /** Reject patterns that match the empty string or everything (default true). */
  checkEverything?: boolean;
  global?: boolean;
  /** Only whole matches are needed: make capture groups non-capturing (cheaper), unless backreferences use them. */
  noCaptures?: boolean;
}

/** Translates, compiles and vets one Vale pattern. Throws RuleCompileError naming field and line. */
export function compilePattern(
  goPattern: string,
  opts: PatternOptions,
): CompiledPattern & { source: string; flags: string } {
  let tr;
  if (opts.noCaptures && !/\\[1-9]|\\k</.test(goPattern)) goPattern = stripCaptures(goPattern);
  try {
    tr = translate(goPattern, { ignoreCase: opts.ignoreCase });
  } catch (e) {
    const msg = e instanceof PatternError ? e.message : String(e);
    throw new RuleCompileError(`invalid pattern in '${opts.field}': ${msg}`, opts.field, opts.line);
  }
  let re: RegExp;
  try {
    re = new RegExp(tr.source, (opts.global === false ? "" : "g") + tr.flags);
  } catch (e) {
    throw new RuleCompileError(
      `invalid pattern in '${opts.field}': ${e instanceof Error ? e.message : String(e)}`,
      opts.field,
      opts.line,
    );
  }
  const redos = checkBacktracking(tr.source, tr.flags, tr.suspicious);
  if (!redos.ok)
    throw new RuleCompileError(`unsafe pattern in '${opts.field}': ${redos.message}`, opts.field, opts.line);
  if (opts.checkEverything !== false) {
    const every = checkMatchesEverything(re);
    if (!every.ok)
      throw new RuleCompileError(`bad pattern in '${opts.field}': ${every.message}`, opts.field, opts.line);
  }
  return { re, edgeSensitive: tr.edgeSensitive, source: tr.source, flags: tr.flags };
}

const VALE_WORD_TEMPLATE = "(?m)\\b(?:%s)\\b";
const VALE_NONWORD_TEMPLATE = "(?m)(?:%s)";

/** Vale's makeRegexp: wraps `%s` in the word (or non-word) template, with raw before or after. */
export function makeValePattern(opts: {
  wordTemplate?: string;
  ignoreCase: boolean;
  word: boolean;
  raw?: string;
  append?: boolean;
  body: string;
}): string {
  const template = opts.word ? opts.wordTemplate || VALE_WORD_TEMPLATE : VALE_NONWORD_TEMPLATE;
  const withBody = template.split("%s").join(opts.body);
  const raw = opts.raw ?? "";
  const regex = opts.append ? withBody + raw : raw + withBody;
  return (opts.ignoreCase ? "(?i)" : "") + regex;
}

/** Matches Vale's exception semantics: an alert is dropped when its text contains an exception term. */
export interface Exceptions {
  test(observed: string): boolean;
  /** Source of the exception pattern (for capitalization's word splitter). */
  source: string | null;
  regex: RegExp | null;
}

/**
 * Vale's updateExceptions: rule exceptions plus (when `vocab`) accepted terms, longest first, each
 * case-sensitive unless it starts with `(?i)`, in a word-bounded alternation searched (unanchored)
 * in the observed text.
 */
export function buildExceptions(terms: readonly string[], field: string, line: number): Exceptions {
  const list = [...terms].filter((t) => t.trim() !== "");
  if (list.length === 0) return { test: () => false, source: null, regex: null };
  list.sort((a, b) => b.length - a.length);
  const body = list.map((t) => (t.startsWith("(?i)") ? t : `(?-i)${t}`)).join("|");
  const p = compilePattern(`(?m)\\b(?:${body})\\b`, { field, line, checkEverything: false, global: false });
  const re = p.re;
  return { test: (s) => re.test(s), source: p.source, regex: re };
}

/** Vale's buildPhraseRe: multi-word exception terms, matched case-insensitively in the block. */
export function buildPhrases(terms: readonly string[], field: string, line: number): CompiledPattern | null {
  const phrases = terms.filter((t) => /[ \t]/.test(t) || t.includes("\\s"));
  if (phrases.length === 0) return null;
  try {
    return compilePattern(`(?i)\\b(?:${phrases.join("|")})\\b`, { field, line, checkEverything: false });
  } catch {
    return null;
  }
}

/** Is the span [start, end) of a view's text inside one of the phrase matches? */
export function withinPhrase(phrase: CompiledPattern | null, text: string, start: number, end: number): boolean {
  if (!phrase) return false;
  const re = phrase.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (start >= m.index && end <= m.index + m[0].length) return true;
    if (m.index > end) break;
  }
  return false;
}

type Piece = string | { verb: string; index: number | null; precision: number | null };
const templates = new Map<string, Piece[]>();

function template(msg: string): Piece[] {
  let t = templates.get(msg);
  if (t) return t;
  t = [];
  const re = /%(%|(?:\[(\d+)\])?[-+# 0]*\d*(?:\.(\d+))?([svdqfg]))/g;
  let last = 0;
  for (let m = re.exec(msg); m; m = re.exec(msg)) {
    if (m.index > last) t.push(msg.slice(last, m.index));
    if (m[1] === "%") t.push("%");
    else t.push({ verb: m[4]!, index: m[2] ? Number(m[2]) - 1 : null, precision: m[3] ? Number(m[3]) : null });
    last = m.index + m[0].length;
  }
  if (last < msg.length) t.push(msg.slice(last));
  if (templates.size > 5000) templates.clear();
  templates.set(msg, t);
  return t;
}

/** Go's fmt with Vale's CondSprintf: `%s`/`%v`/`%d` take the next argument (missing -> ""), `%%` -> `%`. */
export function formatMessage(msg: string, ...args: (string | number)[]): string {
  if (!msg.includes("%")) return msg.includes("\n") ? msg.replace(/\n/g, " ") : msg;
  let k = 0;
  let out = "";
  for (const piece of template(msg)) {
    if (typeof piece === "string") {
      out += piece;
      continue;
    }
    const v = args[piece.index ?? k++];
    if (v === undefined) continue;
    if (piece.verb === "q") out += JSON.stringify(String(v));
    else if ((piece.verb === "f" || piece.verb === "g") && typeof v === "number")
      out += v.toFixed(piece.precision ?? 6);
    else out += String(v);
  }
  return out.includes("\n") ? out.replace(/\n/g, " ") : out;
}

/** Vale's ToSentence: 'a', 'a' or 'b', 'a', 'b', or 'c'. */
export function toSentenceList(words: readonly string[], conj: string): string {
  if (words.length === 0) return "";
  if (words.length === 1) return `'${words[0]}'`;
  if (words.length === 2) return `'${words[0]}' ${conj} '${words[1]}'`;
  const quoted = words.map((w) => `'${w}'`);
  quoted[quoted.length - 1] = `${conj} ${quoted[quoted.length - 1]}`;
  return quoted.join(", ");
}

/** The suggestions an action produces for a match (Vale's FixAlert), or null if not computable. */
export function fixesFor(action: AlertAction, match: string): string[] | null {
  const params = action.Params ?? [];
  switch (action.Name) {
    case "replace":
      return params;
    case "remove":
      return [""];
    case "edit": {
      const [op, a, b] = params;
      let m = match;
      switch (op) {
        case "regex":
          if (a === undefined || b === undefined) return null;
          try {
            m = m.replace(new RegExp(translate(a).source, "g" + translate(a).flags), b);
          } catch {
            return null;
          }
          break;
        case "trim_right":
          if (a === undefined) return null;
          m = trimChars(m, a, false, true);
          break;
        case "trim_left":
          if (a === undefined) return null;
          m = trimChars(m, a, true, false);
          break;
        case "trim":
          if (a === undefined) return null;
          m = trimChars(m, a, true, true);
          break;
        case "truncate":
          if (a === undefined) return null;
          m = m.split(a)[0]!;
          break;
        case "split": {
          if (a === undefined || b === undefined) return null;
          const parts = m.split(a);
          const i = Number(b);
          if (!Number.isInteger(i) || i >= parts.length) return null;
          m = parts[i]!;
          break;
        }
        default:
          return null;
      }
      return [m.trim()];
    }
    default:
      return null;
  }
}

function trimChars(s: string, cutset: string, left: boolean, right: boolean): string {
  const set = new Set(cutset);
  let a = 0;
  let b = s.length;
  if (left) while (a < b && set.has(s[a]!)) a++;
  if (right) while (b > a && set.has(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Vale's alertFor message: `%s` is the match; with an action, the second `%s` is the suggestion. */
export function standardMessage(rule: { message: string; action: AlertAction }, match: string): string {
  if (rule.action.Name !== "") {
    const fixed = fixesFor(rule.action, match);
    if (fixed && fixed.length > 0) {
      const repl = fixed.length === 1 ? fixed[0]! : toSentenceList(fixed, "or");
      return formatMessage(rule.message, match, repl);
    }
  }
  return formatMessage(rule.message, match);
}

/** Vale's IsPhrase: letters, digits, spaces and hyphens only (else treated as a regex). */
export function isPhrase(s: string): boolean {
  return /^[\p{L}\p{N} -]*$/u.test(s);
}

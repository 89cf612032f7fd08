import path from "node:path";
import { type EngineConfig, ignoresForPath, rulesForPath } from "../config/config";
import { translate } from "../regex/translate";
import { type CompiledRule, type RuleRun, type View, formatMessage } from "../rules/common";
import type { LoadedStyles } from "../rules/load";
import { CONTROL_ON, type ParsedDocument, isDisabled } from "../text/document";
import { parseHtmlDocument } from "../text/html";
import { parseMarkdown } from "../text/markdown";
import { parsePlainText } from "../text/plaintext";
import { type TextStats, computeStats } from "../text/stats";
import {
  type Alert,
  type AlertAction,
  type Diagnostic,
  type DocumentFormat,
  type LintOutput,
  type Severity,
  severityRank,
} from "../types";
import { LineIndex } from "./locate";
import { RuleTimeout, runBounded } from "./sandbox";
import { DocumentViews, ViewSet } from "./views";

export interface LintOptions {
  format: DocumentFormat;
  /** Path of the document: selects `.vale.ini` sections and the scope extension (`text.md`). */
  path?: string;
  /** A loaded configuration (`loadConfig` / `configFromObject`). */
  config?: EngineConfig;
  /** Or rules directly (all active at their own level). */
  rules?: readonly CompiledRule[] | LoadedStyles;
  /** Overrides the configuration's `MinAlertLevel`. */
  minAlertLevel?: Severity;
  /** Time budget of one rule on this document. Default: 1 s + 0.4 s per MB. */
  ruleTimeoutMs?: number;
  /** Lint string values of Markdown front matter (Vale 3 behaviour). Default false: front matter is skipped. */
  lintFrontMatter?: boolean;
  /** Receives the time each rule took on this document (profiling). */
  onRuleTime?: (rule: string, ms: number) => void;
}

/**
 * A rule's alerts before locating, column by column (no object per alert): source offsets
 * (`start`, `end`), message, matched text, action. `doc` lists document-level alerts.
 */
class Pending {
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly message: string[] = [];
  readonly match: string[] = [];
  readonly action: AlertAction[] = [];
  doc: Set<number> | null = null;

  get length(): number {
    return this.start.length;
  }

  push(start: number, end: number, message: string, match: string, action: AlertAction): void {
    this.start.push(start);
    this.end.push(end);
    this.message.push(message);
    this.match.push(match);
    this.action.push(action);
  }
}

const FORMAT_EXT: Record<DocumentFormat, string> = { markdown: "md", html: "html", text: "txt" };

export function defaultRuleTimeoutMs(sourceLength: number): number {
  return Math.round(1000 + 400 * (sourceLength / 1_000_000));
}

function extensionFor(format: DocumentFormat, filePath: string | undefined, config?: EngineConfig): string {
  if (filePath) {
    const ext = path.extname(filePath).slice(1).toLowerCase();
    if (ext) return config?.formats[ext] ?? ext;
  }
  return FORMAT_EXT[format];
}

/** Applies TokenIgnores (masked with `@`) and BlockIgnores (blanked) without moving any offset. */
function applyIgnores(source: string, tokens: string[], blocks: string[], diags: Diagnostic[]): string {
  if (tokens.length === 0 && blocks.length === 0) return source;
  let out = source;
  const apply = (patterns: string[], fill: string, field: string) => {
    for (const p of patterns) {
      let re: RegExp;
      try {
        const t = translate(p);
        re = new RegExp(t.source, `g${t.flags.includes("u") ? "u" : ""}${t.flags.includes("i") ? "i" : ""}m`);
      } catch (e) {
        diags.push({
          kind: "config",
          severity: "error",
          message: `invalid ${field} pattern '${p}': ${String(e)}`,
          field,
        });
        continue;
      }
      out = out.replace(re, (m) => m.replace(/[^\r\n]/g, fill));
    }
  };
  apply(blocks, " ", "BlockIgnores");
  apply(tokens, "@", "TokenIgnores");
  return out;
}

function parseDocument(source: string, opts: LintOptions, ext: string): ParsedDocument {
  const htmlOpts = { skippedTags: opts.config?.skippedScopes, ignoredInline: opts.config?.ignoredScopes };
  switch (opts.format) {
    case "markdown":
      return parseMarkdown(source, { ...htmlOpts, lintFrontMatter: opts.lintFrontMatter }, ext);
    case "html":
      return parseHtmlDocument(source, htmlOpts);
    case "text":
      return parsePlainText(source, ext);
  }
}

/**
 * Lints one document. Pure apart from the clock: no I/O. Bad rules were already reported when
 * loading (they are repeated in `errors`); rules that time out are stopped and reported both as
 * an error-level alert and in `errors`.
 */
export function lint(source: string, opts: LintOptions): LintOutput {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  let active: { rule: CompiledRule; level: Severity }[];
  let minLevel: Severity;
  if (opts.config) {
    active = rulesForPath(opts.config, opts.path);
    errors.push(...opts.config.errors);
    warnings.push(...opts.config.warnings);
    minLevel = opts.minAlertLevel ?? opts.config.minAlertLevel;
  } else if (opts.rules) {
    const list = Array.isArray(opts.rules)
      ? (opts.rules as readonly CompiledRule[])
      : (opts.rules as LoadedStyles).rules;
    if (!Array.isArray(opts.rules)) {
      errors.push(...(opts.rules as LoadedStyles).errors);
      warnings.push(...(opts.rules as LoadedStyles).warnings);
    }
    active = list.map((rule) => ({ rule, level: rule.level }));
    minLevel = opts.minAlertLevel ?? "suggestion";
  } else {
    throw new TypeError("lint: pass either `config` or `rules`");
  }
  active = active.filter((a) => severityRank(a.level) >= severityRank(minLevel));

  const ext = extensionFor(opts.format, opts.path, opts.config);
  const ignores = opts.config ? ignoresForPath(opts.config, opts.path) : { tokens: [], blocks: [] };
  const parseSource = applyIgnores(source, ignores.tokens, ignores.blocks, errors);
  const doc = parseDocument(parseSource, opts, ext);
  doc.source = source;
  const interesting = { exact: new Set<string>(), lower: new Set<string>() };
  for (const { rule } of active) {
    for (const w of rule.prefilterWords?.exact ?? []) interesting.exact.add(w);
    for (const w of rule.prefilterWords?.lower ?? []) interesting.lower.add(w);
  }
  const views = new DocumentViews(doc, ext, interesting);
  const hasControls = doc.blocks.some((b) => b.control !== CONTROL_ON);
  for (const { rule } of active) {
    if (rule.patternUses) for (const u of rule.patternUses) views.expect(rule.scope, u.p, u.use);
  }
  const budget = opts.ruleTimeoutMs ?? defaultRuleTimeoutMs(source.length);
  const statsCache = new WeakMap<View, TextStats>();

  const outcome = runBounded(
    active.length,
    (i, deadline) => {
      const { rule } = active[i]!;
      let set = views.select(rule.scope);
      if (hasControls && set.views.some((v) => isDisabled(v.control, rule.name, rule.style))) {
        set = new ViewSet(
          set.views.filter((v) => !isDisabled(v.control, rule.name, rule.style)),
          interesting,
        );
      }
      const out = new Pending();
      let linear: { base: Int32Array; length: Int32Array } | null = null;
      const run: RuleRun = {
        views: set.views,
        matchAll: (p) => set.matchAll(p, deadline),
        firstGroups: (p) => set.firstGroups(p, deadline),
        spans: (p) => set.spans(p, deadline),
        scan: (p, onMatch, reset) => set.scan(p, deadline, onMatch, reset),
        alert: (v, start, end, a) => {
          linear ??= set.linearMap();
          const base = linear.base[v]!;
          if (base >= 0 && a.match !== undefined) {
            // A linear view: its source offsets are base + position (clamped to its length).
            const len = linear.length[v]!;
            const s0 = base + Math.min(start, len);
            out.push(
              s0,
              end > start ? base + Math.min(Math.max(end, 0), len) : s0,
              a.message,
              a.match,
              a.action ?? rule.action,
            );
            return;
          }
          const text = set.views[v]!.text;
          const s0 = text.sourceStart(start);
          out.push(
            s0,
            end > start ? text.sourceEnd(end) : s0,
            a.message,
            a.match ?? text.text.slice(start, end),
            a.action ?? rule.action,
          );
        },
        docAlert: (message) => {
          (out.doc ??= new Set()).add(out.length);
          out.push(0, 0, message, "", rule.action);
        },
        stats: (v) => {
          const view = set.views[v]!;
          let s = statsCache.get(view);
          if (!s) {
            s = computeStats(view.text.text);
            statsCache.set(view, s);
          }
          return s;
        },
        counts: doc.counts,
        tick: () => {
          if (deadline()) throw new RuleTimeout();
        },
      };
      const t0 = opts.onRuleTime ? performance.now() : 0;
      rule.run(run);
      if (opts.onRuleTime) opts.onRuleTime(rule.name, performance.now() - t0);
      return out;
    },
    budget,
  );

  const lines = new LineIndex(source);
  const alerts: Alert[] = [];
  // Sort keys of each alert, kept apart from the objects (cheaper to read when sorting).
  const keyLine: number[] = [];
  const keyCol: number[] = [];
  const keyRank: number[] = [];
  const rankOf = new Map<string, number>();
  [...new Set(active.map((a) => a.rule.name))].sort(cmp).forEach((name, r) => rankOf.set(name, r));
  active.forEach(({ rule, level }, i) => {
    const pending = outcome.results[i];
    if (!pending || pending.length === 0) return;
    const starts = pending.start;
    const ends = pending.end;
    let sorted = true;
    for (let k = 1; k < starts.length; k++) {
      if (starts[k]! < starts[k - 1]!) {
        sorted = false;
        break;
      }
    }
    let order: number[] | null = null;
    if (!sorted) {
      order = starts.map((_, k) => k);
      order.sort((x, y) => starts[x]! - starts[y]!);
    }
    // Vale drops an alert of the same check at the same line and column. In start order the keys
    // (line, column) never decrease, so a repeat is the previous key; `seen` is only needed if
    // the numeric key ever goes down (columns past 2^20).
    const first = alerts.length;
    const rank = rankOf.get(rule.name)!;
    let lastKey = -1;
    let seen: Set<number> | null = null;
    let count = 0;
    for (let j = 0; j < pending.length; j++) {
      const k = order ? order[j]! : j;
      let line = 1;
      let span: [number, number];
      if (pending.doc === null || !pending.doc.has(k)) {
        span = lines.spanOf(starts[k]!, ends[k]!);
        line = lines.lastLine;
      } else span = [1, 1];
      const key = line * 1048576 + span[0];
      if (seen === null && key < lastKey) {
        seen = new Set<number>();
        for (let a = first; a < alerts.length; a++) seen.add(alerts[a]!.Line * 1048576 + alerts[a]!.Span[0]);
      }
      if (seen !== null ? seen.has(key) : key === lastKey) continue;
      if (rule.limit > 0 && count >= rule.limit) break;
      if (seen !== null) seen.add(key);
      lastKey = key;
      count++;
      const action = pending.action[k]!;
      const match = pending.match[k]!;
      keyLine.push(line);
      keyCol.push(span[0]);
      keyRank.push(rank);
      alerts.push({
        Action: { Name: action.Name, Params: action.Params ? [...action.Params] : null },
        Span: span,
        Check: rule.name,
        Description: rule.description === "" ? "" : formatMessage(rule.description, match),
        Link: rule.link,
        Message: pending.message[k]!,
        Severity: level,
        Match: match,
        Line: line,
        start: starts[k]!,
        end: ends[k]!,
      });
    }
  });
  for (const i of outcome.timedOut) {
    const { rule } = active[i]!;
    const message = `Rule '${rule.name}' timed out after ${budget} ms on this document and was stopped; its results are incomplete.`;
    keyLine.push(1);
    keyCol.push(1);
    keyRank.push(rankOf.get(rule.name)!);
    alerts.push({
      Action: { Name: "", Params: null },
      Span: [1, 1],
      Check: rule.name,
      Description: "",
      Link: rule.link,
      Message: message,
      Severity: "error",
      Match: "",
      Line: 1,
      start: 0,
      end: 0,
    });
    errors.push({ kind: "timeout", severity: "error", message, rule: rule.name, file: rule.file });
  }
  for (const f of outcome.failed) {
    const { rule } = active[f.index]!;
    errors.push({
      kind: "runtime",
      severity: "error",
      message: `Rule '${rule.name}' failed: ${f.error instanceof Error ? f.error.message : String(f.error)}`,
      rule: rule.name,
      file: rule.file,
    });
  }
  return { alerts: sortAlerts(alerts, keyLine, keyCol, keyRank), errors, warnings };
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Sorts alerts by line, column, check and message (stable), given each alert's line, column and
 * the rank of its check among the sorted check names: a counting sort by line, then each line's
 * few alerts by column, check and (rarely needed) message.
 */
export function sortAlerts(alerts: Alert[], line: number[], col: number[], rank: number[]): Alert[] {
  const n = alerts.length;
  const full = (a: Alert, b: Alert) =>
    a.Line - b.Line || a.Span[0] - b.Span[0] || cmp(a.Check, b.Check) || cmp(a.Message, b.Message);
  let maxLine = 0;
  for (let i = 0; i < n; i++) {
    const l = line[i]!;
    if (!(Number.isInteger(l) && l >= 0)) return alerts.sort(full);
    if (l > maxLine) maxLine = l;
  }
  if (maxLine > 4 * n + 1_000_000) return alerts.sort(full);
  const count = new Int32Array(maxLine + 2);
  for (let i = 0; i < n; i++) count[line[i]! + 1]!++;
  for (let l = 1; l < count.length; l++) count[l]! += count[l - 1]!;
  // Stable placement by line (indices into `alerts`).
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[count[line[i]!]!++] = i;
  const before = (x: number, y: number) =>
    col[x]! - col[y]! || rank[x]! - rank[y]! || cmp(alerts[x]!.Message, alerts[y]!.Message) || x - y;
  for (let a = 0; a < n;) {
    let b = a + 1;
    while (b < n && line[order[b]!] === line[order[a]!]) b++;
    if (b - a > 1) {
      if (b - a <= 32) {
        for (let i = a + 1; i < b; i++) {
          const x = order[i]!;
          let j = i - 1;
          while (j >= a && before(order[j]!, x) > 0) {
            order[j + 1] = order[j]!;
            j--;
          }
          order[j + 1] = x;
        }
      } else {
        const part = Array.from(order.subarray(a, b)).sort(before);
        for (let i = a; i < b; i++) order[i] = part[i - a]!;
      }
    }
    a = b;
  }
  const out = new Array<Alert>(n);
  for (let i = 0; i < n; i++) out[i] = alerts[order[i]!]!;
  return out;
}

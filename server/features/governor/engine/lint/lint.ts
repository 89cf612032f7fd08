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

interface Pending {
  view: View | null;
  start: number;
  end: number;
  message: string;
  match: string;
  action: AlertAction;
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
      const out: Pending[] = [];
      const run: RuleRun = {
        views: set.views,
        matchAll: (p) => set.matchAll(p, deadline),
        spans: (p) => set.spans(p, deadline),
        scan: (p, onMatch, reset) => set.scan(p, deadline, onMatch, reset),
        alert: (v, start, end, a) => {
          const view = set.views[v]!;
          out.push({
            view,
            start,
            end,
            message: a.message,
            match: a.match ?? view.text.text.slice(start, end),
            action: a.action ?? rule.action,
          });
        },
        docAlert: (message) => out.push({ view: null, start: 0, end: 0, message, match: "", action: rule.action }),
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
  active.forEach(({ rule, level }, i) => {
    const pending = outcome.results[i];
    if (!pending || pending.length === 0) return;
    const starts = new Array<number>(pending.length);
    const ends = new Array<number>(pending.length);
    let sorted = true;
    pending.forEach((p, k) => {
      const start = p.view ? p.view.text.sourceStart(p.start) : 0;
      starts[k] = start;
      ends[k] = p.view && p.end > p.start ? p.view.text.sourceEnd(p.end) : start;
      if (k > 0 && start < starts[k - 1]!) sorted = false;
    });
    const order = pending.map((_, k) => k);
    if (!sorted) order.sort((x, y) => starts[x]! - starts[y]!);
    const seen = new Set<number>();
    let count = 0;
    for (const k of order) {
      const p = pending[k]!;
      const loc = p.view ? lines.locate(starts[k]!, ends[k]!) : { line: 1, span: [1, 1] as [number, number] };
      // Vale drops an alert of the same check at the same line and column.
      const key = loc.line * 1048576 + loc.span[0];
      if (seen.has(key)) continue;
      if (rule.limit > 0 && count >= rule.limit) break;
      seen.add(key);
      count++;
      alerts.push({
        Action: { Name: p.action.Name, Params: p.action.Params ? [...p.action.Params] : null },
        Span: loc.span,
        Check: rule.name,
        Description: rule.description === "" ? "" : formatMessage(rule.description, p.match),
        Link: rule.link,
        Message: p.message,
        Severity: level,
        Match: p.match,
        Line: loc.line,
        start: starts[k]!,
        end: ends[k]!,
      });
    }
  });
  for (const i of outcome.timedOut) {
    const { rule } = active[i]!;
    const message = `Rule '${rule.name}' timed out after ${budget} ms on this document and was stopped; its results are incomplete.`;
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
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  alerts.sort((a, b) => a.Line - b.Line || a.Span[0] - b.Span[0] || cmp(a.Check, b.Check) || cmp(a.Message, b.Message));
  return { alerts, errors, warnings };
}

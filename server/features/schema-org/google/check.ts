/**
 * The Google layer: applies the rules in `./rules.ts` to every node the vocabulary walk recorded,
 * then decides rich-result eligibility from all error findings inside each candidate node.
 */
import { isWithin } from "../paths";
import type { JsonLdFinding, RichResultEligibility } from "../types";
import { isPlainObject, MAX_DEPTH, type JsonObject, type NodeRecord, type WalkResult } from "../validate/walk";
import type { Vocabulary } from "../vocabulary/types";
import { isPresent, isTyped, typesOf, valuesOf, type Graph, type Located } from "./access";
import { compileRule, type CompiledRule } from "./compile";
import { googleFinding, type RuleContext } from "./context";
import { CUSTOM_CHECKS } from "./custom";
import { describeFormat, matchesFormat } from "./formats";
import { GOOGLE_RULES, type GoogleRule } from "./rules";

export type RichCandidate = { rule: GoogleRule; record: NodeRecord };

const rulesCache = new WeakMap<Vocabulary, Map<string, readonly GoogleRule[]>>();

/** Rules for a set of types, most specific first; cached per type combination. */
export function rulesFor(vocab: Vocabulary, types: readonly string[]): readonly GoogleRule[] {
  let cache = rulesCache.get(vocab);
  if (!cache) rulesCache.set(vocab, (cache = new Map()));
  const key = types.length === 1 ? (types[0] as string) : types.join("|");
  const known = cache.get(key);
  if (known) return known;
  const matched = GOOGLE_RULES.filter((rule) =>
    types.some((t) => {
      const info = vocab.classes.get(t);
      return info !== undefined && rule.types.some((r) => info.ancestors.has(r));
    }),
  );
  const overridden = new Set(matched.flatMap((r) => r.overrides ?? []));
  const result = matched.filter((r) => !overridden.has(r.id));
  cache.set(key, result);
  return result;
}

type Failure = { where: Located; level: number };

/** Where a property path is missing under `at`; `level` is the index of the missing segment. */
function missing(graph: Graph, at: Located, segs: readonly string[], level: number, out: Failure[]): void {
  const name = segs[level] as string;
  if (name === "@type") {
    if (!isPlainObject(at.value) || !isPresent(at.value["@type"])) out.push({ where: at, level });
    return;
  }
  const values = valuesOf(graph, at, name);
  if (values.length === 0) {
    out.push({ where: at, level });
    return;
  }
  if (level === segs.length - 1) return;
  for (const v of values) {
    if (v.opaque) continue;
    if (!isPlainObject(v.value)) {
      out.push({ where: v, level: level + 1 });
      continue;
    }
    missing(graph, v, segs, level + 1, out);
  }
}

/** True when the path has a value everywhere it is needed (no allocation on the common path). */
function satisfied(graph: Graph, at: Located, segs: readonly string[]): boolean {
  const failures: Failure[] = [];
  missing(graph, at, segs, 0, failures);
  return failures.length === 0;
}

/** All values at a property path (references followed, unknown references skipped). */
function collect(graph: Graph, at: Located, segs: readonly string[]): Located[] {
  let current: Located[] = [at];
  for (const name of segs) {
    const next: Located[] = [];
    for (const c of current) for (const v of valuesOf(graph, c, name)) if (!v.opaque) next.push(v);
    current = next;
  }
  return current;
}

function describeGap(segs: readonly string[], level: number, where: Located): string {
  const parent = segs.slice(0, level).join(".");
  return typeof where.value === "object"
    ? `${parent} has no ${segs[level]}`
    : `${parent} is plain text, not a node with ${segs[level]}`;
}

function applyRule(graph: Graph, compiled: CompiledRule, record: NodeRecord, out: JsonLdFinding[]): void {
  const { rule, label } = compiled;
  const at: Located = { value: record.node, path: record.path, block: record.block };
  const ctx: RuleContext = {
    graph,
    rule,
    record,
    at,
    report: (id, severity, where, message, term) => out.push(googleFinding(rule, id, severity, where, message, term)),
  };

  for (const req of compiled.requirements) {
    if (req.kind === "anyOf") {
      if (req.paths.some((p) => satisfied(graph, at, p.segs))) continue;
      const list = req.anyOf.join(", ");
      const message =
        req.severity === "error"
          ? `${label} requires at least one of ${list}`
          : `At least one of ${list} is recommended for ${label}`;
      ctx.report(req.id, req.severity, at, message);
      continue;
    }
    const failures: Failure[] = [];
    missing(graph, at, req.segs, 0, failures);
    for (const { where, level } of failures) {
      // `author.name` is not reported when `author` itself is missing and listed on its own.
      if (level < req.segs.length - 1 && compiled.listed.has(req.segs.slice(0, level + 1).join("."))) continue;
      const gap = level > 0 ? ` (${describeGap(req.segs, level, where)})` : "";
      const message =
        req.severity === "error"
          ? `${label} requires ${req.path}${gap}`
          : `${req.path} is recommended for ${label}${gap}`;
      ctx.report(req.id, req.severity, where, message, req.term);
    }
  }

  for (const vt of compiled.valueTypes) {
    for (const v of collect(graph, at, vt.segs)) {
      if (isPlainObject(v.value)) {
        if (isTyped(graph, v.value, vt.allowed)) continue;
        const types = typesOf(graph, v.value);
        const message =
          types.length === 0
            ? `${vt.path} should be a ${vt.expected} node with @type`
            : `${vt.path} should be a ${vt.expected}, got ${types.join("/")}`;
        ctx.report(`${vt.id}.type`, vt.severity, v, message);
      } else {
        ctx.report(
          `${vt.id}.type`,
          vt.severity,
          v,
          `${vt.path} should be a ${vt.expected} node with @type, not plain text`,
        );
      }
    }
  }

  for (const fmt of compiled.values) {
    for (const v of collect(graph, at, fmt.segs)) {
      if (matchesFormat(graph.vocab, fmt.format, v.value)) continue;
      const shown =
        typeof v.value === "string" || typeof v.value === "number" ? JSON.stringify(v.value) : "a non-text value";
      ctx.report(
        `${fmt.id}.invalid`,
        fmt.severity,
        v,
        `${fmt.path} must be ${describeFormat(fmt.format)}, got ${shown}`,
        fmt.term,
      );
    }
  }

  for (const name of compiled.custom) CUSTOM_CHECKS[name](ctx);
}

export function buildGraph(vocab: Vocabulary, walk: WalkResult): Graph {
  const records = new Map<JsonObject, NodeRecord>();
  for (const n of walk.nodes) records.set(n.node, n);
  return { vocab, ids: walk.ids, records };
}

/** Runs every applicable rule; returns the nodes that can produce a rich result. */
export function checkGoogle(graph: Graph, nodes: readonly NodeRecord[], out: JsonLdFinding[]): RichCandidate[] {
  const candidates: RichCandidate[] = [];
  for (const record of nodes) {
    if (record.inferred || record.types.length === 0) continue;
    for (const rule of rulesFor(graph.vocab, record.types)) {
      if (rule.scope === "primary" && !record.primary) continue;
      applyRule(graph, compileRule(rule), record, out);
      if (rule.richResult && (record.primary || rule.reportNested)) candidates.push({ rule, record });
    }
  }
  return candidates;
}

/** Paths (per block) that make up a node: its subtree and every node it references, transitively. */
function reach(graph: Graph, record: NodeRecord): { path: string; block: number | undefined }[] {
  const out = [{ path: record.path, block: record.block }];
  const visited = new Set<unknown>([record.node]);
  const stack: { value: unknown; depth: number }[] = [{ value: record.node, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      for (const v of value) if (typeof v === "object" && v !== null) stack.push({ value: v, depth: depth + 1 });
      continue;
    }
    if (!isPlainObject(value)) continue;
    const id = value["@id"];
    if (typeof id === "string" && Object.keys(value).every((k) => k === "@id" || k === "@context")) {
      const target = graph.ids.get(id);
      if (target && !visited.has(target.node)) {
        visited.add(target.node);
        out.push({ path: target.path, block: target.block });
        stack.push({ value: target.node, depth: depth + 1 });
      }
      continue;
    }
    for (const key in value) {
      const v = value[key];
      if (typeof v === "object" && v !== null) stack.push({ value: v, depth: depth + 1 });
    }
  }
  return out;
}

/** Errors on an enclosing object that void everything inside it (no schema.org context, bad JSON). */
function isDocumentLevel(f: JsonLdFinding): boolean {
  return f.layer === "syntax" || f.rule.startsWith("vocab.context-");
}

/**
 * Error paths per block, sorted, so "is there an error inside this path?" is a binary search
 * instead of a scan (a 5 MB page can have thousands of candidates and thousands of errors).
 */
class ErrorIndex {
  private readonly byBlock = new Map<number | undefined, string[]>();
  private readonly documentLevel: JsonLdFinding[] = [];

  constructor(findings: readonly JsonLdFinding[]) {
    for (const f of findings) {
      if (f.severity !== "error") continue;
      if (isDocumentLevel(f)) this.documentLevel.push(f);
      let list = this.byBlock.get(f.block);
      if (!list) this.byBlock.set(f.block, (list = []));
      list.push(f.path);
    }
    for (const list of this.byBlock.values()) list.sort();
  }

  get empty(): boolean {
    return this.byBlock.size === 0;
  }

  /** An error at `path` or below it. */
  inside(block: number | undefined, path: string): boolean {
    const list = this.byBlock.get(block);
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as string) < path) lo = mid + 1;
      else hi = mid;
    }
    // Every path inside `path` starts with it and so sorts right after it; siblings such as
    // `$.offersX` share the prefix, hence the isWithin check while the prefix holds.
    for (let i = lo; i < list.length && (list[i] as string).startsWith(path); i++) {
      if (isWithin(list[i] as string, path)) return true;
    }
    return false;
  }

  /** A context/syntax error on an object enclosing `path`. */
  enclosing(block: number | undefined, path: string): boolean {
    return this.documentLevel.some((f) => f.block === block && isWithin(path, f.path));
  }
}

export function richResults(
  graph: Graph,
  candidates: readonly RichCandidate[],
  findings: readonly JsonLdFinding[],
): RichResultEligibility[] {
  const errors = new ErrorIndex(findings);
  const byType = new Map<string, RichResultEligibility>();
  for (const { rule, record } of candidates) {
    const type = rule.richResult as string;
    const eligible =
      errors.empty ||
      !(
        errors.enclosing(record.block, record.path) || reach(graph, record).some((p) => errors.inside(p.block, p.path))
      );
    const existing = byType.get(type);
    if (existing) existing.eligible ||= eligible;
    else byType.set(type, { type, shown: rule.shown ?? true, eligible });
  }
  return [...byType.values()];
}

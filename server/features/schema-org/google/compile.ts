/**
 * Rules in `./rules.ts` are written for people; this turns each into the shape the checker
 * walks (paths split, ids and severities resolved) once per process, not once per node.
 */
import type { JsonLdSeverity } from "../types";
import type { CustomCheck, GoogleRule, ValueFormat } from "./rules";

export type CompiledPath = { path: string; segs: readonly string[]; id: string };

export type CompiledRequirement =
  | ({ kind: "path"; severity: JsonLdSeverity; term: string | undefined } & CompiledPath)
  | { kind: "anyOf"; severity: JsonLdSeverity; id: string; paths: readonly CompiledPath[]; anyOf: readonly string[] };

export type CompiledRule = {
  rule: GoogleRule;
  label: string;
  requirements: readonly CompiledRequirement[];
  /** Paths listed on their own, so `author.name` is not reported again when `author` is missing. */
  listed: ReadonlySet<string>;
  valueTypes: readonly (CompiledPath & { allowed: readonly string[]; expected: string; severity: JsonLdSeverity })[];
  values: readonly (CompiledPath & { format: ValueFormat; severity: JsonLdSeverity; term: string })[];
  custom: readonly CustomCheck[];
};

/** `author.@type` → `author.type` in rule ids. */
function idOf(path: string): string {
  return path.replace(/@type/g, "type");
}

function compilePath(path: string): CompiledPath {
  return { path, segs: path.split("."), id: idOf(path) };
}

function isRequiredPath(rule: GoogleRule, path: string): boolean {
  return rule.required.some((r) =>
    typeof r === "string" ? r === path || r.startsWith(`${path}.`) : r.anyOf.includes(path),
  );
}

const compiled = new WeakMap<GoogleRule, CompiledRule>();

export function compileRule(rule: GoogleRule): CompiledRule {
  const known = compiled.get(rule);
  if (known) return known;
  const requirements: CompiledRequirement[] = [];
  const listed = new Set<string>();
  const add = (list: GoogleRule["required"], severity: JsonLdSeverity): void => {
    for (const r of list) {
      if (typeof r === "string") {
        listed.add(r);
        const last = r.split(".").pop() as string;
        requirements.push({
          kind: "path",
          severity,
          term: last.startsWith("@") ? undefined : `schema:${last}`,
          ...compilePath(r),
        });
      } else {
        requirements.push({ kind: "anyOf", severity, id: r.id, anyOf: r.anyOf, paths: r.anyOf.map(compilePath) });
      }
    }
  };
  add(rule.required, "error");
  add(rule.recommended, "warning");
  const result: CompiledRule = {
    rule,
    label: rule.richResult ?? rule.types[0] ?? rule.id,
    requirements,
    listed,
    valueTypes: Object.entries(rule.valueTypes ?? {}).map(([path, allowed]) => ({
      ...compilePath(path),
      allowed,
      expected: allowed.join(" or "),
      severity: isRequiredPath(rule, path) ? "error" : "warning",
    })),
    values: Object.entries(rule.values ?? {}).map(([path, spec]) => ({
      ...compilePath(path),
      format: typeof spec === "string" ? spec : spec.format,
      severity: typeof spec === "string" ? "error" : spec.severity,
      term: `schema:${path.split(".").pop() as string}`,
    })),
    custom: rule.custom ?? [],
  };
  compiled.set(rule, result);
  return result;
}

/** What a Google rule check needs: the graph, the node and a way to report. */
import type { JsonLdFinding, JsonLdSeverity } from "../types";
import type { NodeRecord } from "../validate/walk";
import type { Graph, Located } from "./access";
import type { GoogleRule } from "./rules";

export type RuleContext = {
  graph: Graph;
  rule: GoogleRule;
  record: NodeRecord;
  /** The node being checked. */
  at: Located;
  report: (id: string, severity: JsonLdSeverity, where: Located, message: string, term?: string) => void;
};

export function googleFinding(
  rule: GoogleRule,
  id: string,
  severity: JsonLdSeverity,
  where: Located,
  message: string,
  term?: string,
): JsonLdFinding {
  const f: JsonLdFinding = { severity, layer: "google", rule: `google.${rule.id}.${id}`, path: where.path, message };
  if (term !== undefined) f.term = term;
  if (where.block !== undefined) f.block = where.block;
  return f;
}

/** Label used in messages: the rich result name, or the first type for nested parts. */
export function ruleLabel(rule: GoogleRule): string {
  return rule.richResult ?? rule.types[0] ?? rule.id;
}

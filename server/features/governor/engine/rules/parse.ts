import { LineCounter, type Node, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { Diagnostic } from "../types";
import { ALL_KINDS, type RuleDef, UNSUPPORTED_KINDS, ruleSchema } from "./schema";

/** A validated rule definition plus where it came from. */
export interface ParsedRule {
  name: string;
  file: string;
  def: RuleDef;
  /** 1-based line of a top-level key (or of `key.sub` for maps like `swap`). */
  lineOf(path: (string | number)[]): number;
}

export type ParseOutcome =
  | { ok: true; rule: ParsedRule }
  | { ok: false; diagnostic: Diagnostic }
  | { ok: "unsupported"; diagnostic: Diagnostic };

function nodeLineFinder(contents: Node | null, lc: LineCounter): (path: (string | number)[]) => number {
  return (path) => {
    let node: unknown = contents;
    let line = 1;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const key = pair.key as Node;
        if (key.range) line = lc.linePos(key.range[0]).line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        if (item.range) line = lc.linePos(item.range[0]).line;
        node = item;
      } else break;
    }
    return line;
  };
}

/** Parses and validates one rule file. `name` is `Style.Rule`. */
export function parseRuleFile(name: string, file: string, text: string): ParseOutcome {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const fail = (message: string, line?: number, field?: string): ParseOutcome => ({
    ok: false,
    diagnostic: { kind: "rule", severity: "error", message, file, line, field, rule: name },
  });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line;
    return fail(`invalid YAML: ${e.message.split("\n")[0]}`, line);
  }
  const lineOf = nodeLineFinder(doc.contents as Node | null, lc);
  const raw = doc.toJS() as unknown;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return fail("a rule file must be a YAML mapping", 1);
  }
  const obj = raw as Record<string, unknown>;
  const ext = obj.extends;
  if (ext === undefined || ext === null) return fail("Missing the required 'extends' key.", 1, "extends");
  if (typeof ext !== "string" || !(ALL_KINDS as readonly string[]).includes(ext)) {
    return fail(
      `'extends' key must be one of [${ALL_KINDS.join(" ")}], not '${String(ext)}'.`,
      lineOf(["extends"]),
      "extends",
    );
  }
  if ((UNSUPPORTED_KINDS as readonly string[]).includes(ext)) {
    return {
      ok: "unsupported",
      diagnostic: {
        kind: "unsupported",
        severity: "warning",
        message: `'${ext}' rules are not supported by Lectern's engine; rule skipped (other rules still run).`,
        file,
        line: lineOf(["extends"]),
        field: "extends",
        rule: name,
      },
    };
  }
  if (!("message" in obj)) return fail("Missing the required 'message' key.", 1, "message");
  const parsed = ruleSchema.safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === "unrecognized_keys") {
      const keyPath = [...issue.path.map((k) => (typeof k === "number" ? k : String(k))), issue.keys[0]!];
      const key = keyPath.join(".");
      return fail(`unknown field '${key}' for a '${ext}' rule`, lineOf(keyPath), key);
    }
    const field = issue.path.join(".");
    const path = issue.path.map((k) => (typeof k === "number" ? k : String(k)));
    return fail(`invalid value for '${field}': ${issue.message}`, lineOf(path), field);
  }
  if (parsed.data.code === true) {
    return fail("`code` is deprecated; please use `scope: raw` instead.", lineOf(["code"]), "code");
  }
  return { ok: true, rule: { name, file, def: parsed.data, lineOf } };
}

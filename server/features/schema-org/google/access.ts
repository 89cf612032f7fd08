/**
 * Reading a node the way Google does: properties by schema.org name whatever the key spelling,
 * arrays as repeated values, and `{"@id": …}` references followed to the node they name.
 */
import { indexPath, keyPath } from "../paths";
import { isPlainObject, type JsonObject, type NodeRecord } from "../validate/walk";
import type { Vocabulary } from "../vocabulary/types";

export type Located = {
  value: unknown;
  path: string;
  block: number | undefined;
  /** A reference to a node that is not in the document: present, but its content is unknown. */
  opaque?: boolean;
};

export type Graph = {
  vocab: Vocabulary;
  ids: ReadonlyMap<string, NodeRecord>;
  /** Node object → its record (types, path, block). */
  records: ReadonlyMap<JsonObject, NodeRecord>;
};

const PREFIXES = ["schema:", "https://schema.org/", "http://schema.org/"];

export function getProp(obj: JsonObject, name: string): { key: string; value: unknown } | undefined {
  const direct = obj[name];
  if (direct !== undefined) return { key: name, value: direct };
  for (const prefix of PREFIXES) {
    const key = prefix + name;
    if (obj[key] !== undefined) return { key, value: obj[key] };
  }
  return undefined;
}

export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.some(isPresent);
  return true;
}

function isReference(obj: JsonObject): boolean {
  for (const key in obj) if (key !== "@id" && key !== "@context") return false;
  return typeof obj["@id"] === "string";
}

/**
 * The values of `name` on a node, flattened and with references resolved. A reference to a node
 * that is not in the document is returned as `opaque` (it may be complete elsewhere; Google
 * cannot be second-guessed, so nested requirements are not reported on it).
 */
export function valuesOf(graph: Graph, at: Located, name: string): Located[] {
  if (!isPlainObject(at.value)) return [];
  const found = getProp(at.value, name);
  if (!found || found.value === null) return [];
  const base = keyPath(at.path, found.key);
  const list = Array.isArray(found.value)
    ? found.value.map((v, i) => ({ v, p: indexPath(base, i) }))
    : [{ v: found.value, p: base }];
  const out: Located[] = [];
  for (const { v, p } of list) {
    if (v === null || v === undefined || v === "") continue;
    if (isPlainObject(v) && isReference(v)) {
      const target = graph.ids.get(v["@id"] as string);
      if (target) out.push({ value: target.node, path: target.path, block: target.block });
      else out.push({ value: v, path: p, block: at.block, opaque: true });
      continue;
    }
    if (isPlainObject(v) && "@value" in v) {
      out.push({ value: v["@value"], path: keyPath(p, "@value"), block: at.block });
      continue;
    }
    out.push({ value: v, path: p, block: at.block });
  }
  return out;
}

/** schema.org types of an object value (from the walker's record, else from its raw @type). */
export function typesOf(graph: Graph, value: unknown): string[] {
  if (!isPlainObject(value)) return [];
  const record = graph.records.get(value);
  if (record && !record.inferred) return [...record.types];
  const raw = value["@type"];
  const list =
    typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw.filter((t): t is string => typeof t === "string") : [];
  return list.map((t) => {
    for (const prefix of PREFIXES) if (t.startsWith(prefix)) return t.slice(prefix.length);
    return t;
  });
}

export function isTyped(graph: Graph, value: unknown, allowed: readonly string[]): boolean {
  for (const t of typesOf(graph, value)) {
    const info = graph.vocab.classes.get(t);
    if (!info) continue;
    for (const a of allowed) if (info.ancestors.has(a)) return true;
  }
  return false;
}

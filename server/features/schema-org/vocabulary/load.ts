/**
 * Reads the pinned schema.org release shipped in `../data/` and compiles it into compact
 * Maps/Sets. Runs once per process (see `./index.ts`); everything the validator needs per value
 * (supertype closure, domains, ranges, enumeration members, superseded terms) is precomputed here
 * so the hot path never walks the raw graph.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { ClassInfo, EnumMemberInfo, PropertyInfo, Vocabulary } from "./types";

export const VOCABULARY_RELEASE = "30.0";
export const VOCABULARY_FILE = `schemaorg-current-https-${VOCABULARY_RELEASE}.jsonld`;
/** Location of the data folder relative to the repository root. */
const DATA_DIR_FROM_ROOT = path.join("server", "features", "schema-org", "data");

type RawRef = { "@id": string };
type RawTerm = {
  "@id": string;
  "@type": string | string[];
  "rdfs:subClassOf"?: RawRef | RawRef[];
  "schema:domainIncludes"?: RawRef | RawRef[];
  "schema:rangeIncludes"?: RawRef | RawRef[];
  "schema:supersededBy"?: RawRef | RawRef[];
};

/**
 * Finds the data file. The app, CLI and tests run from the repo root, so `process.cwd()` is tried
 * first; when something runs from elsewhere (a worker with another cwd), walk up from this module.
 */
export function resolveVocabularyPath(): string {
  // `turbopackIgnore`: a runtime lookup, not a build-time dependency (else `next build` traces the
  // whole project into the output).
  const fromCwd = path.join(/*turbopackIgnore: true*/ process.cwd(), DATA_DIR_FROM_ROOT, VOCABULARY_FILE);
  if (fs.existsSync(fromCwd)) return fromCwd;

  for (const start of moduleDirs()) {
    // The module lives in `vocabulary/`, so `../data` is the usual hit; walking further up also
    // covers bundled layouts where the file sits under the repository root.
    let dir = start;
    for (let i = 0; i < 8; i++) {
      for (const candidate of [
        path.join(/*turbopackIgnore: true*/ dir, "data", VOCABULARY_FILE),
        path.join(/*turbopackIgnore: true*/ dir, DATA_DIR_FROM_ROOT, VOCABULARY_FILE),
      ]) {
        if (fs.existsSync(candidate)) return candidate;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(
    `schema.org vocabulary not found: expected ${fromCwd} (run from the repository root or keep ${DATA_DIR_FROM_ROOT}/ next to the code)`,
  );
}

function moduleDirs(): string[] {
  const dirs: string[] = [];
  try {
    dirs.push(path.dirname(fileURLToPath(import.meta.url)));
  } catch {
    // Not an ESM file URL (some bundlers rewrite it); fall through to __dirname.
  }
  if (typeof __dirname !== "undefined") dirs.push(__dirname);
  return dirs;
}

const SCHEMA_PREFIX = "schema:";

function local(id: string): string | null {
  return id.startsWith(SCHEMA_PREFIX) ? id.slice(SCHEMA_PREFIX.length) : null;
}

function refs(value: RawRef | RawRef[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const ref of list) {
    const name = local(ref["@id"]);
    if (name) out.push(name);
  }
  return out;
}

export function loadVocabularyFromFile(file = resolveVocabularyPath()): Vocabulary {
  const started = performance.now();
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as { "@graph": RawTerm[] };
  const vocabulary = compileVocabulary(raw["@graph"]);
  vocabulary.loadMs = performance.now() - started;
  return vocabulary;
}

export function compileVocabulary(graph: readonly RawTerm[]): Vocabulary & { loadMs: number } {
  const parents = new Map<string, string[]>();
  const dataTypeRoots = new Set<string>();
  const superseded = new Map<string, string>();
  const propertyTerms: RawTerm[] = [];
  const memberTerms: RawTerm[] = [];

  for (const term of graph) {
    const name = local(term["@id"]);
    if (!name) continue; // other vocabularies' equivalents (owl:equivalentClass targets, etc.)
    const types = Array.isArray(term["@type"]) ? term["@type"] : [term["@type"]];
    const replacement = refs(term["schema:supersededBy"])[0];
    if (replacement) superseded.set(name, replacement);
    if (types.includes("rdfs:Class")) {
      parents.set(name, refs(term["rdfs:subClassOf"]));
      if (types.includes("schema:DataType")) dataTypeRoots.add(name);
    } else if (types.includes("rdf:Property")) {
      propertyTerms.push(term);
    } else {
      memberTerms.push(term);
    }
  }

  // Supertype closure, memoised: each class is expanded once.
  const closure = new Map<string, Set<string>>();
  const ancestorsOf = (name: string, stack: Set<string>): Set<string> => {
    const known = closure.get(name);
    if (known) return known;
    const set = new Set<string>([name]);
    if (stack.has(name)) return set; // a cycle in the data must not hang the loader
    stack.add(name);
    for (const parent of parents.get(name) ?? []) {
      for (const a of ancestorsOf(parent, stack)) set.add(a);
    }
    stack.delete(name);
    closure.set(name, set);
    return set;
  };

  const classes = new Map<string, ClassInfo>();
  for (const name of parents.keys()) {
    const ancestors = ancestorsOf(name, new Set());
    let isDataType = false;
    for (const a of ancestors) {
      if (dataTypeRoots.has(a)) {
        isDataType = true;
        break;
      }
    }
    classes.set(name, {
      name,
      ancestors,
      isDataType,
      isEnumeration: name !== "Enumeration" && ancestors.has("Enumeration"),
      supersededBy: superseded.get(name),
    });
  }

  const properties = new Map<string, PropertyInfo>();
  for (const term of propertyTerms) {
    const name = local(term["@id"]) as string;
    properties.set(name, {
      name,
      domains: refs(term["schema:domainIncludes"]),
      ranges: refs(term["schema:rangeIncludes"]),
      supersededBy: superseded.get(name),
    });
  }

  const enumMembers = new Map<string, EnumMemberInfo>();
  for (const term of memberTerms) {
    const name = local(term["@id"]) as string;
    const types = (Array.isArray(term["@type"]) ? term["@type"] : [term["@type"]])
      .map((t) => local(t))
      .filter((t): t is string => t !== null && classes.has(t));
    if (types.length === 0) continue;
    enumMembers.set(name, { name, types, supersededBy: superseded.get(name) });
  }

  return { release: VOCABULARY_RELEASE, classes, properties, enumMembers, loadMs: 0 };
}

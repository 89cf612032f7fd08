/**
 * `@context` analysis. Nothing is ever fetched: schema.org contexts are recognised by URL, inline
 * object contexts are read for `@vocab`, prefixes and term aliases, and any other remote context
 * only produces a warning (terms are then read as schema.org names, which is what search engines
 * effectively do).
 */
import { finding } from "../findings";
import { indexPath } from "../paths";
import type { JsonLdFinding } from "../types";

export type ContextInfo = {
  /** Term or prefix → IRI, from inline object contexts. Empty for plain schema.org contexts. */
  readonly terms: ReadonlyMap<string, string>;
};

/** Shared instance for the overwhelmingly common `"@context": "https://schema.org"`. */
export const SCHEMA_CONTEXT: ContextInfo = { terms: new Map() };

const SCHEMA_CONTEXT_URL = /^https?:\/\/schema\.org\/?(?:docs\/jsonldcontext\.json(?:ld)?)?$/i;
const SCHEMA_BASE = /^https?:\/\/schema\.org\/$/i;

export function isSchemaOrgContextUrl(url: string): boolean {
  return SCHEMA_CONTEXT_URL.test(url.trim());
}

/** True for `https://schema.org/`, `http://schema.org/` (the IRI prefix of every schema.org term). */
export function isSchemaBase(iri: string): boolean {
  return SCHEMA_BASE.test(iri) || /^https?:\/\/schema\.org$/i.test(iri);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a `@context` value (string, object, array, null) at `path` and returns the context that
 * applies below it. `parent` is the context in scope (null at the top level).
 */
export function analyseContext(
  value: unknown,
  path: string,
  parent: ContextInfo | null,
  findings: JsonLdFinding[],
): ContextInfo {
  if (typeof value === "string" && isSchemaOrgContextUrl(value)) return parent ?? SCHEMA_CONTEXT;

  let schemaOrg = false;
  let invalid = false;
  let terms: Map<string, string> | null = null;
  const notSchema: string[] = [];

  const visit = (entry: unknown, at: string): void => {
    if (entry === null) return; // `null` resets the active context, which is allowed
    if (typeof entry === "string") {
      if (isSchemaOrgContextUrl(entry)) schemaOrg = true;
      else notSchema.push(`remote context ${JSON.stringify(entry)} is not fetched`);
      return;
    }
    if (isPlainObject(entry)) {
      for (const [key, def] of Object.entries(entry)) {
        if (key === "@vocab") {
          if (typeof def === "string" && isSchemaBase(def)) schemaOrg = true;
          else notSchema.push(`@vocab ${JSON.stringify(def)} is not schema.org`);
          continue;
        }
        if (key.startsWith("@")) continue; // @language, @base, @version, ... do not change term meaning
        const iri =
          typeof def === "string" ? def : isPlainObject(def) && typeof def["@id"] === "string" ? def["@id"] : null;
        if (iri === null) continue;
        terms ??= new Map(parent?.terms ?? []);
        terms.set(key, iri);
        if (isSchemaBase(iri)) schemaOrg = true;
      }
      return;
    }
    invalid = true;
    findings.push(
      finding(
        "vocab.context-invalid",
        at,
        `@context must be a string, an object or an array of those, not ${describe(entry)}`,
      ),
    );
  };

  if (Array.isArray(value)) value.forEach((entry, i) => visit(entry, indexPath(path, i)));
  else visit(value, path);

  if (!invalid) {
    // Any remote context is reported (it is never fetched), even next to schema.org. With no
    // schema.org at all, say so at the top level; a nested context that only adds aliases is
    // fine because schema.org is still in scope from the parent.
    if (notSchema.length > 0) {
      const mixed = schemaOrg ? "; schema.org is also declared" : "";
      findings.push(
        finding(
          "vocab.context-not-schema-org",
          path,
          `@context is not only schema.org (${notSchema.join("; ")}${mixed}); terms are checked as schema.org names`,
        ),
      );
    } else if (!schemaOrg && parent === null) {
      findings.push(
        finding(
          "vocab.context-not-schema-org",
          path,
          "@context declares no schema.org context or @vocab; terms are checked as schema.org names",
        ),
      );
    }
  }
  if (terms) return { terms };
  return parent ?? SCHEMA_CONTEXT;
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}

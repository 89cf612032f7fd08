/**
 * Maps JSON keys and @type strings to schema.org local names. `Product`, `schema:Product`,
 * `https://schema.org/Product` and `http://schema.org/Product` are the same term; prefixed or
 * absolute IRIs of other vocabularies are "external" (reported, never looked up).
 */
import type { ContextInfo } from "./context";
import { isSchemaBase } from "./context";

export type ResolvedTerm = { kind: "schema"; name: string } | { kind: "external"; iri: string };

const SCHEMA_IRI = /^https?:\/\/schema\.org\/([^/?#]+)$/i;

export function resolveTerm(raw: string, ctx: ContextInfo): ResolvedTerm {
  const alias = ctx.terms.size > 0 ? ctx.terms.get(raw) : undefined;
  if (alias !== undefined && alias !== raw) return resolveIri(alias, ctx);
  const colon = raw.indexOf(":");
  if (colon < 0) return { kind: "schema", name: raw };
  return resolveIri(raw, ctx);
}

function resolveIri(iri: string, ctx: ContextInfo): ResolvedTerm {
  const m = SCHEMA_IRI.exec(iri);
  if (m) return { kind: "schema", name: m[1] as string };
  const colon = iri.indexOf(":");
  if (colon < 0) return { kind: "schema", name: iri };
  const prefix = iri.slice(0, colon);
  const rest = iri.slice(colon + 1);
  if (prefix === "schema" && !rest.startsWith("//")) return { kind: "schema", name: rest };
  const base = ctx.terms.size > 0 ? ctx.terms.get(prefix) : undefined;
  if (base !== undefined && !rest.startsWith("//")) {
    if (isSchemaBase(base)) return { kind: "schema", name: rest };
    return { kind: "external", iri: base + rest };
  }
  return { kind: "external", iri };
}

/**
 * Enumeration members and other schema.org individuals given as values: `InStock`,
 * `schema:InStock`, `https://schema.org/InStock`. Returns the local name and whether the value
 * was written as an IRI (an IRI that names nothing is an error; plain text is allowed).
 */
export function schemaValueName(value: string): { name: string; iri: boolean } {
  const m = SCHEMA_IRI.exec(value);
  if (m) return { name: m[1] as string, iri: true };
  if (value.startsWith("schema:") && value.length > 7 && !value.startsWith("schema://")) {
    return { name: value.slice(7), iri: true };
  }
  return { name: value, iri: false };
}

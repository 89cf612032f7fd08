/**
 * Catalogue of the syntax and vocabulary rule ids (Google rule ids come from `google/rules.ts`).
 * One place for the severity of each rule so tests, the README and the UI agree.
 */
import type { JsonLdFinding, JsonLdLayer, JsonLdSeverity } from "./types";

type RuleSpec = { layer: JsonLdLayer; severity: JsonLdSeverity; summary: string };

export const RULES = {
  "syntax.invalid-json": { layer: "syntax", severity: "error", summary: "The text is not valid JSON." },
  "syntax.not-jsonld": {
    layer: "syntax",
    severity: "error",
    summary: "Valid JSON but not JSON-LD: a scalar, or no @context/@type anywhere.",
  },
  "syntax.too-deep": { layer: "syntax", severity: "error", summary: "Nesting deeper than the limit (64 levels)." },
  "syntax.no-jsonld-blocks": {
    layer: "syntax",
    severity: "error",
    summary: 'HTML without any <script type="application/ld+json"> block.',
  },
  "vocab.context-missing": { layer: "vocabulary", severity: "error", summary: "A top-level node has no @context." },
  "vocab.context-invalid": {
    layer: "vocabulary",
    severity: "error",
    summary: "@context is not a string, object or array of those.",
  },
  "vocab.context-not-schema-org": {
    layer: "vocabulary",
    severity: "warning",
    summary: "@context is not schema.org (remote contexts are never fetched); terms are read as schema.org names.",
  },
  "vocab.invalid-node": {
    layer: "vocabulary",
    severity: "error",
    summary: "A node position (@graph member, top-level entry) holds something other than an object.",
  },
  "vocab.type-missing": { layer: "vocabulary", severity: "error", summary: "A top-level node has no @type." },
  "vocab.type-invalid": {
    layer: "vocabulary",
    severity: "error",
    summary: "@type is not a string or array of strings.",
  },
  "vocab.unknown-type": { layer: "vocabulary", severity: "error", summary: "@type is not a schema.org type." },
  "vocab.external-type": {
    layer: "vocabulary",
    severity: "warning",
    summary: "@type from another vocabulary (prefixed or absolute IRI); not checked.",
  },
  "vocab.unknown-property": { layer: "vocabulary", severity: "error", summary: "Property is not in schema.org." },
  "vocab.external-property": {
    layer: "vocabulary",
    severity: "warning",
    summary: "Property from another vocabulary (prefixed or absolute IRI); not checked.",
  },
  "vocab.property-not-on-type": {
    layer: "vocabulary",
    severity: "error",
    summary: "Property exists but does not apply to the node's type or its supertypes.",
  },
  "vocab.unknown-keyword": {
    layer: "vocabulary",
    severity: "warning",
    summary: "Key starts with @ but is not a JSON-LD keyword.",
  },
  "vocab.invalid-id": { layer: "vocabulary", severity: "error", summary: "@id is not a string." },
  "vocab.unresolved-id": {
    layer: "vocabulary",
    severity: "warning",
    summary: 'A reference ({"@id": …} only) names no node in the document.',
  },
  "vocab.value-type": {
    layer: "vocabulary",
    severity: "error",
    summary: "Value does not match any type in the property's rangeIncludes.",
  },
  "vocab.text-for-thing": {
    layer: "vocabulary",
    severity: "info",
    summary: "Plain text where a Thing is expected (allowed by schema.org; structured data is richer).",
  },
  "vocab.invalid-date": {
    layer: "vocabulary",
    severity: "error",
    summary: "Not a valid ISO 8601 Date / DateTime / Time (format and calendar).",
  },
  "vocab.invalid-duration": {
    layer: "vocabulary",
    severity: "error",
    summary: "Not a valid ISO 8601 duration (e.g. PT1H30M).",
  },
  "vocab.invalid-url": { layer: "vocabulary", severity: "error", summary: "Not a URL where a URL is expected." },
  "vocab.relative-url": {
    layer: "vocabulary",
    severity: "warning",
    summary: "Relative URL; search engines expect absolute URLs.",
  },
  "vocab.unknown-enum-member": {
    layer: "vocabulary",
    severity: "error",
    summary: "A schema.org IRI that is not a member of the expected enumeration.",
  },
  "vocab.superseded": {
    layer: "vocabulary",
    severity: "warning",
    summary: "Term superseded in schema.org; use the replacement.",
  },
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULES;

export function finding(
  rule: RuleId,
  path: string,
  message: string,
  term?: string,
  extra?: Partial<JsonLdFinding>,
): JsonLdFinding {
  const spec: RuleSpec = RULES[rule];
  const f: JsonLdFinding = { severity: spec.severity, layer: spec.layer, rule, path, message };
  if (term !== undefined) f.term = term;
  return extra ? { ...f, ...extra } : f;
}

/** `schema:Product` style term for findings. */
export function schemaTerm(name: string): string {
  return `schema:${name}`;
}

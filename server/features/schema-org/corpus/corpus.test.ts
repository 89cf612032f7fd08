/**
 * Realistic documents: everything under `valid/` must have zero errors; everything under
 * `invalid/` must have exactly the error rule ids and paths listed in its `.expect.json` sidecar
 * (and, when the sidecar lists them, exactly those warnings). The JSON-LD documents are also
 * cross-checked against @adobe/structured-data-validator (an independent implementation) for the
 * schema.org type and property checks the two share.
 */
import fs from "node:fs";
import path from "node:path";
import Validator, { type AdobeIssue } from "@adobe/structured-data-validator";
import { describe, expect, it } from "vitest";

import { validateJsonLdText } from "..";
import type { JsonLdFinding } from "../types";
import { resolveVocabularyPath } from "../vocabulary/load";

const ROOT = path.join(process.cwd(), "server/features/schema-org/corpus");
const INPUT = /\.(jsonld|json|html)$/;

type Expected = { rule: string; path: string; block?: number; line?: number; column?: number };
type Sidecar = { errors: Expected[]; warnings?: Expected[] };

function files(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => INPUT.test(f) && !f.endsWith(".expect.json"))
    .sort();
}

function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(ROOT, dir, file), "utf8");
}

const key = (f: { rule: string; path: string; block?: number }) =>
  `${f.rule} ${f.path}${f.block === undefined ? "" : ` (block ${f.block})`}`;

const VALID = files("valid");
const INVALID = files("invalid");

describe("JSON-LD corpus", () => {
  it("is large enough and covers every Google type", () => {
    expect(VALID.length + INVALID.length).toBeGreaterThanOrEqual(40);
    const types = new Set<string>();
    for (const f of VALID) for (const r of validateJsonLdText(read("valid", f)).richResults) types.add(r.type);
    expect([...types].sort()).toEqual(
      [
        "AggregateRating",
        "Article",
        "BreadcrumbList",
        "Event",
        "FAQPage",
        "JobPosting",
        "LocalBusiness",
        "Organization",
        "Product",
        "Recipe",
        "Review",
        "VideoObject",
      ].sort(),
    );
  });

  it.each(VALID)("valid/%s has no errors", (file) => {
    const report = validateJsonLdText(read("valid", file));
    const errors = report.findings.filter((f) => f.severity === "error");
    expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
    expect(report.valid).toBe(true);
    for (const r of report.richResults) if (r.shown) expect(r.eligible).toBe(true);
  });

  it.each(INVALID)("invalid/%s has exactly the expected findings", (file) => {
    const sidecar = JSON.parse(read("invalid", file.replace(INPUT, ".expect.json"))) as Sidecar;
    const report = validateJsonLdText(read("invalid", file));
    const errors = report.findings.filter((f) => f.severity === "error");
    expect(errors.map(key).sort(), JSON.stringify(report.findings, null, 1)).toEqual(sidecar.errors.map(key).sort());
    expect(report.valid).toBe(sidecar.errors.length === 0);
    if (sidecar.warnings) {
      const warnings = report.findings.filter((f) => f.severity === "warning");
      expect(warnings.map(key).sort()).toEqual(sidecar.warnings.map(key).sort());
    }
    for (const e of sidecar.errors) {
      if (e.line === undefined) continue;
      const hit = errors.find((f: JsonLdFinding) => key(f) === key(e));
      expect(hit).toMatchObject({ line: e.line, column: e.column });
    }
  });
});

/** The Adobe validator's input: top-level nodes grouped by their (single) type. */
function adobeInput(doc: unknown): Record<string, unknown[]> | null {
  const nodes = Array.isArray(doc)
    ? doc
    : typeof doc === "object" && doc !== null && "@graph" in doc
      ? (doc as { "@graph": unknown[] })["@graph"]
      : [doc];
  const out: Record<string, unknown[]> = {};
  for (const node of nodes) {
    if (typeof node !== "object" || node === null) return null;
    const type = (node as { "@type"?: unknown })["@type"];
    if (typeof type !== "string") return null;
    (out[type] ??= []).push(node);
  }
  return out;
}

const UNKNOWN_TYPE = /^Type "([^"]+)" is not a valid schema\.org type$/;
const UNSUPPORTED = /^Property "([^"]+)" for type "([^"]+)" is not supported/;

describe("cross-check with @adobe/structured-data-validator", () => {
  const schema = JSON.parse(fs.readFileSync(resolveVocabularyPath(), "utf8")) as unknown;
  const adobe = new Validator(schema);
  const agreed = { types: 0, properties: 0 };
  const docs = [...VALID.map((f) => ["valid", f] as const), ...INVALID.map((f) => ["invalid", f] as const)].filter(
    ([, f]) => !f.endsWith(".html"),
  );

  it.each(docs)("%s/%s: schema.org types and properties agree", async (dir, file) => {
    let doc: unknown;
    try {
      doc = JSON.parse(read(dir, file));
    } catch {
      return; // malformed on purpose
    }
    const input = adobeInput(doc);
    if (!input) return;
    const ours = validateJsonLdText(read(dir, file)).findings;
    const issues: AdobeIssue[] = await adobe.validate({
      jsonld: JSON.parse(JSON.stringify(input)) as Record<string, unknown[]>,
    });

    const adobeUnknownTypes = new Set(
      issues.map((i) => UNKNOWN_TYPE.exec(i.issueMessage)?.[1]).filter((t): t is string => !!t && !t.includes(":")),
    );
    const ourUnknownTypes = new Set(
      ours.filter((f) => f.rule === "vocab.unknown-type").map((f) => f.term?.replace(/^schema:/, "")),
    );
    expect([...ourUnknownTypes].sort()).toEqual([...adobeUnknownTypes].sort());

    // Adobe checks each type of a multi-typed node separately (we accept a property if any type
    // has it, as JSON-LD means), so only single-typed nodes are compared; prefixed terms are ours.
    const adobeProps = new Set(
      issues
        .filter((i) => UNSUPPORTED.test(i.issueMessage) && !/:/.test(UNSUPPORTED.exec(i.issueMessage)?.[1] ?? ""))
        .map((i) => UNSUPPORTED.exec(i.issueMessage)?.[1]),
    );
    const ourProps = new Set(
      ours
        .filter((f) => f.rule === "vocab.unknown-property" || f.rule === "vocab.property-not-on-type")
        .map((f) => f.term?.replace(/^schema:/, "")),
    );
    for (const p of adobeProps) expect(ourProps.has(p), `Adobe flags ${p}; we do not`).toBe(true);
    agreed.types += adobeUnknownTypes.size;
    agreed.properties += adobeProps.size;
  });

  it("compared real disagreements, not empty sets", () => {
    expect(agreed.types).toBeGreaterThanOrEqual(2);
    expect(agreed.properties).toBeGreaterThanOrEqual(4);
  });
});

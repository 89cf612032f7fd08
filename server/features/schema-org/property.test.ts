/**
 * Property-based tests: start from the valid corpus documents, apply one mutation, and require
 * the validator to report it at the mutated path with the right rule.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { loadVocabulary, validateJsonLd } from ".";
import { getProp } from "./google/access";
import { rulesFor } from "./google/check";
import { formatPath, keyPath, parsePath, type PathSegment } from "./paths";
import { isPlainObject, newWalkResult, walkDocument, type JsonObject } from "./validate/walk";

const DIR = path.join(process.cwd(), "server/features/schema-org/corpus/valid");
const DOCS: { file: string; doc: unknown }[] = fs
  .readdirSync(DIR)
  .filter((f) => /\.(jsonld|json)$/.test(f))
  .sort()
  .map((file) => ({ file, doc: JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as unknown }));

const vocab = loadVocabulary();
const RUNS = { numRuns: 200 };

/** A property on a node somewhere in a document. */
type Site = { doc: number; segments: PathSegment[]; key: string; value: unknown };

/** Every plain-named property of every node the validator walks (not inside @context). */
function sites(): Site[] {
  const out: Site[] = [];
  const visit = (doc: number, value: unknown, segments: PathSegment[]): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(doc, v, [...segments, i]));
      return;
    }
    if (!isPlainObject(value)) return;
    for (const [key, v] of Object.entries(value)) {
      if (key === "@context" || key === "@value" || key === "@id" || key === "@type") continue;
      if (!key.startsWith("@") && !key.includes(":") && !key.endsWith("-input"))
        out.push({ doc, segments, key, value: v });
      visit(doc, v, [...segments, key]);
    }
  };
  DOCS.forEach((d, i) => visit(i, d.doc, []));
  return out;
}

function at(root: unknown, segments: PathSegment[]): JsonObject {
  let node: unknown = root;
  for (const s of segments) node = (node as Record<string | number, unknown>)[s];
  if (!isPlainObject(node)) throw new Error(`no object at ${formatPath(segments)}`);
  return node;
}

function findingsAt(doc: unknown, rule: string, p: string): boolean {
  return validateJsonLd(doc).findings.some((f) => f.rule === rule && f.path === p);
}

const ALL = sites();
const ranges = (key: string) => vocab.properties.get(key)?.ranges ?? [];

describe("mutations of valid documents are reported where they happen", () => {
  it("starts from documents without errors", () => {
    expect(DOCS.length).toBeGreaterThanOrEqual(20);
    for (const d of DOCS) expect(validateJsonLd(d.doc).errorCount, d.file).toBe(0);
    expect(ALL.length).toBeGreaterThan(300);
  });

  it("renaming a property to a non-existent one → vocab.unknown-property at the new key", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.stringMatching(/^[a-z]{2,6}$/), (site, suffix) => {
        const doc = structuredClone(DOCS[site.doc]?.doc);
        const node = at(doc, site.segments);
        const renamed = `${site.key}Zq${suffix}`;
        node[renamed] = node[site.key];
        delete node[site.key];
        expect(findingsAt(doc, "vocab.unknown-property", keyPath(formatPath(site.segments), renamed))).toBe(true);
      }),
      RUNS,
    );
  });

  it("giving a property a value of an incompatible type → vocab.value-type at that property", () => {
    // A boolean fits only Boolean-ranged properties; a node of the wrong type fits none of these.
    const candidates = ALL.filter((s) => ranges(s.key).length > 0 && !ranges(s.key).includes("Boolean"));
    const wrong = fc.constantFrom<unknown>(true, false);
    fc.assert(
      fc.property(fc.constantFrom(...candidates), wrong, (site, value) => {
        const doc = structuredClone(DOCS[site.doc]?.doc);
        at(doc, site.segments)[site.key] = value;
        expect(findingsAt(doc, "vocab.value-type", keyPath(formatPath(site.segments), site.key))).toBe(true);
      }),
      RUNS,
    );
  });

  it("dropping a property Google requires → google.<type>.<property> on the node", () => {
    type Drop = { doc: number; segments: PathSegment[]; key: string; rule: string };
    const drops: Drop[] = [];
    DOCS.forEach((d, i) => {
      const walk = newWalkResult();
      walkDocument(vocab, d.doc, walk);
      for (const record of walk.nodes) {
        if (record.inferred) continue;
        for (const rule of rulesFor(vocab, record.types)) {
          if (rule.scope === "primary" && !record.primary) continue;
          for (const req of rule.required) {
            if (typeof req !== "string" || req.includes(".")) continue;
            const found = getProp(record.node, req);
            if (found)
              drops.push({
                doc: i,
                segments: parsePath(record.path) ?? [],
                key: found.key,
                rule: `google.${rule.id}.${req}`,
              });
          }
        }
      }
    });
    expect(drops.length).toBeGreaterThan(40);
    fc.assert(
      fc.property(fc.constantFrom(...drops), (drop) => {
        const doc = structuredClone(DOCS[drop.doc]?.doc);
        delete at(doc, drop.segments)[drop.key];
        const report = validateJsonLd(doc);
        expect(
          report.findings.some(
            (f) => f.rule === drop.rule && f.path === formatPath(drop.segments) && f.severity === "error",
          ),
        ).toBe(true);
        expect(report.valid).toBe(false);
      }),
      RUNS,
    );
  });

  it("setting an impossible date → vocab.invalid-date at that property", () => {
    const dateOnly = (key: string) => {
      const r = ranges(key);
      return r.length > 0 && r.every((t) => t === "Date" || t === "DateTime");
    };
    const candidates = ALL.filter((s) => typeof s.value === "string" && dateOnly(s.key));
    expect(candidates.length).toBeGreaterThan(20);
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    const year = fc.integer({ min: 1000, max: 2999 });
    const invalidDate = fc.oneof(
      fc.tuple(year, fc.integer({ min: 13, max: 99 })).map(([y, m]) => `${y}-${pad(m)}-01`),
      fc.tuple(year, fc.integer({ min: 30, max: 31 })).map(([y, d]) => `${y}-02-${pad(d)}`),
      year.filter((y) => !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)).map((y) => `${y}-02-29`),
      fc.tuple(year, fc.constantFrom(4, 6, 9, 11)).map(([y, m]) => `${y}-${pad(m)}-31`),
      fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}-00`),
      fc.integer({ min: 24, max: 99 }).map((h) => `2026-05-07T${pad(h)}:00`),
      fc.constantFrom("31/12/2026", "yesterday", "2026-5-7", "2026-05-07 10:00"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...candidates), invalidDate, (site, date) => {
        const doc = structuredClone(DOCS[site.doc]?.doc);
        at(doc, site.segments)[site.key] = date;
        expect(findingsAt(doc, "vocab.invalid-date", keyPath(formatPath(site.segments), site.key))).toBe(true);
      }),
      RUNS,
    );
  });
});

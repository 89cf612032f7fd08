/**
 * The JSON-LD use cases around the validator: a generated page's JSON-LD built, validated and
 * turned into draft flags (the pipeline's "jsonld" step), and a validation request from the API.
 */
import type { z } from "zod";
import type { DraftFlag } from "@/lib/schemas/drafts";
import type { DraftJsonLd, JsonLdReport as JsonLdReportSchema, JsonLdValidateBody } from "@/lib/schemas/jsonld";
import { validateJsonLd, validateJsonLdText, type JsonLdFinding, type JsonLdReport } from "../index";
import { absoluteUrl, buildPageJsonLd, type PageJsonLdInput } from "./page";

// The API's zod schema and the validator's contract must describe the same report.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameReport: Same<z.infer<typeof JsonLdReportSchema>, JsonLdReport> = true;
void sameReport;

/** Findings kept on a draft's record (a page has a handful; a broken template could make hundreds). */
const MAX_RECORD_FINDINGS = 200;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** A finding as a draft flag: the reviewer sees the message with where it is in the JSON-LD. */
export function findingFlag(f: JsonLdFinding): DraftFlag | null {
  if (f.severity === "info") return null;
  return {
    kind: "jsonld",
    level: f.severity,
    message: f.path && f.path !== "$" ? `${f.message} (at ${f.path})` : f.message,
    field: "jsonLd",
    ruleId: f.rule,
  };
}

export type PageJsonLdResult = {
  jsonLd: ReturnType<typeof buildPageJsonLd>;
  report: DraftJsonLd;
  flags: DraftFlag[];
  /** One line for the pipeline trace. */
  summary: string;
};

/** Builds the page's JSON-LD for its type and validates it in both layers (schema.org + Google). */
export function jsonLdForPage(input: PageJsonLdInput): PageJsonLdResult {
  const jsonLd = buildPageJsonLd(input);
  const r = validateJsonLd(jsonLd, { google: true });
  const flags = r.findings.map(findingFlag).filter((f): f is DraftFlag => f !== null);
  const eligible = r.richResults.filter((x) => x.eligible && x.shown).map((x) => x.type);
  const types = r.types.length ? r.types : (jsonLd["@graph"] as { "@type"?: string }[]).map((n) => n["@type"] ?? "?");
  return {
    jsonLd,
    report: {
      type: input.type,
      valid: r.valid,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      findings: r.findings.slice(0, MAX_RECORD_FINDINGS),
      types: r.types,
      richResults: r.richResults,
    },
    flags,
    summary: `${[...new Set(types)].join(", ")}: ${plural(r.errorCount, "error")}, ${plural(r.warningCount, "warning")} (schema.org and Google)${eligible.length ? `; eligible for ${eligible.join(", ")} rich results` : ""}`,
  };
}

/** `POST /api/v1/jsonld/validate`: a text (JSON-LD or HTML) or a parsed document. */
export function validateRequest(body: z.output<typeof JsonLdValidateBody>): JsonLdReport {
  return body.text !== undefined
    ? validateJsonLdText(body.text, { kind: body.kind, google: body.google })
    : validateJsonLd(body.document, { google: body.google });
}

/**
 * The page's URLs moved (a taken slug got a `-2`): every URL the JSON-LD names for the page (its
 * `url`, `@id`s `<url>#…`, breadcrumb item) follows. Other pages' URLs are left alone.
 */
export function rebaseJsonLd<T>(doc: T, from: string, to: string): T {
  if (from === to) return doc;
  const move = (v: unknown): unknown => {
    if (typeof v === "string") return v === from ? to : v.startsWith(`${from}#`) ? `${to}${v.slice(from.length)}` : v;
    if (Array.isArray(v)) return v.map(move);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, move(x)]));
    return v;
  };
  return move(doc) as T;
}

/**
 * A batch links its pages after the last row: the WebPage node's `relatedLink` lists the same
 * pages as the copy's internal links (absolute URLs beside the page's own; none without one).
 */
export function withRelatedLinks<T>(doc: T, canonicalUrl: string, slugs: string[]): T {
  const pageUrl = absoluteUrl(canonicalUrl);
  const graph = (doc as { "@graph"?: unknown } | null)?.["@graph"];
  if (!pageUrl || !Array.isArray(graph)) return doc;
  const links = slugs.map((slug) => pageUrl.replace(/[^/]*$/, slug));
  return {
    ...doc,
    "@graph": graph.map((node: unknown) => {
      const n = node as Record<string, unknown>;
      if (n?.["@type"] !== "WebPage" || n["@id"] !== `${pageUrl}#webpage`) return node;
      const { relatedLink: _old, ...rest } = n;
      return links.length ? { ...rest, relatedLink: links } : rest;
    }),
  };
}

/**
 * Turning check results into draft flags: one line per problem, with the field it is in and the
 * rule behind it. Shared by the pipeline (a new draft) and the review re-check (an edited one),
 * so a flag reads the same whoever caused it.
 */
import type { ChannelIssue, DraftFlag, FieldAlert } from "@/lib/schemas/drafts";
import type { GroundResult } from "@/lib/schemas/knowledge";
import type { scanText } from "@/server/features/guardrails/scan";
import type { ContentField } from "./channels";

/** Fields that name or point rather than state (titles, headings, questions, links): not grounded. */
export const NOT_FACTUAL = /(^|\.)(title|h1|heading|question|path1|path2|label|url)$/;

/** The fields whose sentences are checked against the knowledge base. */
export function factualFieldsOf(fields: ContentField[]): ContentField[] {
  return fields.filter((f) => !NOT_FACTUAL.test(f.path.replace(/\[\d+\]/g, "")));
}

/** The field an offset of the fields joined with blank lines falls in. */
export function fieldOfOffset(fields: { path: string; text: string }[], offset: number): string | null {
  let at = 0;
  for (const f of fields) {
    if (offset < at + f.text.length + 2) return f.path;
    at += f.text.length + 2;
  }
  return fields.at(-1)?.path ?? null;
}

export function groundingFlags(r: GroundResult, fields: ContentField[]): DraftFlag[] {
  return r.sentences
    .filter((x) => x.factual && x.supported === false)
    .map((s) => ({
      kind: "unsupported_claim" as const,
      level: "error" as const,
      message: `Not supported by the knowledge base: “${s.text.slice(0, 160)}”${
        s.facts.length
          ? ` (${s.facts
              .filter((f) => !f.supported)
              .map((f) => f.text)
              .join(", ")})`
          : ""
      }.`,
      field: fieldOfOffset(fields, s.start),
      ruleId: "grounding.unsupported",
    }));
}

export function outputFlags(scan: ReturnType<typeof scanText>, fields: ContentField[]): DraftFlag[] {
  return scan.output.map((f) => ({
    kind: f.kind === "pii_unsourced" ? ("pii" as const) : ("output" as const),
    level: f.kind === "pii_unsourced" || f.kind === "profanity" ? ("error" as const) : ("warning" as const),
    message: f.message,
    field: fieldOfOffset(fields, f.start),
    ruleId: `guardrails.${f.kind}`,
  }));
}

export function alertFlags(alerts: FieldAlert[]): DraftFlag[] {
  return alerts.map((a) => ({ kind: "governor", level: a.level, message: a.message, field: a.field, ruleId: a.check }));
}

export function issueFlags(issues: ChannelIssue[]): DraftFlag[] {
  return issues.map((i) => ({ kind: "channel", level: i.level, message: i.message, field: i.field, ruleId: i.code }));
}

import { z } from "zod";
import type { ApiError } from "@/lib/query/client";
import { BatchSpec, BatchTemplate, type CsvPreview, templateVariables } from "@/lib/schemas/batches";

export type TemplateValues = {
  brief: string;
  slug: string;
  jsonLdType: BatchTemplate["jsonLdType"];
  tags: string[];
  /** Typed into the tag box but not yet added (it counts on submit). */
  pendingTag: string;
  campaignId: string;
};

export const EMPTY_TEMPLATE: TemplateValues = {
  brief: "",
  slug: "",
  jsonLdType: "WebPage",
  tags: [],
  pendingTag: "",
  campaignId: "",
};

/** Fields in the order they appear (the first with an error gets the focus); `map:product` is a mapping select. */
export type FieldKey = "file" | "brief" | "slug" | "jsonLdType" | "tags" | "campaignId" | `map:${string}`;
export type Errors = Partial<Record<FieldKey, string>>;

const TEMPLATE_FIELDS = ["brief", "slug", "jsonLdType", "tags"] as const;

export function fieldId(key: FieldKey): string {
  return `seo-batch-${key.replace(":", "-")}`;
}

export function fieldOrder(variables: string[]): FieldKey[] {
  return ["file", ...TEMPLATE_FIELDS, "campaignId", ...variables.map((v) => `map:${v}` as const)];
}

export function focusFirst(errors: Errors, variables: string[]): boolean {
  const first = fieldOrder(variables).find((k) => errors[k]);
  if (first) document.getElementById(fieldId(first))?.focus();
  return Boolean(first);
}

export function templateOf(values: TemplateValues) {
  const tags = [...values.tags, values.pendingTag.trim()].filter(Boolean);
  return { brief: values.brief, slug: values.slug, jsonLdType: values.jsonLdType, tags };
}

export function variablesOf(values: Pick<TemplateValues, "brief" | "slug">): string[] {
  return templateVariables(values.brief, values.slug);
}

/** A column for every variable, among the CSV's columns. */
function mappingSchema(variables: string[], columns: string[]) {
  return z.object(
    Object.fromEntries(
      variables.map((v) => [v, z.string().refine((c) => columns.includes(c), `Choose the column that fills {{${v}}}`)]),
    ),
  );
}

/** Checks the form with the API's schemas; the spec to send, or the errors by field. */
export function validateBatch(input: {
  values: TemplateValues;
  mapping: Record<string, string>;
  preview: CsvPreview | null;
  fileError: string | null;
}): { spec: BatchSpec; errors?: undefined } | { spec?: undefined; errors: Errors } {
  const { values, preview } = input;
  const errors: Errors = {};
  const variables = variablesOf(values);
  if (input.fileError) errors.file = input.fileError;
  else if (!preview) errors.file = "Choose the CSV with one row per page.";

  const template = BatchTemplate.safeParse(templateOf(values));
  if (!template.success)
    for (const issue of template.error.issues) {
      const key = issue.path[0];
      if (TEMPLATE_FIELDS.some((f) => f === key)) errors[key as (typeof TEMPLATE_FIELDS)[number]] ??= issue.message;
    }
  if (!errors.slug && (preview?.rowCount ?? 0) > 1 && templateVariables(values.slug).length === 0)
    errors.slug = "Use at least one {{variable}} in the slug, or every page after the first gets a taken address.";

  const mapping = Object.fromEntries(variables.map((v) => [v, input.mapping[v] ?? ""]));
  if (preview) {
    const mapped = mappingSchema(variables, preview.columns).safeParse(mapping);
    if (!mapped.success)
      for (const issue of mapped.error.issues) errors[`map:${String(issue.path[0])}`] ??= issue.message;
  }
  if (Object.keys(errors).length) return { errors };
  const spec = { template: templateOf(values), mapping, campaignId: values.campaignId || null };
  const checked = BatchSpec.safeParse(spec);
  if (!checked.success) return { errors: { brief: checked.error.issues[0]?.message ?? "Check the template." } };
  return { spec };
}

/** Places a refusal from the API next to the field it is about (a CSV problem, a template field, a variable). */
export function serverErrors(e: ApiError, variables: string[]): Errors {
  if (e.code.startsWith("validation:csv") || e.code === "payload_too_large:csv_rows") return { file: e.message };
  const errors: Errors = {};
  const issues = (e.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
  for (const i of Array.isArray(issues) ? issues : []) {
    const [top, field] = i.path.split(".");
    if (top === "template" && TEMPLATE_FIELDS.some((f) => f === field))
      errors[field as (typeof TEMPLATE_FIELDS)[number]] ??= i.message;
  }
  if (e.code === "validation:campaign") errors.campaignId = e.message;
  const named = /\{\{(\w+)\}\}/.exec(e.message)?.[1];
  if (e.code === "validation:batch_mapping" && named && variables.includes(named)) errors[`map:${named}`] = e.message;
  return errors;
}

"use client";

import Link from "next/link";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Textarea } from "@/components/inference/fields";
import { TagInput } from "@/components/brand/tag-input";
import { JSONLD_PAGE_TYPES } from "@/lib/schemas/batches";
import { type FieldKey, fieldId, type TemplateValues } from "./validate";
import { useSeoCampaigns } from "./use-batches";

const JSONLD_HINTS: Record<(typeof JSONLD_PAGE_TYPES)[number], string> = {
  WebPage: "WebPage: a general landing page",
  Product: "Product: one product per page",
  LocalBusiness: "LocalBusiness: a shop or branch per page",
  Article: "Article: an editorial page",
};

const code = "bg-muted rounded px-1 font-mono text-[11px]";

/** The page template: brief, slug pattern, JSON-LD type, knowledge tags and campaign. */
export function TemplateFields({
  values,
  onChange,
  errors,
  columns,
}: {
  values: TemplateValues;
  onChange: (patch: Partial<TemplateValues>) => void;
  errors: Partial<Record<FieldKey, string>>;
  columns: string[];
}) {
  const campaigns = useSeoCampaigns();
  const example = columns[0] ?? "product";
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field
        id={fieldId("brief")}
        className="sm:col-span-2"
        label="Brief"
        error={errors.brief}
        hint={
          <>
            What each page is about. Write <code className={code}>{`{{${example}}}`}</code> where a row&apos;s value
            goes{columns.length ? <> (columns: {columns.map((c) => `{{${c}}}`).join(", ")})</> : null}. Facts come from
            the knowledge base.
          </>
        }
      >
        {(a) => (
          <Textarea
            {...a}
            rows={4}
            maxLength={2000}
            value={values.brief}
            onChange={(e) => onChange({ brief: e.target.value })}
            placeholder="Landing page about the {{product}} for hikers near {{city}}."
          />
        )}
      </Field>
      <Field
        id={fieldId("slug")}
        label="Slug pattern"
        error={errors.slug}
        hint="Each page's address, made URL-safe: “Summit 45 / Munich” becomes summit-45-munich."
      >
        {(a) => (
          <Input
            {...a}
            value={values.slug}
            maxLength={120}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => onChange({ slug: e.target.value })}
            placeholder="{{product}}-{{city}}"
          />
        )}
      </Field>
      <Field
        id={fieldId("jsonLdType")}
        label="Structured data type"
        error={errors.jsonLdType}
        hint="The schema.org JSON-LD type each page carries."
      >
        {(a) => (
          <Select
            {...a}
            value={values.jsonLdType}
            onChange={(e) => onChange({ jsonLdType: e.target.value as TemplateValues["jsonLdType"] })}
          >
            {JSONLD_PAGE_TYPES.map((t) => (
              <option key={t} value={t}>
                {JSONLD_HINTS[t]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id={fieldId("tags")}
        label="Knowledge tags"
        optional
        error={errors.tags}
        hint="Ground the pages only in documents with these tags. Enter or a comma adds one."
      >
        {(a) => (
          <TagInput
            id={a.id}
            describedBy={a["aria-describedby"]}
            invalid={a.invalid}
            tags={values.tags}
            onTagsChange={(tags) => onChange({ tags })}
            pending={values.pendingTag}
            onPendingChange={(pendingTag) => onChange({ pendingTag })}
            placeholder="e.g. product"
          />
        )}
      </Field>
      <Field
        id={fieldId("campaignId")}
        label="Campaign"
        optional
        error={errors.campaignId}
        hint={
          campaigns.isError ? (
            `Campaigns could not be loaded: ${campaigns.error.message}`
          ) : (
            <>
              The pages join this campaign.{" "}
              <Link href="/campaigns" className="text-primary underline underline-offset-2">
                Manage campaigns
              </Link>
            </>
          )
        }
      >
        {(a) => (
          <Select {...a} value={values.campaignId} onChange={(e) => onChange({ campaignId: e.target.value })}>
            <option value="">{campaigns.isPending ? "Loading campaigns…" : "No campaign"}</option>
            {(campaigns.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.status === "archived" ? `${c.name} (archived)` : c.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Sparkles } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Spinner, Textarea } from "@/components/inference/fields";
import { queryKeys } from "@/lib/query/client";
import { CreateDraftBody, type DraftDetail, type DraftFormat } from "@/lib/schemas/drafts";
import { CampaignPicker } from "./campaign-picker";
import { DraftProgress } from "./draft-progress";
import { detailIssues, errorsByField, focusFirstError } from "./form-errors";
import { FormatPicker } from "./format-picker";
import { draftHref, STEP_COUNT } from "./labels";
import { SegmentField } from "./segment-field";
import { useDraftStream } from "./use-draft-stream";

/** Form fields in the order they appear: the first one with an error gets the focus. */
const FIELD_ORDER = ["format", "brief", "campaignId", "segmentId", "tags", "variants", "slug"] as const;
type FieldName = (typeof FIELD_ORDER)[number];
type Errors = Partial<Record<FieldName, string>>;

const fid = (f: FieldName) => `draft-${f}`;
const PROGRESS_ID = "draft-progress";

/** How long the finished pipeline stays on screen before the draft opens. */
const OPEN_DELAY_MS = 900;

/** `/drafts/new`: brief and options, validated with the API's schema, then the pipeline streamed step by step. */
export function NewDraftForm() {
  const router = useRouter();
  const qc = useQueryClient();
  const alertRef = useRef<HTMLDivElement>(null);
  const focusAlert = useRef(false);
  const [format, setFormat] = useState<DraftFormat>("google_rsa");
  const [brief, setBrief] = useState("");
  const [campaignId, setCampaignId] = useState("");
  const [segmentId, setSegmentId] = useState("");
  const [tags, setTags] = useState("");
  const [variants, setVariants] = useState("1");
  const [slug, setSlug] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  // The format is a radio group: its error focuses the checked radio.
  const idOf = (f: FieldName) => (f === "format" ? `${fid("format")}-${format}` : fid(f));

  const { run, start } = useDraftStream({
    done: (draft: DraftDetail) => {
      qc.setQueryData(queryKeys.draft(draft.id), draft);
      void qc.invalidateQueries({ queryKey: queryKeys.draftLists });
      void qc.invalidateQueries({ queryKey: queryKeys.campaigns });
      setTimeout(() => router.push(draftHref(draft.id)), OPEN_DELAY_MS);
    },
    // A refusal keeps the form as typed: field issues go next to their fields, the message in the alert.
    error: (e) => {
      const fieldErrors = errorsByField(FIELD_ORDER, detailIssues(e.details));
      setErrors(fieldErrors);
      // Focus goes to the first field at fault, else to the alert once it is rendered (below).
      focusAlert.current = !focusFirstError(FIELD_ORDER, fieldErrors, idOf);
    },
  });
  const busy = run.state === "running" || run.state === "done";

  async function submit() {
    if (busy) return;
    const body: CreateDraftBody = {
      format,
      brief,
      campaignId: campaignId || null,
      segmentId: format === "email" && segmentId ? segmentId : null,
      variants: Number(variants),
      tags: tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      ...(format === "seo_page" && slug.trim() ? { slug: slug.trim() } : {}),
    };
    const parsed = CreateDraftBody.safeParse(body);
    const next = parsed.success ? {} : errorsByField(FIELD_ORDER, parsed.error.issues);
    setErrors(next);
    if (!parsed.success) {
      focusFirstError(FIELD_ORDER, next, idOf);
      return;
    }
    // Below the form on narrow screens, the progress would be out of sight.
    if (window.matchMedia("(max-width: 1023px)").matches)
      document.getElementById(PROGRESS_ID)?.scrollIntoView({ block: "start", behavior: "smooth" });
    await start(body);
  }

  const serverError = run.state === "error" ? run.error : null;
  useEffect(() => {
    if (serverError && focusAlert.current) {
      focusAlert.current = false;
      alertRef.current?.focus();
    }
  }, [serverError]);

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <Card>
        <CardContent>
          <form
            noValidate
            aria-label="New draft"
            className="space-y-6"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <FormatPicker id={fid("format")} value={format} onChange={setFormat} error={errors.format} />

            <Field
              id={fid("brief")}
              label="Brief"
              error={errors.brief}
              hint="What to write, for whom, and what to stress. Facts come from the knowledge base. Ctrl+Enter generates."
            >
              {(a) => (
                <Textarea
                  {...a}
                  rows={5}
                  maxLength={5000}
                  value={brief}
                  onChange={(e) => setBrief(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
                      e.preventDefault();
                      void submit();
                    }
                  }}
                  placeholder="Search ad for the Summit 45 backpack for weekend hikers"
                />
              )}
            </Field>

            <div className="grid gap-6 sm:grid-cols-2">
              <CampaignPicker
                className="sm:col-span-2"
                id={fid("campaignId")}
                value={campaignId}
                onChange={setCampaignId}
                error={errors.campaignId}
              />
              {format === "email" ? (
                <SegmentField
                  id={fid("segmentId")}
                  value={segmentId}
                  onChange={setSegmentId}
                  error={errors.segmentId}
                />
              ) : null}
              <Field
                id={fid("tags")}
                label="Knowledge tags"
                optional
                error={errors.tags}
                hint="Comma-separated; retrieval only uses documents with these tags."
              >
                {(a) => (
                  <Input
                    {...a}
                    value={tags}
                    onChange={(e) => setTags(e.target.value)}
                    placeholder="e.g. product, backpacks"
                    autoComplete="off"
                    spellCheck={false}
                  />
                )}
              </Field>
              <Field
                id={fid("variants")}
                label="Variants"
                error={errors.variants}
                hint="Generate several and keep the one the brand governor scores best."
              >
                {(a) => (
                  <Select {...a} value={variants} onChange={(e) => setVariants(e.target.value)}>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>
                        {n === 1 ? "1 variant" : `${n} variants`}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              {format === "seo_page" ? (
                <Field
                  id={fid("slug")}
                  label="Slug"
                  optional
                  error={errors.slug}
                  hint="Lower-case words joined by hyphens; made from the title when empty."
                >
                  {(a) => (
                    <Input
                      {...a}
                      value={slug}
                      maxLength={80}
                      onChange={(e) => setSlug(e.target.value)}
                      placeholder="e.g. summit-45-backpack"
                      autoComplete="off"
                      spellCheck={false}
                    />
                  )}
                </Field>
              ) : null}
            </div>

            {serverError ? (
              <Alert
                ref={alertRef}
                tabIndex={-1}
                tone="danger"
                title="The draft was not created"
                className="outline-none"
              >
                {serverError.message}
              </Alert>
            ) : null}

            <div className="flex items-center gap-3">
              <Button type="submit" disabled={busy} data-testid="draft-generate">
                {busy ? <Spinner /> : <Sparkles aria-hidden="true" />}
                {busy ? "Generating…" : "Generate draft"}
              </Button>
              {run.state === "running" ? (
                // The pipeline panel announces each step; this is the same count, next to the button.
                <span aria-hidden="true" className="text-muted-foreground text-sm tabular-nums">
                  Step {Math.min(run.steps.length + 1, STEP_COUNT)} of {STEP_COUNT}
                </span>
              ) : null}
            </div>
          </form>
        </CardContent>
      </Card>
      <div className="lg:sticky lg:top-20">
        <DraftProgress id={PROGRESS_ID} run={run} />
      </div>
    </div>
  );
}

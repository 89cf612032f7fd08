"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Field, Loading } from "@/components/inference/fields";
import { api, ApiError, queryKeys } from "@/lib/query/client";
import type { DraftStatus } from "@/lib/schemas/drafts";
import { assertionLabel } from "@/lib/schemas/evals";
import {
  DEFAULT_PROMOTION_SET,
  type GoldenCaseOut,
  type GoldenSetOut,
  type PromoteBody,
  type PromotionPreview,
} from "@/lib/schemas/golden-sets";
import type { ReviewState } from "@/lib/schemas/review";

/** The select's value for "a new set named Regressions" (the server creates it). */
export const NEW_REGRESSIONS = "__new_regressions__";

const PROMOTABLE: readonly DraftStatus[] = ["rejected", "changes_requested"];

/**
 * Whether the card belongs on the review of a draft in this state. The review state has no role, but
 * in these two states archiving needs an editor (server/features/review/workflow.ts), so it tells.
 */
export function canPromote(state: Pick<ReviewState, "status" | "allowedActions">): boolean {
  return PROMOTABLE.includes(state.status) && state.allowedActions.includes("archive");
}

export type SetOption = { value: string; label: string };

/**
 * The set select: the existing sets, led by "Regressions (new)" when no set has that name yet; the
 * default is the Regressions set (existing or new).
 */
export function setOptions(sets: Pick<GoldenSetOut, "id" | "name">[]): {
  options: SetOption[];
  defaultValue: string;
} {
  const existing = sets.map((s) => ({ value: s.id, label: s.name }));
  const regressions = sets.find((s) => s.name === DEFAULT_PROMOTION_SET);
  if (regressions) return { options: existing, defaultValue: regressions.id };
  return {
    options: [{ value: NEW_REGRESSIONS, label: `${DEFAULT_PROMOTION_SET} (new)` }, ...existing],
    defaultValue: NEW_REGRESSIONS,
  };
}

/** The person's choice while it is still an option (a new Regressions set stops being one once it exists). */
export function chosenSet(options: SetOption[], defaultValue: string, choice: string | null): string {
  return choice !== null && options.some((o) => o.value === choice) ? choice : defaultValue;
}

/** The POST body: no `setId` means "the Regressions set, created when missing". */
export function promoteBody(value: string): PromoteBody {
  return value === NEW_REGRESSIONS ? {} : { setId: value };
}

/** Under `queryKeys.evals`, so promoting (which invalidates that prefix) refreshes "already promoted". */
const previewKey = (draftId: string) => [...queryKeys.evals, "promote", draftId] as const;

type Done = { caseName: string; setName: string; setId: string };

/**
 * "Golden case" on the review of a rejected (or sent back) draft: the rejection, with the
 * expectations suggested from its reason and flags, goes into a golden set in one click.
 */
export function PromoteCard({ draftId }: { draftId: string }) {
  const qc = useQueryClient();
  const preview = useQuery({
    queryKey: previewKey(draftId),
    queryFn: () => api<PromotionPreview>(`/api/evals/promote/${encodeURIComponent(draftId)}`),
  });
  const sets = useQuery({
    queryKey: queryKeys.evalSets,
    queryFn: () => api<{ items: GoldenSetOut[] }>("/api/evals/sets"),
  });
  const [choice, setChoice] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const { options, defaultValue } = setOptions(sets.data?.items ?? []);
  const value = chosenSet(options, defaultValue, choice);

  const promote = useMutation({
    mutationFn: (v: { value: string; setName: string }) =>
      api<GoldenCaseOut & { setName?: string }>(`/api/evals/promote/${encodeURIComponent(draftId)}`, {
        method: "POST",
        body: promoteBody(v.value),
      }),
    onSuccess: async (c, v) => {
      setDone({ caseName: c.name, setName: c.setName ?? v.setName, setId: c.setId });
      await qc.invalidateQueries({ queryKey: queryKeys.evals });
    },
  });

  // Someone without access (or a draft that is no longer a rejection) has nothing to promote.
  if (preview.error instanceof ApiError && [403, 404, 409].includes(preview.error.status)) return null;

  const promoted = preview.data?.promotedCaseIds.length ?? 0;
  const setName = options.find((o) => o.value === value)?.label.replace(/ \(new\)$/, "") ?? DEFAULT_PROMOTION_SET;

  return (
    <Card className="mb-4" data-testid="promote-card">
      <CardHeader>
        <CardTitle>Golden case</CardTitle>
        <CardDescription>
          Promoting this rejection turns it into a regression test: every prompt change is then checked against the same
          brief and the expectations below.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {preview.isPending ? (
          <Loading>Loading the suggested case…</Loading>
        ) : preview.isError ? (
          <Alert tone="danger">{preview.error.message}</Alert>
        ) : (
          <>
            {promoted ? (
              <Alert tone="info" role="note">
                Already promoted: {promoted === 1 ? "a golden case comes" : `${promoted} golden cases come`} from this
                draft. Promoting again adds another.
              </Alert>
            ) : null}
            <div className="space-y-2">
              <p className="text-sm">
                <span className="text-muted-foreground">Case: </span>
                <span className="font-medium">{preview.data.name}</span>
              </p>
              <p className="text-sm font-medium" id={`promote-${draftId}-expectations`}>
                Suggested expectations
              </p>
              {preview.data.expectations.length ? (
                <ul aria-labelledby={`promote-${draftId}-expectations`} className="list-disc space-y-1 pl-5 text-sm">
                  {preview.data.expectations.map((a, i) => (
                    <li key={i}>{assertionLabel(a)}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-muted-foreground text-sm">
                  Nothing specific could be suggested from the reason or the flags.
                </p>
              )}
            </div>
            <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <Field
                id={`promote-${draftId}-set`}
                label="Golden set"
                className="sm:w-64"
                error={sets.isError ? sets.error.message : undefined}
              >
                {(a) => (
                  <Select
                    {...a}
                    value={value}
                    disabled={sets.isPending || sets.isError}
                    onChange={(e) => {
                      setChoice(e.target.value);
                      setDone(null);
                    }}
                  >
                    {sets.isPending ? <option value={value}>Loading sets…</option> : null}
                    {sets.isPending
                      ? null
                      : options.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                  </Select>
                )}
              </Field>
              <Button
                variant="secondary"
                disabled={promote.isPending || sets.isPending || sets.isError}
                onClick={() => {
                  setDone(null);
                  promote.mutate({ value, setName });
                }}
              >
                <FlaskConical aria-hidden="true" />
                {promote.isPending ? "Promoting…" : promoted ? "Promote again" : "Promote to golden set"}
              </Button>
            </div>
          </>
        )}
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="promote-status">
          {done ? (
            <Alert tone="success" role="presentation">
              Added “{done.caseName}” to {done.setName}.{" "}
              <Link
                href={`/evals/sets/${encodeURIComponent(done.setId)}`}
                className="font-medium underline underline-offset-2"
              >
                Open the golden case
              </Link>
            </Alert>
          ) : null}
        </div>
        {promote.error ? <Alert tone="danger">{promote.error.message}</Alert> : null}
      </CardContent>
    </Card>
  );
}

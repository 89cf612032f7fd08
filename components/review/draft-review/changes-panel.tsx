"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Loading } from "@/components/inference/fields";
import type { DraftRevision } from "@/lib/schemas/review";
import { ContentDiff } from "./content-diff";
import { reviewApi, reviewKeys } from "./review-api";

export type Compare = { from: number; to: number };

function revisionLabel(r: DraftRevision, latest: number): string {
  return `Version ${r.version}${r.generated ? " (generated)" : ""}${r.version === latest ? " (current)" : ""}`;
}

/**
 * The Changes tab: a word diff of the copy between two revisions, by default the generated
 * version against the current one. Before anyone edits, there is a single version to show.
 */
export function ChangesPanel({
  draftId,
  compare,
  onCompare,
}: {
  draftId: string;
  /** The pair chosen; null means generated → current. */
  compare: Compare | null;
  onCompare: (c: Compare) => void;
}) {
  const id = useId();
  const revisions = useQuery({ queryKey: reviewKeys.revisions(draftId), queryFn: () => reviewApi.revisions(draftId) });
  const items = [...(revisions.data?.items ?? [])].sort((a, b) => a.version - b.version);
  const first = items[0];
  const last = items[items.length - 1];
  const from = items.find((r) => r.version === compare?.from) ?? items.find((r) => r.generated) ?? first;
  const to = items.find((r) => r.version === compare?.to) ?? last;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Changes</CardTitle>
        <CardDescription>
          What people changed in the copy, word by word: inserted words are underlined in green, removed ones struck
          through in red.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {revisions.isPending ? (
          <Loading>Loading the versions…</Loading>
        ) : revisions.isError ? (
          <Alert tone="danger">{revisions.error.message}</Alert>
        ) : !from || !to || items.length < 2 ? (
          <p className="text-muted-foreground text-sm" data-testid="changes-empty">
            Nobody has edited this draft yet: the copy is the version the pipeline generated.
          </p>
        ) : (
          <>
            <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Versions to compare">
              <VersionSelect
                id={`${id}-from`}
                label="Compare version"
                items={items}
                latest={last!.version}
                value={from.version}
                onChange={(v) => onCompare({ from: v, to: to.version })}
              />
              <VersionSelect
                id={`${id}-to`}
                label="with version"
                items={items}
                latest={last!.version}
                value={to.version}
                onChange={(v) => onCompare({ from: from.version, to: v })}
              />
            </div>
            <p className="text-sm">
              <span className="font-medium">Version {from.version}</span>
              {from.author ? ` by ${from.author}` : from.generated ? " (generated)" : ""} →{" "}
              <span className="font-medium">version {to.version}</span>
              {to.author ? ` by ${to.author}` : ""}
              {to.note ? <span className="text-muted-foreground"> · “{to.note}”</span> : null}
            </p>
            <ContentDiff
              before={from.content}
              after={to.content}
              label={`Changes from version ${from.version} to version ${to.version}`}
              emptyText={from.version === to.version ? "Pick two different versions to compare." : undefined}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
}

function VersionSelect({
  id,
  label,
  items,
  latest,
  value,
  onChange,
}: {
  id: string;
  label: string;
  items: DraftRevision[];
  latest: number;
  value: number;
  onChange: (version: number) => void;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} wrapperClassName="w-56">
        {items.map((r) => (
          <option key={r.version} value={r.version}>
            {revisionLabel(r, latest)}
          </option>
        ))}
      </Select>
    </div>
  );
}

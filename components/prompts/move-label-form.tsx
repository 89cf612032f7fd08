"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Tag } from "lucide-react";
import { useState } from "react";
import { api, queryKeys } from "@/lib/query/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field } from "@/components/inference/fields";
import { STANDARD_LABELS, type PromptVersion } from "./types";

const LABEL_RE = /^[a-z][a-z0-9_-]{0,39}$/;
const OTHER = "__other__";

type Pending = { label: string; version: PromptVersion; from: PromptVersion | undefined };

/** Points a label at a version, after an explicit confirmation. */
export function MoveLabelForm({ promptKey, versions }: { promptKey: string; versions: PromptVersion[] }) {
  const qc = useQueryClient();
  const custom = [...new Set(versions.flatMap((v) => v.labels))].filter(
    (l) => !(STANDARD_LABELS as readonly string[]).includes(l),
  );
  const [labelChoice, setLabelChoice] = useState<string>("production");
  const [otherName, setOtherName] = useState("");
  const [versionId, setVersionId] = useState(versions[0]?.id ?? "");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: (p: Pending) =>
      api(`/api/prompts/${encodeURIComponent(promptKey)}/labels/${encodeURIComponent(p.label)}`, {
        method: "PUT",
        body: { versionId: p.version.id },
      }),
    onSuccess: async (_r, p) => {
      setPending(null);
      setDone(`${p.label} now points at v${p.version.version}.`);
      await qc.invalidateQueries({ queryKey: queryKeys.prompts });
    },
  });

  function review(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(null);
    move.reset();
    const label = labelChoice === OTHER ? otherName.trim() : labelChoice;
    if (!LABEL_RE.test(label)) {
      setError("Labels start with a lower-case letter, then lower-case letters, digits, - or _ (up to 40).");
      return;
    }
    setError(undefined);
    const version = versions.find((v) => v.id === versionId);
    if (!version) return;
    const from = versions.find((v) => v.labels.includes(label));
    setPending({ label, version, from });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Move a label</CardTitle>
        <CardDescription>
          Labels are how code picks a version: calls use <strong>production</strong>; try changes on{" "}
          <strong>staging</strong> first. Rolling back is moving the label to an older version.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <form onSubmit={review} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <Field id="move-label" label="Label" className="sm:w-48">
            {(a) => (
              <Select
                {...a}
                value={labelChoice}
                onChange={(e) => {
                  setLabelChoice(e.target.value);
                  setPending(null);
                }}
              >
                {[...STANDARD_LABELS, ...custom].map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
                <option value={OTHER}>Another label…</option>
              </Select>
            )}
          </Field>
          {labelChoice === OTHER ? (
            <Field id="move-label-name" label="Label name" className="sm:w-48" error={error}>
              {(a) => (
                <Input
                  {...a}
                  value={otherName}
                  onChange={(e) => setOtherName(e.target.value)}
                  placeholder="e.g. experiment-b"
                  spellCheck={false}
                />
              )}
            </Field>
          ) : null}
          <Field id="move-label-version" label="Point it at" className="sm:w-60">
            {(a) => (
              <Select
                {...a}
                value={versionId}
                onChange={(e) => {
                  setVersionId(e.target.value);
                  setPending(null);
                }}
              >
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    v{v.version}
                    {v.labels.length ? ` (${v.labels.join(", ")})` : ""}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="sm:pt-[22px]">
            <Button type="submit" variant="secondary">
              <Tag aria-hidden="true" />
              Move label
            </Button>
          </div>
        </form>

        {pending ? (
          <Alert
            tone="warning"
            role="alertdialog"
            aria-labelledby="move-label-confirm-title"
            title={
              <span id="move-label-confirm-title">
                Move {pending.label} to v{pending.version.version}?
              </span>
            }
          >
            <p>
              {pending.from?.id === pending.version.id
                ? `${pending.label} already points at v${pending.version.version}; nothing will change.`
                : pending.from
                  ? `It points at v${pending.from.version} now.`
                  : `${pending.label} is a new label for ${promptKey}.`}{" "}
              {pending.label === "production"
                ? "Every generation that uses this prompt switches to the new version at once."
                : "Only callers that ask for this label are affected."}
            </p>
            <div className="mt-3 flex gap-2">
              <Button size="sm" autoFocus disabled={move.isPending} onClick={() => move.mutate(pending)}>
                {move.isPending ? "Moving…" : `Yes, move ${pending.label}`}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setPending(null)}>
                Cancel
              </Button>
            </div>
          </Alert>
        ) : null}
        {move.error ? <Alert tone="danger">{move.error.message}</Alert> : null}
        {done ? <Alert tone="success">{done}</Alert> : null}
      </CardContent>
    </Card>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Tag } from "lucide-react";
import { useState } from "react";
import { api, ApiError, queryKeys } from "@/lib/query/client";
import { EVALUATED_PROMPT_KEYS, type MoveLabelBody } from "@/lib/schemas/golden-sets";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Textarea } from "@/components/inference/fields";
import {
  gateAllowsConfirm,
  gateKey,
  GateVerdictPanel,
  OVERRIDE_REASON_MAX,
  overrideReasonError,
  useGateVerdict,
} from "@/components/evals/gate-verdict";
import { STANDARD_LABELS, type PromptVersion } from "./types";

const LABEL_RE = /^[a-z][a-z0-9_-]{0,39}$/;
const OTHER = "__other__";

type Pending = { label: string; version: PromptVersion; from: PromptVersion | undefined };
type Move = { pending: Pending; override?: { reason: string } };

/** Only a real move of `production` of a prompt golden sets judge goes through the eval gate. */
function gated(promptKey: string, p: Pending): boolean {
  return (
    p.label === "production" &&
    p.from?.id !== p.version.id &&
    (EVALUATED_PROMPT_KEYS as readonly string[]).includes(promptKey)
  );
}

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
    mutationFn: ({ pending: p, override }: Move) => {
      const body: MoveLabelBody = { versionId: p.version.id, ...(override ? { override } : {}) };
      return api(`/api/prompts/${encodeURIComponent(promptKey)}/labels/${encodeURIComponent(p.label)}`, {
        method: "PUT",
        body,
      });
    },
    onSuccess: async (_r, { pending: p, override }) => {
      setPending(null);
      setDone(`${p.label} now points at v${p.version.version}.${override ? " The eval gate was overridden." : ""}`);
      await qc.invalidateQueries({ queryKey: queryKeys.prompts });
    },
    onError: (e, { pending: p }) => {
      // The gate said no (a run may have ended since the verdict was shown): show the fresh verdict.
      if (e instanceof ApiError && e.code === "conflict:eval_gate")
        void qc.invalidateQueries({ queryKey: gateKey(promptKey, p.version.id) });
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
          <ConfirmMove
            key={`${pending.label}:${pending.version.id}`}
            promptKey={promptKey}
            pending={pending}
            moving={move.isPending}
            onConfirm={(override) => move.mutate({ pending, override })}
            onCancel={() => {
              setPending(null);
              move.reset();
            }}
          />
        ) : null}
        {move.error ? (
          <Alert
            tone="danger"
            title={
              move.error instanceof ApiError && move.error.code === "conflict:eval_gate"
                ? "The eval gate refused the move"
                : undefined
            }
          >
            {move.error.message}
          </Alert>
        ) : null}
        {done ? <Alert tone="success">{done}</Alert> : null}
      </CardContent>
    </Card>
  );
}

/**
 * The confirmation of one move. Moving `production` to another version first shows the eval gate's
 * verdict; when the gate refuses, the admin may override it with a reason (kept in the audit trail).
 */
function ConfirmMove({
  promptKey,
  pending,
  moving,
  onConfirm,
  onCancel,
}: {
  promptKey: string;
  pending: Pending;
  moving: boolean;
  onConfirm: (override?: { reason: string }) => void;
  onCancel: () => void;
}) {
  const isGated = gated(promptKey, pending);
  const gate = useGateVerdict(promptKey, pending.version.id, isGated);
  const [overrideOn, setOverrideOn] = useState(false);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const refused = isGated && gate.data?.allowed === false;
  const canConfirm =
    !(isGated && gate.isPending) && (!refused || gateAllowsConfirm(gate.data, { on: overrideOn, reason }));
  const reasonError = touched ? (overrideReasonError(reason) ?? undefined) : undefined;

  return (
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
      {isGated ? (
        <div className="mt-3 space-y-3">
          <GateVerdictPanel query={gate} />
          {refused ? (
            <div className="space-y-3">
              <label className="flex items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  className="accent-primary size-4"
                  checked={overrideOn}
                  onChange={(e) => setOverrideOn(e.target.checked)}
                />
                Override the eval gate
              </label>
              {overrideOn ? (
                <Field
                  id="move-label-override-reason"
                  label="Reason for the override"
                  hint="Kept in the audit trail with the move. At least 10 characters."
                  error={reasonError}
                >
                  {(a) => (
                    <Textarea
                      {...a}
                      value={reason}
                      maxLength={OVERRIDE_REASON_MAX}
                      onChange={(e) => setReason(e.target.value)}
                      onBlur={() => setTouched(true)}
                      placeholder="e.g. Hotfix for a legal wording issue; the eval set is updated next."
                    />
                  )}
                </Field>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="mt-3 flex gap-2">
        <Button
          size="sm"
          autoFocus={!isGated}
          disabled={moving || !canConfirm}
          onClick={() => onConfirm(refused && overrideOn ? { reason: reason.trim() } : undefined)}
        >
          {moving
            ? "Moving…"
            : refused && overrideOn
              ? `Override and move ${pending.label}`
              : `Yes, move ${pending.label}`}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Alert>
  );
}

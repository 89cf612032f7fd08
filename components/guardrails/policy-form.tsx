"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Save } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Textarea } from "@/components/inference/fields";
import { api, ApiError, queryKeys } from "@/lib/query/client";
import {
  ACTION_LABELS,
  ANONYMIZE_ACTIONS,
  ENTITY_LABELS,
  ENTITY_TYPES,
  GuardrailPolicy,
  type AnonymizeAction,
  type EntityType,
  type GuardrailPolicyOut,
} from "@/lib/schemas/guardrails";

type ListKey = "people" | "denyList" | "competitors" | "allowedDomains";

const LISTS: { key: ListKey; label: string; hint: string }[] = [
  {
    key: "allowedDomains",
    label: "Domains generated copy may link to",
    hint: "One a line, e.g. northwind.example; subdomains are included. Links elsewhere are flagged.",
  },
  { key: "competitors", label: "Competitor names", hint: "One a line; flagged whenever generated copy names them." },
  {
    key: "people",
    label: "People (from your CRM)",
    hint: "Customer and contact names, one a line; always detected as person names.",
  },
  {
    key: "denyList",
    label: "Always redact",
    hint: "Terms treated as personal data wherever they appear (code names, VIP customers), one a line.",
  },
];

const THRESHOLDS: { key: "minScore" | "injectionThreshold"; label: string; hint: string }[] = [
  {
    key: "minScore",
    label: "Lowest PII score to act on",
    hint: "0.1–1. Lower catches more and flags more false alarms.",
  },
  {
    key: "injectionThreshold",
    label: "Prompt-injection threshold",
    hint: "0.1–1. At or above it a brief or CSV cell flags its draft and a knowledge chunk is quarantined (never retrieved).",
  },
];

type Draft = {
  entities: Record<EntityType, { enabled: boolean; action: AnonymizeAction }>;
  minScore: string;
  injectionThreshold: string;
  lists: Record<ListKey, string>;
  profanity: boolean;
};

function toDraft(p: GuardrailPolicy): Draft {
  return {
    entities: { ...p.entities },
    minScore: String(p.minScore),
    injectionThreshold: String(p.injectionThreshold),
    lists: {
      people: p.people.join("\n"),
      denyList: p.denyList.join("\n"),
      competitors: p.competitors.join("\n"),
      allowedDomains: p.allowedDomains.join("\n"),
    },
    profanity: p.profanity,
  };
}

const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** Settings → Guardrails: the policy form (admins). Saving on top of a newer version is refused with a reload. */
export function PolicyForm({ current, onReload }: { current: GuardrailPolicyOut; onReload: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(current.policy));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: (policy: GuardrailPolicy) =>
      api<GuardrailPolicyOut>("/api/guardrails/policy", {
        method: "PUT",
        body: { policy, baseVersion: current.version },
      }),
    onSuccess: (out) => {
      queryClient.setQueryData(queryKeys.guardrailPolicy, out);
      setDraft(toDraft(out.policy));
      setSaved(true);
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409 ? save.error : null;

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const parsed = GuardrailPolicy.safeParse({
      entities: draft.entities,
      minScore: Number(draft.minScore),
      injectionThreshold: Number(draft.injectionThreshold),
      people: lines(draft.lists.people),
      denyList: lines(draft.lists.denyList),
      competitors: lines(draft.lists.competitors),
      allowedDomains: lines(draft.lists.allowedDomains),
      profanity: draft.profanity,
    });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        const where = typeof issue.path[1] === "number" ? ` (line ${issue.path[1] + 1})` : "";
        next[key] ??= `${issue.message}${where}`;
      }
      setErrors(next);
      const first = Object.keys(next)[0];
      if (first) document.getElementById(`guard-${first}`)?.focus();
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  }

  const setEntity = (t: EntityType, patch: Partial<Draft["entities"][EntityType]>) =>
    setDraft((d) => ({ ...d, entities: { ...d.entities, [t]: { ...d.entities[t], ...patch } } }));

  return (
    <form onSubmit={submit} noValidate aria-label="Guardrail policy" className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Personal data</CardTitle>
          <CardDescription>
            What Lectern detects and what it does before text goes to an external model (OpenAI, Anthropic, your own
            endpoint). Pseudonymised values are put back into the answer before it is stored. The built-in offline
            engine runs inside Lectern and sees the text as written. The usage ledger records how many values were
            changed, never the values.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <table className="w-full text-sm" data-testid="guard-entities">
            <thead>
              <tr className="text-muted-foreground text-left text-xs">
                <th scope="col" className="pb-2 font-medium">
                  Type
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Detect
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Before an external model
                </th>
              </tr>
            </thead>
            <tbody className="divide-border divide-y">
              {ENTITY_TYPES.map((t) => (
                <tr key={t}>
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    {ENTITY_LABELS[t]}
                  </th>
                  <td className="py-2 pr-4">
                    <input
                      type="checkbox"
                      className="size-4"
                      checked={draft.entities[t].enabled}
                      onChange={(e) => setEntity(t, { enabled: e.target.checked })}
                      aria-label={`Detect ${ENTITY_LABELS[t]}`}
                    />
                  </td>
                  <td className="py-2">
                    <Select
                      value={draft.entities[t].action}
                      disabled={!draft.entities[t].enabled}
                      onChange={(e) => setEntity(t, { action: e.target.value as AnonymizeAction })}
                      aria-label={`What happens to ${ENTITY_LABELS[t]}`}
                      wrapperClassName="max-w-sm"
                    >
                      {ANONYMIZE_ACTIONS.map((a) => (
                        <option key={a} value={a}>
                          {ACTION_LABELS[a]}
                        </option>
                      ))}
                    </Select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Thresholds</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          {THRESHOLDS.map((t) => (
            <Field key={t.key} id={`guard-${t.key}`} label={t.label} hint={t.hint} error={errors[t.key]}>
              {(a) => (
                <Input
                  {...a}
                  type="number"
                  min={0.1}
                  max={1}
                  step={0.05}
                  value={draft[t.key]}
                  onChange={(e) => setDraft((d) => ({ ...d, [t.key]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Lists</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          {LISTS.map((l) => (
            <Field key={l.key} id={`guard-${l.key}`} label={l.label} hint={l.hint} error={errors[l.key]} optional>
              {(a) => (
                <Textarea
                  {...a}
                  rows={4}
                  value={draft.lists[l.key]}
                  onChange={(e) => setDraft((d) => ({ ...d, lists: { ...d.lists, [l.key]: e.target.value } }))}
                />
              )}
            </Field>
          ))}
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input
              type="checkbox"
              className="size-4"
              checked={draft.profanity}
              onChange={(e) => setDraft((d) => ({ ...d, profanity: e.target.checked }))}
            />
            Flag profanity in generated copy (English word list, the obscenity library)
          </label>
        </CardContent>
      </Card>

      {conflict ? (
        <Alert tone="danger" data-testid="guard-conflict">
          {conflict.message}{" "}
          <Button variant="secondary" size="sm" onClick={onReload}>
            Reload the latest version
          </Button>
        </Alert>
      ) : save.error ? (
        <Alert tone="danger">{save.error.message}</Alert>
      ) : saved ? (
        <Alert tone="success">Saved version {current.version}.</Alert>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending} data-testid="guard-save">
          <Save aria-hidden="true" />
          {save.isPending ? "Saving…" : "Save policy"}
        </Button>
        <p className="text-muted-foreground text-xs">
          Version {current.version}
          {current.updatedBy ? ` · saved by ${current.updatedBy}` : " · defaults"}
        </p>
      </div>
    </form>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus, RefreshCw, Save, Trash2 } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Spinner, Textarea } from "@/components/inference/fields";
import { api, ApiError, queryKeys } from "@/lib/query/client";
import {
  BrandVoiceBody,
  CHANNEL_LABELS,
  CHANNELS,
  LEVELS,
  type BrandVoiceOut,
  type Channel,
  type Level,
} from "@/lib/schemas/brand";
import { fieldFor, fieldKeys, rowKey, toBody, toDraft, type Draft, type TriggerKind } from "./draft";
import { LEVEL_LABELS, PERSON_LABELS } from "./labels";
import { TagInput } from "./tag-input";
import { VersionLine } from "./version-line";

type Errors = Record<string, string>;

const TRIGGER_LABELS: Record<TriggerKind, string> = {
  always: "Always",
  price: "When a price is mentioned",
  percent: "When a percentage is mentioned",
  words: "When certain words appear",
};

function message(issue: { code: string; message: string }): string {
  return issue.code === "invalid_type" ? "Enter a number" : issue.message;
}

/** The Edit tab (admins): the voice and the auto-approval policy as one form, saved as a new version. */
export function EditPanel({ brand, onViewRules }: { brand: BrandVoiceOut; onViewRules: () => void }) {
  const qc = useQueryClient();
  // The version the form was loaded from; a background refetch must never replace unsaved edits.
  const [base, setBase] = useState(brand);
  const [saved, setSaved] = useState<number | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<string | null>(null);

  async function reload() {
    setReloading(true);
    setReloadError(null);
    try {
      const fresh = await qc.fetchQuery({
        queryKey: queryKeys.brandVoice,
        queryFn: () => api<BrandVoiceOut>("/api/brand"),
        staleTime: 0,
      });
      setSaved(null);
      setBase(fresh);
    } catch (e) {
      setReloadError(e instanceof Error ? e.message : "Could not load the latest version.");
    } finally {
      setReloading(false);
    }
  }

  return (
    <div className="space-y-4">
      {brand.version > base.version && saved !== brand.version ? (
        <Alert tone="info" title={`A newer version (${brand.version}) was saved`}>
          <p>
            {brand.updatedBy ? `${brand.updatedBy} saved it while you were editing. ` : ""}Reloading replaces your
            unsaved changes with it.
          </p>
          <Button size="sm" variant="secondary" className="mt-2" onClick={reload} disabled={reloading}>
            {reloading ? <Spinner /> : <RefreshCw aria-hidden="true" />}
            Reload version {brand.version}
          </Button>
        </Alert>
      ) : null}
      {saved !== null ? (
        <Alert tone="success" title={`Saved as version ${saved}`} data-testid="brand-saved">
          <p>The governor checks new drafts against this version from now on.</p>
          <button type="button" className="font-medium underline" onClick={onViewRules}>
            View the rules
          </button>
        </Alert>
      ) : null}
      <EditForm
        key={base.version}
        base={base}
        reloading={reloading}
        reloadError={reloadError}
        onReload={reload}
        onSaved={(out) => {
          qc.setQueryData(queryKeys.brandVoice, out);
          void qc.invalidateQueries({ queryKey: queryKeys.brandVersions });
          setSaved(out.version);
          setBase(out);
        }}
      />
    </div>
  );
}

function Section({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="space-y-4">{children}</CardContent>
    </Card>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="ghost" size="icon-sm" aria-label={label} title={label} onClick={onClick} className="mt-7">
      <Trash2 aria-hidden="true" />
    </Button>
  );
}

function EditForm({
  base,
  reloading,
  reloadError,
  onReload,
  onSaved,
}: {
  base: BrandVoiceOut;
  reloading: boolean;
  reloadError: string | null;
  onReload: () => void;
  onSaved: (out: BrandVoiceOut) => void;
}) {
  const uid = useId();
  const [d, setD] = useState<Draft>(() => toDraft(base));
  const [pendingTone, setPendingTone] = useState("");
  const [errors, setErrors] = useState<Errors>({});

  const fid = (key: string) => `${uid}-${key.replace(/\./g, "-")}`;
  const err = (key: string) => errors[key];
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }));

  /** Applies a change now, then moves focus (to a new row, or to "Add" after a removal). */
  const thenFocus = (update: () => void, focusId: string) => {
    flushSync(update);
    document.getElementById(focusId)?.focus();
  };

  const save = useMutation({
    mutationFn: (body: BrandVoiceBody) => api<BrandVoiceOut>("/api/brand", { method: "PUT", body }),
    onSuccess: onSaved,
  });
  const conflict = save.error instanceof ApiError && save.error.code === "conflict:brand_version";

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.reset();
    const parsed = BrandVoiceBody.safeParse(toBody(d, base.version, pendingTone));
    if (!parsed.success) {
      const keys = fieldKeys(d);
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const k = fieldFor(issue.path, keys);
        if (k) next[k] ??= message(issue);
      }
      setErrors(next);
      const first = keys.find((k) => next[k]);
      if (first) document.getElementById(fid(first))?.focus();
      return;
    }
    setErrors({});
    setPendingTone("");
    save.mutate(parsed.data);
  }

  /** Rows of a list: update one, add one (focusing its first field), remove one (focusing "Add"). */
  function rows<K extends "preferredTerms" | "bannedWords" | "bannedClaims" | "disclaimers">(
    name: K,
    firstField: string,
  ) {
    type Row = Draft[K][number];
    return {
      update: (i: number, patch: Partial<Row>) =>
        setD((prev) => ({
          ...prev,
          [name]: (prev[name] as Row[]).map((r, j) => (j === i ? { ...r, ...patch } : r)),
        })),
      add: (row: Omit<Row, "key">) =>
        thenFocus(
          () => setD((prev) => ({ ...prev, [name]: [...(prev[name] as Row[]), { ...row, key: rowKey() }] })),
          fid(`voice.${name}.${d[name].length}.${firstField}`),
        ),
      remove: (i: number) =>
        thenFocus(() => {
          setD((prev) => ({ ...prev, [name]: (prev[name] as Row[]).filter((_, j) => j !== i) }));
          setErrors({});
        }, `${uid}-add-${name}`),
    };
  }
  const terms = rows("preferredTerms", "use");
  const banned = rows("bannedWords", "term");
  const claims = rows("bannedClaims", "phrase");
  const disclaimers = rows("disclaimers", "id");

  const input = (key: string, value: string, onChange: (v: string) => void, extra: object = {}) => ({
    id: fid(key),
    value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
    invalid: Boolean(err(key)),
    "aria-describedby": err(key) ? `${fid(key)}-error` : undefined,
    ...extra,
  });
  const listError = (key: string) => <FieldError id={`${fid(key)}-error`}>{err(key)}</FieldError>;

  return (
    <form onSubmit={submit} noValidate aria-label="Edit brand voice" className="space-y-6">
      <p className="text-muted-foreground text-sm">
        Editing from <VersionLine brand={base} />. Saving makes a new version.
      </p>

      <Section title="Voice" description="How the copy should sound. The governor flags sentences that stray.">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-2 sm:col-span-2">
            <label htmlFor={fid("voice.tone")} className="text-sm leading-none font-medium">
              Tone
            </label>
            <TagInput
              id={fid("voice.tone")}
              tags={d.tone}
              onTagsChange={(tone) => set({ tone })}
              pending={pendingTone}
              onPendingChange={setPendingTone}
              invalid={Boolean(err("voice.tone"))}
              describedBy={`${fid("voice.tone")}-hint${err("voice.tone") ? ` ${fid("voice.tone")}-error` : ""}`}
              placeholder="e.g. friendly, plain-spoken"
            />
            <p id={`${fid("voice.tone")}-hint`} className="text-muted-foreground text-xs">
              Up to 10 words. Press Enter or type a comma to add one.
            </p>
            {listError("voice.tone")}
          </div>
          <div className="space-y-2">
            <label htmlFor={fid("voice.maxGrade")} className="text-sm leading-none font-medium">
              Highest reading grade
            </label>
            <div className="flex items-center gap-3">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="accent-primary size-4"
                  checked={d.maxGradeOn}
                  onChange={(e) => set({ maxGradeOn: e.target.checked })}
                />
                Check
              </label>
              <Input
                {...input("voice.maxGrade", d.maxGrade, (maxGrade) => set({ maxGrade }))}
                inputMode="decimal"
                disabled={!d.maxGradeOn}
                className="w-24"
              />
            </div>
            <p className="text-muted-foreground text-xs">Flesch-Kincaid grade, 1 to 20. 8 suits most audiences.</p>
            {listError("voice.maxGrade")}
          </div>
          <Field id={fid("voice.person")} label="Person" error={err("voice.person")}>
            {(a) => (
              <Select {...a} value={d.person} onChange={(e) => set({ person: e.target.value as Draft["person"] })}>
                {(Object.keys(PERSON_LABELS) as Draft["person"][]).map((p) => (
                  <option key={p} value={p}>
                    {PERSON_LABELS[p]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </Section>

      <Section
        title="Preferred terms"
        description="Words to use instead of others; the checker offers the swap as a fix."
      >
        {d.preferredTerms.map((t, i) => (
          <div key={t.key} className="grid items-start gap-3 sm:grid-cols-[1fr_2fr_auto]" data-testid="brand-term-row">
            <Field id={fid(`voice.preferredTerms.${i}.use`)} label="Use" error={err(`voice.preferredTerms.${i}.use`)}>
              {(a) => <Input {...a} value={t.use} onChange={(e) => terms.update(i, { use: e.target.value })} />}
            </Field>
            <Field
              id={fid(`voice.preferredTerms.${i}.avoid`)}
              label="Instead of"
              hint="Separate with commas"
              error={err(`voice.preferredTerms.${i}.avoid`)}
            >
              {(a) => <Input {...a} value={t.avoid} onChange={(e) => terms.update(i, { avoid: e.target.value })} />}
            </Field>
            <RemoveButton label={`Remove preferred term ${i + 1}`} onClick={() => terms.remove(i)} />
          </div>
        ))}
        {listError("voice.preferredTerms")}
        <Button
          id={`${uid}-add-preferredTerms`}
          variant="secondary"
          size="sm"
          onClick={() => terms.add({ use: "", avoid: "" })}
        >
          <Plus aria-hidden="true" />
          Add term
        </Button>
      </Section>

      <Section title="Banned words" description="Words that must not appear in brand copy; the fix removes them.">
        {d.bannedWords.map((w, i) => (
          <div
            key={w.key}
            className="grid items-start gap-3 sm:grid-cols-[1fr_2fr_auto]"
            data-testid="brand-banned-row"
          >
            <Field
              id={fid(`voice.bannedWords.${i}.term`)}
              label="Word or phrase"
              error={err(`voice.bannedWords.${i}.term`)}
            >
              {(a) => <Input {...a} value={w.term} onChange={(e) => banned.update(i, { term: e.target.value })} />}
            </Field>
            <Field
              id={fid(`voice.bannedWords.${i}.reason`)}
              label="Reason"
              optional
              error={err(`voice.bannedWords.${i}.reason`)}
            >
              {(a) => <Input {...a} value={w.reason} onChange={(e) => banned.update(i, { reason: e.target.value })} />}
            </Field>
            <RemoveButton label={`Remove banned word ${i + 1}`} onClick={() => banned.remove(i)} />
          </div>
        ))}
        {listError("voice.bannedWords")}
        <Button
          id={`${uid}-add-bannedWords`}
          variant="secondary"
          size="sm"
          onClick={() => banned.add({ term: "", reason: "" })}
        >
          <Plus aria-hidden="true" />
          Add banned word
        </Button>
      </Section>

      <Section title="Product names" description="Names with their exact capitalisation, one per line.">
        <Textarea
          {...input("voice.productNames", d.productNames, (productNames) => set({ productNames }))}
          aria-label="Product names"
          rows={4}
          placeholder={"Lectern\nLectern Cloud"}
        />
        {listError("voice.productNames")}
      </Section>

      <Section title="Banned claims" description="Promises the copy must not make, such as guarantees or superlatives.">
        {d.bannedClaims.map((c, i) => (
          <div key={c.key} className="grid items-start gap-3 sm:grid-cols-[2fr_2fr_9rem_auto]">
            <Field
              id={fid(`voice.bannedClaims.${i}.phrase`)}
              label="Phrase"
              error={err(`voice.bannedClaims.${i}.phrase`)}
            >
              {(a) => <Input {...a} value={c.phrase} onChange={(e) => claims.update(i, { phrase: e.target.value })} />}
            </Field>
            <Field
              id={fid(`voice.bannedClaims.${i}.reason`)}
              label="Reason"
              optional
              error={err(`voice.bannedClaims.${i}.reason`)}
            >
              {(a) => <Input {...a} value={c.reason} onChange={(e) => claims.update(i, { reason: e.target.value })} />}
            </Field>
            <Field id={fid(`voice.bannedClaims.${i}.level`)} label="Level" error={err(`voice.bannedClaims.${i}.level`)}>
              {(a) => (
                <Select {...a} value={c.level} onChange={(e) => claims.update(i, { level: e.target.value as Level })}>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {LEVEL_LABELS[l]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <RemoveButton label={`Remove banned claim ${i + 1}`} onClick={() => claims.remove(i)} />
          </div>
        ))}
        {listError("voice.bannedClaims")}
        <Button
          id={`${uid}-add-bannedClaims`}
          variant="secondary"
          size="sm"
          onClick={() => claims.add({ phrase: "", reason: "", level: "error" })}
        >
          <Plus aria-hidden="true" />
          Add banned claim
        </Button>
      </Section>

      <Section
        title="Required disclaimers"
        description="Text that must appear, always or when the copy mentions something."
      >
        {d.disclaimers.map((x, i) => {
          const k = (f: string) => `voice.disclaimers.${i}.${f}`;
          return (
            <fieldset key={x.key} className="border-border space-y-3 rounded-md border p-4">
              <legend className="px-1 text-sm font-medium">Disclaimer {i + 1}</legend>
              <div className="grid items-start gap-3 sm:grid-cols-[14rem_1fr_auto]">
                <Field
                  id={fid(k("id"))}
                  label="Rule name"
                  hint="Letters and digits, e.g. PriceTerms"
                  error={err(k("id"))}
                >
                  {(a) => <Input {...a} value={x.id} onChange={(e) => disclaimers.update(i, { id: e.target.value })} />}
                </Field>
                <Field id={fid(k("text"))} label="Text" error={err(k("text"))}>
                  {(a) => (
                    <Input {...a} value={x.text} onChange={(e) => disclaimers.update(i, { text: e.target.value })} />
                  )}
                </Field>
                <RemoveButton label={`Remove disclaimer ${i + 1}`} onClick={() => disclaimers.remove(i)} />
              </div>
              <div className="grid items-start gap-3 sm:grid-cols-2">
                <fieldset
                  className="space-y-2"
                  aria-describedby={err(k("channels")) ? `${fid(k("channels"))}-error` : undefined}
                >
                  <legend className="text-sm leading-none font-medium">Channels</legend>
                  <div className="flex flex-wrap gap-4 pt-2">
                    {CHANNELS.map((c, ci) => (
                      <label key={c} className="flex items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          id={ci === 0 ? fid(k("channels")) : undefined}
                          className="accent-primary size-4"
                          checked={x.channels.includes(c)}
                          onChange={(e) =>
                            disclaimers.update(i, {
                              channels: e.target.checked
                                ? CHANNELS.filter((cc) => cc === c || x.channels.includes(cc))
                                : x.channels.filter((cc) => cc !== c),
                            })
                          }
                        />
                        {CHANNEL_LABELS[c]}
                      </label>
                    ))}
                  </div>
                  {listError(k("channels"))}
                </fieldset>
                <div className="space-y-3">
                  <Field id={`${fid(k("trigger"))}-kind`} label="Required">
                    {(a) => (
                      <Select
                        {...a}
                        value={x.trigger}
                        onChange={(e) => disclaimers.update(i, { trigger: e.target.value as TriggerKind })}
                      >
                        {(Object.keys(TRIGGER_LABELS) as TriggerKind[]).map((t) => (
                          <option key={t} value={t}>
                            {TRIGGER_LABELS[t]}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                  {x.trigger === "words" ? (
                    <Field id={fid(k("trigger"))} label="Words" hint="Separate with commas" error={err(k("trigger"))}>
                      {(a) => (
                        <Input
                          {...a}
                          value={x.words}
                          onChange={(e) => disclaimers.update(i, { words: e.target.value })}
                        />
                      )}
                    </Field>
                  ) : (
                    listError(k("trigger"))
                  )}
                </div>
              </div>
            </fieldset>
          );
        })}
        {listError("voice.disclaimers")}
        <Button
          id={`${uid}-add-disclaimers`}
          variant="secondary"
          size="sm"
          onClick={() => disclaimers.add({ id: "", text: "", channels: [...CHANNELS], trigger: "always", words: "" })}
        >
          <Plus aria-hidden="true" />
          Add disclaimer
        </Button>
      </Section>

      <Section title="Per-channel rules" description="Leave a box empty for no limit.">
        <div className="grid gap-4 sm:grid-cols-3">
          {CHANNELS.map((c: Channel) => (
            <fieldset key={c} className="space-y-3">
              <legend className="text-sm font-semibold">{CHANNEL_LABELS[c]}</legend>
              <Field
                id={fid(`voice.channels.${c}.maxExclamations`)}
                label="Most exclamation marks"
                error={err(`voice.channels.${c}.maxExclamations`)}
              >
                {(a) => (
                  <Input
                    {...a}
                    inputMode="numeric"
                    value={d.channels[c].maxExclamations}
                    onChange={(e) =>
                      set({ channels: { ...d.channels, [c]: { ...d.channels[c], maxExclamations: e.target.value } } })
                    }
                  />
                )}
              </Field>
              <Field
                id={fid(`voice.channels.${c}.maxSentenceWords`)}
                label="Longest sentence (words)"
                error={err(`voice.channels.${c}.maxSentenceWords`)}
              >
                {(a) => (
                  <Input
                    {...a}
                    inputMode="numeric"
                    value={d.channels[c].maxSentenceWords}
                    onChange={(e) =>
                      set({ channels: { ...d.channels, [c]: { ...d.channels[c], maxSentenceWords: e.target.value } } })
                    }
                  />
                )}
              </Field>
            </fieldset>
          ))}
        </div>
      </Section>

      <Section
        title="Approval policy"
        description="When a draft may skip human review, and how often the writer revises."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-2">
            <label htmlFor={fid("policy.autoApproveMinScore")} className="text-sm leading-none font-medium">
              Auto-approve at score
            </label>
            <div className="flex items-center gap-3">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="accent-primary size-4"
                  checked={d.autoApproveOn}
                  onChange={(e) => set({ autoApproveOn: e.target.checked })}
                />
                Allow
              </label>
              <Input
                {...input("policy.autoApproveMinScore", d.autoApprove, (autoApprove) => set({ autoApprove }))}
                inputMode="numeric"
                disabled={!d.autoApproveOn}
                className="w-24"
              />
            </div>
            <p className="text-muted-foreground text-xs">
              0 to 100. Drafts at or above it with no error may be approved without review.
            </p>
            {listError("policy.autoApproveMinScore")}
          </div>
          <Field
            id={fid("policy.maxReviseRounds")}
            label="Most revise rounds"
            hint="0 to 5 automatic rewrites before a draft goes to review."
            error={err("policy.maxReviseRounds")}
          >
            {(a) => (
              <Input
                {...a}
                inputMode="numeric"
                className="w-24"
                value={d.maxReviseRounds}
                onChange={(e) => set({ maxReviseRounds: e.target.value })}
              />
            )}
          </Field>
        </div>
      </Section>

      <Card>
        <CardContent className="space-y-4">
          <Field id={fid("note")} label="What changed?" optional error={err("note")}>
            {(a) => (
              <Input
                {...a}
                value={d.note}
                maxLength={200}
                onChange={(e) => set({ note: e.target.value })}
                placeholder="e.g. Banned “guaranteed” after legal review"
              />
            )}
          </Field>
          {conflict ? (
            <Alert tone="warning" title="Someone saved a newer version" data-testid="brand-conflict">
              <p>
                {save.error?.message} Your changes were not saved. Reload to start from the newest version (this
                discards your edits here).
              </p>
              {reloadError ? <p className="text-danger">{reloadError}</p> : null}
              <Button size="sm" variant="secondary" className="mt-2" onClick={onReload} disabled={reloading}>
                {reloading ? <Spinner /> : <RefreshCw aria-hidden="true" />}
                Reload the latest version
              </Button>
            </Alert>
          ) : save.error ? (
            <Alert tone="danger">{save.error.message}</Alert>
          ) : null}
          {Object.keys(errors).length ? (
            <p className="text-danger text-sm" role="status">
              Fix the highlighted fields, then save again.
            </p>
          ) : null}
          <Button type="submit" disabled={save.isPending} data-testid="brand-save">
            {save.isPending ? <Spinner /> : <Save aria-hidden="true" />}
            {save.isPending ? "Saving…" : "Save new version"}
          </Button>
        </CardContent>
      </Card>
    </form>
  );
}

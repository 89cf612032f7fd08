"use client";

import { useMutation } from "@tanstack/react-query";
import { CircleCheck, ScanSearch, Wand2 } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Field, Spinner, Textarea } from "@/components/inference/fields";
import { api } from "@/lib/query/client";
import {
  CHANNEL_LABELS,
  CHANNELS,
  CheckBody,
  type Channel,
  type CheckResult,
  type GovernResult,
  type GovernorAlert,
} from "@/lib/schemas/brand";
import { AlertMark } from "./alert-mark";
import { annotate, applyFix } from "./annotate";
import { LEVEL_LABELS, LEVEL_TONES } from "./labels";
import { ScoreCard } from "./score-card";

type Format = "markdown" | "text";
type Checked = { text: string; channel: Channel; format: Format; result: CheckResult };

/** The Check copy tab: paste copy, see it underlined where it breaks a rule, apply fixes, see the score. */
export function CheckPanel() {
  const id = useId();
  const [text, setText] = useState("");
  const [channel, setChannel] = useState<Channel>("ad");
  const [format, setFormat] = useState<Format>("markdown");
  const [textError, setTextError] = useState<string | undefined>();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [previousTotal, setPreviousTotal] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const focusResult = useRef(false);

  const check = useMutation({
    mutationFn: (body: { text: string; channel: Channel; format: Format }) =>
      api<CheckResult>("/api/brand/check", { method: "POST", body }),
    onSuccess: (result, body) => {
      setPreviousTotal(checked ? checked.result.score.total : null);
      setChecked({ ...body, result });
      const n = result.alerts.length;
      setAnnouncement(
        `${n === 0 ? "No issues found" : `${n} ${n === 1 ? "issue" : "issues"} found`}. Score ${result.score.total} out of 100.`,
      );
      if (focusResult.current) requestAnimationFrame(() => resultHeading.current?.focus());
      focusResult.current = false;
    },
  });

  // The governed loop: deterministic fixes, then (with a real revise model) bounded rewrites.
  const govern = useMutation({
    mutationFn: (body: { text: string; channel: Channel; format: Format }) =>
      api<GovernResult>("/api/brand/govern", { method: "POST", body }),
    onSuccess: (out, body) => {
      setPreviousTotal(checked ? checked.result.score.total : null);
      setText(out.text);
      setChecked({ ...body, text: out.text, result: out.result });
      const fixes = out.steps.reduce((n, s) => n + (s.kind === "autofix" ? s.applied : 0), 0);
      const rewrites = out.steps.filter((s) => s.kind === "revise" && s.accepted).length;
      setGovernSummary(
        [
          `${fixes} ${fixes === 1 ? "fix" : "fixes"} applied${rewrites ? `, ${rewrites} rewrite${rewrites === 1 ? "" : "s"} by ${out.revisedWith}` : ""}.`,
          ...out.notes,
        ].join(" "),
      );
      setAnnouncement(`Fixed what could be fixed. Score ${out.result.score.total} out of 100.`);
      requestAnimationFrame(() => resultHeading.current?.focus());
    },
  });
  const [governSummary, setGovernSummary] = useState<string | null>(null);

  function runGovern() {
    const parsed = CheckBody.safeParse({ text, channel, format });
    if (!parsed.success) {
      setTextError(parsed.error.issues[0]?.message ?? "Check the copy");
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setTextError(undefined);
    govern.mutate({ text, channel, format });
  }

  function run(nextText: string, opts: { focusResult?: boolean } = {}) {
    setGovernSummary(null);
    check.reset();
    const parsed = CheckBody.safeParse({ text: nextText, channel, format });
    if (!parsed.success) {
      setTextError(parsed.error.issues[0]?.message ?? "Check the copy");
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setTextError(undefined);
    focusResult.current = Boolean(opts.focusResult);
    check.mutate({ text: nextText, channel, format });
  }

  function onApplyFix(alert: GovernorAlert) {
    if (!checked) return;
    const next = applyFix(checked.text, alert);
    setText(next);
    setAnnouncement("Fix applied. Checking again…");
    run(next, { focusResult: true });
  }

  const stale =
    !check.isPending &&
    checked !== null &&
    (checked.text !== text || checked.channel !== channel || checked.format !== format);
  const annotated = checked ? annotate(checked.text, checked.result.alerts) : null;
  const markId = (i: number) => `${id}-mark-${i}`;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Check copy</CardTitle>
            <CardDescription>
              Paste an ad, an email or a page section to see where it strays from the brand voice, before it goes to
              review.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <form
              noValidate
              aria-label="Check copy"
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                run(text);
              }}
            >
              <Field id={`${id}-text`} label="Copy" error={textError}>
                {(a) => (
                  <Textarea
                    {...a}
                    rows={8}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
                        e.preventDefault();
                        run(text);
                      }
                    }}
                    placeholder="Sign up today and get the best boots in the world!"
                    data-testid="brand-check-text"
                  />
                )}
              </Field>
              <div className="flex flex-wrap items-end gap-4">
                <Field id={`${id}-channel`} label="Channel" className="w-44">
                  {(a) => (
                    <Select {...a} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
                      {CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {CHANNEL_LABELS[c]}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field id={`${id}-format`} label="Format" className="w-40">
                  {(a) => (
                    <Select {...a} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
                      <option value="markdown">Markdown</option>
                      <option value="text">Plain text</option>
                    </Select>
                  )}
                </Field>
                <Button type="submit" disabled={check.isPending} data-testid="brand-check-submit">
                  {check.isPending ? <Spinner /> : <ScanSearch aria-hidden="true" />}
                  {check.isPending ? "Checking…" : "Check"}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={govern.isPending || check.isPending}
                  onClick={runGovern}
                  data-testid="brand-govern-submit"
                >
                  {govern.isPending ? <Spinner /> : <Wand2 aria-hidden="true" />}
                  {govern.isPending ? "Fixing…" : "Fix automatically"}
                </Button>
              </div>
              {check.error ? <Alert tone="danger">{check.error.message}</Alert> : null}
              {govern.error ? <Alert tone="danger">{govern.error.message}</Alert> : null}
              {governSummary ? <Alert tone="info">{governSummary}</Alert> : null}
            </form>
          </CardContent>
        </Card>

        {checked && annotated ? (
          <Card>
            <CardHeader>
              <h2
                ref={resultHeading}
                tabIndex={-1}
                className="text-base leading-6 font-semibold tracking-tight outline-none"
              >
                Checked copy
              </h2>
              <CardDescription>
                {checked.result.alerts.length
                  ? "Tab to an underline, or hover it, to see the rule and any fix. Esc closes the card."
                  : `Checked for ${CHANNEL_LABELS[checked.channel].toLowerCase()}.`}
              </CardDescription>
            </CardHeader>
            <CardContent>
              {stale ? (
                <Alert tone="warning" className="mb-4">
                  The copy changed since it was checked, so fixes are off until you check it again.{" "}
                  <button type="button" className="font-medium underline" onClick={() => run(text)}>
                    Check again
                  </button>
                </Alert>
              ) : null}
              {checked.result.alerts.length === 0 ? (
                <p className="text-success flex items-center gap-2 text-sm font-medium" data-testid="brand-no-issues">
                  <CircleCheck aria-hidden="true" className="size-4" />
                  No issues found
                </p>
              ) : null}
              <div
                className="border-border bg-background mt-2 rounded-md border px-4 py-3 font-mono text-sm leading-7 break-words whitespace-pre-wrap"
                data-testid="brand-checked-text"
              >
                {annotated.segments.map((s, i) =>
                  s.kind === "text" ? (
                    <span key={i}>{s.text}</span>
                  ) : (
                    <AlertMark
                      key={i}
                      id={markId(s.markIndex)}
                      mark={s.mark}
                      text={s.text}
                      canFix={!stale && !check.isPending}
                      onApplyFix={onApplyFix}
                    />
                  ),
                )}
              </div>
            </CardContent>
          </Card>
        ) : null}
      </div>

      <div className="space-y-6 lg:sticky lg:top-6">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Score</CardTitle>
          </CardHeader>
          <CardContent>
            {checked ? (
              <ScoreCard result={checked.result} previousTotal={previousTotal} />
            ) : (
              <p className="text-muted-foreground text-sm">Check some copy to see its governance score.</p>
            )}
          </CardContent>
        </Card>
        {checked && annotated && checked.result.alerts.length ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">
                Issues <span className="text-muted-foreground font-normal">· {checked.result.alerts.length}</span>
              </CardTitle>
            </CardHeader>
            <CardContent className="pt-3">
              <ul className="space-y-1" data-testid="brand-alert-list">
                {checked.result.alerts.map((a, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      className="hover:bg-muted focus-visible:outline-ring w-full rounded-md px-2 py-1.5 text-left text-sm focus-visible:outline-2"
                      onClick={() => document.getElementById(markId(annotated.markOf[i] ?? 0))?.focus()}
                    >
                      <span className="flex items-center gap-2">
                        <Badge tone={LEVEL_TONES[a.level]}>{LEVEL_LABELS[a.level]}</Badge>
                        <span className="text-muted-foreground text-xs">Line {a.line}</span>
                      </span>
                      <span className="mt-1 block leading-5">{a.message}</span>
                      <code className="text-muted-foreground block font-mono text-xs">{a.check}</code>
                    </button>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ) : null}
      </div>
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="brand-live">
        {announcement}
      </div>
    </div>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { ScanSearch } from "lucide-react";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/inference/fields";
import { api } from "@/lib/query/client";
import { ENTITY_LABELS, type GuardScanResult } from "@/lib/schemas/guardrails";

const SIGNAL_LABELS: Record<string, string> = {
  override: "Instruction override",
  role_play: "Role-play / persona hijack",
  system_prompt: "System-prompt request",
  hidden_text: "Hidden text",
  exfiltration: "Exfiltration",
  char_stats: "Unusual characters",
  delimiter: "Fake chat markers",
};

const FLAG_LABELS: Record<string, string> = {
  pii_unsourced: "PII not in the sources",
  url_not_allowed: "Link not on the allow-list",
  competitor: "Competitor",
  profanity: "Profanity",
};

/** The pasted text with each PII finding marked (type and score in the accessible name). */
function Highlighted({ text, result }: { text: string; result: GuardScanResult }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, f] of result.pii.entries()) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark
        key={i}
        className="bg-warning/20 rounded px-0.5"
        title={`${ENTITY_LABELS[f.entity]} · score ${f.score.toFixed(2)} · ${f.recognizer}`}
        aria-label={`${f.text} (${ENTITY_LABELS[f.entity]}, score ${f.score.toFixed(2)})`}
        data-testid="guard-pii-mark"
      >
        {f.text}
      </mark>,
    );
    at = f.end;
  }
  parts.push(text.slice(at));
  return <p className="text-sm leading-6 break-words whitespace-pre-wrap">{parts}</p>;
}

/** "Test" box: what the guardrails find in pasted text, and what an external model would receive. */
export function TestBox() {
  const id = useId();
  const [text, setText] = useState("");
  const [kind, setKind] = useState<"input" | "output">("input");
  const [error, setError] = useState<string | null>(null);
  const scan = useMutation({
    mutationFn: (body: { text: string; kind: "input" | "output" }) =>
      api<GuardScanResult & { text: string }>("/api/guardrails/scan", { body, method: "POST" }).then((r) => ({
        ...r,
        text: body.text,
      })),
  });
  const r = scan.data;

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!text.trim()) {
      setError("Paste some text to scan.");
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setError(null);
    scan.mutate({ text, kind });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Test the policy</CardTitle>
        <CardDescription>
          Paste a brief, a CSV row, a knowledge passage or generated copy. The scan uses the saved policy.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <form onSubmit={submit} noValidate className="space-y-3" aria-label="Test the guardrails">
          <label htmlFor={`${id}-text`} className="text-sm font-medium">
            Text
          </label>
          <Textarea
            id={`${id}-text`}
            rows={6}
            value={text}
            invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setText(e.target.value)}
            data-testid="guard-test-text"
          />
          <FieldError id={`${id}-error`}>{error}</FieldError>
          <div className="flex flex-wrap items-end gap-3">
            <div className="space-y-1">
              <label htmlFor={`${id}-kind`} className="text-sm font-medium">
                The text is
              </label>
              <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as "input" | "output")}>
                <option value="input">Input (brief, CSV cell, knowledge)</option>
                <option value="output">Generated output (also links, competitors, profanity)</option>
              </Select>
            </div>
            <Button type="submit" disabled={scan.isPending} data-testid="guard-test-submit">
              <ScanSearch aria-hidden="true" />
              {scan.isPending ? "Scanning…" : "Scan"}
            </Button>
          </div>
        </form>
        {scan.error ? <Alert tone="danger">{scan.error.message}</Alert> : null}

        <div aria-live="polite">
          {r ? (
            <div className="space-y-4" data-testid="guard-test-result">
              <section aria-label="Prompt injection" className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-medium">Injection score</span>
                <Badge tone={r.quarantine ? "danger" : r.injection.score >= 0.2 ? "warning" : "success"}>
                  {r.injection.score.toFixed(2)}
                  {r.quarantine ? " · would be quarantined" : ""}
                </Badge>
                {[...new Set(r.injection.signals.map((s) => s.kind))].map((k) => (
                  <Badge key={k} tone="neutral">
                    {SIGNAL_LABELS[k] ?? k}
                  </Badge>
                ))}
              </section>
              {r.injection.signals.length ? (
                <ul className="text-muted-foreground list-disc space-y-0.5 pl-5 text-xs">
                  {r.injection.signals.slice(0, 12).map((s, i) => (
                    <li key={i}>
                      {SIGNAL_LABELS[s.kind] ?? s.kind}: “{s.text}” — {s.detail}
                    </li>
                  ))}
                </ul>
              ) : null}

              <section aria-label="Personal data found" className="space-y-2">
                <h3 className="text-sm font-medium">
                  {r.pii.length === 0
                    ? "No personal data found"
                    : `${r.pii.length} personal data ${r.pii.length === 1 ? "finding" : "findings"}`}
                </h3>
                {r.pii.length ? <Highlighted text={r.text} result={r} /> : null}
                {r.pii.length ? (
                  <table className="w-full text-xs" data-testid="guard-pii-table">
                    <thead className="text-muted-foreground text-left">
                      <tr>
                        <th scope="col" className="py-1 font-medium">
                          Type
                        </th>
                        <th scope="col" className="py-1 font-medium">
                          Text
                        </th>
                        <th scope="col" className="py-1 font-medium">
                          Score
                        </th>
                        <th scope="col" className="py-1 font-medium">
                          Recognizer and why
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-border divide-y">
                      {r.pii.map((f, i) => (
                        <tr key={i}>
                          <td className="py-1 pr-2">{ENTITY_LABELS[f.entity]}</td>
                          <td className="py-1 pr-2 font-mono">{f.text}</td>
                          <td className="py-1 pr-2 tabular-nums">{f.score.toFixed(2)}</td>
                          <td className="text-muted-foreground py-1">
                            {f.recognizer}
                            {f.reasons.length ? ` · ${f.reasons.join(", ")}` : ""}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </section>

              {r.output.length ? (
                <section aria-label="Output flags" className="space-y-1">
                  <h3 className="text-sm font-medium">Output flags</h3>
                  <ul className="space-y-1 text-sm" data-testid="guard-output-flags">
                    {r.output.map((f, i) => (
                      <li key={i} className="flex items-start gap-2">
                        <Badge tone="warning">{FLAG_LABELS[f.kind] ?? f.kind}</Badge>
                        <span>{f.message}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}

              <section aria-label="What an external model receives" className="space-y-1">
                <h3 className="text-sm font-medium">What an external model receives</h3>
                <pre
                  className="bg-muted max-h-64 overflow-auto rounded-md p-3 text-xs whitespace-pre-wrap"
                  data-testid="guard-anonymized"
                >
                  {r.anonymized}
                </pre>
              </section>
            </div>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}

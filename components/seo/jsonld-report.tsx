"use client";

import { CircleAlert, CircleCheck } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/lib/cn";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { lineColumn } from "@/lib/jsonld-path";
import type { JsonLdFinding, JsonLdReport, RichResultEligibility } from "@/lib/schemas/jsonld";
import { JsonHighlight } from "./json-highlight";
import { locateFinding, type JsonSource } from "./jsonld-sources";

export type { JsonSource };

export type JsonLdReportLike = Pick<JsonLdReport, "valid" | "errorCount" | "warningCount" | "findings" | "richResults">;

const SEVERITY: Record<JsonLdFinding["severity"], { label: string; tone: BadgeTone; order: number }> = {
  error: { label: "Error", tone: "danger", order: 0 },
  warning: { label: "Warning", tone: "warning", order: 1 },
  info: { label: "Info", tone: "info", order: 2 },
};

const RICH_RESULT_LABELS: Record<string, string> = {
  FAQPage: "FAQ",
  BreadcrumbList: "Breadcrumb",
  LocalBusiness: "Local business",
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

function lineLabel(shown: number | null, f: JsonLdFinding): string {
  if (shown !== null) return ` · line ${shown}`;
  return f.line !== undefined ? ` · line ${f.line}${f.column !== undefined ? `:${f.column}` : ""}` : "";
}

function RichResults({ items }: { items: RichResultEligibility[] }) {
  if (!items.length) return null;
  return (
    <section aria-label="Rich results" className="space-y-1.5">
      <h3 className="text-sm font-semibold">Rich results</h3>
      <ul className="space-y-1 text-[13px]" data-testid="jsonld-rich-results">
        {items.map((r) => {
          const name = RICH_RESULT_LABELS[r.type] ?? r.type;
          return (
            <li key={r.type} className="flex flex-wrap items-center gap-2">
              <Badge tone={!r.shown ? "neutral" : r.eligible ? "success" : "danger"}>
                {!r.shown ? "Validated only" : r.eligible ? "Eligible" : "Not eligible"}
              </Badge>
              <span>
                {name}
                {!r.shown ? (
                  <span className="text-muted-foreground">
                    {" "}
                    — validated only, Google no longer shows {name} rich results
                  </span>
                ) : !r.eligible ? (
                  <span className="text-muted-foreground"> — fix the errors below</span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * A JSON-LD validation: the count, rich-result eligibility, the findings (worst first) and the
 * JSON with line numbers. Clicking a finding, or moving the focus to it, highlights its path in
 * the JSON; arrow keys move between findings.
 */
export function JsonLdReportView({
  report,
  sources,
  className,
}: {
  report: JsonLdReportLike;
  sources: JsonSource[];
  className?: string;
}) {
  const id = useId();
  const [selected, setSelected] = useState<number | null>(null);
  const findings = report.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY[a.f.severity].order - SEVERITY[b.f.severity].order || a.i - b.i);
  const current = selected === null ? null : (report.findings[selected] ?? null);
  const located = current ? locateFinding(sources, current) : null;
  /** The line a finding is on in the code shown (the validator's own line is in the source, which may differ). */
  const shownLine = (f: JsonLdFinding): number | null => {
    const l = locateFinding(sources, f);
    const src = l ? sources[l.source] : undefined;
    return l && src ? lineColumn(src.text, l.range.start).line + (src.firstLine ?? 1) - 1 : null;
  };
  const infos = report.findings.length - report.errorCount - report.warningCount;

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, at: number) {
    const next =
      e.key === "ArrowDown"
        ? at + 1
        : e.key === "ArrowUp"
          ? at - 1
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? findings.length - 1
              : null;
    if (next === null || next < 0 || next >= findings.length) return;
    e.preventDefault();
    document.getElementById(`${id}-finding-${next}`)?.focus();
  }

  let announcement = "";
  if (current && located) {
    const src = sources[located.source];
    const from = lineColumn(src?.text ?? "", located.range.start).line + (src?.firstLine ?? 1) - 1;
    const to = lineColumn(src?.text ?? "", located.range.end).line + (src?.firstLine ?? 1) - 1;
    const lines = from === to ? `line ${from}` : `lines ${from}–${to}`;
    announcement = located.exact
      ? `Highlighted ${located.path}${src?.label ? ` in ${src.label}` : ""}, ${lines}.`
      : `${current.path} is not in the document; highlighted the part that should have it, ${located.path}, ${lines}.`;
  } else if (current) announcement = "This finding has no position in the JSON.";

  return (
    <div className={cn("space-y-4", className)} data-testid="jsonld-report">
      <p
        role="status"
        aria-live="polite"
        className={cn(
          "flex items-center gap-2 text-sm font-medium",
          report.errorCount ? "text-danger" : "text-success",
        )}
        data-testid="jsonld-summary"
      >
        {report.errorCount ? (
          <CircleAlert aria-hidden="true" className="size-4" />
        ) : (
          <CircleCheck aria-hidden="true" className="size-4" />
        )}
        {report.errorCount ? plural(report.errorCount, "error") : "No errors"}
        {report.warningCount ? `, ${plural(report.warningCount, "warning")}` : report.errorCount ? "" : " or warnings"}
        {infos > 0 ? `, ${plural(infos, "note")}` : ""}
      </p>

      <RichResults items={report.richResults} />

      <section aria-label="Findings" className="space-y-2">
        {findings.length ? (
          <>
            <h3 className="text-sm font-semibold">
              Findings <span className="text-muted-foreground font-normal">· {findings.length}</span>
            </h3>
            <p id={`${id}-hint`} className="text-muted-foreground text-xs">
              Select a finding to highlight it in the JSON; arrow keys move between findings.
            </p>
            <ul className="space-y-1.5" aria-describedby={`${id}-hint`}>
              {findings.map(({ f, i }, at) => (
                <li key={i}>
                  <button
                    id={`${id}-finding-${at}`}
                    type="button"
                    aria-current={selected === i ? "true" : undefined}
                    onClick={() => setSelected(i)}
                    onFocus={() => setSelected(i)}
                    onKeyDown={(e) => onKeyDown(e, at)}
                    data-testid="jsonld-finding"
                    data-rule={f.rule}
                    className={cn(
                      "border-border hover:bg-muted/60 w-full rounded-md border px-3 py-2 text-left text-[13px] leading-5 transition-colors",
                      "focus-visible:outline-ring focus-visible:outline-2 focus-visible:outline-offset-2",
                      selected === i && "border-primary bg-accent hover:bg-accent",
                    )}
                  >
                    <span className="flex flex-wrap items-center gap-2">
                      <Badge tone={SEVERITY[f.severity].tone}>{SEVERITY[f.severity].label}</Badge>
                      <code className="font-mono text-xs">{f.rule}</code>
                      {f.term ? <span className="text-muted-foreground font-mono text-xs">{f.term}</span> : null}
                    </span>
                    <span className="mt-1 block break-words">{f.message}</span>
                    <code className="text-muted-foreground mt-0.5 block font-mono text-xs break-all">
                      {f.block !== undefined ? `block ${f.block + 1} · ` : ""}
                      {f.path}
                      {lineLabel(shownLine(f), f)}
                    </code>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-muted-foreground text-sm" data-testid="jsonld-no-findings">
            Nothing to fix: the structured data passes the schema.org vocabulary and Google&apos;s rich-result rules.
          </p>
        )}
      </section>

      <p className="sr-only" aria-live="polite" data-testid="jsonld-selection">
        {announcement}
      </p>

      {sources.map((s, i) => (
        <section key={i} aria-label={s.label ?? "JSON-LD"} className="space-y-1.5">
          {s.label ? <h3 className="text-sm font-semibold">{s.label}</h3> : null}
          {s.formatted ? (
            <p className="text-muted-foreground text-xs">Formatted for reading: the lines are those shown here.</p>
          ) : null}
          <JsonHighlight
            text={s.text}
            range={located?.source === i ? located.range : null}
            label={`${s.label ?? "JSON-LD"} with line numbers`}
            firstLine={s.firstLine}
            testId={i === 0 ? "seo-jsonld" : undefined}
          />
        </section>
      ))}
    </div>
  );
}

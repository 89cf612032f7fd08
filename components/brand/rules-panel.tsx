"use client";

import { Download } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CHANNEL_LABELS, type BrandVoiceOut, type RuleSummary } from "@/lib/schemas/brand";
import { PERSON_LABELS, styleLabel, stylePrefix } from "./labels";
import { RuleRow } from "./rule-row";
import { VersionLine } from "./version-line";

function groupRules(rules: RuleSummary[]): [string, RuleSummary[]][] {
  const groups = new Map<string, RuleSummary[]>();
  for (const r of rules) {
    const key = stylePrefix(r.check);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()];
}

function VoiceSummary({ brand }: { brand: BrandVoiceOut }) {
  const { voice, policy } = brand;
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4" data-testid="brand-voice-summary">
      <div>
        <dt className="text-muted-foreground text-xs">Tone</dt>
        <dd className="mt-1 flex flex-wrap gap-1">
          {voice.tone.length ? (
            voice.tone.map((t) => (
              <Badge key={t} tone="brand">
                {t}
              </Badge>
            ))
          ) : (
            <span className="text-muted-foreground">Not described</span>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-muted-foreground text-xs">Highest reading grade</dt>
        <dd className="mt-1">{voice.maxGrade === null ? "Not checked" : `Grade ${voice.maxGrade}`}</dd>
      </div>
      <div>
        <dt className="text-muted-foreground text-xs">Person</dt>
        <dd className="mt-1">{PERSON_LABELS[voice.person]}</dd>
      </div>
      <div>
        <dt className="text-muted-foreground text-xs">Auto-approve</dt>
        <dd className="mt-1">
          {policy.autoApproveMinScore === null
            ? "Never (every draft is reviewed)"
            : `Score ${policy.autoApproveMinScore} or more, no errors`}
          <span className="text-muted-foreground block text-xs">
            Up to {policy.maxReviseRounds} revise {policy.maxReviseRounds === 1 ? "round" : "rounds"}
          </span>
        </dd>
      </div>
    </dl>
  );
}

/** The Rules tab: the voice in brief and every compiled rule, grouped by Vale style. */
export function RulesPanel({ brand }: { brand: BrandVoiceOut }) {
  const groups = groupRules(brand.rules);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader className="sm:flex-row sm:items-start sm:justify-between">
          <div className="space-y-1">
            <CardTitle>Brand voice</CardTitle>
            <CardDescription>
              <VersionLine brand={brand} />
              {brand.note ? <span className="block">“{brand.note}”</span> : null}
            </CardDescription>
          </div>
          <a
            href="/api/brand/export"
            download
            className={buttonVariants({ variant: "secondary", size: "sm" })}
            data-testid="brand-export"
          >
            <Download aria-hidden="true" />
            Export as Vale style (.zip)
          </a>
        </CardHeader>
        <CardContent>
          <VoiceSummary brand={brand} />
        </CardContent>
      </Card>

      <section aria-labelledby="brand-rules-heading" className="space-y-4">
        <div className="space-y-1">
          <h2 id="brand-rules-heading" className="text-base font-semibold tracking-tight">
            Rules the governor checks
          </h2>
          <p className="text-muted-foreground text-sm">
            Compiled from the voice as Vale rules; every draft is checked against them before review.
          </p>
        </div>
        {groups.length === 0 ? (
          <p className="border-border text-muted-foreground rounded-lg border border-dashed px-4 py-6 text-center text-sm">
            No rules yet. An admin can add terms, banned words and disclaimers under Edit.
          </p>
        ) : (
          groups.map(([prefix, rules]) => (
            <Card key={prefix}>
              <CardHeader>
                <CardTitle as="h3" className="text-sm">
                  {styleLabel(prefix)}{" "}
                  <span className="text-muted-foreground font-normal">
                    · {rules.length} {rules.length === 1 ? "rule" : "rules"}
                  </span>
                </CardTitle>
              </CardHeader>
              <CardContent className="pt-3">
                <ul className="divide-border divide-y" data-testid="brand-rule-list">
                  {rules.map((r) => (
                    <RuleRow
                      key={r.check}
                      check={r.check}
                      level={r.level}
                      description={r.description}
                      aside={r.channels === null ? "All channels" : r.channels.map((c) => CHANNEL_LABELS[c]).join(", ")}
                    />
                  ))}
                </ul>
              </CardContent>
            </Card>
          ))
        )}
      </section>
    </div>
  );
}

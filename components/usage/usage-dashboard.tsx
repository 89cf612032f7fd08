import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { cn } from "@/components/lib/cn";
import { CHANNEL_LABELS } from "@/lib/schemas/brand";
import type { BudgetUse, UsageReport } from "@/lib/schemas/usage";
import { formatCount, formatPercent, formatUsd } from "./format";
import { CostPerDayChart, LatencyChart, TokensPerDayChart } from "./usage-charts";

/** A `<dl>` group: the card is the group's `div`, so the markup stays valid (dl > div > dt, dd). */
function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="border-border bg-card text-card-foreground shadow-card rounded-lg border p-4">
      <dt className="text-muted-foreground text-xs font-medium uppercase">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-muted-foreground mt-1 text-xs">{hint}</dd> : null}
    </div>
  );
}

function budgetAmount(b: BudgetUse, v: number): string {
  return b.metric === "cost" ? formatUsd(v) : `${formatCount(v)} tokens`;
}

function BudgetBar({ b }: { b: BudgetUse }) {
  const pct = b.hardCap > 0 ? Math.min(100, (b.used / b.hardCap) * 100) : 100;
  const over = b.used >= b.hardCap;
  const soft = b.softCap !== null && b.used >= b.softCap;
  const label = `${b.scope}, ${b.metric} per ${b.period}`;
  return (
    <li className="grid gap-1">
      <div className="flex justify-between gap-4 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-muted-foreground tabular-nums">
          {budgetAmount(b, b.used)} of {budgetAmount(b, b.hardCap)}
          {b.softCap !== null ? ` (alert at ${budgetAmount(b, b.softCap)})` : ""}
        </span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={b.hardCap}
        aria-valuenow={Math.min(b.used, b.hardCap)}
        aria-valuetext={`${Math.round(pct)} % of the cap used`}
        className="bg-muted h-2 overflow-hidden rounded-full"
      >
        <div
          className={cn("h-full rounded-full", over ? "bg-danger" : soft ? "bg-warning" : "bg-primary")}
          style={{ width: `${pct}%` }}
        />
      </div>
    </li>
  );
}

/** The Usage page body for a range that has data; the charts are client components, the rest renders on the server. */
export function UsageDashboard({ report }: { report: UsageReport }) {
  const t = report.totals;
  const g = report.governance;
  return (
    <div className="grid gap-6">
      <section aria-label="Totals for the range">
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-6">
          <Stat label="Cost" value={formatUsd(t.costMicros)} />
          <Stat label="Calls" value={formatCount(t.calls)} />
          <Stat
            label="Tokens"
            value={formatCount(t.inputTokens + t.outputTokens)}
            hint={`${formatCount(t.inputTokens)} in · ${formatCount(t.outputTokens)} out`}
          />
          <Stat
            label="Cache hit rate"
            value={formatPercent(t.cacheHitRate)}
            hint={`${formatCount(t.cacheHits)} calls`}
          />
          <Stat
            label="Fallback rate"
            value={formatPercent(t.fallbackRate)}
            hint={`${formatCount(t.fallbacks)} calls`}
          />
          <Stat label="Error rate" value={formatPercent(t.errorRate)} hint={`${formatCount(t.errors)} calls`} />
        </dl>
      </section>

      <div className="grid gap-6 xl:grid-cols-2">
        <CostPerDayChart report={report} />
        <TokensPerDayChart report={report} />
      </div>

      <div className="grid gap-6 xl:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Per person</CardTitle>
            <CardDescription>
              Calls made on someone&apos;s behalf; jobs and system calls have no person.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <DataTable caption="Usage per person" columns={["Person", "Calls", "Tokens", "Cost"]}>
              {report.users.map((u) => (
                <tr key={u.userId ?? "none"}>
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {u.name}
                  </th>
                  <td className="py-2 pr-4 tabular-nums">{formatCount(u.calls)}</td>
                  <td className="py-2 pr-4 tabular-nums">{formatCount(u.inputTokens + u.outputTokens)}</td>
                  <td className="py-2 tabular-nums">{formatUsd(u.costMicros)}</td>
                </tr>
              ))}
            </DataTable>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Per model</CardTitle>
          </CardHeader>
          <CardContent>
            <DataTable caption="Usage per model" columns={["Model", "Calls", "Tokens", "Cost"]}>
              {report.models.map((m) => (
                <tr key={m.model}>
                  <th scope="row" className="py-2 pr-4 font-normal break-all">
                    {m.model}
                  </th>
                  <td className="py-2 pr-4 tabular-nums">{formatCount(m.calls)}</td>
                  <td className="py-2 pr-4 tabular-nums">{formatCount(m.inputTokens + m.outputTokens)}</td>
                  <td className="py-2 tabular-nums">{formatUsd(m.costMicros)}</td>
                </tr>
              ))}
            </DataTable>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Per channel</CardTitle>
            <CardDescription>Generation cost recorded on the drafts created in the range.</CardDescription>
          </CardHeader>
          <CardContent>
            {report.channels.length ? (
              <DataTable caption="Cost per channel" columns={["Channel", "Drafts", "Cost"]}>
                {report.channels.map((c) => (
                  <tr key={c.channel}>
                    <th scope="row" className="py-2 pr-4 font-normal">
                      {CHANNEL_LABELS[c.channel as keyof typeof CHANNEL_LABELS] ?? c.channel}
                    </th>
                    <td className="py-2 pr-4 tabular-nums">{formatCount(c.drafts)}</td>
                    <td className="py-2 tabular-nums">{formatUsd(c.costMicros)}</td>
                  </tr>
                ))}
              </DataTable>
            ) : (
              <p className="text-muted-foreground text-sm">No drafts were created in this range.</p>
            )}
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-6 xl:grid-cols-2">
        <LatencyChart report={report} />
        <Card>
          <CardHeader>
            <CardTitle>Budgets</CardTitle>
            <CardDescription>
              Use in the current period (today or this month, UTC), whatever range is shown.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {report.budgets.length ? (
              <ul className="grid gap-4">
                {report.budgets.map((b) => (
                  <BudgetBar key={b.id} b={b} />
                ))}
              </ul>
            ) : (
              <p className="text-muted-foreground text-sm">No budgets are set. Admins set them in Settings → Models.</p>
            )}
          </CardContent>
        </Card>
      </div>

      <Governance g={g} />
    </div>
  );
}

function Governance({ g }: { g: UsageReport["governance"] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Review and governance</CardTitle>
        <CardDescription>
          Decisions made in the range, and flags on the drafts created in it.
          {g.rulesTruncated ? ` Rules are counted on the newest ${formatCount(g.ruleScanLimit)} drafts.` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-2">
        <dl className="grid grid-cols-2 gap-4">
          <div>
            <dt className="text-muted-foreground text-xs font-medium uppercase">Approval rate</dt>
            <dd className="text-xl font-semibold tabular-nums">{formatPercent(g.approvalRate)}</dd>
            <dd className="text-muted-foreground text-xs">
              {formatCount(g.approved)} of {formatCount(g.decided)} decided
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground text-xs font-medium uppercase">Median time to decision</dt>
            <dd className="text-xl font-semibold tabular-nums">
              {g.medianHoursToDecision === null ? "—" : `${g.medianHoursToDecision.toFixed(1)} h`}
            </dd>
            <dd className="text-muted-foreground text-xs">From creation to the last decision</dd>
          </div>
          <div>
            <dt className="text-muted-foreground text-xs font-medium uppercase">Flags per 100 drafts</dt>
            <dd className="text-xl font-semibold tabular-nums">
              {g.flagsPer100Drafts === null ? "—" : g.flagsPer100Drafts.toFixed(1)}
            </dd>
            <dd className="text-muted-foreground text-xs">
              {formatCount(g.flags)} flags on {formatCount(g.drafts)} drafts
            </dd>
          </div>
        </dl>
        <div>
          <h3 className="mb-2 text-sm font-semibold">Alerts per rule</h3>
          {g.topRules.length ? (
            <DataTable caption="Most frequent flag rules" columns={["Rule", "Flags"]}>
              {g.topRules.map((r) => (
                <tr key={r.ruleId}>
                  <th scope="row" className="py-1.5 pr-4 font-mono text-xs font-normal break-all">
                    {r.ruleId}
                  </th>
                  <td className="py-1.5 tabular-nums">{formatCount(r.count)}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="text-muted-foreground text-sm">No flags with a rule in this range.</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}

"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { UsageReport } from "@/lib/schemas/usage";
import { everyDay, formatCount, formatMs, formatUsd, SERIES_COLORS } from "./format";

const AXIS = { fontSize: 12, fill: "var(--muted-foreground)" };

/**
 * A chart with its numbers: the SVG is hidden from assistive technology (it only repeats the
 * table), and the table is visually hidden. The figure is labelled for screen readers.
 */
function ChartCard({
  title,
  description,
  label,
  table,
  children,
}: {
  title: string;
  description?: string;
  label: string;
  table: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>
        <figure aria-label={label} className="m-0">
          <div aria-hidden="true" className="h-64 w-full">
            {children}
          </div>
          <div className="sr-only">{table}</div>
        </figure>
      </CardContent>
    </Card>
  );
}

function SrTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {c}
                </th>
              ) : (
                <td key={j}>{c}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const shortDay = (d: string) => d.slice(5);

export function CostPerDayChart({ report }: { report: UsageReport }) {
  const models = report.models.map((m) => m.model);
  const byDay = new Map(report.days.map((d) => [d.day, d]));
  const data = everyDay(report.range.from, report.range.to).map((day) => {
    const d = byDay.get(day);
    const row: Record<string, string | number> = { day };
    for (const m of models) row[m] = (d?.costByModel[m] ?? 0) / 1_000_000;
    return row;
  });
  return (
    <ChartCard
      title="Cost per day"
      description="Stacked by model, in US dollars."
      label="Bar chart: cost per day, stacked by model"
      table={
        <SrTable
          caption="Cost per day by model"
          head={["Day", ...models]}
          rows={report.days.map((d) => [d.day, ...models.map((m) => formatUsd(d.costByModel[m] ?? 0))])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={AXIS} minTickGap={16} />
          <YAxis tick={AXIS} tickFormatter={(v: number) => `$${v}`} width={64} />
          <Tooltip formatter={(v) => formatUsd(Number(v) * 1_000_000)} />
          <Legend />
          {models.map((m, i) => (
            <Bar
              key={m}
              dataKey={m}
              stackId="cost"
              fill={SERIES_COLORS[i % SERIES_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function TokensPerDayChart({ report }: { report: UsageReport }) {
  const byDay = new Map(report.days.map((d) => [d.day, d]));
  const data = everyDay(report.range.from, report.range.to).map((day) => ({
    day,
    input: byDay.get(day)?.inputTokens ?? 0,
    output: byDay.get(day)?.outputTokens ?? 0,
  }));
  return (
    <ChartCard
      title="Tokens per day"
      description="Input and output tokens."
      label="Bar chart: input and output tokens per day"
      table={
        <SrTable
          caption="Tokens per day"
          head={["Day", "Input tokens", "Output tokens"]}
          rows={report.days.map((d) => [d.day, formatCount(d.inputTokens), formatCount(d.outputTokens)])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={AXIS} minTickGap={16} />
          <YAxis tick={AXIS} tickFormatter={(v: number) => formatCount(v)} width={64} />
          <Tooltip formatter={(v) => formatCount(Number(v))} />
          <Legend />
          <Bar dataKey="input" name="Input" stackId="t" fill={SERIES_COLORS[0]} isAnimationActive={false} />
          <Bar dataKey="output" name="Output" stackId="t" fill={SERIES_COLORS[2]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function LatencyChart({ report }: { report: UsageReport }) {
  return (
    <ChartCard
      title="Latency per role"
      description="p50 and p95, estimated from log-spaced buckets (10, 20, 40 … 10,240 ms): within a bucket the value is interpolated, so read them as approximate."
      label="Bar chart: estimated p50 and p95 latency per model role"
      table={
        <SrTable
          caption="Latency per role (estimated from buckets)"
          head={["Role", "Calls", "Mean", "p50 (estimate)", "p95 (estimate)"]}
          rows={report.latency.map((l) => [
            l.role,
            formatCount(l.calls),
            formatMs(l.meanMs),
            formatMs(l.p50Ms),
            formatMs(l.p95Ms),
          ])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={report.latency} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="role" tick={AXIS} />
          <YAxis tick={AXIS} tickFormatter={(v: number) => formatMs(v)} width={64} />
          <Tooltip formatter={(v) => formatMs(Number(v))} />
          <Legend />
          <Bar dataKey="p50Ms" name="p50" fill={SERIES_COLORS[0]} isAnimationActive={false} />
          <Bar dataKey="p95Ms" name="p95" fill={SERIES_COLORS[2]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

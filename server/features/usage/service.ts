import { stringify } from "csv-stringify/sync";
import { AppError } from "@/lib/errors";
import {
  daysInRange,
  UsageRange,
  type BudgetUse,
  type Governance,
  type UsageDay,
  type UsageReport,
} from "@/lib/schemas/usage";
import { requireRole } from "@/server/auth/authorize";
import type { WorkspaceCtx } from "@/server/context";
import { safeCell } from "@/server/features/generation/channels/csv-safe";
import { LATENCY_BUCKETS, quantileFromBuckets } from "./histogram";
import * as repo from "./repository";

/** Drafts whose JSON records are read to count flag rules; the page says when a range has more. */
export const RULE_SCAN_LIMIT = 5_000;
const TOP_RULES = 10;

/** The service checks the range itself too, so the CLI or a future caller gets the same clear message. */
function parseRange(input: unknown): UsageRange {
  const r = UsageRange.safeParse(input);
  if (!r.success) {
    throw new AppError("validation:usage_range", r.error.issues.map((i) => i.message).join("; "), {
      details: r.error.issues,
    });
  }
  return r.data;
}

function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** PostgreSQL sums integers as bigint; numbers here stay far below 2^53. */
function n(v: number | bigint | null | undefined): number {
  return v === null || v === undefined ? 0 : Number(v);
}

function today(now: Date) {
  return now.toISOString().slice(0, 10);
}

async function budgetUse(ctx: WorkspaceCtx, now: Date): Promise<BudgetUse[]> {
  const budgets = await repo.listBudgets(ctx.db, ctx.workspaceId);
  if (!budgets.length) return [];
  const day = today(now);
  const monthStart = `${day.slice(0, 8)}01`;
  const [rows, names] = await Promise.all([
    repo.sumByUserDay(ctx.db, ctx.workspaceId, monthStart),
    repo.userNames(
      ctx.db,
      budgets.flatMap((b) => (b.userId ? [b.userId] : [])),
    ),
  ]);
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  return budgets.map((b) => {
    const metric = b.metric === "cost" ? "cost" : "tokens";
    const period = b.period === "day" ? "day" : "month";
    let used = 0;
    for (const r of rows) {
      if (b.userId && r.userId !== b.userId) continue;
      if (period === "day" && r.day !== day) continue;
      used += metric === "cost" ? n(r.costMicros) : n(r.tokens);
    }
    return {
      id: b.id,
      scope: b.userId ? (nameOf.get(b.userId) ?? "Removed user") : "Workspace",
      metric,
      period,
      used,
      softCap: b.softCap,
      hardCap: b.hardCap,
    };
  });
}

async function governance(ctx: WorkspaceCtx, r: repo.DayRange): Promise<Governance> {
  const [dec, created, records] = await Promise.all([
    repo.decisions(ctx.db, r),
    repo.createdDrafts(ctx.db, r),
    repo.draftRecords(ctx.db, r, RULE_SCAN_LIMIT),
  ]);
  const hours = dec.sample.flatMap((d) =>
    d.decidedAt ? [(d.decidedAt.getTime() - d.createdAt.getTime()) / 3_600_000] : [],
  );
  const rules = new Map<string, number>();
  for (const { record } of records) {
    const flags = (record as { flags?: unknown } | null)?.flags;
    if (!Array.isArray(flags)) continue;
    for (const f of flags) {
      const ruleId = (f as { ruleId?: unknown } | null)?.ruleId;
      if (typeof ruleId === "string" && ruleId) rules.set(ruleId, (rules.get(ruleId) ?? 0) + 1);
    }
  }
  const topRules = [...rules]
    .map(([ruleId, count]) => ({ ruleId, count }))
    .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId))
    .slice(0, TOP_RULES);
  const med = median(hours);
  return {
    decided: dec.decided,
    approved: dec.approved,
    approvalRate: rate(dec.approved, dec.decided),
    medianHoursToDecision: med === null ? null : Math.round(med * 100) / 100,
    drafts: created.drafts,
    flags: created.flags,
    flagsPer100Drafts: created.drafts ? Math.round((created.flags / created.drafts) * 10_000) / 100 : null,
    topRules,
    ruleScanLimit: RULE_SCAN_LIMIT,
    rulesTruncated: created.drafts > RULE_SCAN_LIMIT,
  };
}

/**
 * The Usage page's numbers for a range of UTC days. Editors and admins only: it shows what each
 * person spends. Budgets are reported for their current period (today / this month), since a
 * cap applies to that period, not to the range being looked at.
 */
export async function usageReport(ctx: WorkspaceCtx, input: unknown, now = new Date()): Promise<UsageReport> {
  requireRole(ctx, "editor", "see usage and cost");
  const range = parseRange(input);
  const r = { workspaceId: ctx.workspaceId, ...range };
  const [byDayModel, byUser, byRole, byChannel, budgets, gov] = await Promise.all([
    repo.sumByDayModel(ctx.db, r),
    repo.sumByUser(ctx.db, r),
    repo.sumByRole(ctx.db, r),
    repo.costByChannel(ctx.db, r),
    budgetUse(ctx, now),
    governance(ctx, r),
  ]);

  const days = new Map<string, UsageDay>();
  const models = new Map<string, { calls: number; inputTokens: number; outputTokens: number; costMicros: number }>();
  const totals = { calls: 0, inputTokens: 0, outputTokens: 0, costMicros: 0, cacheHits: 0, fallbacks: 0, errors: 0 };
  for (const row of byDayModel) {
    const s = row;
    const add = {
      calls: n(s.calls),
      inputTokens: n(s.inputTokens),
      outputTokens: n(s.outputTokens),
      costMicros: n(s.costMicros),
    };
    const d = days.get(row.day) ?? {
      day: row.day,
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      costMicros: 0,
      costByModel: {},
    };
    const m = models.get(row.model) ?? { calls: 0, inputTokens: 0, outputTokens: 0, costMicros: 0 };
    for (const k of ["calls", "inputTokens", "outputTokens", "costMicros"] as const) {
      d[k] += add[k];
      m[k] += add[k];
      totals[k] += add[k];
    }
    d.costByModel[row.model] = (d.costByModel[row.model] ?? 0) + add.costMicros;
    totals.cacheHits += n(s.cacheHits);
    totals.fallbacks += n(s.fallbacks);
    totals.errors += n(s.errors);
    days.set(row.day, d);
    models.set(row.model, m);
  }

  const userIds = byUser.map((u) => u.userId).filter((id) => id !== "");
  const names = new Map((await repo.userNames(ctx.db, userIds)).map((u) => [u.id, u.name]));

  return {
    range: { ...range, days: daysInRange(range.from, range.to) },
    totals: {
      ...totals,
      cacheHitRate: rate(totals.cacheHits, totals.calls),
      fallbackRate: rate(totals.fallbacks, totals.calls),
      errorRate: rate(totals.errors, totals.calls),
    },
    days: [...days.values()],
    models: [...models]
      .map(([model, t]) => ({ model, ...t }))
      .sort((a, b) => b.costMicros - a.costMicros || a.model.localeCompare(b.model)),
    channels: byChannel
      .map((c) => ({ channel: c.channel, drafts: c._count._all, costMicros: n(c._sum.costMicros) }))
      .sort((a, b) => b.costMicros - a.costMicros || a.channel.localeCompare(b.channel)),
    users: byUser
      .map((u) => ({
        userId: u.userId || null,
        name: u.userId ? (names.get(u.userId) ?? "Removed user") : "No user (jobs, system)",
        calls: n(u.calls),
        inputTokens: n(u.inputTokens),
        outputTokens: n(u.outputTokens),
        costMicros: n(u.costMicros),
      }))
      .sort((a, b) => b.costMicros - a.costMicros || a.name.localeCompare(b.name)),
    latency: byRole.map((row) => {
      const buckets = Array.from({ length: LATENCY_BUCKETS }, (_, i) => n(row[`lat${i}`]));
      const calls = n(row.calls);
      return {
        role: row.role,
        calls,
        meanMs: calls ? Math.round(n(row.latencySum) / calls) : 0,
        p50Ms: quantileFromBuckets(buckets, 0.5),
        p95Ms: quantileFromBuckets(buckets, 0.95),
      };
    }),
    budgets,
    governance: gov,
  };
}

export const USAGE_CSV_COLUMNS = [
  "day",
  "model",
  "role",
  "user",
  "calls",
  "input_tokens",
  "output_tokens",
  "cost_usd",
  "cache_hits",
  "fallbacks",
  "errors",
  "mean_latency_ms",
] as const;

/** The range's rollup rows as CSV, one per day, model, role and person; every cell formula-safe. */
export async function usageCsv(ctx: WorkspaceCtx, input: unknown): Promise<{ filename: string; csv: string }> {
  requireRole(ctx, "editor", "export usage");
  const range = parseRange(input);
  const rows = await repo.rollupRows(ctx.db, { workspaceId: ctx.workspaceId, ...range });
  const ids = [...new Set(rows.map((r) => r.userId).filter(Boolean))];
  const names = new Map((await repo.userNames(ctx.db, ids)).map((u) => [u.id, u.name]));
  const records = rows.map((r) =>
    [
      r.day,
      r.model,
      r.role,
      r.userId ? (names.get(r.userId) ?? r.userId) : "",
      r.calls,
      r.inputTokens,
      r.outputTokens,
      (r.costMicros / 1_000_000).toFixed(6),
      r.cacheHits,
      r.fallbacks,
      r.errors,
      r.calls ? Math.round(r.latencySum / r.calls) : 0,
    ].map(safeCell),
  );
  const csv = stringify([[...USAGE_CSV_COLUMNS], ...records], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
  return { filename: `usage-${range.from}-to-${range.to}.csv`, csv };
}

export async function usageCsvResponse(ctx: WorkspaceCtx, input: unknown): Promise<Response> {
  const { filename, csv } = await usageCsv(ctx, input);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

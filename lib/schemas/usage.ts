import { z } from "zod";

/** Longest range the Usage page reports on: a year, plus a leap day. */
export const MAX_RANGE_DAYS = 366;

const Day = z.iso.date({ message: "Use a date like 2026-03-01" });

/** Whole days between two `YYYY-MM-DD` dates (UTC), inclusive of both ends. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A range of UTC days, both ends included; shared by the page's URL, the JSON route and the CSV export. */
export const UsageRange = z
  .object({
    from: Day.describe("First day of the range (UTC), included"),
    to: Day.describe("Last day of the range (UTC), included"),
  })
  .superRefine((r, ctx) => {
    const n = daysInRange(r.from, r.to);
    if (n < 1) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be on or after the start date" });
    } else if (n > MAX_RANGE_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `The range can be at most ${MAX_RANGE_DAYS} days; this one is ${n}`,
      });
    }
  });
export type UsageRange = z.infer<typeof UsageRange>;

const Totals = z.object({
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costMicros: z.number().int(),
});

/** One day with usage; days without calls are left out (the chart fills them). */
export const UsageDay = Totals.extend({
  day: z.string(),
  /** Cost per model on that day, micro-dollars. */
  costByModel: z.record(z.string(), z.number().int()),
});
export type UsageDay = z.infer<typeof UsageDay>;

export const UsageByModel = Totals.extend({ model: z.string() });

/**
 * Generation cost per channel, from the cost each draft records (the ledger does not know the
 * channel): drafts created in the range.
 */
export const UsageByChannel = z.object({
  channel: z.string(),
  drafts: z.number().int(),
  costMicros: z.number().int(),
});
export const UsageByUser = Totals.extend({
  /** null for calls without a person (jobs, system). */
  userId: z.string().nullable(),
  name: z.string(),
});

/** Latency percentiles estimated from the rollup's log-spaced buckets, not exact. */
export const LatencyByRole = z.object({
  role: z.string(),
  calls: z.number().int(),
  meanMs: z.number(),
  p50Ms: z.number(),
  p95Ms: z.number(),
});

export const BudgetUse = z.object({
  id: z.string(),
  /** The person's name, or "Workspace" for a workspace-wide budget. */
  scope: z.string(),
  metric: z.enum(["tokens", "cost"]),
  period: z.enum(["day", "month"]),
  /** Usage in the current period (today or this month, UTC), not the selected range. */
  used: z.number().int(),
  softCap: z.number().int().nullable(),
  hardCap: z.number().int(),
});
export type BudgetUse = z.infer<typeof BudgetUse>;

export const RuleCount = z.object({ ruleId: z.string(), count: z.number().int() });

export const Governance = z.object({
  /** Drafts decided in the range. */
  decided: z.number().int(),
  approved: z.number().int(),
  /** approved / decided; null when nothing was decided. */
  approvalRate: z.number().nullable(),
  /** Median hours from a draft's creation to its decision, for drafts decided in the range. */
  medianHoursToDecision: z.number().nullable(),
  /** Drafts created in the range. */
  drafts: z.number().int(),
  flags: z.number().int(),
  flagsPer100Drafts: z.number().nullable(),
  /** Most frequent flag rule ids on the drafts created in the range (at most `ruleScanLimit` drafts scanned). */
  topRules: z.array(RuleCount),
  ruleScanLimit: z.number().int(),
  rulesTruncated: z.boolean(),
});
export type Governance = z.infer<typeof Governance>;

export const UsageReport = z.object({
  range: z.object({ from: z.string(), to: z.string(), days: z.number().int() }),
  totals: Totals.extend({
    cacheHits: z.number().int(),
    fallbacks: z.number().int(),
    errors: z.number().int(),
    /** Rates over calls; null when there were no calls. */
    cacheHitRate: z.number().nullable(),
    fallbackRate: z.number().nullable(),
    errorRate: z.number().nullable(),
  }),
  days: z.array(UsageDay),
  models: z.array(UsageByModel),
  channels: z.array(UsageByChannel),
  users: z.array(UsageByUser),
  latency: z.array(LatencyByRole),
  budgets: z.array(BudgetUse),
  governance: Governance,
});
export type UsageReport = z.infer<typeof UsageReport>;

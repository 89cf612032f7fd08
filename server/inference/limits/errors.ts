import { isoDate } from "./periods";
import type { Budget, BudgetMetric, LimitScope, PeriodWindow, RateLimit } from "./types";

/** "$49.80", "$0.0004" (micro-dollar amounts below a cent keep their significant digits). */
export function formatMicros(micros: number): string {
  const sign = micros < 0 ? "-" : "";
  const abs = Math.abs(micros);
  const dollars = Math.floor(abs / 1_000_000);
  const rest = abs % 1_000_000;
  const grouped = dollars.toLocaleString("en-US");
  if (abs >= 10_000 || rest === 0) {
    // Whole cents, rounded up so "needs up to" never understates.
    const cents = Math.ceil(rest / 10_000);
    if (cents === 100) return `${sign}$${(dollars + 1).toLocaleString("en-US")}.00`;
    return `${sign}$${grouped}.${pad2(cents)}`;
  }
  return `${sign}$0.${String(rest).padStart(6, "0").replace(/0+$/, "")}`;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

export function formatAmount(metric: BudgetMetric, amount: number): string {
  return metric === "cost" ? formatMicros(amount) : `${amount.toLocaleString("en-US")} tokens`;
}

export function scopeOf(x: { userId?: string }): LimitScope {
  return x.userId === undefined ? "workspace" : "user";
}

/** Base class of every limit refusal; `code` discriminates. */
export abstract class LimitError extends Error {
  abstract readonly code: "budget_exceeded" | "rate_limited";
  /** Suggested HTTP status for the gateway's response. */
  readonly httpStatus = 429;
  /** Milliseconds until retrying can succeed (period reset for budgets). 0 when waiting will not help. */
  abstract readonly retryAfterMs: number;
}

export interface BudgetExceededDetails {
  budget: Budget;
  window: PeriodWindow;
  /** Settled usage in the period. */
  used: number;
  /** Reserved by calls in progress. */
  reserved: number;
  /** What this call asked to reserve. */
  requested: number;
  cap: number;
  now: Date;
  settingsHint: string;
}

/** A hard cap would be exceeded: nothing was reserved on any budget of the call. */
export class BudgetExceededError extends LimitError {
  readonly code = "budget_exceeded" as const;
  readonly scope: LimitScope;
  readonly metric: BudgetMetric;
  readonly budget: Budget;
  readonly window: PeriodWindow;
  readonly cap: number;
  readonly used: number;
  readonly reserved: number;
  readonly requested: number;
  readonly resetsAt: Date;
  readonly retryAfterMs: number;

  constructor(d: BudgetExceededDetails) {
    super(budgetMessage(d));
    this.name = "BudgetExceededError";
    this.scope = scopeOf(d.budget);
    this.metric = d.budget.metric;
    this.budget = d.budget;
    this.window = d.window;
    this.cap = d.cap;
    this.used = d.used;
    this.reserved = d.reserved;
    this.requested = d.requested;
    this.resetsAt = d.window.end;
    this.retryAfterMs = Math.max(0, d.window.end.getTime() - d.now.getTime());
  }

  get period() {
    return this.window.period;
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      scope: this.scope,
      workspaceId: this.budget.workspaceId,
      userId: this.budget.userId ?? null,
      label: this.budget.label,
      metric: this.metric,
      period: this.window.period,
      periodKey: this.window.key,
      cap: this.cap,
      used: this.used,
      reserved: this.reserved,
      requested: this.requested,
      resetsAt: this.resetsAt.toISOString(),
      retryAfterMs: this.retryAfterMs,
    };
  }
}

function budgetMessage(d: BudgetExceededDetails): string {
  const { budget, window } = d;
  const periodWord = window.period === "day" ? "Daily" : "Monthly";
  const metricWord = budget.metric === "cost" ? "cost" : "token";
  const inUse = d.used + d.reserved;
  const unit = budget.metric === "cost" ? "" : " tokens";
  const fmt = (n: number) => (budget.metric === "cost" ? formatMicros(n) : n.toLocaleString("en-US"));
  const inFlight = d.reserved > 0 ? ` (including ${fmt(d.reserved)}${unit} reserved by calls in progress)` : "";
  return (
    `${periodWord} ${metricWord} budget for ${scopeOf(budget)} ${budget.label} is exhausted: ` +
    `${fmt(inUse)} of ${fmt(d.cap)}${unit} used${inFlight}, this call needs up to ${fmt(d.requested)}${unit}. ` +
    `Raise the budget in ${d.settingsHint} or wait until ${isoDate(window.end)}.`
  );
}

export function softCapMessage(budget: Budget, window: PeriodWindow, used: number, softCap: number): string {
  const periodWord = window.period === "day" ? "Daily" : "Monthly";
  const metricWord = budget.metric === "cost" ? "cost" : "token";
  const hard =
    budget.hardCap === null || budget.hardCap === undefined
      ? ""
      : ` (hard cap ${formatAmount(budget.metric, budget.hardCap)})`;
  return (
    `${periodWord} ${metricWord} budget for ${scopeOf(budget)} ${budget.label} reached its soft cap: ` +
    `${formatAmount(budget.metric, used)} used of ${formatAmount(budget.metric, softCap)}${hard} in ${window.key}.`
  );
}

export type RateKind = "rpm" | "tpm";

export interface RateLimitedDetails {
  limit: RateLimit;
  kind: RateKind;
  max: number;
  requested: number;
  retryAfterMs: number;
  /** False when this call alone exceeds the per-minute limit (waiting cannot help). */
  retryable: boolean;
  settingsHint: string;
}

/** A requests- or tokens-per-minute limit refused the call; no points were kept on any limit. */
export class RateLimitedError extends LimitError {
  readonly code = "rate_limited" as const;
  readonly scope: LimitScope;
  readonly kind: RateKind;
  readonly limit: RateLimit;
  readonly max: number;
  readonly requested: number;
  readonly retryAfterMs: number;
  readonly retryable: boolean;

  constructor(d: RateLimitedDetails) {
    super(rateMessage(d));
    this.name = "RateLimitedError";
    this.scope = scopeOf(d.limit);
    this.kind = d.kind;
    this.limit = d.limit;
    this.max = d.max;
    this.requested = d.requested;
    this.retryAfterMs = d.retryAfterMs;
    this.retryable = d.retryable;
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      scope: this.scope,
      workspaceId: this.limit.workspaceId,
      userId: this.limit.userId ?? null,
      label: this.limit.label,
      kind: this.kind,
      max: this.max,
      requested: this.requested,
      retryAfterMs: this.retryAfterMs,
      retryable: this.retryable,
    };
  }
}

function rateMessage(d: RateLimitedDetails): string {
  const who = `${scopeOf(d.limit)} ${d.limit.label}`;
  const what =
    d.kind === "rpm"
      ? `Requests-per-minute limit for ${who} reached (${d.max.toLocaleString("en-US")} per minute).`
      : `Tokens-per-minute limit for ${who} reached (${d.max.toLocaleString("en-US")} tokens per minute, this call needs up to ${d.requested.toLocaleString("en-US")}).`;
  if (!d.retryable) {
    return (
      `This call needs up to ${d.requested.toLocaleString("en-US")} tokens, more than the tokens-per-minute limit of ` +
      `${d.max.toLocaleString("en-US")} for ${who}. Lower the maximum output tokens or raise the limit in ${d.settingsHint}.`
    );
  }
  const secs = Math.max(1, Math.ceil(d.retryAfterMs / 1000));
  return `${what} Retry in ${secs} s or raise the limit in ${d.settingsHint}.`;
}

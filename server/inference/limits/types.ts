/**
 * Public types of the inference limits module (budgets + rate limits).
 *
 * Amounts are integers everywhere: tokens are counted as tokens, currency as
 * micro-dollars (1 USD = 1_000_000 micros) so no float ever touches a counter.
 */

export type BudgetMetric = "tokens" | "cost";
export type BudgetPeriod = "day" | "month";
export type LimitScope = "workspace" | "user";

/**
 * One budget that applies to a call. A budget with `userId` is a per-user
 * budget inside the workspace; without it, it is workspace-wide. All budgets
 * passed to one `reserve` call must belong to the same workspace.
 */
export interface Budget {
  workspaceId: string;
  /** Set for a per-user budget; omit for the workspace-wide budget. */
  userId?: string;
  /** Human name used in messages, e.g. "Northwind Outdoor" or "Ada Lovelace". */
  label: string;
  metric: BudgetMetric;
  period: BudgetPeriod;
  /** Refuse calls that could take usage above this (tokens or micro-dollars). null/undefined: no hard cap. */
  hardCap?: number | null;
  /** Warn (once per period and cap value) when settled usage reaches this. */
  softCap?: number | null;
}

/** The UTC period a counter belongs to. `key` is "2026-11-21" (day) or "2026-11" (month). */
export interface PeriodWindow {
  period: BudgetPeriod;
  key: string;
  start: Date;
  /** Exclusive end = start of the next period. */
  end: Date;
}

/** Token and cost amounts of one call (estimate before, actual after). */
export interface Amounts {
  /** Integer tokens (input + output). */
  tokens: number;
  /** Integer micro-dollars. Use 0 when the model is free or the price is unknown. */
  costMicros: number;
}

/**
 * Returns the usage already recorded for this budget in this period (from the
 * usage ledger). Called once per budget-period counter and store, then cached
 * (memory) or written to Redis with SET-if-absent semantics.
 */
export type LoadUsed = (budget: Budget, periodStart: Date, periodEnd: Date) => Promise<number>;

export interface ReserveRequest {
  /** Every budget that applies to this call (workspace-wide and, if configured, per user). */
  budgets: readonly Budget[];
  /** Upper-bound estimate: tokens = input estimate + maxOutputTokens; cost from the model price. */
  estimate: Amounts;
  /** Override the reservation lifetime (default from createLimits, 10 minutes). */
  ttlMs?: number;
}

/** Snapshot of one budget after an operation. */
export interface BudgetUsage {
  budget: Budget;
  window: PeriodWindow;
  /** Settled usage in the period (loaded history + settled calls). */
  used: number;
  /** Outstanding, unexpired reservations of calls in progress. */
  reserved: number;
  /** Whether settled usage is at or above the soft cap (for a persistent UI badge). */
  overSoftCap: boolean;
}

/** Emitted once, the first time settled usage reaches a soft cap within a period. */
export interface SoftCapWarning {
  code: "soft_cap_reached";
  budget: Budget;
  window: PeriodWindow;
  used: number;
  softCap: number;
  hardCap: number | null;
  /** Ready-to-log / show sentence naming the budget. */
  message: string;
}

/** Handle returned by a successful `reserve`; pass it to `settle` or `release` exactly once. */
export interface Reservation {
  readonly id: string;
  readonly budgets: readonly Budget[];
  readonly windows: readonly PeriodWindow[];
  readonly estimate: Amounts;
  readonly createdAt: Date;
  /** After this instant (by the limits clock) the reservation no longer counts. */
  readonly expiresAt: Date;
}

export interface SettleResult {
  usage: BudgetUsage[];
  warnings: SoftCapWarning[];
  /** True when the reservation had already expired (usage is recorded anyway). */
  expired: boolean;
  /** True when this reservation was already settled/released by this instance (nothing changed). */
  duplicate: boolean;
}

/** A rate limit that applies to a call; omit rpm/tpm (or null) for "no limit". */
export interface RateLimit {
  workspaceId: string;
  userId?: string;
  label: string;
  /** Requests per minute. */
  rpm?: number | null;
  /** Tokens per minute (estimated tokens consumed before the call). */
  tpm?: number | null;
}

export interface RateCheckRequest {
  limits: readonly RateLimit[];
  /** Estimated tokens of the call (same estimate as the budget reservation). */
  tokens: number;
}

/** Handle of consumed rate-limit points; pass to `adjustRate` after the call or `cancelRate` if it never ran. */
export interface RateTicket {
  readonly id: string;
  readonly tokens: number;
  readonly limits: readonly RateLimit[];
}

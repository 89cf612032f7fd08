import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { BudgetExceededError, softCapMessage } from "./errors";
import { periodWindow } from "./periods";
import { createRateLimiterSet, type RateResult } from "./rate";
import type { BudgetStore, CounterOp, CounterState, NeedInit } from "./store";
import { createMemoryBudgetStore } from "./store-memory";
import { createRedisBudgetStore } from "./store-redis";
import type {
  Amounts,
  Budget,
  BudgetUsage,
  LoadUsed,
  PeriodWindow,
  RateCheckRequest,
  RateTicket,
  ReserveRequest,
  Reservation,
  SettleResult,
  SoftCapWarning,
} from "./types";

export const DEFAULT_RESERVATION_TTL_MS = 10 * 60_000;
/** Counters outlive their period by this much so late settles still find them. */
const PERIOD_GRACE_MS = 2 * 24 * 3600_000;
const MAX_INIT_ROUNDS = 5;

interface CommonOptions {
  /** Usage already recorded for a budget in a period (sum of the usage ledger). */
  loadUsed: LoadUsed;
  /** Clock for periods and reservation expiry (inject in tests). Default: real time. */
  now?: () => Date;
  /** How long an unsettled reservation keeps counting. Default 10 minutes. */
  reservationTtlMs?: number;
  /** Where an admin raises limits, used in messages. Default "Settings → Models". */
  settingsHint?: string;
}

export interface MemoryLimitsOptions extends CommonOptions {
  store: "memory";
}

export interface RedisLimitsOptions extends CommonOptions {
  store: "redis";
  redis: Redis;
  /** Key prefix shared by every instance that should share limits, e.g. "lectern:limits:". */
  prefix: string;
  /**
   * A loaded history value is reused for this long when Redis asks for it again
   * (e.g. after Redis lost its data). Default 60 s.
   */
  loadCacheMs?: number;
}

export type CreateLimitsOptions = MemoryLimitsOptions | RedisLimitsOptions;

export type ReserveResult =
  | { ok: true; reservation: Reservation; usage: BudgetUsage[]; warnings: SoftCapWarning[] }
  | { ok: false; error: BudgetExceededError };

export interface Limits {
  readonly store: "memory" | "redis";
  /** Before the call: reserve the estimate on every budget, all or nothing. */
  reserve(request: ReserveRequest): Promise<ReserveResult>;
  /** After a successful call: replace the reservation with the actual usage (always recorded, even above the cap). */
  settle(reservation: Reservation, actual: Amounts): Promise<SettleResult>;
  /** After a failed call that used nothing billable: drop the reservation. */
  release(reservation: Reservation): Promise<void>;
  /** Current usage of budgets (for the UI); loads history if needed. */
  usage(budgets: readonly Budget[]): Promise<BudgetUsage[]>;
  /** Before the call: consume 1 request and the estimated tokens on every rate limit, all or nothing. */
  checkRate(request: RateCheckRequest): Promise<RateResult>;
  /** After the call: correct the tokens-per-minute charge to the actual token count. */
  adjustRate(ticket: RateTicket, actualTokens: number): Promise<void>;
  /** The call never ran (e.g. its budget was refused): give the rate points back. */
  cancelRate(ticket: RateTicket): Promise<void>;
}

function assertAmount(name: string, v: number) {
  if (!Number.isSafeInteger(v) || v < 0) throw new TypeError(`${name} must be a non-negative integer, got ${v}`);
}

function assertCap(name: string, v: number | null | undefined) {
  if (v !== null && v !== undefined) assertAmount(name, v);
}

const amountOf = (b: Budget, a: Amounts) => (b.metric === "tokens" ? a.tokens : a.costMicros);

/**
 * Budgets and rate limits for the inference gateway. `store: "memory"` is
 * exact for one process; `store: "redis"` shares every counter between all
 * instances using the same Redis and prefix.
 */
export function createLimits(options: CreateLimitsOptions): Limits {
  const now = options.now ?? (() => new Date());
  const ttlMs = options.reservationTtlMs ?? DEFAULT_RESERVATION_TTL_MS;
  const settingsHint = options.settingsHint ?? "Settings → Models";
  const prefix = options.store === "redis" ? options.prefix : "";
  const store: BudgetStore =
    options.store === "redis" ? createRedisBudgetStore(options.redis) : createMemoryBudgetStore();
  const loadCacheMs = options.store === "redis" ? (options.loadCacheMs ?? 60_000) : Infinity;
  const rates = createRateLimiterSet({
    store: options.store,
    redis: options.store === "redis" ? options.redis : undefined,
    prefix,
    settingsHint,
  });

  // One loadUsed per counter key (per process); concurrent callers share the promise.
  const loads = new Map<string, { promise: Promise<void>; at: number; dropAtMs: number }>();
  const finalized = new WeakSet<Reservation>();

  function counterKey(b: Budget, w: PeriodWindow): string {
    const ws = encodeURIComponent(b.workspaceId);
    const who = b.userId === undefined ? "ws" : `u:${encodeURIComponent(b.userId)}`;
    // {ws} is a Redis Cluster hash tag: all counters of one call live in the same slot.
    return `${prefix}{${ws}}:budget:${who}:${b.metric}:${w.period}:${w.key}`;
  }

  function ops(budgets: readonly Budget[], windows: readonly PeriodWindow[], amounts: Amounts): CounterOp[] {
    return budgets.map((b, i) => {
      const w = windows[i]!;
      return {
        key: counterKey(b, w),
        amount: amountOf(b, amounts),
        hardCap: b.hardCap ?? null,
        softCap: b.softCap ?? null,
        dropAtMs: w.end.getTime() + PERIOD_GRACE_MS,
      };
    });
  }

  function validateBudgets(budgets: readonly Budget[]) {
    const seen = new Set<string>();
    for (const b of budgets) {
      if (b.workspaceId !== budgets[0]?.workspaceId) {
        throw new TypeError("All budgets of one call must belong to the same workspace");
      }
      assertCap("hardCap", b.hardCap);
      assertCap("softCap", b.softCap);
      const id = `${b.userId ?? ""}|${b.metric}|${b.period}`;
      if (seen.has(id)) throw new TypeError(`Duplicate budget for ${b.label}: ${b.metric} per ${b.period}`);
      seen.add(id);
    }
  }

  async function ensureLoaded(
    need: NeedInit,
    budgets: readonly Budget[],
    windows: readonly PeriodWindow[],
    counterOps: readonly CounterOp[],
  ) {
    const t = Date.now();
    for (const [key, l] of loads) if (l.dropAtMs <= now().getTime()) loads.delete(key);
    await Promise.all(
      need.missing.map((i) => {
        const op = counterOps[i]!;
        const cached = loads.get(op.key);
        if (cached && t - cached.at < loadCacheMs) return cached.promise;
        const b = budgets[i]!;
        const w = windows[i]!;
        const promise = options.loadUsed(b, w.start, w.end).then(async (used) => {
          assertAmount(`loadUsed(${b.label}, ${b.metric}, ${w.key})`, used);
          await store.init(op.key, used, op.dropAtMs);
        });
        const entry = { promise, at: t, dropAtMs: op.dropAtMs };
        loads.set(op.key, entry);
        promise.catch(() => {
          if (loads.get(op.key) === entry) loads.delete(op.key);
        });
        return promise;
      }),
    );
  }

  function report(
    budgets: readonly Budget[],
    windows: readonly PeriodWindow[],
    states: readonly CounterState[],
  ): { usage: BudgetUsage[]; warnings: SoftCapWarning[] } {
    const usage: BudgetUsage[] = [];
    const warnings: SoftCapWarning[] = [];
    states.forEach((s, i) => {
      const budget = budgets[i]!;
      const window = windows[i]!;
      const soft = budget.softCap ?? null;
      usage.push({ budget, window, used: s.used, reserved: s.reserved, overSoftCap: soft !== null && s.used >= soft });
      if (s.crossedSoft && soft !== null) {
        warnings.push({
          code: "soft_cap_reached",
          budget,
          window,
          used: s.used,
          softCap: soft,
          hardCap: budget.hardCap ?? null,
          message: softCapMessage(budget, window, s.used, soft),
        });
      }
    });
    return { usage, warnings };
  }

  async function withInit<T extends { kind: string }>(
    run: () => Promise<T | NeedInit>,
    budgets: readonly Budget[],
    windows: readonly PeriodWindow[],
    counterOps: readonly CounterOp[],
  ): Promise<Exclude<T, NeedInit>> {
    for (let round = 0; round < MAX_INIT_ROUNDS; round++) {
      const r = await run();
      if (r.kind !== "init") return r as Exclude<T, NeedInit>;
      await ensureLoaded(r as NeedInit, budgets, windows, counterOps);
    }
    throw new Error("Budget counters could not be initialised (are the counter keys being evicted?)");
  }

  return {
    store: options.store,

    async reserve(request) {
      const { budgets, estimate } = request;
      validateBudgets(budgets);
      assertAmount("estimate.tokens", estimate.tokens);
      assertAmount("estimate.costMicros", estimate.costMicros);
      const ttl = request.ttlMs ?? ttlMs;
      const id = randomUUID();
      const createdAt = now();
      const windows = budgets.map((b) => periodWindow(b.period, createdAt));
      const counterOps = ops(budgets, windows, estimate);
      const expiresAt = new Date(createdAt.getTime() + ttl);
      const r = await withInit(
        () => store.reserve(counterOps, id, now().getTime(), expiresAt.getTime()),
        budgets,
        windows,
        counterOps,
      );
      if (r.kind === "denied") {
        const budget = budgets[r.index]!;
        const op = counterOps[r.index]!;
        return {
          ok: false,
          error: new BudgetExceededError({
            budget,
            window: windows[r.index]!,
            used: r.used,
            reserved: r.reserved,
            requested: op.amount,
            cap: op.hardCap ?? 0,
            now: now(),
            settingsHint,
          }),
        };
      }
      const reservation: Reservation = Object.freeze({
        id,
        budgets: [...budgets],
        windows,
        estimate: { ...estimate },
        createdAt,
        expiresAt,
      });
      return { ok: true, reservation, ...report(budgets, windows, r.states) };
    },

    async settle(reservation, actual) {
      assertAmount("actual.tokens", actual.tokens);
      assertAmount("actual.costMicros", actual.costMicros);
      const { budgets, windows } = reservation;
      if (finalized.has(reservation)) {
        return { usage: [], warnings: [], expired: false, duplicate: true };
      }
      finalized.add(reservation);
      // Usage counts in the period the call was admitted in (the reservation's windows).
      const counterOps = ops(budgets, windows, actual);
      try {
        const r = await withInit(
          () => store.finalize(counterOps, reservation.id, now().getTime(), "settle"),
          budgets,
          windows,
          counterOps,
        );
        const expired = budgets.some((b, i) => amountOf(b, reservation.estimate) > 0 && !r.found[i]);
        return { ...report(budgets, windows, r.states), expired, duplicate: false };
      } catch (e) {
        finalized.delete(reservation);
        throw e;
      }
    },

    async release(reservation) {
      if (finalized.has(reservation)) return;
      finalized.add(reservation);
      const counterOps = ops(reservation.budgets, reservation.windows, { tokens: 0, costMicros: 0 });
      try {
        await store.finalize(counterOps, reservation.id, now().getTime(), "release");
      } catch (e) {
        finalized.delete(reservation);
        throw e;
      }
    },

    async usage(budgets) {
      validateBudgets(budgets);
      const at = now();
      const windows = budgets.map((b) => periodWindow(b.period, at));
      const counterOps = ops(budgets, windows, { tokens: 0, costMicros: 0 });
      const r = await withInit(() => store.peek(counterOps, now().getTime()), budgets, windows, counterOps);
      return report(budgets, windows, r.states).usage;
    },

    checkRate: (request) => rates.check(request),
    adjustRate: (ticket, actualTokens) => rates.adjust(ticket, actualTokens),
    cancelRate: (ticket) => rates.cancel(ticket),
  };
}

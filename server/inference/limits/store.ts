/**
 * Internal contract between createLimits() and its two budget stores. A
 * "counter" is one budget in one period (e.g. workspace W, cost, month
 * 2026-11); it holds settled usage, outstanding reservations, and the soft-cap
 * value already warned about.
 */

export interface CounterOp {
  key: string;
  /** Amount to reserve (reserve) or actual amount to record (settle). Integer >= 0. */
  amount: number;
  hardCap: number | null;
  softCap: number | null;
  /** Epoch ms after which the whole counter may be dropped (period end + grace). */
  dropAtMs: number;
}

export interface CounterState {
  used: number;
  reserved: number;
  /** This operation is the first to see settled usage at/above the current soft cap. */
  crossedSoft: boolean;
}

export type NeedInit = { kind: "init"; missing: number[] };

export type StoreReserveResult =
  { kind: "ok"; states: CounterState[] } | { kind: "denied"; index: number; used: number; reserved: number } | NeedInit;

export type StoreFinalizeResult = { kind: "ok"; states: CounterState[]; found: boolean[] } | NeedInit;

export type StorePeekResult = { kind: "ok"; states: CounterState[] } | NeedInit;

export interface BudgetStore {
  /** Atomically: if every counter is initialised and no hard cap would be exceeded, reserve on all; else on none. */
  reserve(ops: readonly CounterOp[], resId: string, nowMs: number, resExpiresAtMs: number): Promise<StoreReserveResult>;
  /** Remove the reservation (if still live) and, for "settle", add the actual amounts to used. */
  finalize(
    ops: readonly CounterOp[],
    resId: string,
    nowMs: number,
    mode: "settle" | "release",
  ): Promise<StoreFinalizeResult>;
  /** Initialise settled usage if the counter does not exist yet (set-if-absent). */
  init(key: string, used: number, dropAtMs: number): Promise<void>;
  peek(ops: readonly CounterOp[], nowMs: number): Promise<StorePeekResult>;
}

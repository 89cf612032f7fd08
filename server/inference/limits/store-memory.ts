import type {
  BudgetStore,
  CounterOp,
  CounterState,
  StoreFinalizeResult,
  StorePeekResult,
  StoreReserveResult,
} from "./store";

interface Entry {
  used: number;
  reserved: number;
  /** reservation id -> amount and expiry (epoch ms). */
  res: Map<string, { amount: number; expiresAt: number }>;
  /** Earliest expiry among `res` (Infinity when empty); sweeping is skipped until then. */
  nextExpiry: number;
  softWarnedAt: number | null;
  dropAtMs: number;
}

/**
 * In-process budget store. Every operation runs synchronously from start to
 * end (no await between check and increment), so concurrent calls in one
 * Node process can never interleave inside a check-and-reserve.
 */
export function createMemoryBudgetStore(): BudgetStore {
  const entries = new Map<string, Entry>();
  let lastDropSweep = 0;

  function sweep(e: Entry, nowMs: number) {
    if (nowMs < e.nextExpiry) return;
    let next = Infinity;
    for (const [id, r] of e.res) {
      if (r.expiresAt <= nowMs) {
        e.reserved -= r.amount;
        e.res.delete(id);
      } else if (r.expiresAt < next) {
        next = r.expiresAt;
      }
    }
    e.nextExpiry = next;
  }

  function dropOldPeriods(nowMs: number) {
    if (nowMs - lastDropSweep < 60_000) return;
    lastDropSweep = nowMs;
    for (const [key, e] of entries) if (e.dropAtMs <= nowMs) entries.delete(key);
  }

  function missing(ops: readonly CounterOp[]): number[] {
    const out: number[] = [];
    ops.forEach((op, i) => {
      if (!entries.has(op.key)) out.push(i);
    });
    return out;
  }

  function checkSoft(e: Entry, softCap: number | null): boolean {
    if (softCap === null || e.used < softCap || e.softWarnedAt === softCap) return false;
    e.softWarnedAt = softCap;
    return true;
  }

  const get = (key: string) => entries.get(key) as Entry;

  return {
    reserve(ops, resId, nowMs, resExpiresAtMs): Promise<StoreReserveResult> {
      dropOldPeriods(nowMs);
      const miss = missing(ops);
      if (miss.length > 0) return Promise.resolve({ kind: "init", missing: miss });
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i] as CounterOp;
        const e = get(op.key);
        sweep(e, nowMs);
        if (op.amount > 0 && op.hardCap !== null && e.used + e.reserved + op.amount > op.hardCap) {
          return Promise.resolve({ kind: "denied", index: i, used: e.used, reserved: e.reserved });
        }
      }
      const states: CounterState[] = ops.map((op) => {
        const e = get(op.key);
        if (op.amount > 0) {
          e.reserved += op.amount;
          e.res.set(resId, { amount: op.amount, expiresAt: resExpiresAtMs });
          if (resExpiresAtMs < e.nextExpiry) e.nextExpiry = resExpiresAtMs;
        }
        return { used: e.used, reserved: e.reserved, crossedSoft: checkSoft(e, op.softCap) };
      });
      return Promise.resolve({ kind: "ok", states });
    },

    finalize(ops, resId, nowMs, mode): Promise<StoreFinalizeResult> {
      if (mode === "settle") {
        const miss = missing(ops);
        if (miss.length > 0) return Promise.resolve({ kind: "init", missing: miss });
      }
      const found: boolean[] = [];
      const states: CounterState[] = ops.map((op) => {
        const e = entries.get(op.key);
        if (!e) {
          found.push(false);
          return { used: 0, reserved: 0, crossedSoft: false };
        }
        sweep(e, nowMs);
        const r = e.res.get(resId);
        found.push(r !== undefined);
        if (r) {
          e.reserved -= r.amount;
          e.res.delete(resId);
        }
        let crossedSoft = false;
        if (mode === "settle") {
          e.used += op.amount;
          crossedSoft = checkSoft(e, op.softCap);
        }
        return { used: e.used, reserved: e.reserved, crossedSoft };
      });
      return Promise.resolve({ kind: "ok", states, found });
    },

    init(key, used, dropAtMs) {
      if (!entries.has(key)) {
        entries.set(key, { used, reserved: 0, res: new Map(), nextExpiry: Infinity, softWarnedAt: null, dropAtMs });
      }
      return Promise.resolve();
    },

    peek(ops, nowMs): Promise<StorePeekResult> {
      const miss = missing(ops);
      if (miss.length > 0) return Promise.resolve({ kind: "init", missing: miss });
      const states = ops.map((op) => {
        const e = get(op.key);
        sweep(e, nowMs);
        return { used: e.used, reserved: e.reserved, crossedSoft: false };
      });
      return Promise.resolve({ kind: "ok", states });
    },
  };
}

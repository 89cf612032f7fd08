import type { BudgetPeriod, PeriodWindow } from "./types";

const pad = (n: number) => String(n).padStart(2, "0");

/** The UTC day or month containing `at`. A new period has a new key, so its counters start from zero. */
export function periodWindow(period: BudgetPeriod, at: Date): PeriodWindow {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  if (period === "day") {
    const d = at.getUTCDate();
    return {
      period,
      key: `${y}-${pad(m + 1)}-${pad(d)}`,
      start: new Date(Date.UTC(y, m, d)),
      end: new Date(Date.UTC(y, m, d + 1)),
    };
  }
  return {
    period,
    key: `${y}-${pad(m + 1)}`,
    start: new Date(Date.UTC(y, m, 1)),
    end: new Date(Date.UTC(y, m + 1, 1)),
  };
}

/** "2026-12-01" */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

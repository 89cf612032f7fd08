/** Display helpers for money (micro-dollars), tokens and durations. */

const intFmt = new Intl.NumberFormat("en-US");
const compactFmt = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** Micro-dollars → "$0.15" (two decimals at least, up to six so tiny costs stay non-zero). */
export function formatUsd(micros: number): string {
  const dollars = micros / 1_000_000;
  return `${dollars < 0 ? "-" : ""}$${Math.abs(dollars).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;
}

/** Dollars typed by a person ("0.15", "$1,000") → micro-dollars, or null when not a number. */
export function parseUsdToMicros(input: string): number | null {
  const cleaned = input.replace(/[$,\s]/g, "");
  if (cleaned === "" || !/^\d*(\.\d*)?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return null;
  return Math.round(n * 1_000_000);
}

/** Micro-dollars → the plain dollar string an input shows ("0.15"). */
export function microsToDollarInput(micros: number): string {
  return String(micros / 1_000_000);
}

export function formatTokens(n: number): string {
  return `${intFmt.format(n)} tokens`;
}

export function formatInt(n: number): string {
  return intFmt.format(n);
}

export function formatCompact(n: number): string {
  return compactFmt.format(n);
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** An amount of a budget metric: tokens or dollars. */
export function formatBudgetAmount(metric: "tokens" | "cost", n: number): string {
  return metric === "cost" ? formatUsd(n) : formatTokens(n);
}

/** "" / "  " → null, otherwise an integer (NaN when not one, for the schema to reject). */
export function optionalInt(v: FormDataEntryValue | null): number | null {
  const s = typeof v === "string" ? v.trim().replace(/,/g, "") : "";
  if (s === "") return null;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

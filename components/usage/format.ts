/** Display helpers for the Usage page; isomorphic (the server page and the client charts share them). */

export function formatUsd(micros: number): string {
  const usd = micros / 1_000_000;
  return usd.toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: usd !== 0 && Math.abs(usd) < 1 ? 4 : 2,
    maximumFractionDigits: usd !== 0 && Math.abs(usd) < 1 ? 4 : 2,
  });
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)} %`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day of the range, so a chart shows quiet days as zero instead of skipping them. */
export function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length <= 366; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Distinct colours for models in stacked charts (the first is the brand colour). */
export const SERIES_COLORS = ["var(--primary)", "#0e7490", "#c2410c", "#7c3aed", "#be185d", "#4d7c0f", "#64748b"];

/**
 * Geometry of the endpoints' success-rate sparkline: 24 hourly buckets, oldest first, each a rate
 * in 0–1 or null (no attempts that hour). Hours without attempts break the line; an hour alone
 * between two gaps is drawn as a dot so it does not vanish.
 */
import { formatRate } from "./format";

export type SparklineBox = { width: number; height: number; pad: number };
export type SparklineGeometry = { d: string; dots: { x: number; y: number }[]; baselineY: number };

const round = (n: number) => Math.round(n * 100) / 100;

export function sparklineGeometry(values: readonly (number | null)[], box: SparklineBox): SparklineGeometry {
  const { width, height, pad } = box;
  const n = values.length;
  const step = n > 1 ? (width - 2 * pad) / (n - 1) : 0;
  const x = (i: number) => round(n > 1 ? pad + i * step : width / 2);
  const y = (v: number) => round(pad + (1 - Math.min(1, Math.max(0, v))) * (height - 2 * pad));

  const parts: string[] = [];
  const dots: { x: number; y: number }[] = [];
  let run: { x: number; y: number }[] = [];
  const flush = () => {
    if (run.length === 1) dots.push(run[0]!);
    else if (run.length > 1) parts.push(run.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" "));
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null || Number.isNaN(v)) flush();
    else run.push({ x: x(i), y: y(v) });
  });
  flush();
  return { d: parts.join(" "), dots, baselineY: round(height - pad) };
}

/** The sparkline's accessible name: the rate over the whole window, as the card shows it. */
export function sparklineLabel(successRate: number | null): string {
  return successRate === null
    ? "Success rate over the last 24 hours: no attempts"
    : `Success rate over the last 24 hours: ${formatRate(successRate)}`;
}

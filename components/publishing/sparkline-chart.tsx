import { cn } from "@/components/lib/cn";
import { sparklineGeometry, sparklineLabel } from "./sparkline";

const BOX = { width: 120, height: 28, pad: 3 };

/**
 * The last 24 hours of an endpoint's success rate as a small inline chart: one point per hour,
 * 100 % at the top; hours without attempts leave a gap. Its accessible name states the overall rate.
 */
export function Sparkline({
  values,
  successRate,
  className,
}: {
  values: readonly (number | null)[];
  successRate: number | null;
  className?: string;
}) {
  const g = sparklineGeometry(values, BOX);
  const label = sparklineLabel(successRate);
  const failing = successRate !== null && successRate < 0.9;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      width={BOX.width}
      height={BOX.height}
      className={cn("shrink-0 overflow-visible", failing ? "text-danger" : "text-success", className)}
    >
      <title>{label}</title>
      {/* 0 % and 100 % guides */}
      <line
        x1={BOX.pad}
        x2={BOX.width - BOX.pad}
        y1={g.baselineY}
        y2={g.baselineY}
        className="stroke-border"
        strokeWidth={1}
      />
      <line
        x1={BOX.pad}
        x2={BOX.width - BOX.pad}
        y1={BOX.pad}
        y2={BOX.pad}
        className="stroke-border"
        strokeWidth={1}
        strokeDasharray="2 3"
      />
      {g.d ? (
        <path
          d={g.d}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.75}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ) : null}
      {g.dots.map((p) => (
        <circle key={`${p.x}-${p.y}`} cx={p.x} cy={p.y} r={1.75} fill="currentColor" />
      ))}
    </svg>
  );
}

import Link from "next/link";
import { cn } from "@/components/lib/cn";
import type { QueuePage } from "@/lib/schemas/review";

/** The numbers an editor checks first: how much waits, how much is theirs, unclaimed, over the SLA. */
export function QueueCounts({
  counts,
  slaHours,
  isAdmin,
  lastAction,
}: {
  counts: QueuePage["counts"];
  slaHours: number;
  isAdmin: boolean;
  /** The last decision, shown here; screen readers hear it from the queue's live region. */
  lastAction: string;
}) {
  const stats: { label: string; value: number; tone?: "danger" }[] = [
    { label: "In review", value: counts.inReview },
    { label: "Assigned to you", value: counts.mine },
    { label: "Unassigned", value: counts.unassigned },
    { label: "Over the SLA", value: counts.breached, tone: counts.breached > 0 ? "danger" : undefined },
  ];
  return (
    <section aria-label="Queue at a glance" className="space-y-2">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats.map((s) => (
          <div
            key={s.label}
            className={cn(
              "border-border bg-card shadow-card rounded-lg border px-4 py-3",
              s.tone === "danger" && "border-danger-border bg-danger-subtle",
            )}
          >
            <dt className="text-muted-foreground text-xs font-medium">{s.label}</dt>
            <dd className={cn("text-2xl leading-8 font-semibold tabular-nums", s.tone === "danger" && "text-danger")}>
              {s.value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-xs">
        <p className="text-muted-foreground">
          Review target: {slaHours} {slaHours === 1 ? "hour" : "hours"} from entering the queue.{" "}
          {isAdmin ? (
            <Link href="/settings/review" className="text-foreground underline-offset-2 hover:underline">
              Change the target
            </Link>
          ) : null}
        </p>
        {lastAction ? (
          <p aria-hidden="true" className="text-foreground font-medium">
            {lastAction}
          </p>
        ) : null}
      </div>
    </section>
  );
}

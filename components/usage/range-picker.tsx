import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { addDays } from "./format";

const PRESETS = [7, 30, 90] as const;

/**
 * The range lives in the URL (`?from=&to=`), so a view can be shared and reloaded. A plain GET
 * form: it works before hydration and needs no client state.
 */
export function RangePicker({ from, to, today }: { from: string; to: string; today: string }) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form method="get" action="/usage" className="flex flex-wrap items-end gap-3" aria-label="Date range">
        <div className="grid gap-1">
          <Label htmlFor="usage-from">From</Label>
          <Input id="usage-from" name="from" type="date" defaultValue={from} required className="w-40" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="usage-to">To</Label>
          <Input id="usage-to" name="to" type="date" defaultValue={to} required className="w-40" />
        </div>
        <button type="submit" className={buttonVariants({ variant: "secondary" })}>
          Apply
        </button>
      </form>
      <nav aria-label="Range presets" className="flex gap-2">
        {PRESETS.map((n) => {
          const start = addDays(today, -(n - 1));
          const active = from === start && to === today;
          return (
            <Link
              key={n}
              href={`/usage?from=${start}&to=${today}`}
              aria-current={active ? "page" : undefined}
              className={buttonVariants({ variant: active ? "primary" : "ghost", size: "sm" })}
            >
              Last {n} days
            </Link>
          );
        })}
      </nav>
    </div>
  );
}

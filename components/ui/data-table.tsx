import type { ReactNode } from "react";

import { cn } from "@/components/lib/cn";

export type Column = string | { label: string; hidden?: boolean };

/**
 * A plain, accessible data table: scrolls sideways on narrow screens, has a
 * caption for screen readers and column headers with scope. Rows are the
 * children (`<tr>` elements).
 */
export function DataTable({
  caption,
  columns,
  children,
  className,
}: {
  caption: string;
  columns: Column[];
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={cn("w-full text-left text-sm", className)}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-muted-foreground text-xs uppercase">
          <tr>
            {columns.map((c, i) => {
              const { label, hidden } = typeof c === "string" ? { label: c, hidden: false } : c;
              return (
                <th key={label} scope="col" className={cn("py-2 font-medium", i < columns.length - 1 && "pr-4")}>
                  {hidden ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-border divide-y align-top">{children}</tbody>
      </table>
    </div>
  );
}

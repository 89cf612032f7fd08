"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { LocalDate } from "@/components/knowledge/local-date";
import { FORMAT_LABELS, type DraftSummary } from "@/lib/schemas/drafts";
import { FlagSummary, StatusBadge, VerdictBadge } from "./badges";
import { draftHref, formatGrounding } from "./labels";

const COLUMNS = ["Draft", "Status", "Governance", "Grounding", "Flags", "Campaign", "Created"];

/** One page of drafts; a row opens its draft (the title is the real link). */
export function DraftsTable({ items, onCampaign }: { items: DraftSummary[]; onCampaign: (id: string) => void }) {
  const router = useRouter();
  return (
    <DataTable caption="Drafts" columns={COLUMNS} className="text-[13px]">
      {items.map((d) => {
        const href = draftHref(d.id);
        return (
          <tr
            key={d.id}
            data-testid="draft-row"
            className="hover:bg-muted/50 cursor-pointer"
            onClick={(e) => {
              if ((e.target as HTMLElement).closest("a, button")) return;
              router.push(href);
            }}
          >
            <td className="max-w-80 min-w-48 py-2.5 pr-4">
              <Link href={href} className="text-foreground font-medium break-words hover:underline">
                {d.title || "Untitled draft"}
              </Link>
              <div className="text-muted-foreground text-xs">{FORMAT_LABELS[d.format]}</div>
            </td>
            <td className="py-2.5 pr-4">
              <div className="flex flex-col items-start gap-1">
                <StatusBadge status={d.status} />
                <VerdictBadge verdict={d.verdict} />
              </div>
            </td>
            <td className="py-2.5 pr-4 tabular-nums">{d.governanceScore}/100</td>
            <td className="py-2.5 pr-4 whitespace-nowrap tabular-nums">{formatGrounding(d.groundingScore)}</td>
            <td className="py-2.5 pr-4">
              <FlagSummary count={d.flagCount} level={d.flagLevel} />
            </td>
            <td className="max-w-40 py-2.5 pr-4">
              {d.campaign ? (
                <button
                  type="button"
                  className="text-left break-words hover:underline"
                  aria-label={`Show drafts of the campaign ${d.campaign.name}`}
                  onClick={() => onCampaign(d.campaign!.id)}
                >
                  {d.campaign.name}
                </button>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </td>
            <td className="py-2.5 whitespace-nowrap">
              <LocalDate value={d.createdAt} />
              <div className="text-muted-foreground max-w-44 truncate text-xs" title={d.createdBy ?? undefined}>
                {d.createdBy ?? "API"}
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

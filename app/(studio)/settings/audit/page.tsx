import { AuditPanel } from "@/components/settings/audit-panel";
import type { AuditFilterValues } from "@/components/settings/audit-format";

export const metadata = { title: "Audit trail · Settings · Lectern" };

type Search = Record<string, string | string[] | undefined>;

function param(s: Search, key: string, max: number): string {
  const v = s[key];
  return typeof v === "string" ? v.trim().slice(0, max) : "";
}

function day(s: Search, key: string): string {
  const v = param(s, key, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : "";
}

/** Filters come from the URL (shared links, reloads); the panel keeps the URL in step. */
export default async function AuditSettingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const initial: AuditFilterValues = {
    action: param(sp, "action", 100),
    entityType: param(sp, "entityType", 100),
    entityId: param(sp, "entityId", 200),
    actor: param(sp, "actor", 320),
    from: day(sp, "from"),
    to: day(sp, "to"),
  };
  return <AuditPanel initial={initial} />;
}

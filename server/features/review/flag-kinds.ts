/**
 * The queue's denormalised columns of a draft: when it entered review, the campaign deadline
 * that orders it, and the flag kinds it carries (a `,kind,` string for filtering plus one
 * `draft_flag_kinds` row per kind for the per-kind counts). Written with every change of flags.
 */
import type { DraftFlag, DraftStatus, FlagKind } from "@/lib/schemas/drafts";
import type { Tx } from "@/server/context";

export const LEVEL = { suggestion: 1, warning: 2, error: 3 } as const;

/** Drafts without a campaign deadline sort after every dated one. */
export const NO_DEADLINE = new Date("9999-12-31T00:00:00.000Z");

export function flagLevelOf(flags: DraftFlag[]): number {
  return flags.reduce((m, f) => Math.max(m, LEVEL[f.level]), 0);
}

export function kindsOf(flags: DraftFlag[]): Map<FlagKind, { level: number; count: number }> {
  const m = new Map<FlagKind, { level: number; count: number }>();
  for (const f of flags) {
    const cur = m.get(f.kind) ?? { level: 0, count: 0 };
    m.set(f.kind, { level: Math.max(cur.level, LEVEL[f.level]), count: cur.count + 1 });
  }
  return m;
}

/** `,governor,jsonld,` (sorted), or "" without flags. */
export function flagKindsColumn(flags: DraftFlag[]): string {
  const kinds = [...kindsOf(flags).keys()].sort();
  return kinds.length ? `,${kinds.join(",")},` : "";
}

export function reviewColumns(status: DraftStatus, flags: DraftFlag[], campaignEndsOn: Date | null, now: Date) {
  return {
    reviewSince: status === "in_review" ? now : null,
    dueAt: campaignEndsOn ?? NO_DEADLINE,
    flagKinds: flagKindsColumn(flags),
  };
}

/** Replaces the draft's per-kind rows (`replace` false: a new draft has none yet). */
export async function writeFlagKinds(
  tx: Tx,
  workspaceId: string,
  draftId: string,
  flags: DraftFlag[],
  replace: boolean,
): Promise<void> {
  if (replace) await tx.draftFlagKind.deleteMany({ where: { draftId } });
  const rows = [...kindsOf(flags)].map(([kind, v]) => ({ draftId, workspaceId, kind, level: v.level, count: v.count }));
  if (rows.length) await tx.draftFlagKind.createMany({ data: rows });
}

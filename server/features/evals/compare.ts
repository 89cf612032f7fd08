/** Two runs side by side: which cases flipped, and which assertions changed status. */
import { AppError } from "@/lib/errors";
import { CompareQuery, FLIP_KINDS, type CaseComparison, type RunComparison } from "@/lib/schemas/golden-sets";
import type { WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { getRunDetail } from "./runs";

type Status = "pass" | "fail" | "error";
const ORDER: Record<CaseComparison["change"], number> = { regressed: 0, improved: 1, added: 2, removed: 3, same: 4 };

function change(base: Status | null, head: Status | null): CaseComparison["change"] {
  if (base === null) return "added";
  if (head === null) return "removed";
  if (base === "pass" && head !== "pass") return "regressed";
  if (base !== "pass" && head === "pass") return "improved";
  return "same";
}

export async function compareRuns(ctx: WorkspaceCtx, raw: unknown): Promise<RunComparison> {
  requireRole(ctx, "editor", "compare eval runs");
  const q = CompareQuery.parse(raw);
  const [base, head] = await Promise.all([
    getRunDetail(ctx.db, ctx.workspaceId, q.base),
    getRunDetail(ctx.db, ctx.workspaceId, q.head),
  ]);
  if (base.setId !== head.setId)
    throw new AppError(
      "validation:different_sets",
      `These runs are of different golden sets (“${base.setName}” and “${head.setName}”); compare runs of the same set.`,
    );
  const b = new Map(base.results.map((r) => [r.caseId, r]));
  const h = new Map(head.results.map((r) => [r.caseId, r]));
  const ids = [...new Set([...b.keys(), ...h.keys()])];
  const cases: CaseComparison[] = ids.map((id) => {
    const x = b.get(id);
    const y = h.get(id);
    const before = new Map((x?.result?.results ?? []).map((a) => [a.label, a.status]));
    const after = new Map((y?.result?.results ?? []).map((a) => [a.label, a.status]));
    const labels = [...new Set([...before.keys(), ...after.keys()])];
    return {
      caseId: id,
      caseName: (y ?? x)!.caseName,
      base: x?.status ?? null,
      head: y?.status ?? null,
      change: change(x?.status ?? null, y?.status ?? null),
      changedAssertions: labels
        .filter((l) => before.get(l) !== after.get(l))
        .map((l) => ({ label: l, base: before.get(l) ?? null, head: after.get(l) ?? null })),
    };
  });
  cases.sort((p, q2) => ORDER[p.change] - ORDER[q2.change] || p.caseName.localeCompare(q2.caseName));
  const counts = Object.fromEntries(
    FLIP_KINDS.map((k) => [k, cases.filter((c) => c.change === k).length]),
  ) as RunComparison["counts"];
  const strip = ({ setId: _s, setName: _n, passThreshold: _t, results: _r, ...summary }: typeof base) => summary;
  return {
    setId: base.setId,
    setName: base.setName,
    passThreshold: base.passThreshold,
    base: strip(base),
    head: strip(head),
    cases,
    counts,
  };
}

/**
 * Golden sets and their cases: editors and admins keep them; every change is audited. Cases are
 * validated with the server's `SafeGoldenCaseBody` (the lib schema plus the ReDoS refusal).
 */
import { AppError } from "@/lib/errors";
import {
  GoldenSetBody,
  GoldenSetPatch,
  GoldenCaseUpdate,
  type GoldenCaseOut,
  type GoldenSetDetail,
  type GoldenSetOut,
} from "@/lib/schemas/golden-sets";
import type { Tx, WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { audit } from "@/server/features/audit/service";
import { validationError } from "@/server/http/errors";
import { SafeGoldenCaseBody } from "./regex";
import { toCaseOut, toSetOuts } from "./dto";
import * as repo from "./repository";

const userId = (ctx: WorkspaceCtx) => (ctx.actor.type === "user" ? ctx.actor.id : null);

export function setNotFound(): AppError {
  return new AppError("not_found:golden_set", "No such golden set in this workspace. It may have been deleted.");
}

function nameTaken(name: string): AppError {
  return new AppError("conflict:set_name", `A golden set named “${name}” already exists. Choose another name.`, {
    details: { where: "body", issues: [{ path: "name", message: "A set with this name already exists" }] },
  });
}

const isUnique = (e: unknown) => (e as { code?: string }).code === "P2002";

/** The case body with the server-only checks (exponential regexes): a refusal is a 422 naming the field. */
async function parseCase(raw: unknown) {
  const r = await SafeGoldenCaseBody.safeParseAsync(raw);
  if (!r.success) throw validationError("body", r.error);
  return r.data;
}

export async function listSets(ctx: WorkspaceCtx): Promise<{ items: GoldenSetOut[] }> {
  requireRole(ctx, "editor", "see golden sets");
  return { items: await toSetOuts(ctx.db, await repo.listSets(ctx.db, ctx.workspaceId)) };
}

export async function loadSet(tx: Tx, workspaceId: string, id: string) {
  const s = await repo.findSet(tx, workspaceId, id);
  if (!s) throw setNotFound();
  return s;
}

export async function getSet(ctx: WorkspaceCtx, id: string): Promise<GoldenSetDetail> {
  requireRole(ctx, "editor", "see golden sets");
  const s = await loadSet(ctx.db, ctx.workspaceId, id);
  const [out] = await toSetOuts(ctx.db, [s]);
  const cases = await repo.listCases(ctx.db, s.id);
  return { ...out!, cases: cases.map(toCaseOut) };
}

/** Inside a transaction: creates the set (used by promotion for the "Regressions" set too). */
export async function insertSet(tx: Tx, ctx: WorkspaceCtx, raw: unknown): Promise<string> {
  const body = GoldenSetBody.parse(raw);
  let id: string;
  try {
    ({ id } = await repo.insertSet(tx, { workspaceId: ctx.workspaceId, ...body, createdById: userId(ctx) }));
  } catch (e) {
    if (isUnique(e)) throw nameTaken(body.name);
    throw e;
  }
  await audit(tx, ctx, {
    action: "golden_set.created",
    entityType: "golden_set",
    entityId: id,
    after: { name: body.name, passThreshold: body.passThreshold },
  });
  return id;
}

export async function createSet(ctx: WorkspaceCtx, raw: unknown): Promise<GoldenSetOut> {
  requireRole(ctx, "editor", "create golden sets");
  GoldenSetBody.parse(raw);
  const id = await ctx.db.$transaction((tx) => insertSet(tx, ctx, raw));
  const [out] = await toSetOuts(ctx.db, [await loadSet(ctx.db, ctx.workspaceId, id)]);
  return out!;
}

function staleSet(current: number | null): AppError {
  return new AppError(
    "conflict:stale",
    current === null
      ? "This golden set was deleted meanwhile."
      : `Someone changed this golden set while you were editing (now version ${current}). Reload to see their change, then edit again.`,
  );
}

export async function updateSet(ctx: WorkspaceCtx, id: string, raw: unknown): Promise<GoldenSetOut> {
  requireRole(ctx, "editor", "edit golden sets");
  const { version, ...patch } = GoldenSetPatch.parse(raw);
  const data = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  await ctx.db.$transaction(async (tx) => {
    const before = await loadSet(tx, ctx.workspaceId, id);
    let ok: boolean;
    try {
      ok = await repo.updateSetIfVersion(tx, ctx.workspaceId, id, version, data);
    } catch (e) {
      if (isUnique(e)) throw nameTaken(String(data.name));
      throw e;
    }
    if (!ok) throw staleSet(before.version);
    await audit(tx, ctx, {
      action: "golden_set.updated",
      entityType: "golden_set",
      entityId: id,
      before: Object.fromEntries(Object.keys(data).map((k) => [k, before[k as keyof typeof before]])),
      after: data,
    });
  });
  const [out] = await toSetOuts(ctx.db, [await loadSet(ctx.db, ctx.workspaceId, id)]);
  return out!;
}

export async function deleteSet(ctx: WorkspaceCtx, id: string): Promise<void> {
  requireRole(ctx, "editor", "delete golden sets");
  await ctx.db.$transaction(async (tx) => {
    const s = await loadSet(tx, ctx.workspaceId, id);
    await repo.deleteSet(tx, ctx.workspaceId, id);
    await audit(tx, ctx, {
      action: "golden_set.deleted",
      entityType: "golden_set",
      entityId: id,
      before: { name: s.name, cases: s._count.cases },
    });
  });
}

// ---- cases --------------------------------------------------------------------------------------

/** Inside a transaction: validates and stores a case (the route body, or a promotion's suggestion). */
export async function insertCase(
  tx: Tx,
  ctx: WorkspaceCtx,
  setId: string,
  raw: unknown,
  sourceDraftId: string | null = null,
): Promise<GoldenCaseOut> {
  const body = await parseCase(raw);
  await loadSet(tx, ctx.workspaceId, setId);
  const c = await repo.insertCase(tx, {
    workspaceId: ctx.workspaceId,
    setId,
    name: body.name,
    brief: body.brief,
    format: body.format,
    expectations: body.expectations as never,
    sourceDraftId,
    createdById: userId(ctx),
  });
  await audit(tx, ctx, {
    action: "golden_case.created",
    entityType: "golden_case",
    entityId: c.id,
    after: { setId, name: body.name, format: body.format, expectations: body.expectations.length, sourceDraftId },
  });
  return toCaseOut(c);
}

export async function addCase(ctx: WorkspaceCtx, setId: string, raw: unknown): Promise<GoldenCaseOut> {
  requireRole(ctx, "editor", "add golden cases");
  await parseCase(raw);
  return ctx.db.$transaction((tx) => insertCase(tx, ctx, setId, raw));
}

function caseNotFound(): AppError {
  return new AppError("not_found:golden_case", "No such golden case in this workspace. It may have been deleted.");
}

export async function updateCase(ctx: WorkspaceCtx, id: string, raw: unknown): Promise<GoldenCaseOut> {
  requireRole(ctx, "editor", "edit golden cases");
  const { version } = GoldenCaseUpdate.parse(raw);
  const body = await parseCase(raw);
  return ctx.db.$transaction(async (tx) => {
    const before = await repo.findCase(tx, ctx.workspaceId, id);
    if (!before) throw caseNotFound();
    const ok = await repo.updateCaseIfVersion(tx, ctx.workspaceId, id, version, {
      name: body.name,
      brief: body.brief,
      format: body.format,
      expectations: body.expectations as never,
    });
    if (!ok)
      throw new AppError(
        "conflict:stale",
        `Someone changed this case while you were editing (now version ${before.version}). Reload to see their change, then edit again.`,
      );
    await audit(tx, ctx, {
      action: "golden_case.updated",
      entityType: "golden_case",
      entityId: id,
      before: { name: before.name, format: before.format, version: before.version },
      after: { name: body.name, format: body.format, expectations: body.expectations.length },
    });
    const after = await repo.findCase(tx, ctx.workspaceId, id);
    return toCaseOut(after!);
  });
}

export async function deleteCase(ctx: WorkspaceCtx, id: string): Promise<void> {
  requireRole(ctx, "editor", "delete golden cases");
  await ctx.db.$transaction(async (tx) => {
    const c = await repo.findCase(tx, ctx.workspaceId, id);
    if (!c) throw caseNotFound();
    await repo.deleteCase(tx, ctx.workspaceId, id);
    await audit(tx, ctx, {
      action: "golden_case.deleted",
      entityType: "golden_case",
      entityId: id,
      before: { setId: c.setId, name: c.name },
    });
  });
}

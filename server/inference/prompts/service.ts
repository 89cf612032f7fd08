import { z } from "zod";
import type { Db } from "@/server/db/client";
import type { Tx, WorkspaceCtx } from "@/server/context";
import { AppError } from "@/lib/errors";
import { requireRole } from "@/server/auth/authorize";
import { audit } from "@/server/features/audit/service";
import { BUILTIN_PROMPTS, DEFAULT_LABELS, type PromptParams, type PromptVariable } from "./builtin";
import * as repo from "./repository";

export const PromptVariableSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  description: z.string().max(200),
  required: z.boolean(),
});
export const PromptParamsSchema = z.object({
  temperature: z.number().min(0).max(2).optional(),
  maxOutputTokens: z.number().int().min(1).max(32_000).optional(),
});

export type ResolvedPrompt = {
  id: string;
  key: string;
  version: number;
  label: string;
  system: string;
  template: string;
  variables: PromptVariable[];
  params: PromptParams;
};

function toResolved(
  v: {
    id: string;
    key: string;
    version: number;
    system: string;
    template: string;
    variables: unknown;
    params: unknown;
  },
  label: string,
): ResolvedPrompt {
  return {
    id: v.id,
    key: v.key,
    version: v.version,
    label,
    system: v.system,
    template: v.template,
    variables: z.array(PromptVariableSchema).parse(v.variables),
    params: PromptParamsSchema.parse(v.params),
  };
}

/** Creates version 1 of each built-in prompt, labelled production and staging, where a workspace has none. Idempotent. */
export async function ensureBuiltinPrompts(db: Db, workspaceId: string): Promise<void> {
  for (const p of BUILTIN_PROMPTS) {
    if ((await repo.countVersions(db, workspaceId, p.key)) > 0) continue;
    try {
      await db.$transaction(async (tx) => {
        const v = await repo.insertVersion(tx, {
          workspaceId,
          key: p.key,
          version: 1,
          system: p.system,
          template: p.template,
          variables: p.variables,
          params: p.params,
          note: p.note,
        });
        for (const label of DEFAULT_LABELS) await repo.upsertLabel(tx, workspaceId, p.key, label, v.id);
      });
    } catch (e) {
      // Two processes seeding at once: the unique (workspace, key, version) lets one win.
      if ((e as { code?: string }).code !== "P2002") throw e;
    }
  }
}

/** The version a label points at; the call records its id. */
export async function resolvePrompt(
  db: Db,
  workspaceId: string,
  key: string,
  label = "production",
): Promise<ResolvedPrompt> {
  let l = await repo.findLabel(db, workspaceId, key, label);
  if (!l && BUILTIN_PROMPTS.some((p) => p.key === key)) {
    await ensureBuiltinPrompts(db, workspaceId);
    l = await repo.findLabel(db, workspaceId, key, label);
  }
  if (!l)
    throw new AppError(
      "not_found:prompt",
      `No prompt ${key} with the label "${label}" in this workspace. Check the key, or move the label in Settings → Prompts.`,
    );
  return toResolved(l.version, label);
}

/** One exact version (eval runs pin the version they judge, whatever the labels do meanwhile). */
export async function resolvePromptVersion(
  db: Db,
  workspaceId: string,
  key: string,
  versionId: string,
): Promise<ResolvedPrompt> {
  const v = await repo.findVersion(db, workspaceId, versionId);
  if (!v || v.key !== key)
    throw new AppError("not_found:prompt_version", `Version ${versionId} of ${key} does not exist in this workspace.`);
  return toResolved(v, "");
}

/**
 * Runs inside the label move's transaction, before the move: may refuse it (throw) or return
 * facts for the audit entry (the eval gate's verdict, an override's reason).
 */
export type LabelMoveCheck = (
  tx: Tx,
  move: {
    workspaceId: string;
    key: string;
    label: string;
    to: { id: string; version: number };
    from: { id: string; version: number } | null;
  },
) => Promise<Record<string, unknown> | void>;

export const CreateVersionBody = z.object({
  system: z.string().min(1).max(20_000),
  template: z.string().min(1).max(50_000),
  variables: z.array(PromptVariableSchema).max(30),
  params: PromptParamsSchema,
  note: z.string().max(500).optional(),
});
export type CreateVersionBody = z.infer<typeof CreateVersionBody>;

/** Versions are immutable: an edit is a new version. It gets no label until an admin moves one to it. */
export async function createPromptVersion(ctx: WorkspaceCtx, key: string, body: CreateVersionBody) {
  requireRole(ctx, "admin", "edit prompts");
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.$transaction(async (tx) => {
        const latest = await repo.latestVersion(tx, ctx.workspaceId, key);
        const v = await repo.insertVersion(tx, {
          workspaceId: ctx.workspaceId,
          key,
          version: (latest?.version ?? 0) + 1,
          ...body,
          createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
        });
        await audit(tx, ctx, {
          action: "prompt.version_created",
          entityType: "prompt_version",
          entityId: v.id,
          after: { key, version: v.version },
        });
        return { id: v.id, key, version: v.version };
      });
    } catch (e) {
      // Someone else took this version number at the same moment: take the next one.
      if ((e as { code?: string }).code === "P2002" && attempt < 3) continue;
      throw e;
    }
  }
}

/** Moving a label is how a version ships, and how it is rolled back. */
export async function movePromptLabel(
  ctx: WorkspaceCtx,
  key: string,
  label: string,
  versionId: string,
  check?: LabelMoveCheck,
) {
  requireRole(ctx, "admin", "move prompt labels");
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(label))
    throw new AppError("validation:label", "Labels are lower-case letters, digits, - and _ (up to 40).");
  await ctx.db.$transaction(async (tx) => {
    const v = await repo.findVersion(tx, ctx.workspaceId, versionId);
    if (!v || v.key !== key)
      throw new AppError("not_found:prompt_version", `Version ${versionId} of ${key} does not exist.`);
    const before = await repo.findLabel(tx, ctx.workspaceId, key, label);
    const from = before ? { id: before.version.id, version: before.version.version } : null;
    const facts =
      (await check?.(tx, { workspaceId: ctx.workspaceId, key, label, to: { id: v.id, version: v.version }, from })) ??
      {};
    await repo.upsertLabel(tx, ctx.workspaceId, key, label, v.id);
    await audit(tx, ctx, {
      action: "prompt.label_moved",
      entityType: "prompt_label",
      entityId: `${key}:${label}`,
      before: from ? { version: from.version } : null,
      after: { version: v.version, ...facts },
    });
  });
}

export async function listPromptVersions(ctx: WorkspaceCtx) {
  await ensureBuiltinPrompts(ctx.db, ctx.workspaceId);
  const rows = await repo.listVersions(ctx.db, ctx.workspaceId);
  return rows.map((v) => ({
    ...toResolved(v, ""),
    labels: v.labels.map((l) => l.label).sort(),
    note: v.note,
    createdAt: v.createdAt.toISOString(),
  }));
}

/**
 * Imported Vale styles: a workspace's third-party rule sets (Microsoft, Google, a team's own),
 * stored as their YAML files and run alongside the Brand style on every check.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import {
  StylePatchBody,
  type ImportedStyleList,
  type ImportedStyleOut,
  type Level,
  type StyleImportResult,
} from "@/lib/schemas/brand";
import type { WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { audit } from "@/server/features/audit/service";
import { loadStyles } from "../engine";
import { describe, parseStyleZip } from "./zip";

/** An enabled imported style, as the governor runs it. */
export type ActiveStyle = { name: string; files: Record<string, string>; vocab: string[] };

const Files = z.record(z.string(), z.string());

function hashFiles(files: Record<string, string>): string {
  const h = createHash("sha256");
  for (const k of Object.keys(files).sort()) h.update(k).update("\0").update(files[k]!).update("\0");
  return h.digest("hex");
}

function vocabOf(files: Record<string, string>): string[] {
  return [
    ...new Set(
      Object.keys(files)
        .filter((k) => k.startsWith("config/vocabularies/"))
        .map((k) => k.split("/")[2]!),
    ),
  ];
}

export async function activeStyles(ctx: Pick<WorkspaceCtx, "db" | "workspaceId">): Promise<ActiveStyle[]> {
  const rows = await ctx.db.governorStyle.findMany({
    where: { workspaceId: ctx.workspaceId, enabled: true },
    orderBy: { name: "asc" },
    select: { name: true, files: true },
  });
  return rows.map((r) => {
    const files = Files.parse(r.files);
    return { name: r.name, files, vocab: vocabOf(files) };
  });
}

type Row = {
  id: string;
  name: string;
  enabled: boolean;
  ruleCount: number;
  files: unknown;
  createdAt: Date;
  updatedAt: Date;
  createdByLabel: string | null;
};

function toOut(r: Row): ImportedStyleOut {
  const files = Files.parse(r.files);
  const loaded = loadStyles(files);
  return {
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    ruleCount: r.ruleCount,
    rules: loaded.rules
      .map((x) => ({ check: x.name, kind: x.kind, level: x.level as Level, message: x.message }))
      .sort((a, b) => a.check.localeCompare(b.check)),
    vocab: vocabOf(files),
    importedAt: r.updatedAt.toISOString(),
    importedBy: r.createdByLabel,
  };
}

export async function listStyles(ctx: WorkspaceCtx): Promise<ImportedStyleList> {
  const rows = await ctx.db.governorStyle.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: { name: "asc" },
  });
  return { items: rows.map(toOut) };
}

/**
 * Imports every style in a zip. A style already in the workspace under the same name is replaced
 * (same files: unchanged); all styles of one zip land in one transaction, with an audit event each.
 */
export async function importStyleZip(
  ctx: WorkspaceCtx,
  file: { name: string; bytes: Uint8Array },
): Promise<StyleImportResult> {
  requireRole(ctx, "admin", "import Vale styles");
  const parsed = parseStyleZip(file.bytes, file.name);
  const outcomes: StyleImportResult["styles"] = [];
  await ctx.db.$transaction(async (tx) => {
    for (const s of parsed.styles) {
      const contentHash = hashFiles(s.files);
      const existing = await tx.governorStyle.findUnique({
        where: { workspaceId_name: { workspaceId: ctx.workspaceId, name: s.name } },
        select: { id: true, contentHash: true },
      });
      if (existing?.contentHash === contentHash) {
        outcomes.push({ name: s.name, rules: s.rules.length, outcome: "unchanged" });
        continue;
      }
      const by = { createdById: ctx.actor.type === "user" ? ctx.actor.id : null, createdByLabel: ctx.actor.label };
      const row = existing
        ? await tx.governorStyle.update({
            where: { id: existing.id },
            data: { files: s.files, ruleCount: s.rules.length, contentHash, ...by },
          })
        : await tx.governorStyle.create({
            data: {
              workspaceId: ctx.workspaceId,
              name: s.name,
              files: s.files,
              ruleCount: s.rules.length,
              contentHash,
              ...by,
            },
          });
      await audit(tx, ctx, {
        action: existing ? "brand.style.replaced" : "brand.style.imported",
        entityType: "governor_style",
        entityId: row.id,
        after: { name: s.name, rules: s.rules.length, file: file.name.slice(0, 200) },
      });
      outcomes.push({ name: s.name, rules: s.rules.length, outcome: existing ? "updated" : "created" });
    }
  });
  return { styles: outcomes, problems: parsed.problems.map(describe) };
}

async function findStyle(ctx: WorkspaceCtx, id: string) {
  const row = await ctx.db.governorStyle.findFirst({ where: { id, workspaceId: ctx.workspaceId } });
  if (!row)
    throw new AppError("not_found:style", "That style does not exist in this workspace (it may have been removed).");
  return row;
}

export async function setStyleEnabled(ctx: WorkspaceCtx, id: string, raw: unknown): Promise<ImportedStyleOut> {
  requireRole(ctx, "admin", "turn imported styles on or off");
  const { enabled } = StylePatchBody.parse(raw);
  const row = await findStyle(ctx, id);
  if (row.enabled === enabled) return toOut(row);
  const updated = await ctx.db.$transaction(async (tx) => {
    const u = await tx.governorStyle.update({ where: { id }, data: { enabled } });
    await audit(tx, ctx, {
      action: enabled ? "brand.style.enabled" : "brand.style.disabled",
      entityType: "governor_style",
      entityId: id,
      before: { enabled: row.enabled },
      after: { name: row.name, enabled },
    });
    return u;
  });
  return toOut(updated);
}

export async function removeStyle(ctx: WorkspaceCtx, id: string): Promise<void> {
  requireRole(ctx, "admin", "remove imported styles");
  const row = await findStyle(ctx, id);
  await ctx.db.$transaction(async (tx) => {
    await tx.governorStyle.delete({ where: { id } });
    await audit(tx, ctx, {
      action: "brand.style.removed",
      entityType: "governor_style",
      entityId: id,
      before: { name: row.name, rules: row.ruleCount },
    });
  });
}

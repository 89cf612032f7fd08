/** The workspace details generated copy needs: postal address, sender, public site. */
import { GenerationSettingsBody, type GenerationSettingsOut } from "@/lib/schemas/drafts";
import type { WorkspaceCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { requireRole } from "@/server/auth/authorize";
import { audit } from "@/server/features/audit/service";

export async function generationSettings(db: Db, workspaceId: string): Promise<GenerationSettingsOut> {
  const row = await db.generationSettings.findUnique({ where: { workspaceId } });
  return {
    postalAddress: row?.postalAddress ?? null,
    senderName: row?.senderName ?? null,
    siteUrl: row?.siteUrl ?? null,
  };
}

export async function saveGenerationSettings(ctx: WorkspaceCtx, raw: unknown): Promise<GenerationSettingsOut> {
  requireRole(ctx, "admin", "change the sender details");
  const body = GenerationSettingsBody.parse(raw);
  await ctx.db.$transaction(async (tx) => {
    await tx.generationSettings.upsert({
      where: { workspaceId: ctx.workspaceId },
      create: { workspaceId: ctx.workspaceId, ...body },
      update: body,
    });
    await audit(tx, ctx, {
      action: "generation.settings.saved",
      entityType: "generation_settings",
      entityId: ctx.workspaceId,
      after: body,
    });
  });
  return generationSettings(ctx.db, ctx.workspaceId);
}

import type { Db } from "@/server/db/client";
import { AppError } from "@/lib/errors";
import { Email, Password } from "@/lib/schemas/auth";
import { hashPassword } from "@/server/auth/password";
import { audit } from "@/server/features/audit/service";
import { ensureBuiltinPrompts } from "@/server/inference/prompts/service";
import { z } from "zod";

export const CreateWorkspaceInput = z.object({
  name: z.string().trim().min(1).max(120),
  slug: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and dashes"),
  adminEmail: Email,
  adminName: z.string().trim().min(1).max(120),
  adminPassword: Password,
});
export type CreateWorkspaceInput = z.input<typeof CreateWorkspaceInput>;

/** Creates a workspace with its first admin (used by `lectern workspace create` on real installs). */
export async function createWorkspaceWithAdmin(db: Db, input: CreateWorkspaceInput) {
  const v = CreateWorkspaceInput.parse(input);
  const passwordHash = await hashPassword(v.adminPassword);
  const r = await db.$transaction(async (tx) => {
    if (await tx.workspace.findUnique({ where: { slug: v.slug } }))
      throw new AppError("conflict:workspace_slug", `A workspace with the slug "${v.slug}" already exists.`);
    const ws = await tx.workspace.create({ data: { name: v.name, slug: v.slug } });
    const existing = await tx.user.findUnique({ where: { email: v.adminEmail } });
    const user = existing ?? (await tx.user.create({ data: { email: v.adminEmail, name: v.adminName, passwordHash } }));
    await tx.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "admin" } });
    await audit(
      tx,
      { workspaceId: ws.id, actor: { type: "system", label: "cli" }, requestId: "cli" },
      {
        action: "workspace.created",
        entityType: "workspace",
        entityId: ws.id,
        after: { name: ws.name, admin: user.email },
      },
    );
    return { workspaceId: ws.id, userId: user.id, email: user.email, existingUser: Boolean(existing) };
  });
  await ensureBuiltinPrompts(db, r.workspaceId);
  return r;
}

import type { Db } from "@/server/db/client";
import type { Role } from "@/lib/schemas/roles";
import { hashPassword } from "@/server/auth/password";
import { audit } from "@/server/features/audit/service";
import { ensureBuiltinPrompts } from "@/server/inference/prompts/service";
import { BrandVoice, GovernorPolicy } from "@/lib/schemas/brand";
import { NORTHWIND_BRAND_VOICE } from "./brand-voice";
import { ensureDemoGenerationSetup } from "./generation-seed";

/** The demo's brand voice, as version 1, unless the workspace already has one. */
async function ensureDemoBrandVoice(db: Db, workspaceId: string): Promise<void> {
  if (await db.brandVoiceVersion.findFirst({ where: { workspaceId }, select: { id: true } })) return;
  await db.brandVoiceVersion.create({
    data: {
      workspaceId,
      version: 1,
      voice: BrandVoice.parse(NORTHWIND_BRAND_VOICE),
      policy: GovernorPolicy.parse({ autoApproveMinScore: 90, maxReviseRounds: 2 }),
      note: "From the Northwind brand book (demo seed)",
      createdByLabel: "seed",
    },
  });
}

/**
 * The demo workspace a newcomer lands in. Passwords are public on purpose:
 * the login page shows them in demo mode (LECTERN_DEMO=true) only, and the
 * seed does nothing when demo mode is off.
 */
export const DEMO_WORKSPACE = { slug: "northwind-outdoor", name: "Northwind Outdoor" };
export const DEMO_SANDBOX = { slug: "northwind-sandbox", name: "Northwind Sandbox" };

export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@northwind.test", name: "Ada Admin", role: "admin", password: "northwind-admin-demo" },
  { email: "editor@northwind.test", name: "Eddie Editor", role: "editor", password: "northwind-editor-demo" },
  { email: "marketer@northwind.test", name: "Mia Marketer", role: "marketer", password: "northwind-marketer-demo" },
];

export type SeedResult = { created: boolean; workspaceId: string };

/** Idempotent: creates what is missing, never overwrites what people changed. */
export async function seedDemo(db: Db): Promise<SeedResult> {
  const existing = await db.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug } });
  if (existing) {
    // Later releases add built-in data to workspaces that already exist.
    await ensureBuiltinPrompts(db, existing.id);
    await ensureDemoBrandVoice(db, existing.id);
    await ensureDemoGenerationSetup(db, existing.id);
    return { created: false, workspaceId: existing.id };
  }
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  return db
    .$transaction(async (tx) => {
      const ws = await tx.workspace.create({ data: DEMO_WORKSPACE });
      const sandbox = await tx.workspace.upsert({
        where: { slug: DEMO_SANDBOX.slug },
        create: DEMO_SANDBOX,
        update: {},
      });
      for (const [i, u] of DEMO_USERS.entries()) {
        const user = await tx.user.upsert({
          where: { email: u.email },
          create: { email: u.email, name: u.name, passwordHash: hashes[i]! },
          update: {},
        });
        await tx.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: u.role } });
        // The admin also belongs to a sandbox, so the workspace switcher has somewhere to go.
        if (u.role === "admin")
          await tx.membership.upsert({
            where: { workspaceId_userId: { workspaceId: sandbox.id, userId: user.id } },
            create: { workspaceId: sandbox.id, userId: user.id, role: "admin" },
            update: {},
          });
      }
      await audit(
        tx,
        { workspaceId: ws.id, actor: { type: "system", label: "seed" }, requestId: "seed" },
        {
          action: "workspace.seeded",
          entityType: "workspace",
          entityId: ws.id,
          after: { name: ws.name, users: DEMO_USERS.map((u) => ({ email: u.email, role: u.role })) },
        },
      );
      return { created: true, workspaceId: ws.id };
    })
    .then(async (r) => {
      await ensureBuiltinPrompts(db, r.workspaceId);
      await ensureDemoBrandVoice(db, r.workspaceId);
      await ensureDemoGenerationSetup(db, r.workspaceId);
      return r;
    });
}

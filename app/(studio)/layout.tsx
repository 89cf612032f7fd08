import { StudioShell } from "@/components/shell/studio-shell";
import { requirePageAccess } from "@/server/auth/context";
import { env } from "@/server/env";
import { draftEngineLabel } from "@/server/inference";

export const dynamic = "force-dynamic";

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const s = await requirePageAccess();
  return (
    <StudioShell
      user={s.user}
      workspaces={s.workspaces}
      activeWorkspaceId={s.active.id}
      role={s.active.role}
      demoMode={env().demoMode}
      engineLabel={await draftEngineLabel(s.active.id)}
    >
      {children}
    </StudioShell>
  );
}

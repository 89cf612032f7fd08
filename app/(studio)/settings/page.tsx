import { MembersPanel } from "@/components/settings/members-panel";
import { requirePageAccess } from "@/server/auth/context";

export const metadata = { title: "Members · Settings · Lectern" };

export default async function MembersSettingsPage() {
  const s = await requirePageAccess("admin");
  return <MembersPanel currentUserId={s.user.id} />;
}

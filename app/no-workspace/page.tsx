import { Users } from "lucide-react";
import { redirect } from "next/navigation";
import { StatusPage } from "@/components/shell/status-page";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getSessionContext } from "@/server/auth/context";

export const metadata = { title: "No workspace · Lectern" };

export default async function NoWorkspacePage() {
  const s = await getSessionContext();
  if (!s) redirect("/login");
  if (s.active) redirect("/drafts");
  return (
    <StatusPage
      code="No workspace"
      icon={Users}
      title="You are not in any workspace yet"
      description={`You are signed in as ${s.user.email}, but no workspace has you as a member. Ask a workspace admin to invite you, then open the invitation link.`}
      actions={<SignOutButton />}
    />
  );
}

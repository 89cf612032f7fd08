import Link from "next/link";
import { MailX } from "lucide-react";
import { StatusPage } from "@/components/shell/status-page";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitationForm, JoinWorkspaceButton } from "@/components/auth/accept-invitation";
import { buttonVariants } from "@/components/ui/button";
import { isAppError } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/schemas/roles";
import { getSessionContext } from "@/server/auth/context";
import { db } from "@/server/db";
import { describeInvitation } from "@/server/features/members/service";

export const metadata = { title: "Invitation · Lectern" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  let invitation;
  try {
    invitation = await describeInvitation(db(), token);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return (
      <StatusPage
        code="Invitation"
        icon={MailX}
        title="This invitation cannot be used"
        description={e.message}
        actions={
          <Link className={buttonVariants({ variant: "secondary" })} href="/login">
            Go to sign in
          </Link>
        }
      />
    );
  }
  const session = await getSessionContext();
  const signedInAsInvitee = session?.user.email === invitation.email;
  return (
    <AuthCard
      title={`Join ${invitation.workspaceName}`}
      subtitle={
        <>
          You were invited as <strong className="text-foreground">{ROLE_LABELS[invitation.role].toLowerCase()}</strong>{" "}
          with <strong className="text-foreground">{invitation.email}</strong>.
        </>
      }
    >
      {!invitation.hasAccount ? (
        <AcceptInvitationForm token={token} email={invitation.email} />
      ) : signedInAsInvitee ? (
        <JoinWorkspaceButton token={token} workspaceName={invitation.workspaceName} />
      ) : (
        <div className="space-y-4 text-sm">
          <p>An account for {invitation.email} already exists. Sign in with it, and you will come back here to join.</p>
          <Link
            className={buttonVariants({ className: "w-full" })}
            href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
          >
            Sign in to accept
          </Link>
        </div>
      )}
    </AuthCard>
  );
}

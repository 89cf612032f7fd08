import { Lock } from "lucide-react";
import Link from "next/link";

import { StatusPage } from "@/components/shell/status-page";
import { buttonVariants } from "@/components/ui/button";

/** The 403 message; `standalone` when rendered outside the studio shell. */
export function ForbiddenPage({ standalone }: { standalone: boolean }) {
  return (
    <StatusPage
      code="403"
      icon={Lock}
      standalone={standalone}
      title="You don't have access to this page"
      description={
        <>
          <p>
            This page needs a different role in the current workspace. Your role lets you work in other parts of the
            studio.
          </p>
          <p className="mt-2">
            If you need access, ask a workspace admin to change your role, or switch to a workspace where you have it.
          </p>
        </>
      }
      actions={
        <Link href="/drafts" className={buttonVariants({ variant: "primary" })}>
          Back to Drafts
        </Link>
      }
    />
  );
}

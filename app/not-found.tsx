import { Compass } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { StatusPage } from "@/components/shell/status-page";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found · Lectern" };

/** 404 UI for `notFound()` and for any URL that matches no route. */
export default function NotFound() {
  return (
    <StatusPage
      code="404"
      icon={Compass}
      title="We couldn't find that page"
      description="The link may be out of date, or the page may have moved. Check the address, or go back to your drafts."
      actions={
        <Link href="/drafts" className={buttonVariants({ variant: "primary" })}>
          Go to Drafts
        </Link>
      }
    />
  );
}

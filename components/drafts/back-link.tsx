import { ArrowLeft } from "lucide-react";
import Link from "next/link";

/** "← Drafts", above a draft page's title. */
export function BackLink() {
  return (
    <Link href="/drafts" className="hover:text-foreground inline-flex items-center gap-1 hover:underline">
      <ArrowLeft aria-hidden="true" className="size-3.5" />
      Drafts
    </Link>
  );
}

import { ArrowLeft } from "lucide-react";
import Link from "next/link";

/** "← Drafts" (or another section), above a page's title. */
export function BackLink({ href = "/drafts", label = "Drafts" }: { href?: string; label?: string }) {
  return (
    <Link href={href} className="hover:text-foreground inline-flex items-center gap-1 hover:underline">
      <ArrowLeft aria-hidden="true" className="size-3.5" />
      {label}
    </Link>
  );
}

import type { Metadata } from "next";

import { DraftView } from "@/components/drafts/draft-view";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Draft · Drafts · Lectern" };

export default async function DraftPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess();
  const { id } = await params;
  return <DraftView key={id} id={id} />;
}

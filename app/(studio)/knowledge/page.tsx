import type { Metadata } from "next";

import { KnowledgeStudio } from "@/components/knowledge/knowledge-studio";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Knowledge · Lectern" };

export default async function KnowledgePage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  const s = await requirePageAccess();
  const { tab } = await searchParams;
  return <KnowledgeStudio role={s.active.role} initialTab={typeof tab === "string" ? tab : undefined} />;
}

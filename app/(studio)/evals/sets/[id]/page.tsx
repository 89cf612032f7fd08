import type { Metadata } from "next";

import { SetDetail } from "@/components/evals/set-detail";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Golden set · Evals · Lectern" };

export default async function GoldenSetPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess("editor");
  const { id } = await params;
  return <SetDetail key={id} id={id} />;
}

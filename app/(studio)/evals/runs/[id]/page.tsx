import type { Metadata } from "next";

import { RunDetail } from "@/components/evals/run-detail";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Eval run · Evals · Lectern" };

export default async function EvalRunPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageAccess("editor");
  const { id } = await params;
  return <RunDetail key={id} id={id} />;
}

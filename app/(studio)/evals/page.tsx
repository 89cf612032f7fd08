import type { Metadata } from "next";

import { SetsView } from "@/components/evals/sets-view";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Evals · Lectern" };

/** Golden sets and their runs. Editors and admins; marketers get the studio's 403 page. */
export default async function EvalsPage() {
  await requirePageAccess("editor");
  return <SetsView />;
}

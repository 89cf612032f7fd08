import type { Metadata } from "next";

import { CompareView } from "@/components/evals/compare-view";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Compare runs · Evals · Lectern" };

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 64 ? v : null);

export default async function CompareRunsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageAccess("editor");
  const sp = await searchParams;
  const base = one(sp.base);
  const head = one(sp.head);
  return <CompareView key={`${base}:${head}`} base={base} head={head} />;
}

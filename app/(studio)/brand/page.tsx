import type { Metadata } from "next";

import { BrandStudio } from "@/components/brand/brand-studio";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Brand · Lectern" };

export default async function BrandPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  const s = await requirePageAccess();
  const { tab } = await searchParams;
  return <BrandStudio role={s.active.role} initialTab={typeof tab === "string" ? tab : undefined} />;
}

import type { Metadata } from "next";

import { SeoStudio } from "@/components/seo/seo-studio";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "SEO · Lectern" };

export default async function SeoPage({
  searchParams,
}: {
  searchParams: Promise<{ batch?: string | string[]; tab?: string | string[] }>;
}) {
  await requirePageAccess();
  const { batch, tab } = await searchParams;
  return (
    <SeoStudio
      initialBatch={typeof batch === "string" && batch ? batch.slice(0, 100) : null}
      initialTab={typeof tab === "string" ? tab : undefined}
    />
  );
}

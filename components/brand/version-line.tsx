import { LocalDate } from "@/components/knowledge/local-date";
import type { BrandVoiceOut } from "@/lib/schemas/brand";

/** "Version 3 · saved by Ada · 2 Mar 2026", or that the defaults are in use. */
export function VersionLine({ brand }: { brand: BrandVoiceOut }) {
  if (brand.version === 0) return <span data-testid="brand-version-line">Not saved yet — Lectern&apos;s defaults</span>;
  return (
    <span data-testid="brand-version-line">
      Version {brand.version}
      {brand.updatedBy ? ` · saved by ${brand.updatedBy}` : ""}
      {brand.updatedAt ? (
        <>
          {" · "}
          <LocalDate value={brand.updatedAt} />
        </>
      ) : null}
    </span>
  );
}

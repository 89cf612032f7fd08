import { describe, expect, it } from "vitest";
import { DRAFT_FORMATS, type DraftContent } from "@/lib/schemas/drafts";
import { CONTENT_FIELD_PATTERNS, fieldExists } from "@/lib/schemas/evals";
import { contentFields } from "@/server/features/generation/channels";
import { EMAIL, META, RSA, SEO } from "./test-helpers";

// Content with every optional text filled, so fields() lists every kind of path.
const FULL: Record<(typeof DRAFT_FORMATS)[number], DraftContent> = {
  google_rsa: { ...RSA, path2: "sale" } as DraftContent,
  meta_ad: META,
  email: EMAIL,
  seo_page: SEO,
};

describe("CONTENT_FIELD_PATTERNS", () => {
  it.each(DRAFT_FORMATS)("matches the channel module's fields() for %s", (format) => {
    const paths = contentFields(FULL[format]).map((f) => f.path);
    const patterns = [...new Set(paths.map((p) => p.replace(/\[\d+\]/g, "[*]")))];
    expect([...patterns].sort()).toEqual([...CONTENT_FIELD_PATTERNS[format]].sort());
    for (const p of paths) expect(fieldExists(format, p), p).toBe(true);
  });
});

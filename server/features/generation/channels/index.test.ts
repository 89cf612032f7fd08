import { describe, expect, it } from "vitest";
import type { DraftContent } from "@/lib/schemas/drafts";
import { contentFields, contentTitle, validateContent, withContentFields } from "./index";
import { CTX } from "./test-helpers";

const meta: DraftContent = {
  format: "meta_ad",
  variants: [{ primaryText: "Dry feet on every trail.", headline: "Waterproof boots", description: "Free delivery" }],
  finalUrl: "",
};

describe("dispatch on stored content", () => {
  it("routes validate, fields, withFields and title by the content's format", async () => {
    expect(validateContent(meta, CTX).map((i) => i.code)).toEqual(["final_url_missing"]);
    expect(contentFields(meta).map((f) => f.path)).toEqual([
      "variants[0].primaryText",
      "variants[0].headline",
      "variants[0].description",
    ]);
    expect(contentTitle(meta)).toBe("Waterproof boots");
    const next = await withContentFields(meta, ["A", "B", "C"], CTX);
    expect(next).toEqual({ ...meta, variants: [{ primaryText: "A", headline: "B", description: "C" }] });
  });
});

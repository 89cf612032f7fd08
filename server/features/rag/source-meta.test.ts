import { describe, expect, it } from "vitest";
import { readSourceMeta } from "./source-meta";

describe("readSourceMeta", () => {
  it("reads tags and the effective date from Markdown front matter", () => {
    const md = "---\ntitle: Boot\ntags: [Product, footwear, 'hiking']\neffective: 2026-02-01\n---\n# Boot\n";
    expect(readSourceMeta(md, "markdown")).toEqual({
      tags: ["product", "footwear", "hiking"],
      effectiveDate: "2026-02-01",
    });
  });

  it("ignores front matter that is not at the start, and invalid dates", () => {
    expect(readSourceMeta("# Boot\n---\ntags: [a]\n---\n", "markdown")).toEqual({ tags: [], effectiveDate: null });
    expect(readSourceMeta("---\neffective: 2026-13-45\n---\n", "markdown").effectiveDate).toBeNull();
  });

  it("reads keywords and effective from HTML meta tags", () => {
    const html =
      '<html><head><meta name="keywords" content="tent, Camping" /><meta name="effective" content="2026-03-01"></head>';
    expect(readSourceMeta(html, "html")).toEqual({ tags: ["tent", "camping"], effectiveDate: "2026-03-01" });
  });

  it("drops the whole tag list when one tag is not acceptable rather than guessing", () => {
    expect(readSourceMeta("---\ntags: [ok, <script>]\n---\n", "markdown").tags).toEqual([]);
  });

  it("plain text carries no metadata", () => {
    expect(readSourceMeta("tags: [a]\neffective: 2026-01-01", "text")).toEqual({ tags: [], effectiveDate: null });
  });
});

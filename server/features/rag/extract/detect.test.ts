import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect";

describe("detectFormat", () => {
  it.each([
    ["notes.md", "markdown"],
    ["NOTES.MARKDOWN", "markdown"],
    ["faq.txt", "text"],
    ["faq.text", "text"],
    ["page.html", "html"],
    ["page.HTM", "html"],
    ["brochure.pdf", "pdf"],
    ["folder/sub/report.final.pdf", "pdf"],
    ["C:\\Users\\me\\policy.md", "markdown"],
  ] as const)("reads %s by its extension", (name, format) => {
    expect(detectFormat(name)).toBe(format);
  });

  it("prefers the extension over the browser's MIME guess", () => {
    expect(detectFormat("notes.md", "application/octet-stream")).toBe("markdown");
    expect(detectFormat("notes.md", "text/plain")).toBe("markdown");
    expect(detectFormat("page.html", "text/plain")).toBe("html");
  });

  it("falls back to the MIME type (parameters and case ignored) when the extension is unknown", () => {
    expect(detectFormat("README", "text/plain; charset=utf-8")).toBe("text");
    expect(detectFormat("notes.mkd", "Text/Markdown")).toBe("markdown");
    expect(detectFormat("download", "application/pdf")).toBe("pdf");
    expect(detectFormat(".md", "text/html")).toBe("html");
  });

  it("returns null for what it cannot read", () => {
    expect(detectFormat("brief.docx")).toBeNull();
    expect(
      detectFormat("brief.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ).toBeNull();
    expect(detectFormat("component.mdx")).toBeNull();
    expect(detectFormat("README")).toBeNull();
    expect(detectFormat("README", null)).toBeNull();
    expect(detectFormat("x.constructor")).toBeNull();
    expect(detectFormat("x.toString", "constructor")).toBeNull();
  });
});

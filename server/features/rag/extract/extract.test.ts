import { describe, expect, it } from "vitest";
import { chunkDocument } from "../chunking";
import { ExtractError, extractDocument, extractText, type ExtractErrorCode, type ExtractInput } from "./index";
import { textPdf } from "./test-pdfs";

const MB = 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);
const upload = (filename: string, bytes: Uint8Array, extra: Partial<ExtractInput> = {}) =>
  extractDocument({ bytes, filename, maxBytes: 10 * MB, ...extra });

async function failure(promise: Promise<unknown>): Promise<ExtractError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ExtractError) return e;
    throw e;
  }
  throw new Error("expected an ExtractError");
}

async function codeOf(promise: Promise<unknown>): Promise<ExtractErrorCode> {
  return (await failure(promise)).code;
}

describe("extractDocument: Markdown and text", () => {
  const MARKDOWN = "---\ntitle: Spring Sale\ntags: [shoes]\n---\n# Shoes\n\nAll shoes are 20% off.\n";

  it("keeps the file's text as-is (front matter included) and takes the front matter title", async () => {
    const result = await upload("sale.md", utf8(MARKDOWN));
    expect(result).toEqual({
      sourceFormat: "markdown",
      textFormat: "markdown",
      text: MARKDOWN,
      title: "Spring Sale",
      warnings: [],
    });
  });

  it("relies on the chunker to skip the front matter, so offsets stay those of the file", async () => {
    const { text, textFormat } = await upload("sale.md", utf8(MARKDOWN));
    const chunks = chunkDocument(text, { format: textFormat });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.text).not.toContain("tags");
    expect(text.slice(chunks[0]!.start, chunks[0]!.end)).toBe("# Shoes\n\nAll shoes are 20% off.");
  });

  it("drops a UTF-8 BOM from the stored text", async () => {
    const result = await upload("a.md", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("# Hello\n\nWorld")]));
    expect(result.text).toBe("# Hello\n\nWorld");
    expect(result.title).toBe("Hello");
  });

  it("decodes a UTF-16 LE text file with a BOM", async () => {
    const text = "Öffnungszeiten\r\nMo–Fr 9–18 Uhr";
    const bytes = new Uint8Array(2 + text.length * 2);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0xfeff, true);
    for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), true);
    expect(await upload("hours.txt", bytes)).toEqual({
      sourceFormat: "text",
      textFormat: "text",
      text,
      title: null,
      warnings: [],
    });
  });

  it("uses the MIME type for a name without a known extension", async () => {
    const result = await upload("README", utf8("Plain words."), { mimeType: "text/plain" });
    expect(result.sourceFormat).toBe("text");
    expect(result.text).toBe("Plain words.");
  });

  it("rejects binary bytes in a .txt file", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xff, 0xd8]);
    const error = await failure(upload("notes.txt", zip));
    expect(error.code).toBe("binary_content");
    expect(error.message).toContain('"notes.txt"');
  });

  it.each([
    ["an empty file", "empty.txt", ""],
    ["whitespace only", "blank.md", " \n\t\r\n  "],
    ["front matter only", "meta.md", "---\ntitle: Nothing else\n---\n"],
    ["a rule and a comment", "rule.md", "---\n\n<!-- todo -->\n"],
    ["punctuation only", "dots.txt", "... --- !!!"],
  ])("rejects %s as empty", async (_, name, content) => {
    const error = await failure(upload(name, utf8(content)));
    expect(error.code).toBe("empty");
    expect(error.message).toMatch(/No text was found/);
  });
});

describe("extractDocument: HTML", () => {
  const PAGE = `<html><head><title>Care guide</title><script>track()</script></head><body>
    <h1>Leather care</h1><p onclick="x()">Use a <a href="javascript:alert(1)">soft cloth</a>.</p>
    <script>alert(1)</script><ul><li>Clean</li><li>Condition</li></ul>
    <table><tr><th>Step</th><th>Time</th></tr><tr><td>Dry</td><td>24 h</td></tr></table></body></html>`;

  it("stores sanitised HTML, the <title>, and removal warnings", async () => {
    const result = await upload("care.html", utf8(PAGE));
    expect(result.sourceFormat).toBe("html");
    expect(result.textFormat).toBe("html");
    expect(result.title).toBe("Care guide");
    expect(result.text).not.toMatch(/script|alert|onclick|javascript|track/);
    expect(result.text).toContain("<h1>Leather care</h1>");
    expect(result.text).toContain("<ul><li>Clean</li><li>Condition</li></ul>");
    expect(result.text).toContain("<th>Step</th>");
    expect(result.warnings).toEqual([
      "Removed 2 <script> elements",
      "Removed 1 event-handler attribute (onclick and similar)",
      "Removed 1 unsafe link target (javascript: and similar)",
    ]);
  });

  it("produces HTML the chunker reads as structure", async () => {
    const { text, textFormat } = await upload("care.html", utf8(PAGE));
    const chunk = chunkDocument(text, { format: textFormat })[0]!;
    expect(chunk.headingPath).toEqual(["Leather care"]);
    expect(chunk.text).toContain("- Clean\n- Condition");
    expect(chunk.text).toContain("Dry | 24 h");
  });

  it("rejects a page whose only content was script", async () => {
    expect(await codeOf(upload("x.htm", utf8("<html><body><script>document.write('hi')</script></body></html>")))).toBe(
      "empty",
    );
  });
});

describe("extractDocument: PDF", () => {
  it("returns page text as format text with the page count and title", async () => {
    const bytes = textPdf({
      pages: [["Return policy", "Keep the receipt.", "", "Refunds take 5 days."], ["Contact us"]],
      title: "Policy",
    });
    const result = await upload("policy.pdf", bytes, { mimeType: "application/pdf" });
    expect(result).toEqual({
      sourceFormat: "pdf",
      textFormat: "text",
      text: "Return policy\nKeep the receipt.\n\nRefunds take 5 days.\n\nContact us",
      title: "Policy",
      pageCount: 2,
      warnings: [],
    });
    const chunks = chunkDocument(result.text, { format: result.textFormat, targetChars: 40, overlapChars: 0 });
    expect(chunks.map((c) => c.text)).toEqual([
      "Return policy\nKeep the receipt.",
      "Refunds take 5 days.\n\nContact us",
    ]);
  });
});

describe("extractDocument: limits and types", () => {
  it("rejects an oversize file before decoding or parsing it", async () => {
    // Both would fail later checks (binary / not a PDF): the size error comes first.
    const junk = new Uint8Array(2 * MB + 1).fill(0);
    expect(await codeOf(upload("huge.txt", junk, { maxBytes: 2 * MB }))).toBe("too_large");
    expect(await codeOf(upload("huge.pdf", junk, { maxBytes: 2 * MB }))).toBe("too_large");
    const error = await failure(upload("big.pdf", new Uint8Array(Math.round(12.5 * MB)), { maxBytes: 10 * MB }));
    expect(error.message).toBe(
      "This file is 12.5 MB, which is over the 10 MB limit. Split it into smaller files or remove images, then upload again.",
    );
  });

  it("accepts a file exactly at the limit", async () => {
    const bytes = utf8("exactly");
    expect((await upload("ok.txt", bytes, { maxBytes: bytes.length })).text).toBe("exactly");
  });

  it("rejects an unknown type and lists what is accepted", async () => {
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    const error = await failure(
      upload("brief.docx", docx, {
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      }),
    );
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toContain('"brief.docx"');
    for (const ext of [".md", ".txt", ".html", ".pdf"]) expect(error.message).toContain(ext);
  });
});

describe("extractText (pasted text)", () => {
  it("applies the same format handling", () => {
    expect(extractText("\uFEFF# Pasted\n\nBody", "markdown")).toEqual({
      sourceFormat: "markdown",
      textFormat: "markdown",
      text: "# Pasted\n\nBody",
      title: "Pasted",
      warnings: [],
    });
    const html = extractText("<h2>Hi</h2><style>h2{}</style><p>there</p>", "html");
    expect(html.text).toBe("<h2>Hi</h2><p>there</p>");
    expect(html.warnings).toEqual(["Removed 1 <style> element"]);
    expect(html.title).toBeNull();
  });

  it("skips the byte-level binary check but not the empty check", () => {
    expect(extractText("tab\u0001separated\u0001value", "text").text).toBe("tab\u0001separated\u0001value");
    expect(() => extractText("   \n", "text")).toThrow(expect.objectContaining({ code: "empty" }));
  });
});

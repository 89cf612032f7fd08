import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { ExtractError, type ExtractErrorCode } from "./errors";
import { extractPdf } from "./pdf";
import { drawingOnlyPdf, textPdf } from "./test-pdfs";

// Every PDF here goes through the real PDF.js parser (via unpdf); nothing is mocked.

const PAGES = [
  ["Spring catalogue", "New shoes for everyone.", "", "Returns are free (within 30 days)."],
  ["Page two: C:\\path and more"],
];

async function failure(bytes: Uint8Array): Promise<ExtractError> {
  try {
    await extractPdf(bytes);
  } catch (e) {
    if (e instanceof ExtractError) return e;
    throw e;
  }
  throw new Error("expected extractPdf to fail");
}

async function codeOf(bytes: Uint8Array): Promise<ExtractErrorCode> {
  return (await failure(bytes)).code;
}

describe("extractPdf", () => {
  it("extracts every page, keeping lines and paragraphs, plus the Info title", async () => {
    const result = await extractPdf(textPdf({ pages: PAGES, title: "Spring Catalogue 2025" }));
    expect(result).toEqual({
      text:
        "Spring catalogue\nNew shoes for everyone.\n\nReturns are free (within 30 days).\n\n" +
        "Page two: C:\\path and more",
      title: "Spring Catalogue 2025",
      pageCount: 2,
      warnings: [],
    });
  });

  it("returns a null title when the Info dictionary has none", async () => {
    expect((await extractPdf(textPdf({ pages: [["Only text"]] }))).title).toBeNull();
  });

  it("does not detach or change the caller's bytes", async () => {
    const bytes = textPdf({ pages: [["Hello"]] });
    const copy = bytes.slice();
    await extractPdf(bytes);
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(bytes).toEqual(copy);
  });

  it("warns about pages without a text layer and keeps the others", async () => {
    const result = await extractPdf(textPdf({ pages: [["Cover text"], [], ["Back page"], []] }));
    expect(result.text).toBe("Cover text\n\nBack page");
    expect(result.pageCount).toBe(4);
    expect(result.warnings).toEqual(["Pages 2 and 4 have no extractable text (scanned images?)"]);

    const single = await extractPdf(textPdf({ pages: [["A"], ["B"], []] }));
    expect(single.warnings).toEqual(["Page 3 has no extractable text (scanned image?)"]);
  });

  it("reports a password-protected PDF as pdf_encrypted", async () => {
    const locked = textPdf({
      pages: PAGES,
      title: "Locked",
      encrypt: { userPassword: "open sesame", ownerPassword: "owner" },
    });
    const error = await failure(locked);
    expect(error.code).toBe("pdf_encrypted");
    expect(error.message).toMatch(/password-protected/);
    expect(error.message).not.toMatch(/Exception|at .*\.js/);
    expect((error.cause as Error).name).toBe("PasswordException");

    // The fixture is a genuine RC4-encrypted PDF: with the password, PDF.js decrypts its text.
    const pdf = await getDocumentProxy(locked.slice(), { password: "open sesame", verbosity: 0 });
    const page = await pdf.getPage(1);
    const content = await page.getTextContent();
    expect(content.items.map((i) => ("str" in i ? i.str : "")).join("|")).toContain("Spring catalogue");
    await pdf.destroy();
  });

  it("reads an encrypted PDF that only has an owner password (restrictions, no password to open)", async () => {
    const restricted = textPdf({
      pages: PAGES,
      title: "Restricted",
      encrypt: { userPassword: "", ownerPassword: "owner" },
    });
    const result = await extractPdf(restricted);
    expect(result.title).toBe("Restricted");
    expect(result.text).toContain("Returns are free (within 30 days).");
    // Proof the content streams really are encrypted: the plain text is nowhere in the file.
    expect(Buffer.from(restricted).toString("latin1")).not.toContain("Returns are free");
  });

  it("reports truncated and malformed files as pdf_corrupt", async () => {
    const whole = textPdf({ pages: PAGES });
    expect(await codeOf(whole.subarray(0, Math.floor(whole.length / 2)))).toBe("pdf_corrupt");
    expect(await codeOf(whole.subarray(0, 24))).toBe("pdf_corrupt");
    expect(await codeOf(new TextEncoder().encode("%PDF-1.7\nthis is not really a pdf\n%%EOF"))).toBe("pdf_corrupt");
    const error = await failure(whole.subarray(0, whole.length - 200));
    expect(error.code).toBe("pdf_corrupt");
    expect((error.cause as Error).name).toBe("InvalidPDFException");
    expect(error.message).toMatch(/damaged or not really a PDF/);
  });

  it("rejects a file without a PDF header before parsing it", async () => {
    const error = await failure(new TextEncoder().encode("<html><body>Not a PDF</body></html>"));
    expect(error.code).toBe("pdf_corrupt");
    expect(error.cause).toBeUndefined();
  });

  it("reports a PDF with drawings but no text as pdf_no_text, mentioning OCR", async () => {
    const error = await failure(drawingOnlyPdf());
    expect(error.code).toBe("pdf_no_text");
    expect(error.message).toMatch(/OCR\) is not supported/);
  });
});

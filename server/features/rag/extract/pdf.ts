// PDF parsing uses unpdf, pinned to ~1.7.0: it ships a serverless build of Mozilla's PDF.js
// (5.6) as one ES module — no worker file to locate, nothing downloaded, no canvas needed for text —
// so it bundles with the server code like any other dependency (checked with a Turbopack build).
// pdfjs-dist 6 and unpdf 1.8 (which wraps it) declare Node >= 22 and rely on Node 22 APIs; this
// project runs on Node 20.19+. pdfjs-dist 5's legacy build runs on Node 20 but resolves its worker
// file at run time (so it would have to stay outside the bundle) and pulls in a native canvas
// module. Move to unpdf 1.8+ together with Node 22.
import { getDocumentProxy } from "unpdf";
import { cleanTitle } from "./markdown";
import { ExtractError } from "./errors";
import { layoutPageText, type PositionedText } from "./pdf-layout";

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

export type PdfText = {
  text: string;
  title: string | null;
  pageCount: number;
  warnings: string[];
};

/** PDF.js `VerbosityLevel.ERRORS`: its warnings ("Indexing all PDF objects", …) are noise in server logs. */
const VERBOSITY_ERRORS = 0;

/**
 * Text of every page, pages separated by a blank line (format "text" for the chunker), the Info
 * dictionary's Title, and warnings for pages without a text layer.
 *
 * Throws `pdf_encrypted` (a user password is needed), `pdf_corrupt` (not a PDF or not parseable),
 * `pdf_no_text` (no page has text: a scan). A PDF that only restricts printing/copying (an owner
 * password with an empty user password) opens without a password and is read normally.
 */
export async function extractPdf(bytes: Uint8Array): Promise<PdfText> {
  if (!hasPdfHeader(bytes)) throw pdfCorrupt();
  const pdf = await openPdf(bytes);
  try {
    const title = await readTitle(pdf);
    const pages: string[] = [];
    const withoutText: number[] = [];
    const unreadable: number[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const text = await pageText(pdf, number);
      if (text === null) unreadable.push(number);
      else if (text === "") withoutText.push(number);
      else pages.push(text);
    }
    if (unreadable.length === pdf.numPages) throw pdfCorrupt();
    if (pages.length === 0) {
      throw new ExtractError(
        "pdf_no_text",
        "This PDF has no selectable text — it looks like a scan or a set of images. " +
          "Text recognition (OCR) is not supported: export the original document as PDF, or run it through an OCR tool, and upload that.",
      );
    }
    const warnings = [
      ...pageWarning(
        withoutText,
        "has no extractable text (scanned image?)",
        "have no extractable text (scanned images?)",
      ),
      ...pageWarning(unreadable, "could not be read and was skipped", "could not be read and were skipped"),
    ];
    return { text: pages.join("\n\n"), title, pageCount: pdf.numPages, warnings };
  } finally {
    await pdf.destroy();
  }
}

/** PDF.js accepts a header anywhere in the first KiB (some producers prepend junk); so do we. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  try {
    // PDF.js may transfer (detach) the buffer it is given; hand it a copy so the caller's bytes
    // stay usable. Eval-compiled fonts are off: text extraction does not need them, and they were
    // the vector of CVE-2024-4367.
    return await getDocumentProxy(bytes.slice(), { verbosity: VERBOSITY_ERRORS, isEvalSupported: false });
  } catch (cause) {
    if (errorName(cause) === "PasswordException") {
      throw new ExtractError(
        "pdf_encrypted",
        "This PDF is password-protected, so its text cannot be read. " +
          "Open it, save or export a copy without a password, and upload that.",
        { cause },
      );
    }
    // InvalidPDFException, FormatError, UnknownErrorException, … : all mean "cannot parse this".
    throw pdfCorrupt(cause);
  }
}

async function readTitle(pdf: PdfDocument): Promise<string | null> {
  try {
    const { info } = await pdf.getMetadata();
    const title = (info as { Title?: unknown } | null)?.Title;
    return typeof title === "string" ? cleanTitle(title) : null;
  } catch {
    // A broken Info dictionary costs the title, not the document.
    return null;
  }
}

/** The page's text ("" when it has none), or null when PDF.js cannot read the page. */
async function pageText(pdf: PdfDocument, number: number): Promise<string | null> {
  try {
    const page = await pdf.getPage(number);
    try {
      const content = await page.getTextContent();
      // Marked-content markers carry no `str`; only text items have one.
      const items = content.items.filter((item): item is PositionedText & typeof item => "str" in item);
      return layoutPageText(items);
    } finally {
      page.cleanup();
    }
  } catch {
    return null;
  }
}

function pageWarning(pages: number[], one: string, many: string): string[] {
  if (pages.length === 0) return [];
  if (pages.length === 1) return [`Page ${pages[0]} ${one}`];
  const shown = pages.slice(0, 10);
  const rest = pages.length - shown.length;
  const list =
    rest > 0 ? `${shown.join(", ")} and ${rest} more` : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
  return [`Pages ${list} ${many}`];
}

function pdfCorrupt(cause?: unknown): ExtractError {
  return new ExtractError(
    "pdf_corrupt",
    "This PDF could not be read: the file is damaged or not really a PDF. " +
      "Open it in a PDF viewer; if it opens, save or print it to a new PDF and upload that.",
    cause === undefined ? undefined : { cause },
  );
}

/** PDF.js re-creates its exceptions when they cross its worker boundary; their `name` is what is stable. */
function errorName(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("name" in error)) return undefined;
  return typeof error.name === "string" ? error.name : undefined;
}

import { parseBlocks, plainText, type Block } from "../chunking";
import { decodeText } from "./decode";
import { detectFormat } from "./detect";
import { emptyDocument, tooLarge, unsupportedType } from "./errors";
import { htmlTitle, sanitizeUploadedHtml } from "./html";
import { markdownTitle } from "./markdown";
import { extractPdf } from "./pdf";
import type { Extracted, ExtractInput, TextFormat } from "./types";

/**
 * Turns an uploaded file into the text the chunker indexes. Order matters: the size limit is
 * checked before anything is decoded or parsed, and the type before the bytes are trusted.
 */
export async function extractDocument(input: ExtractInput): Promise<Extracted> {
  const { bytes, filename, mimeType, maxBytes } = input;
  if (bytes.byteLength > maxBytes) throw tooLarge(bytes.byteLength, maxBytes);
  const format = detectFormat(filename, mimeType);
  if (format === null) throw unsupportedType(filename);
  if (format === "pdf") {
    const pdf = await extractPdf(bytes);
    requireWords(parseBlocks(pdf.text, "text"));
    return { sourceFormat: "pdf", textFormat: "text", ...pdf };
  }
  return extractText(decodeText(bytes, filename), format);
}

/**
 * The same for text that arrives as a string (pasted into the editor): everything but the
 * byte-level checks. A leading BOM is dropped so stored text and offsets match an uploaded file.
 */
export function extractText(source: string, format: TextFormat): Extracted {
  const text = source.replace(/^\uFEFF/, "");
  if (format === "html") {
    // Title first: sanitising removes <title>.
    const title = htmlTitle(text);
    const { html, warnings } = sanitizeUploadedHtml(text);
    requireWords(parseBlocks(html, "html"));
    return { sourceFormat: "html", textFormat: "html", text: html, title, warnings };
  }
  const blocks = parseBlocks(text, format);
  requireWords(blocks);
  const title = format === "markdown" ? markdownTitle(text, blocks) : null;
  return { sourceFormat: format, textFormat: format, text, title, warnings: [] };
}

/**
 * "Empty" means the chunker would index nothing: judged on its own blocks, so a file of only
 * front matter, rules, comments, markup or punctuation counts as empty, just like whitespace.
 */
function requireWords(blocks: readonly Block[]): void {
  if (!blocks.some((b) => /[\p{L}\p{N}]/u.test(plainText(b)))) throw emptyDocument();
}

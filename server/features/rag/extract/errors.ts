/**
 * Extraction failures. `code` is a stable string for the API and the UI; `message` is written for
 * the marketer who uploaded the file (what went wrong and what to do), never a stack trace.
 */

export const EXTRACT_ERROR_CODES = [
  "too_large",
  "empty",
  "unsupported_type",
  "binary_content",
  "pdf_encrypted",
  "pdf_corrupt",
  "pdf_no_text",
] as const;

export type ExtractErrorCode = (typeof EXTRACT_ERROR_CODES)[number];

export class ExtractError extends Error {
  readonly code: ExtractErrorCode;

  constructor(code: ExtractErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExtractError";
    this.code = code;
  }
}

export const ACCEPTED_TYPES_LABEL =
  "Markdown (.md, .markdown), plain text (.txt, .text), HTML (.html, .htm) or PDF (.pdf)";

/**
 * "12.5 MB", "10 MB", "80 KB". The file size is rounded up and the limit down, so a file just over
 * the limit never reads as "2 MB, which is over the 2 MB limit".
 */
export function formatSize(bytes: number, round: "up" | "down"): string {
  const step = round === "up" ? Math.ceil : Math.floor;
  if (bytes < 100 * 1024) return `${Math.max(step(bytes / 1024), round === "up" ? 1 : 0)} KB`;
  const tenths = step((bytes * 10) / (1024 * 1024));
  return `${tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1)} MB`;
}

export function tooLarge(size: number, maxBytes: number): ExtractError {
  return new ExtractError(
    "too_large",
    `This file is ${formatSize(size, "up")}, which is over the ${formatSize(maxBytes, "down")} limit. ` +
      "Split it into smaller files or remove images, then upload again.",
  );
}

export function unsupportedType(filename: string): ExtractError {
  return new ExtractError(
    "unsupported_type",
    `"${filename}" is not a file type the knowledge base can read. Upload ${ACCEPTED_TYPES_LABEL}. ` +
      "For Word or Google Docs files, export them as PDF or Markdown first.",
  );
}

export function binaryContent(filename: string, cause?: unknown): ExtractError {
  return new ExtractError(
    "binary_content",
    `"${filename}" does not contain readable text, although its name says it does. ` +
      "If it is a text file, save it with UTF-8 encoding and upload it again; otherwise upload it with its real file type.",
    cause === undefined ? undefined : { cause },
  );
}

export function emptyDocument(): ExtractError {
  return new ExtractError(
    "empty",
    "No text was found in this file. Check that it is the right file and that it is not empty.",
  );
}

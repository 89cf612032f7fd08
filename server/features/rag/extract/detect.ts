import type { SourceFormat } from "./types";

// `.mdx` is deliberately absent: it is JSX, and the chunker would index component code as prose.
// Maps rather than object literals so names like "x.constructor" cannot hit Object.prototype.
const BY_EXTENSION = new Map<string, SourceFormat>([
  ["md", "markdown"],
  ["markdown", "markdown"],
  ["txt", "text"],
  ["text", "text"],
  ["html", "html"],
  ["htm", "html"],
  ["pdf", "pdf"],
]);

const BY_MIME = new Map<string, SourceFormat>([
  ["text/markdown", "markdown"],
  ["text/x-markdown", "markdown"],
  ["text/plain", "text"],
  ["text/html", "html"],
  ["application/xhtml+xml", "html"],
  ["application/pdf", "pdf"],
  ["application/x-pdf", "pdf"],
]);

/**
 * The format of an upload, or null when we cannot read it.
 *
 * The extension wins because browsers and operating systems disagree on MIME types (a `.md` file is
 * often sent as `application/octet-stream` or `text/plain`); the MIME type only decides for names
 * without a known extension (e.g. "README" sent as `text/plain`). Content checks later catch a
 * file whose name lies about it.
 */
export function detectFormat(filename: string, mimeType?: string | null): SourceFormat | null {
  const base = filename.trim().split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot > 0 && dot < base.length - 1) {
    const byExtension = BY_EXTENSION.get(base.slice(dot + 1).toLowerCase());
    if (byExtension) return byExtension;
  }
  if (!mimeType) return null;
  const essence = mimeType.split(";")[0]?.trim().toLowerCase() ?? "";
  return BY_MIME.get(essence) ?? null;
}

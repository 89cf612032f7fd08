/** Shared types of the upload → text extraction step that runs before the chunker. */

/** What an uploaded file is. */
export type SourceFormat = "markdown" | "text" | "html" | "pdf";

/** What extracted text is: the `format` handed to `chunkDocument`. */
export type TextFormat = "markdown" | "text" | "html";

export type ExtractInput = {
  bytes: Uint8Array;
  filename: string;
  /** The browser's guess; only consulted when the extension is not one we know. */
  mimeType?: string | null;
  /** Uploads larger than this are rejected before anything is decoded or parsed. */
  maxBytes: number;
};

export type Extracted = {
  sourceFormat: SourceFormat;
  textFormat: TextFormat;
  /** The text chunk offsets index into; stored with the document. */
  text: string;
  /** Front-matter `title`, first H1, HTML `<title>`/`<h1>`, PDF Info Title; else null. */
  title: string | null;
  /** PDFs only. */
  pageCount?: number;
  /** Things a person may want to know about (removed scripts, pages without text, …). */
  warnings: string[];
};

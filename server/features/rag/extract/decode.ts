import { binaryContent } from "./errors";

/**
 * Above this share of control characters a "text" file is treated as binary. Real text has almost
 * none (tabs and line breaks do not count); coloured terminal logs stay well below it.
 */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Decodes an uploaded text file (Markdown, plain text, HTML) to a string, or throws
 * `binary_content` when the bytes are not text.
 *
 * UTF-8 is the only encoding accepted without a byte order mark: guessing legacy code pages
 * (Windows-1252, Latin-1, …) silently garbles text, so those files are rejected with advice to
 * re-save as UTF-8 instead. UTF-16 is accepted only with its BOM, which is how editors write it.
 * Decoders are `fatal`, so invalid byte sequences are reported rather than replaced with U+FFFD.
 * The BOM itself is dropped (TextDecoder does that); nothing else is changed — the chunker
 * handles CRLF line endings and its offsets must match the stored text.
 */
export function decodeText(bytes: Uint8Array, filename: string): string {
  const encoding = bomEncoding(bytes);
  // A NUL byte never occurs in UTF-8 text but is common in every binary format; checking the bytes
  // first is cheap and catches UTF-16 text without a BOM, which we do not guess at.
  if (encoding === "utf-8" && bytes.includes(0)) throw binaryContent(filename);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw binaryContent(filename, cause);
  }
  if (looksBinary(text)) throw binaryContent(filename);
  return text;
}

function bomEncoding(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/** True when decoded text still holds NULs or mostly control characters. */
export function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  if (text.includes("\u0000")) return true;
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) controls++;
  return controls / text.length > MAX_CONTROL_SHARE;
}

/** C0 controls except tab, line feed, vertical tab, form feed and carriage return; plus DEL. */
export function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

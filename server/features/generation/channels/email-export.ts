/**
 * Email export: the parts an ESP needs (headers, subject, HTML, text) and an RFC 5322 / MIME
 * `.eml` message (`multipart/alternative`, text part first, HTML part last = preferred).
 */
import type { EmailContent } from "@/lib/schemas/drafts";

export type EmailExportOptions = {
  /** `From` mailbox, e.g. `news@northwind.example`; the header is left out when not given. */
  fromAddress?: string;
  /** Display name for `From` (e.g. the workspace's sender name). */
  fromName?: string | null;
  to?: string;
  /** `Date` header; left out when not given (keeps the output deterministic). */
  date?: Date;
  messageId?: string;
};

export type EmailExport = {
  headers: Record<string, string>;
  subject: string;
  html: string;
  text: string;
  /** The whole message as an `.eml` file (CRLF line ends). */
  eml: string;
};

const CRLF = "\r\n";

/** Header values must not carry line breaks (header injection). */
function headerValue(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

/** RFC 2047 encoded words (UTF-8, base64) for non-ASCII header text, split on code points. */
export function encodeHeaderText(value: string): string {
  const text = headerValue(value);
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = "";
  for (const ch of text) {
    // 45 bytes of UTF-8 → 60 base64 chars; with "=?UTF-8?B?" and "?=" a word stays under 75.
    if (Buffer.byteLength(chunk + ch, "utf8") > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`).join(`${CRLF} `);
}

function mailbox(address: string, name?: string | null): string {
  const addr = headerValue(address);
  const display = name ? headerValue(name) : "";
  if (!display) return addr;
  const quoted = /^[\x20-\x7e]*$/.test(display)
    ? `"${display.replace(/(["\\])/g, "\\$1")}"`
    : encodeHeaderText(display);
  return `${quoted} <${addr}>`;
}

function base64Lines(text: string): string {
  const b64 = Buffer.from(text, "utf8").toString("base64");
  return (b64.match(/.{1,76}/g) ?? [""]).join(CRLF);
}

/** FNV-1a 32-bit hex, for a deterministic MIME boundary. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

export function emailEml(content: EmailContent, options: EmailExportOptions = {}): string {
  // "=_" cannot occur in base64 bodies or in our headers, so the boundary is safe.
  const boundary = `=_lectern_${fnv(content.html + content.textBody)}`;
  const lines: string[] = [];
  if (options.fromAddress) lines.push(`From: ${mailbox(options.fromAddress, options.fromName)}`);
  if (options.to) lines.push(`To: ${headerValue(options.to)}`);
  lines.push(`Subject: ${encodeHeaderText(content.subject)}`);
  if (options.date) lines.push(`Date: ${options.date.toUTCString().replace("GMT", "+0000")}`);
  if (options.messageId) lines.push(`Message-ID: <${headerValue(options.messageId).replace(/^<|>$/g, "")}>`);
  for (const [name, value] of Object.entries(content.headers)) {
    if (/^[!-9;-~]+$/.test(name)) lines.push(`${name}: ${headerValue(value)}`);
  }
  lines.push("MIME-Version: 1.0", `Content-Type: multipart/alternative; boundary="${boundary}"`, "");
  lines.push(
    `--${boundary}`,
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(content.textBody),
    `--${boundary}`,
    "Content-Type: text/html; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(content.html),
    `--${boundary}--`,
    "",
  );
  return lines.join(CRLF);
}

/** Everything an ESP import or a `.eml` download needs. */
export function emailExport(content: EmailContent, options: EmailExportOptions = {}): EmailExport {
  return {
    headers: { ...content.headers },
    subject: content.subject,
    html: content.html,
    text: content.textBody,
    eml: emailEml(content, options),
  };
}

/**
 * Hand-built PDF fixtures for the tests. Building them in code (rather than committing binaries)
 * keeps every byte reviewable: objects, exact xref offsets, and — for the password-protected one —
 * a real Standard Security Handler (revision 2, RC4 40-bit, PDF 1.7 spec §7.6.3) so the test proves
 * what PDF.js itself reports, not what a mock says.
 */
import { createHash } from "node:crypto";

export type TextPdfOptions = {
  /** Lines per page; "" leaves an empty line (a paragraph gap). */
  pages: string[][];
  title?: string;
  /** Encrypt with these passwords; an empty user password opens without asking. */
  encrypt?: { userPassword: string; ownerPassword: string };
};

type PdfObject = { dict: string; stream?: Uint8Array };

const LINE_HEIGHT = 14;

/** A PDF whose pages show the given lines in Helvetica, top to bottom. */
export function textPdf({ pages, title, encrypt }: TextPdfOptions): Uint8Array {
  // 1 catalog, 2 page tree, 3 font, then a page and its content stream per page, then Info.
  const objects: PdfObject[] = [];
  const pageIds = pages.map((_, i) => 4 + 2 * i);
  objects.push({ dict: "<< /Type /Catalog /Pages 2 0 R >>" });
  objects.push({
    dict: `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`,
  });
  objects.push({ dict: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>" });
  for (const [i, lines] of pages.entries()) {
    objects.push({
      dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`,
    });
    objects.push({ dict: "<<>>", stream: latin1(pageContent(lines)) });
  }
  const infoId = objects.length + 1;
  const titleBytes = title === undefined ? null : latin1(title);
  objects.push({ dict: "" }); // Info, filled in below once the encryption key is known
  return buildPdf(objects, { infoId, title: titleBytes, encrypt });
}

/** A one-page PDF that only draws a filled rectangle: what a scan without a text layer looks like to a parser. */
export function drawingOnlyPdf(): Uint8Array {
  return buildPdf(
    [
      { dict: "<< /Type /Catalog /Pages 2 0 R >>" },
      { dict: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
      { dict: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>" },
      { dict: "<<>>", stream: latin1("0.2 0.4 0.8 rg 72 72 300 200 re f") },
    ],
    {},
  );
}

function pageContent(lines: string[]): string {
  const ops: string[] = ["BT", "/F1 12 Tf"];
  let y = 720;
  for (const line of lines) {
    if (line !== "") ops.push(`1 0 0 1 72 ${y} Tm`, `(${line.replace(/[()\\]/g, "\\$&")}) Tj`);
    y -= LINE_HEIGHT;
  }
  ops.push("ET");
  return ops.join("\n");
}

function buildPdf(
  objects: PdfObject[],
  options: { infoId?: number; title?: Uint8Array | null; encrypt?: TextPdfOptions["encrypt"] },
): Uint8Array {
  const fileId = createHash("md5").update("lectern-test-fixture").digest();
  const security = options.encrypt ? standardSecurity(options.encrypt, fileId) : null;
  const encryptId = security ? objects.length + 1 : null;
  const crypt = (id: number, data: Uint8Array) => (security ? rc4(objectKey(security.key, id), data) : data);

  const parts: Uint8Array[] = [];
  let offset = 0;
  const write = (chunk: Uint8Array | string) => {
    const bytes = typeof chunk === "string" ? latin1(chunk) : chunk;
    parts.push(bytes);
    offset += bytes.length;
  };
  const offsets: number[] = [];

  // A comment with high bytes right after the header marks the file as binary (spec §7.5.2).
  write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
  // The Encrypt dictionary goes last; it has no stream and its strings are never encrypted.
  const all = security ? [...objects, { dict: security.dict }] : objects;
  all.forEach((object, index) => {
    const id = index + 1;
    offsets.push(offset);
    write(`${id} 0 obj\n`);
    if (id === options.infoId) {
      // Strings are hex-encoded so encrypted bytes need no escaping.
      const title = options.title ? ` /Title <${hex(crypt(id, options.title))}>` : "";
      write(`<< /Producer <${hex(crypt(id, latin1("Lectern tests")))}>${title} >>`);
    } else if (object.stream) {
      const data = crypt(id, object.stream);
      write(`${object.dict.replace(/>>$/, "")} /Length ${data.length} >>\nstream\n`);
      write(data);
      write("\nendstream");
    } else {
      write(object.dict);
    }
    write("\nendobj\n");
  });

  const xrefOffset = offset;
  write(`xref\n0 ${all.length + 1}\n0000000000 65535 f \n`);
  // Each entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, n, space, LF.
  for (const o of offsets) write(`${String(o).padStart(10, "0")} 00000 n \n`);
  const info = options.infoId ? ` /Info ${options.infoId} 0 R` : "";
  const encrypt = encryptId ? ` /Encrypt ${encryptId} 0 R` : "";
  write(
    `trailer\n<< /Size ${all.length + 1} /Root 1 0 R${info}${encrypt} /ID [<${hex(fileId)}> <${hex(fileId)}>] >>\n` +
      `startxref\n${xrefOffset}\n%%EOF\n`,
  );
  return concat(parts);
}

// --- Standard Security Handler, revision 2 (40-bit RC4) -------------------------------------------

/** The 32-byte padding string of PDF 1.7 spec Algorithm 2, step a. */
const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00,
  0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

/** Permission bits (printing and copying not allowed); the value only feeds the key derivation here. */
const PERMISSIONS = -44;

function standardSecurity(passwords: { userPassword: string; ownerPassword: string }, fileId: Uint8Array) {
  const user = padPassword(passwords.userPassword);
  const owner = padPassword(passwords.ownerPassword || passwords.userPassword);
  // Algorithm 3: O = RC4(first 5 bytes of MD5(padded owner password), padded user password).
  const o = rc4(md5(owner).subarray(0, 5), user);
  // Algorithm 2: key = first 5 bytes of MD5(padded user password, O, P as 4 little-endian bytes, ID[0]).
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, PERMISSIONS, true);
  const key = md5(concat([user, o, p, fileId])).subarray(0, 5);
  // Algorithm 4: U = RC4(key, padding).
  const u = rc4(key, PAD);
  const dict = `<< /Filter /Standard /V 1 /R 2 /O <${hex(o)}> /U <${hex(u)}> /P ${PERMISSIONS} >>`;
  return { key, dict };
}

/** Algorithm 1: per-object key = MD5(key, object number (3 bytes LE), generation 0 (2 bytes)). */
function objectKey(key: Uint8Array, id: number): Uint8Array {
  const suffix = Uint8Array.from([id & 0xff, (id >> 8) & 0xff, (id >> 16) & 0xff, 0, 0]);
  return md5(concat([key, suffix])).subarray(0, Math.min(key.length + 5, 16));
}

function padPassword(password: string): Uint8Array {
  return concat([latin1(password), PAD]).subarray(0, 32);
}

/** RC4 in plain code: OpenSSL 3 (Node 17+) no longer offers it without the legacy provider. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

function md5(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("md5").update(data).digest());
}

// --- bytes ----------------------------------------------------------------------------------------

function latin1(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "latin1"));
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

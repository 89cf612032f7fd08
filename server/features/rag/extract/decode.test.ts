import { describe, expect, it } from "vitest";
import { decodeText, looksBinary } from "./decode";
import { ExtractError } from "./errors";

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: "le" | "be"): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, endian === "le");
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), endian === "le");
  return out;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ExtractError ? e.code : `not an ExtractError: ${String(e)}`;
  }
  return undefined;
}

describe("decodeText", () => {
  it("keeps UTF-8 text exactly, CRLF included", () => {
    expect(decodeText(utf8("Café\r\nnaïve — ok\n"), "a.txt")).toBe("Café\r\nnaïve — ok\n");
  });

  it("drops a UTF-8 byte order mark", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("# Hi")]), "a.md")).toBe("# Hi");
  });

  it("decodes UTF-16 LE and BE when the file starts with a BOM", () => {
    expect(decodeText(utf16("Grüße\r\n# Title", "le"), "a.md")).toBe("Grüße\r\n# Title");
    expect(decodeText(utf16("Grüße\r\n# Title", "be"), "a.md")).toBe("Grüße\r\n# Title");
  });

  it("rejects NUL bytes, invalid UTF-8 and mostly-control content as binary_content", () => {
    expect(codeOf(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), "a.txt"))).toBe(
      "binary_content",
    );
    // Windows-1252 "café" (0xE9 alone is not valid UTF-8).
    expect(codeOf(() => decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), "a.txt"))).toBe("binary_content");
    expect(codeOf(() => decodeText(utf8("\u0001\u0002\u0003abc\u0004\u0005"), "a.txt"))).toBe("binary_content");
    // UTF-16 without a BOM is full of NULs: not guessed.
    expect(codeOf(() => decodeText(utf16("hello", "le").subarray(2), "a.txt"))).toBe("binary_content");
    // An odd number of bytes is not UTF-16.
    expect(codeOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]), "a.txt"))).toBe("binary_content");
  });

  it("names the file and says what to do", () => {
    try {
      decodeText(new Uint8Array([0, 1, 2]), "export.txt");
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toContain('"export.txt"');
      expect((e as Error).message).toContain("UTF-8");
    }
  });
});

describe("looksBinary", () => {
  it("tolerates tabs, form feeds and the odd escape sequence", () => {
    expect(looksBinary("a\tb\fc\r\n")).toBe(false);
    expect(looksBinary("\u001b[32mINFO\u001b[0m server started on port 3000")).toBe(false);
    expect(looksBinary("")).toBe(false);
  });

  it("flags NULs and a high share of control characters", () => {
    expect(looksBinary("text\u0000")).toBe(true);
    expect(looksBinary("\u0007\u0008\u000e\u000f\u007fab")).toBe(true);
  });
});

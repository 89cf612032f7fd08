import { describe, expect, it } from "vitest";
import { EXTRACT_ERROR_CODES, ExtractError, formatSize, tooLarge } from "./errors";

const MB = 1024 * 1024;

describe("formatSize", () => {
  it("rounds the file up and the limit down, to a tenth of a MB", () => {
    expect(formatSize(2 * MB + 1, "up")).toBe("2.1 MB");
    expect(formatSize(2 * MB + 1, "down")).toBe("2 MB");
    expect(formatSize(12.5 * MB, "up")).toBe("12.5 MB");
    expect(formatSize(25 * MB, "down")).toBe("25 MB");
    expect(formatSize(2 * MB, "up")).toBe("2 MB");
    expect(formatSize(3 * MB, "up")).toBe("3 MB");
  });

  it("uses KB below 100 KB", () => {
    expect(formatSize(80 * 1024, "down")).toBe("80 KB");
    expect(formatSize(10, "up")).toBe("1 KB");
  });
});

describe("ExtractError", () => {
  it("carries a stable code and a human message naming both sizes", () => {
    const error = tooLarge(2 * MB + 1, 2 * MB);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.name).toBe("ExtractError");
    expect(error.code).toBe("too_large");
    expect(error.message).toBe(
      "This file is 2.1 MB, which is over the 2 MB limit. Split it into smaller files or remove images, then upload again.",
    );
    expect(EXTRACT_ERROR_CODES).toEqual([
      "too_large",
      "empty",
      "unsupported_type",
      "binary_content",
      "pdf_encrypted",
      "pdf_corrupt",
      "pdf_no_text",
    ]);
  });
});

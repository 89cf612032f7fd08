import { describe, expect, it } from "vitest";
import { MESSAGE_OVERHEAD_TOKENS, countPromptTokens, countTokens } from "./tokens";

describe("token approximation", () => {
  it("counts words (1 token per started 6 characters) and punctuation", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("Hello, world!")).toBe(4);
    expect(countTokens("internationalisation")).toBe(4);
    expect(countTokens("$149")).toBe(2);
    expect(countTokens("  spaced   out  ")).toBe(2);
  });

  it("counts whole prompts with per-message overhead", () => {
    expect(
      countPromptTokens([
        { role: "system", content: "Be brief." },
        { role: "user", content: [{ type: "text", text: "Hello, world!" }] },
      ]),
    ).toBe(2 * MESSAGE_OVERHEAD_TOKENS + 3 + 4);
  });
});

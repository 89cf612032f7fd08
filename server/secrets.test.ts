import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, last4 } from "./secrets";

const key = randomBytes(32);

describe("secrets (AES-256-GCM)", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret(key, "sk-live-abcdef123456", "ws_1");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain("sk-live");
    expect(decryptSecret(key, sealed, "ws_1")).toBe("sk-live-abcdef123456");
    expect(encryptSecret(key, "same", "ws_1")).not.toBe(encryptSecret(key, "same", "ws_1")); // fresh IV each time
  });

  it("refuses another key, another context or a tampered ciphertext, with an actionable message", () => {
    const sealed = encryptSecret(key, "secret", "ws_1");
    expect(() => decryptSecret(randomBytes(32), sealed, "ws_1")).toThrow(/LECTERN_SECRET_KEY/);
    expect(() => decryptSecret(key, sealed, "ws_2")).toThrow(/cannot be decrypted/);
    const flipped = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BA" : "AA");
    expect(() => decryptSecret(key, flipped, "ws_1")).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret(key, "plain", "ws_1")).toThrow(/cannot be decrypted/);
  });

  it("shows only the last four characters", () => {
    expect(last4("sk-abcdefgh1234")).toBe("1234");
  });
});

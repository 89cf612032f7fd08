import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";

/**
 * AES-256-GCM for secrets stored in the database (provider API keys).
 * Format: "v1." + base64url(iv[12] | tag[16] | ciphertext). The context
 * (e.g. the workspace id) is bound as additional authenticated data, so a
 * ciphertext copied to another workspace does not decrypt.
 */
const VERSION = "v1.";

export function encryptSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function decryptSecret(key: Buffer, sealed: string, context: string): string {
  if (!sealed.startsWith(VERSION)) throw undecryptable();
  const raw = Buffer.from(sealed.slice(VERSION.length), "base64url");
  if (raw.length < 28) throw undecryptable();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw undecryptable();
  }
}

function undecryptable() {
  return new AppError(
    "internal:secret_key",
    "A stored provider key cannot be decrypted: LECTERN_SECRET_KEY (or data/.secret-key) changed since it was saved. Restore the old key or enter the provider's API key again.",
  );
}

/** The last 4 characters, the only part of a key the UI ever shows. */
export function last4(secret: string): string {
  return secret.slice(-4);
}

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com). Every request carries
 * `webhook-id`, `webhook-timestamp` and `webhook-signature`; the signature is an HMAC-SHA256
 * over `{id}.{timestamp}.{raw body}` with the endpoint's secret, base64-encoded and prefixed
 * `v1,`. During a secret rotation the header carries one signature per secret, space-separated,
 * so a receiver holding either secret accepts the request.
 *
 * Written against node:crypto rather than the `standardwebhooks` package so the sending side has
 * no extra runtime dependency; the tests check it against that package's verifier.
 */
import { createHmac, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { RESERVED_HEADERS } from "@/lib/schemas/publishing";

export const SECRET_PREFIX = "whsec_";
/** The spec allows keys of 24–64 bytes; Lectern generates 32 (the HMAC-SHA256 block's half, the usual choice). */
export const SECRET_MIN_BYTES = 24;
export const SECRET_MAX_BYTES = 64;
export const USER_AGENT = "Lectern-Webhooks/1";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A new endpoint secret: `whsec_` + base64 of 32 random bytes. */
export function generateSecret(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < SECRET_MIN_BYTES || bytes > SECRET_MAX_BYTES)
    throw new RangeError(`A webhook secret has ${SECRET_MIN_BYTES}–${SECRET_MAX_BYTES} bytes`);
  return SECRET_PREFIX + randomBytes(bytes).toString("base64");
}

/** The key bytes of a `whsec_…` secret. Strict: a malformed secret is a bug or a bad import, never guessed at. */
export function parseSecret(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX))
    throw new AppError("bad_request:webhook_secret", 'A webhook secret starts with "whsec_" followed by base64');
  const b64 = secret.slice(SECRET_PREFIX.length);
  if (!BASE64.test(b64))
    throw new AppError("bad_request:webhook_secret", 'The part of a webhook secret after "whsec_" must be base64');
  const key = Buffer.from(b64, "base64");
  if (key.length < SECRET_MIN_BYTES || key.length > SECRET_MAX_BYTES)
    throw new AppError(
      "bad_request:webhook_secret",
      `A webhook secret holds ${SECRET_MIN_BYTES}–${SECRET_MAX_BYTES} bytes; this one holds ${key.length}`,
    );
  return key;
}

/** `v1,<base64 HMAC-SHA256 of "{msgId}.{timestampSec}.{body}">`. */
export function sign(secret: string | Buffer, msgId: string, timestampSec: number, body: string): string {
  if (!Number.isInteger(timestampSec)) throw new RangeError("webhook-timestamp is whole Unix seconds");
  const key = typeof secret === "string" ? parseSecret(secret) : secret;
  const mac = createHmac("sha256", key).update(`${msgId}.${timestampSec}.${body}`, "utf8").digest("base64");
  return `v1,${mac}`;
}

/** The `webhook-signature` value: one signature per secret (current first), space-separated. */
export function signatureHeader(
  secrets: readonly (string | Buffer)[],
  msgId: string,
  timestampSec: number,
  body: string,
): string {
  if (secrets.length === 0) throw new RangeError("Sign with at least one secret");
  return secrets.map((s) => sign(s, msgId, timestampSec, body)).join(" ");
}

export type WebhookHeaderInput = {
  msgId: string;
  timestampSec: number;
  body: string;
  /** The current secret first; the previous one too while a rotation overlaps. */
  secrets: readonly (string | Buffer)[];
  /** The endpoint's custom headers (validated on save; reserved names are dropped here as well). */
  custom?: Record<string, string>;
};

/** Every header of one attempt: the endpoint's own ones, then the ones Lectern owns (which always win). */
export function webhookHeaders(input: WebhookHeaderInput): Record<string, string> {
  const reserved = new Set<string>(RESERVED_HEADERS);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.custom ?? {}))
    if (!reserved.has(name.toLowerCase())) out[name] = value;
  out["webhook-id"] = input.msgId;
  out["webhook-timestamp"] = String(input.timestampSec);
  out["webhook-signature"] = signatureHeader(input.secrets, input.msgId, input.timestampSec, input.body);
  out["content-type"] = "application/json";
  out["user-agent"] = USER_AGENT;
  return out;
}

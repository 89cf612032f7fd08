import { createHmac } from "node:crypto";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateSecret, parseSecret, sign, signatureHeader, USER_AGENT, webhookHeaders } from "./signing";

// The vector published with the Standard Webhooks reference libraries.
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  ts: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

/** The signature computed here from first principles, independently of signing.ts. */
function reference(secret: string, id: string, ts: number, body: string): string {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  return "v1," + createHmac("sha256", key).update(`${id}.${ts}.${body}`).digest("base64");
}

function headersOf(id: string, ts: number, signature: string) {
  return { "webhook-id": id, "webhook-timestamp": String(ts), "webhook-signature": signature };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("generateSecret / parseSecret", () => {
  it("makes whsec_ + base64 of 32 random bytes, different every time", () => {
    const a = generateSecret();
    const b = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(parseSecret(a)).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(parseSecret(generateSecret(64))).toHaveLength(64);
    expect(() => generateSecret(16)).toThrow(/24–64 bytes/);
  });

  it("refuses malformed secrets with a readable reason", () => {
    expect(() => parseSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toThrow(/starts with "whsec_"/);
    expect(() => parseSecret("whsec_not base64!")).toThrow(/must be base64/);
    expect(() => parseSecret("whsec_" + Buffer.alloc(16).toString("base64"))).toThrow(/holds 16/);
    expect(() => parseSecret("whsec_" + Buffer.alloc(65).toString("base64"))).toThrow(/holds 65/);
    expect(parseSecret(VECTOR.secret)).toHaveLength(24);
  });
});

describe("sign", () => {
  it("matches the published vector, an independent HMAC and the official verifier", () => {
    const sig = sign(VECTOR.secret, VECTOR.id, VECTOR.ts, VECTOR.body);
    expect(sig).toBe(VECTOR.signature);
    expect(sig).toBe(reference(VECTOR.secret, VECTOR.id, VECTOR.ts, VECTOR.body));
    vi.useFakeTimers({ now: VECTOR.ts * 1000 });
    expect(new Webhook(VECTOR.secret).verify(VECTOR.body, headersOf(VECTOR.id, VECTOR.ts, sig))).toEqual({
      test: 2432232314,
    });
  });

  it("signs the raw body bytes, including non-ASCII text", () => {
    const secret = generateSecret();
    const body = JSON.stringify({ type: "page.published", data: { title: "Café – Zürich 🏔" } });
    const ts = 1_800_000_000;
    const sig = sign(secret, "msg_x", ts, body);
    expect(sig).toBe(reference(secret, "msg_x", ts, body));
    vi.useFakeTimers({ now: ts * 1000 });
    expect(new Webhook(secret).verify(body, headersOf("msg_x", ts, sig))).toMatchObject({ type: "page.published" });
  });

  it("a changed body, timestamp or id does not verify", () => {
    const secret = generateSecret();
    const ts = 1_800_000_000;
    const body = '{"type":"page.published","data":{"n":1}}';
    const sig = sign(secret, "msg_a", ts, body);
    vi.useFakeTimers({ now: ts * 1000 });
    const wh = new Webhook(secret);
    expect(() => wh.verify(body.replace("1", "2"), headersOf("msg_a", ts, sig))).toThrow(WebhookVerificationError);
    expect(() => wh.verify(body, headersOf("msg_a", ts + 1, sig))).toThrow(WebhookVerificationError);
    expect(() => wh.verify(body, headersOf("msg_b", ts, sig))).toThrow(WebhookVerificationError);
    expect(() => new Webhook(generateSecret()).verify(body, headersOf("msg_a", ts, sig))).toThrow(
      WebhookVerificationError,
    );
    expect(wh.verify(body, headersOf("msg_a", ts, sig))).toMatchObject({ data: { n: 1 } });
  });

  it("refuses fractional timestamps (the header is whole seconds)", () => {
    expect(() => sign(VECTOR.secret, "msg", 1.5, "{}")).toThrow(/whole Unix seconds/);
  });
});

describe("signatureHeader during a rotation", () => {
  it("carries one signature per secret; a receiver with either secret accepts it", () => {
    const oldSecret = generateSecret();
    const newSecret = generateSecret();
    const ts = 1_800_000_000;
    const body = '{"type":"email.approved","data":{}}';
    const header = signatureHeader([newSecret, oldSecret], "msg_r", ts, body);
    expect(header.split(" ")).toEqual([
      reference(newSecret, "msg_r", ts, body),
      reference(oldSecret, "msg_r", ts, body),
    ]);
    vi.useFakeTimers({ now: ts * 1000 });
    expect(new Webhook(oldSecret).verify(body, headersOf("msg_r", ts, header))).toEqual({
      type: "email.approved",
      data: {},
    });
    expect(new Webhook(newSecret).verify(body, headersOf("msg_r", ts, header))).toBeTruthy();
    expect(() => new Webhook(generateSecret()).verify(body, headersOf("msg_r", ts, header))).toThrow(
      WebhookVerificationError,
    );
    expect(() => signatureHeader([], "msg_r", ts, body)).toThrow(/at least one secret/);
  });
});

describe("webhookHeaders", () => {
  it("sets the Standard Webhooks headers, keeps custom ones and never lets them override Lectern's", () => {
    const secret = generateSecret();
    const h = webhookHeaders({
      msgId: "msg_h",
      timestampSec: 1_800_000_000,
      body: "{}",
      secrets: [secret],
      custom: { Authorization: "Bearer abc", "X-Tenant": "t1", "Content-Type": "text/plain", "Webhook-Id": "evil" },
    });
    expect(h).toEqual({
      Authorization: "Bearer abc",
      "X-Tenant": "t1",
      "webhook-id": "msg_h",
      "webhook-timestamp": "1800000000",
      "webhook-signature": reference(secret, "msg_h", 1_800_000_000, "{}"),
      "content-type": "application/json",
      "user-agent": USER_AGENT,
    });
  });
});

/**
 * The reference receiver: what a CMS needs to do with Lectern's webhooks, runnable. It verifies
 * the Standard Webhooks signature with the official `standardwebhooks` library and processes
 * each `webhook-id` once (Lectern delivers at least once: a retry after a timeout, or after a
 * worker died mid-request, carries the same id). The README quotes `handleWebhook`.
 *
 * The rest is for tests and the benchmark: failure injection (random 500s from a seeded RNG,
 * down periods, delays, fixed statuses) and bookkeeping (every request, requests in flight per
 * id). Test and development code: it imports a devDependency.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

// ---- the part a CMS would copy -----------------------------------------------------------------

export type Verdict = { status: number; message: string; id?: string; payload?: unknown; duplicate?: boolean };

/**
 * Verify, then process once per `webhook-id`. `seen` is the receiver's record of processed ids
 * (a database table with a unique key in a real CMS; keep ids for longer than Lectern retries,
 * about 28 hours, plus replays). `processEvent` throwing means "not processed": answer 500 so
 * Lectern retries.
 */
export async function handleWebhook(
  webhook: Webhook,
  seen: Set<string>,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
  processEvent: (payload: unknown, id: string) => Promise<void> | void,
): Promise<Verdict> {
  const id = headers["webhook-id"];
  if (typeof id !== "string" || !headers["webhook-timestamp"] || !headers["webhook-signature"])
    return { status: 400, message: "Missing webhook-id, webhook-timestamp or webhook-signature" };
  let payload: unknown;
  try {
    // Checks the signature over `id.timestamp.body` and that the timestamp is within 5 minutes.
    payload = webhook.verify(rawBody, headers as Record<string, string>);
  } catch {
    return { status: 401, message: "Invalid signature" };
  }
  if (seen.has(id)) return { status: 200, message: "Already processed", id, duplicate: true };
  seen.add(id); // before awaiting, so a concurrent duplicate is not processed twice
  try {
    await processEvent(payload, id);
  } catch (e) {
    seen.delete(id);
    throw e;
  }
  return { status: 200, message: "Processed", id, payload };
}

// ---- the test and benchmark harness around it ----------------------------------------------------

export type ReceiverOptions = {
  /** The endpoint's signing secret (`whsec_…`). */
  secret: string;
  port?: number;
  /** Share of requests answered 500 before processing (0–1), decided by a seeded RNG. */
  failRate?: number;
  seed?: number;
  /** Answer 503 until this time (epoch ms). */
  downUntil?: number;
  /** Wait this long before answering (ms). */
  delayMs?: number;
  /** Answer this status to every verified request (e.g. 410), without processing. */
  status?: number;
  /** Sent as `Retry-After` with `status` or while down. */
  retryAfter?: string;
  /** Called for every event processed (once per id). */
  onEvent?: (payload: unknown, id: string) => void;
};

export type ReceivedRequest = {
  id: string | undefined;
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
  at: number;
};

export type ReferenceReceiver = {
  url: string;
  port: number;
  /** Processed events, by webhook-id (each once). */
  received: Map<string, unknown>;
  /** When each id was first processed (epoch ms, for latency measurements). */
  receivedAt: Map<string, number>;
  /** Every request, duplicates and failures included. */
  readonly deliveries: number;
  /** Requests answered "already processed". */
  readonly duplicates: number;
  /** Every request with its headers and raw body (kept only with `keepRequests`). */
  requests: ReceivedRequest[];
  /** The most requests with the same webhook-id ever in flight at once (1 when none overlapped). */
  readonly maxInFlightPerId: number;
  /** Changes the failure injection while running. */
  set(opts: Partial<Omit<ReceiverOptions, "secret" | "port" | "seed">>): void;
  setDown(down: boolean): void;
  close(): Promise<void>;
};

class Injected extends Error {}

/** mulberry32: small, seeded, good enough to decide which requests fail. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startReferenceReceiver(
  options: ReceiverOptions & { keepRequests?: boolean },
): Promise<ReferenceReceiver> {
  const webhook = new Webhook(options.secret);
  const opts: Omit<ReceiverOptions, "secret"> = { ...options };
  const random = rng(options.seed ?? 1);
  const seen = new Set<string>();
  const received = new Map<string, unknown>();
  const receivedAt = new Map<string, number>();
  const requests: ReceivedRequest[] = [];
  const inFlight = new Map<string, number>();
  let down = false;
  let deliveries = 0;
  let duplicates = 0;
  let maxInFlightPerId = 0;

  async function respond(
    req: http.IncomingMessage,
    body: string,
  ): Promise<{ status: number; headers?: object; text: string }> {
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    if (down || (opts.downUntil && Date.now() < opts.downUntil))
      return { status: 503, headers: opts.retryAfter ? { "retry-after": opts.retryAfter } : {}, text: "Down" };
    const injected = opts.status;
    const fail = !injected && opts.failRate && random() < opts.failRate;
    const verdict = await handleWebhook(webhook, seen, body, req.headers, (payload, id) => {
      if (injected || fail) throw new Injected();
      received.set(id, payload);
      receivedAt.set(id, Date.now());
      opts.onEvent?.(payload, id);
    }).catch((e: unknown) => {
      if (e instanceof Injected) return null;
      throw e;
    });
    if (verdict === null)
      return injected
        ? {
            status: injected,
            headers: opts.retryAfter ? { "retry-after": opts.retryAfter } : {},
            text: `Injected ${injected}`,
          }
        : { status: 500, text: "Injected failure" };
    if (verdict.duplicate) duplicates++;
    return { status: verdict.status, text: verdict.message };
  }

  const server = http.createServer((req, res) => {
    deliveries++;
    const id = typeof req.headers["webhook-id"] === "string" ? req.headers["webhook-id"] : undefined;
    if (id) {
      const n = (inFlight.get(id) ?? 0) + 1;
      inFlight.set(id, n);
      maxInFlightPerId = Math.max(maxInFlightPerId, n);
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      respond(req, body)
        .catch(() => ({ status: 500, headers: {}, text: "Receiver error" }))
        .then((r) => {
          if (id) inFlight.set(id, inFlight.get(id)! - 1);
          if (options.keepRequests) requests.push({ id, headers: req.headers, body, status: r.status, at: Date.now() });
          res.writeHead(r.status, { "content-type": "text/plain", ...r.headers }).end(r.text);
        });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/webhooks/lectern`,
    port,
    received,
    receivedAt,
    get deliveries() {
      return deliveries;
    },
    get duplicates() {
      return duplicates;
    },
    requests,
    get maxInFlightPerId() {
      return maxInFlightPerId;
    },
    set(changes) {
      Object.assign(opts, changes);
    },
    setDown(value) {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

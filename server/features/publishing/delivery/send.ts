/**
 * One HTTP attempt of a webhook delivery. Never throws for anything the network or the receiver
 * does: every way an attempt can end becomes an outcome with a message an admin can act on.
 *
 * - Connections go through a shared keep-alive undici `Agent` (one per allow-private setting)
 *   whose `connect.lookup` is the SSRF guard, so every new connection re-checks what the host
 *   resolves to; IP-literal hosts (which Node connects to without a lookup) are checked here.
 * - Redirects are not followed: a 3xx is a failure naming the Location, because following it
 *   would send the signed payload to a host nobody vetted.
 * - The response body is read up to `maxResponseBytes` and the rest is dropped with the
 *   connection, so a receiver answering 10 MB (or an endless stream) costs 64 KiB of memory.
 * - One deadline covers connecting, the headers and the body (15 s by default).
 */
import { STATUS_CODES } from "node:http";
import { Agent, request, type Dispatcher } from "undici";
import type { AttemptOutcome } from "@/lib/schemas/publishing";
import { checkHostLiteral, guardedLookup, isBlockedAddressError } from "../ssrf";

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
export const DEFAULT_SNIPPET_BYTES = 1024;

export type SendOutcome = Exclude<AttemptOutcome, "worker_lost" | "skipped">;

export type SendInput = {
  url: string;
  headers: Record<string, string>;
  body: string;
  allowPrivate: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  snippetBytes?: number;
  /** Aborts the attempt (the worker is stopping); reported as a network outcome. */
  signal?: AbortSignal;
  /** Another dispatcher (tests: an agent with a fake resolver). */
  dispatcher?: Dispatcher;
};

export type SendResult = {
  outcome: SendOutcome;
  statusCode: number | null;
  durationMs: number;
  /** The first `snippetBytes` of the response as text (null when there was no response). */
  snippet: string | null;
  /** What went wrong, for the delivery log (null on success). */
  error: string | null;
  /** From `Retry-After` on a 429/502/503/504. */
  retryAfterMs: number | null;
  /** The receiver answered 410 Gone: the endpoint should be disabled. */
  gone: boolean;
  /** Response bytes read (reading stops at `maxResponseBytes`). */
  bytesRead: number;
};

export type SendWebhook = (input: SendInput) => Promise<SendResult>;

const RETRY_AFTER_STATUSES = new Set([429, 502, 503, 504]);

const g = globalThis as unknown as { __lecternWebhookAgents?: Map<boolean, Agent> };

/** An agent whose every new connection goes through the SSRF guard. */
export function createWebhookAgent(allowPrivate: boolean, lookup = guardedLookup(allowPrivate)): Agent {
  return new Agent({
    connect: { lookup, timeout: DEFAULT_TIMEOUT_MS },
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 30_000,
  });
}

function agentFor(allowPrivate: boolean): Agent {
  g.__lecternWebhookAgents ??= new Map();
  let a = g.__lecternWebhookAgents.get(allowPrivate);
  if (!a) {
    a = createWebhookAgent(allowPrivate);
    g.__lecternWebhookAgents.set(allowPrivate, a);
  }
  return a;
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs = Date.now()): number | null {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return null; // "-5", "1.5": not delta-seconds, and Date.parse would take them as years
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** The message for a failed connection or exchange, by the error's code. */
function networkMessage(e: unknown, host: string): string {
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err?.code ?? err?.cause?.code;
  switch (code) {
    case "ECONNREFUSED":
      return `${host} refused the connection. Is the receiver running?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${bareName(host)} does not resolve (${code}). Check the host name in the endpoint URL.`;
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return `${host} closed the connection before answering.`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${host} is unreachable from the Lectern server (${code}).`;
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `The TLS certificate of ${host} is not valid (${code}).`;
    default:
      return `Could not deliver to ${host}: ${code ?? err?.message ?? "unknown network error"}.`;
  }
}

function bareName(host: string): string {
  return host.replace(/:\d+$/, "");
}

const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

function isTimeout(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return !!code && TIMEOUT_CODES.has(code);
}

/**
 * Reads at most `max` bytes of the body, keeping the first `keep` of them, then drops the rest
 * (destroying the stream closes the connection instead of downloading what is left).
 */
async function readBounded(body: Dispatcher.ResponseData["body"], max: number, keep: number) {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let read = 0;
  let truncated = false;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    read += chunk.length;
    if (keptBytes < keep) {
      const part = chunk.subarray(0, keep - keptBytes);
      kept.push(part);
      keptBytes += part.length;
    }
    if (read >= max) {
      truncated = true;
      break;
    }
  }
  if (truncated) body.destroy();
  // stream: true holds back a character cut in half at the end instead of printing U+FFFD.
  const snippet = new TextDecoder("utf-8").decode(Buffer.concat(kept), { stream: true });
  return { snippet, read, truncated };
}

export async function sendWebhook(input: SendInput): Promise<SendResult> {
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = input.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const snippetBytes = Math.min(input.snippetBytes ?? DEFAULT_SNIPPET_BYTES, maxBytes);
  const started = performance.now();
  const base = { statusCode: null, snippet: null, retryAfterMs: null, gone: false, bytesRead: 0 };
  const done = (r: Partial<SendResult> & Pick<SendResult, "outcome" | "error">): SendResult => ({
    ...base,
    durationMs: Math.round(performance.now() - started),
    ...r,
  });

  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return done({ outcome: "network", error: "The endpoint URL is not a valid URL." });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return done({ outcome: "blocked", error: `"${url.protocol}" URLs cannot receive webhooks.` });
  if (url.username || url.password)
    return done({ outcome: "blocked", error: "The endpoint URL contains credentials; send them as a custom header." });
  const literal = checkHostLiteral(url.hostname, input.allowPrivate);
  if (literal && !literal.ok) return done({ outcome: "blocked", error: literal.message });

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onStop = () => controller.abort();
  input.signal?.addEventListener("abort", onStop, { once: true });
  if (input.signal?.aborted) controller.abort();
  const timeoutMessage = `The receiver did not answer within ${seconds(timeoutMs)}.`;

  let statusCode: number | null = null;
  try {
    const res = await request(url, {
      method: "POST",
      headers: input.headers,
      body: input.body,
      dispatcher: input.dispatcher ?? agentFor(input.allowPrivate),
      signal: controller.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    statusCode = res.statusCode;
    const { snippet, read, truncated } = await readBounded(res.body, maxBytes, snippetBytes);
    const common = { statusCode, snippet, bytesRead: read };
    const note = truncated ? ` (response larger than ${Math.round(maxBytes / 1024)} KiB; the rest was not read)` : "";
    if (statusCode >= 200 && statusCode < 300) return done({ ...common, outcome: "success", error: null });
    if (statusCode >= 300 && statusCode < 400) {
      const location = header(res.headers, "location");
      return done({
        ...common,
        outcome: "redirect",
        error: location
          ? `The receiver redirected to ${new URL(location, url).toString()}; redirects are not followed. Update the endpoint URL.`
          : `The receiver answered ${statusCode} (a redirect without a Location); redirects are not followed. Update the endpoint URL.`,
      });
    }
    const retryAfterMs = RETRY_AFTER_STATUSES.has(statusCode)
      ? parseRetryAfter(res.headers["retry-after"] as string | undefined)
      : null;
    return done({
      ...common,
      outcome: "http_error",
      error: `The receiver answered ${statusCode}${STATUS_CODES[statusCode] ? ` ${STATUS_CODES[statusCode]}` : ""}.${note}`,
      retryAfterMs,
      gone: statusCode === 410,
    });
  } catch (e) {
    if (isBlockedAddressError(e)) return done({ outcome: "blocked", error: (e as Error).message });
    if (timedOut || isTimeout(e)) return done({ outcome: "timeout", statusCode, error: timeoutMessage });
    if (input.signal?.aborted)
      return done({ outcome: "network", statusCode, error: "The attempt was stopped before the receiver answered." });
    return done({ outcome: "network", statusCode, error: networkMessage(e, url.host) });
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener("abort", onStop);
  }
}

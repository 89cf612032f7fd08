import { APICallError } from "@ai-sdk/provider";
import { NoObjectGeneratedError } from "ai";
import { AppError } from "@/lib/errors";

/** Why one attempt at one model failed. Drives retry (same model) and fallback (next model). */
export type ErrorClass =
  | "rate_limited" // 429
  | "server_error" // 5xx
  | "timeout" // per-attempt timeout
  | "network" // connection refused, DNS, reset
  | "auth" // 401/403: bad or missing key
  | "bad_request" // 400/404/422: unknown model, context too long, ...
  | "invalid_output" // structured output failed its schema twice
  | "aborted" // the caller cancelled
  | "unknown";

const RETRYABLE: ReadonlySet<ErrorClass> = new Set(["rate_limited", "server_error", "timeout", "network"]);

export function isRetryable(c: ErrorClass): boolean {
  return RETRYABLE.has(c);
}

export type ClassifiedError = { errorClass: ErrorClass; message: string; retryAfterMs?: number; status?: number };

export function classifyError(e: unknown, signals: { timedOut: boolean; callerAborted: boolean }): ClassifiedError {
  if (signals.callerAborted) return { errorClass: "aborted", message: "The call was cancelled." };
  if (signals.timedOut)
    return { errorClass: "timeout", message: "The model did not answer within the per-call timeout." };
  if (NoObjectGeneratedError.isInstance(e))
    return { errorClass: "invalid_output", message: `The model's output did not match the schema: ${shortMessage(e)}` };
  if (APICallError.isInstance(e)) {
    const status = e.statusCode;
    const retryAfterMs = parseRetryAfter(e.responseHeaders);
    if (status === 429)
      return {
        errorClass: "rate_limited",
        status,
        retryAfterMs,
        message: "The provider is rate limiting Lectern (429).",
      };
    if (status && status >= 500)
      return { errorClass: "server_error", status, retryAfterMs, message: `The provider failed (${status}).` };
    if (status === 401 || status === 403)
      return {
        errorClass: "auth",
        status,
        message: `The provider refused the API key (${status}). Check the key in Settings → Models.`,
      };
    if (status && status >= 400)
      return {
        errorClass: "bad_request",
        status,
        message: `The provider rejected the request (${status}): ${shortMessage(e)}`,
      };
    if (e.isRetryable)
      return { errorClass: "network", message: `The provider could not be reached: ${shortMessage(e)}` };
  }
  const code = (e as { code?: string; cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code;
  if (code && /ECONNREFUSED|ENOTFOUND|ECONNRESET|EAI_AGAIN|UND_ERR|ETIMEDOUT/.test(code))
    return { errorClass: "network", message: `The provider could not be reached (${code}).` };
  if ((e as Error)?.name === "TimeoutError")
    return { errorClass: "timeout", message: "The model did not answer within the per-call timeout." };
  return { errorClass: "unknown", message: shortMessage(e) };
}

function shortMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 300 ? `${m.slice(0, 300)}…` : m;
}

/** Retry-After in seconds or as an HTTP date; also retry-after-ms (OpenAI). */
export function parseRetryAfter(headers: Record<string, string> | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number(h["retry-after-ms"]);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const ra = h["retry-after"];
  if (!ra) return undefined;
  const secs = Number(ra);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export type Attempt = { provider: string; model: string; outcome: "ok" | "error"; errorClass?: ErrorClass; ms: number };

/** Every model in the route failed: the message names each attempt so an admin can act. */
export class GatewayError extends AppError {
  constructor(
    readonly errorClass: ErrorClass,
    message: string,
    readonly attempts: Attempt[],
  ) {
    super(
      errorClass === "aborted"
        ? "bad_request:aborted"
        : errorClass === "invalid_output"
          ? "unavailable:invalid_output"
          : "unavailable:model",
      message,
      { details: { attempts } },
    );
  }
}

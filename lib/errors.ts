/**
 * Typed application errors. The code says what went wrong in a stable,
 * machine-readable way; the message is safe to show to the user. Internals
 * (stack traces, SQL, driver messages) are logged and never returned.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof ERROR_STATUS;

export type ErrorBody = {
  error: { code: string; message: string; details?: unknown; requestId?: string };
};

export class AppError extends Error {
  readonly kind: ErrorKind;
  /** e.g. "forbidden:settings" — the kind, optionally followed by a specific reason. */
  readonly code: string;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(
    code: `${ErrorKind}` | `${ErrorKind}:${string}`,
    message: string,
    opts?: { details?: unknown; headers?: Record<string, string> },
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.kind = code.split(":")[0] as ErrorKind;
    this.details = opts?.details;
    this.headers = opts?.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.kind];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export type VectorIndexErrorCode =
  | "invalid_filter"
  | "invalid_record"
  | "invalid_request"
  | "dimension_mismatch"
  | "unauthorized"
  | "index_not_found"
  | "unreachable"
  | "unavailable"
  | "bad_request"
  | "unknown";

/** Every error the vector index layer throws; `code` is stable, `message` is for humans. */
export class VectorIndexError extends Error {
  readonly code: VectorIndexErrorCode;
  /** HTTP status from a remote index, when there was one. */
  readonly status: number | undefined;

  constructor(code: VectorIndexErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "VectorIndexError";
    this.code = code;
    this.status = options.status;
  }
}

/** A vector's length differs from the namespace's (embedded) or the index's (Pinecone) dimension. */
export class DimensionMismatchError extends VectorIndexError {
  /** The dimension already in use, when known. */
  readonly expected: number | null;
  readonly actual: number | null;

  constructor(
    message: string,
    details: { expected: number | null; actual: number | null; status?: number; cause?: unknown },
  ) {
    super("dimension_mismatch", message, { status: details.status, cause: details.cause });
    this.name = "DimensionMismatchError";
    this.expected = details.expected;
    this.actual = details.actual;
  }
}

export class InvalidFilterError extends VectorIndexError {
  constructor(message: string) {
    super("invalid_filter", message);
    this.name = "InvalidFilterError";
  }
}

export const emptyFilterError = () =>
  new InvalidFilterError("deleteByFilter needs a non-empty filter; use deleteNamespace to delete everything.");

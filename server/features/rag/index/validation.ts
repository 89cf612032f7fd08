import { VectorIndexError } from "./errors";
import { parseFilter } from "./filter";
import { MAX_TOP_K, type MetadataFilter, type QueryRequest, type VectorRecord } from "./types";

/** Checks done identically by both indexes, so they fail the same way before any I/O. */

export function assertNamespace(namespace: string): void {
  if (typeof namespace !== "string" || namespace.length === 0 || namespace.length > 512) {
    throw new VectorIndexError("invalid_request", "namespace must be a non-empty string of at most 512 characters");
  }
}

export function assertVector(values: readonly number[], what: string): void {
  if (!Array.isArray(values) || values.length === 0) {
    throw new VectorIndexError("invalid_record", `${what}: values must be a non-empty array of numbers`);
  }
  let nonZero = false;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new VectorIndexError("invalid_record", `${what}: values must be finite numbers`);
    }
    if (v !== 0) nonZero = true;
  }
  if (!nonZero) throw new VectorIndexError("invalid_record", `${what}: an all-zero vector has no cosine similarity`);
}

export function assertRecords(records: readonly VectorRecord[]): void {
  const dims = new Set<number>();
  for (const r of records) {
    if (typeof r.id !== "string" || r.id.length === 0 || r.id.length > 512) {
      throw new VectorIndexError("invalid_record", "record id must be a non-empty string of at most 512 characters");
    }
    assertVector(r.values, `record ${r.id}`);
    dims.add(r.values.length);
    for (const [key, value] of Object.entries(r.metadata ?? {})) {
      const ok =
        typeof value === "string" ||
        typeof value === "boolean" ||
        (typeof value === "number" && Number.isFinite(value)) ||
        (Array.isArray(value) && value.every((v) => typeof v === "string"));
      if (!ok) {
        throw new VectorIndexError(
          "invalid_record",
          `record ${r.id}: metadata.${key} must be a string, finite number, boolean or list of strings`,
        );
      }
    }
  }
}

export function validateQuery(request: QueryRequest): { filter: MetadataFilter | undefined } {
  if (!Number.isInteger(request.topK) || request.topK < 1 || request.topK > MAX_TOP_K) {
    throw new VectorIndexError("invalid_request", `topK must be an integer from 1 to ${MAX_TOP_K}`);
  }
  assertVector(request.vector, "query vector");
  return { filter: parseFilter(request.filter) };
}

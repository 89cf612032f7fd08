import { Pinecone, type Index, type RecordMetadata } from "@pinecone-database/pinecone";

import { DimensionMismatchError, emptyFilterError, VectorIndexError } from "./errors";
import { parseFilter, toPineconeFilter } from "./filter";
import type { Metadata, QueryMatch, VectorIndex, VectorRecord } from "./types";
import { assertNamespace, assertRecords, validateQuery } from "./validation";

export interface PineconeIndexOptions {
  apiKey: string;
  /** The index's data-plane host, e.g. `my-index-abc123.svc.aped-4627-b74a.pinecone.io` (https is assumed) or a full URL. */
  indexHost: string;
  /** Custom fetch (proxies, tests). Defaults to the global fetch. */
  fetchApi?: typeof fetch;
  /** SDK retries on 5xx responses (exponential backoff). Default 3. */
  maxRetries?: number;
  /** Records per upsert request; Pinecone allows at most 1000. */
  maxBatchRecords?: number;
  /** Approximate JSON bytes per upsert request; Pinecone allows at most 2 MB. */
  maxBatchBytes?: number;
}

export const PINECONE_MAX_BATCH_RECORDS = 1000;
/** Below Pinecone's 2 MB request limit, leaving room for the envelope. */
export const PINECONE_MAX_BATCH_BYTES = 2_000_000;
/** Pinecone's limit on ids per delete request. */
const MAX_DELETE_IDS = 1000;

/** Splits records into batches of at most `maxRecords` and roughly `maxBytes` of JSON each. */
export function batchRecords<T>(records: readonly T[], maxRecords: number, maxBytes: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  const envelope = 64; // {"vectors":[...],"namespace":"..."}
  for (const record of records) {
    const size = Buffer.byteLength(JSON.stringify(record)) + 1;
    if (current.length > 0 && (current.length >= maxRecords || envelope + bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Translates an SDK error into a VectorIndexError with a message that says what to fix.
 * The SDK classifies HTTP statuses by error `name` (PineconeAuthorizationError for 401, ...).
 */
export function mapPineconeError(error: unknown, host: string, operation: string): VectorIndexError {
  if (error instanceof VectorIndexError) return error;
  const name = error instanceof Error ? error.name : "";
  const detail = error instanceof Error ? error.message : String(error);
  const where = `Pinecone ${operation} on ${host}`;
  switch (name) {
    case "PineconeAuthorizationError":
      return new VectorIndexError(
        "unauthorized",
        `${where} was rejected with HTTP 401: the API key is invalid or revoked. ` +
          `Check the workspace's Pinecone API key (Pinecone console → API keys) and that it belongs to the project that owns this index.`,
        { status: 401, cause: error },
      );
    case "PineconeNotFoundError":
      return new VectorIndexError(
        "index_not_found",
        `${where} returned HTTP 404: no index answers at this host. ` +
          `Copy the index host from the Pinecone console (or describe_index) into the workspace settings.`,
        { status: 404, cause: error },
      );
    case "PineconeConnectionError":
      return new VectorIndexError(
        "unreachable",
        `${where} could not connect: check the index host (DNS name or URL) and the network. (${detail})`,
        { cause: error },
      );
    case "PineconeBadRequestError": {
      const m = /dimension (\d+) does not match the dimension of the index (\d+)/i.exec(detail);
      if (m || /dimension/i.test(detail)) {
        return new DimensionMismatchError(
          `${where} rejected the vectors' dimension: ${detail}. ` +
            `The embedding model's output size must equal the index dimension; use another index or re-create it.`,
          { expected: m ? Number(m[2]) : null, actual: m ? Number(m[1]) : null, status: 400, cause: error },
        );
      }
      return new VectorIndexError("bad_request", `${where} was rejected (HTTP 400 or 403): ${detail}`, {
        status: 400,
        cause: error,
      });
    }
    case "PineconeInternalServerError":
    case "PineconeUnavailableError":
    case "PineconeMaxRetriesExceededError":
      return new VectorIndexError("unavailable", `${where} failed on Pinecone's side after retries: ${detail}`, {
        cause: error,
      });
    case "PineconeArgumentError":
      return new VectorIndexError("invalid_request", `${where}: ${detail}`, { cause: error });
    default:
      return new VectorIndexError("unknown", `${where} failed: ${detail}`, { cause: error });
  }
}

/**
 * Serverless indexes answer a delete in a namespace that does not exist (yet, or any more) with
 * 404 "Namespace not found". For us that delete has nothing to do, so it succeeds. The SDK's
 * NotFound error drops the body, so this is decided on the response, before the SDK sees it;
 * any other 404 (e.g. a wrong host path) still surfaces as `index_not_found`.
 */
function namespaceTolerantFetch(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.status !== 404) return response;
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!new URL(url).pathname.endsWith("/vectors/delete")) return response;
    const body = await response.clone().text();
    if (!/namespace not found/i.test(body)) return response;
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
  };
}

/**
 * A VectorIndex over one Pinecone index (created with `metric: "cosine"`), through the official SDK.
 * Namespaces map 1:1 to Pinecone namespaces. The dimension is fixed per Pinecone index.
 */
export function createPineconeIndex(options: PineconeIndexOptions): VectorIndex {
  if (!options.apiKey) throw new VectorIndexError("unauthorized", "A Pinecone API key is required.");
  if (!options.indexHost) throw new VectorIndexError("invalid_request", "A Pinecone index host is required.");
  const host = options.indexHost;
  const maxRecords = Math.min(options.maxBatchRecords ?? PINECONE_MAX_BATCH_RECORDS, PINECONE_MAX_BATCH_RECORDS);
  const maxBytes = options.maxBatchBytes ?? PINECONE_MAX_BATCH_BYTES;

  const client = new Pinecone({
    apiKey: options.apiKey,
    maxRetries: options.maxRetries ?? 3,
    fetchApi: namespaceTolerantFetch(options.fetchApi ?? fetch),
  });
  const index: Index<RecordMetadata> = client.index({ host });
  const ns = (namespace: string) => index.namespace(namespace);

  async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw mapPineconeError(error, host, operation);
    }
  }

  return {
    kind: "pinecone",

    async upsert(namespace, records) {
      assertNamespace(namespace);
      assertRecords(records);
      if (records.length === 0) return;
      const unique = [...new Map(records.map((r) => [r.id, r])).values()];
      const first = unique[0] as VectorRecord;
      const odd = unique.find((r) => r.values.length !== first.values.length);
      if (odd) {
        throw new DimensionMismatchError(
          `Records in one upsert have ${first.values.length} and ${odd.values.length} dimensions.`,
          { expected: first.values.length, actual: odd.values.length },
        );
      }
      const payload = unique.map((r) => ({ id: r.id, values: r.values, metadata: r.metadata }));
      // Sequential, so a later batch never overtakes an earlier one.
      for (const batch of batchRecords(payload, maxRecords, maxBytes)) {
        await call("upsert", () => ns(namespace).upsert({ records: batch }));
      }
    },

    async delete(namespace, ids) {
      assertNamespace(namespace);
      const unique = [...new Set(ids)];
      for (const part of chunk(unique, MAX_DELETE_IDS)) {
        await call("delete", () => ns(namespace).deleteMany({ ids: part }));
      }
    },

    async deleteByFilter(namespace, filter) {
      assertNamespace(namespace);
      const parsed = parseFilter(filter);
      if (parsed === undefined) throw emptyFilterError();
      await call("delete by filter", () => ns(namespace).deleteMany({ filter: toPineconeFilter(parsed) }));
    },

    async deleteNamespace(namespace) {
      assertNamespace(namespace);
      await call("delete namespace", () => ns(namespace).deleteAll());
    },

    async query(namespace, request): Promise<QueryMatch[]> {
      assertNamespace(namespace);
      const { filter } = validateQuery(request);
      const response = await call("query", () =>
        ns(namespace).query({
          vector: request.vector,
          topK: request.topK,
          includeMetadata: true,
          includeValues: false,
          ...(filter ? { filter: toPineconeFilter(filter) } : {}),
        }),
      );
      return response.matches.map((m) => ({
        id: m.id,
        score: m.score ?? 0,
        metadata: (m.metadata ?? {}) as Metadata,
      }));
    },
  };
}

import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { matches, parseFilter } from "../filter";
import type { Metadata } from "../types";

/**
 * A local stand-in for a Pinecone index's data-plane HTTP API, enough for the SDK calls the
 * Pinecone VectorIndex makes: POST /vectors/upsert, POST /query, POST /vectors/delete,
 * POST /describe_index_stats, DELETE /namespaces/{ns}. It checks the `Api-Key` header, fixes the
 * index dimension on first upsert (like a Pinecone index), rejects requests over 2 MB or upserts
 * over 1000 vectors, scores by cosine and evaluates filters with our own `matches()`.
 *
 * It proves the wire contract (paths, bodies, headers, status handling) as the SDK speaks it;
 * it is not Pinecone: ANN recall, filter-semantics edge cases, consistency delays and limits
 * beyond those above are not modelled.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Raw body size in bytes. */
  bytes: number;
  body: unknown;
  status: number;
}

export interface PineconeDoubleOptions {
  apiKey: string;
  /** Index dimension; otherwise set by the first upsert. */
  dimension?: number;
}

export interface PineconeDouble {
  /** `http://127.0.0.1:<port>`: pass as `indexHost`. */
  url: string;
  requests: RecordedRequest[];
  /** Stored vectors per namespace (for assertions). */
  namespaces(): Map<string, Map<string, { values: number[]; metadata: Metadata }>>;
  /** Forget all data and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
const MAX_UPSERT_VECTORS = 1000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly grpcCode: number,
    message: string,
  ) {
    super(message);
  }
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb);
}

type Body = Record<string, unknown>;

export async function startPineconeDouble(options: PineconeDoubleOptions): Promise<PineconeDouble> {
  const data = new Map<string, Map<string, { values: number[]; metadata: Metadata }>>();
  let dimension = options.dimension ?? null;
  const requests: RecordedRequest[] = [];

  const checkDimension = (length: number) => {
    if (dimension === null) dimension = length;
    if (length !== dimension) {
      throw new HttpError(400, 3, `Vector dimension ${length} does not match the dimension of the index ${dimension}`);
    }
  };

  const filterOf = (raw: unknown) => {
    try {
      return parseFilter(raw);
    } catch (e) {
      throw new HttpError(400, 3, `Invalid filter: ${(e as Error).message}`);
    }
  };

  const namespaceOf = (body: Body) => (typeof body.namespace === "string" ? body.namespace : "");

  function handle(method: string, path: string, body: Body): unknown {
    if (method === "POST" && path === "/vectors/upsert") {
      const vectors = body.vectors;
      if (!Array.isArray(vectors) || vectors.length === 0)
        throw new HttpError(400, 3, "vectors must be a non-empty list");
      if (vectors.length > MAX_UPSERT_VECTORS) {
        throw new HttpError(400, 3, `Upsert batch size ${vectors.length} exceeds the maximum of ${MAX_UPSERT_VECTORS}`);
      }
      const ns = namespaceOf(body);
      for (const v of vectors as { id: string; values: number[] }[]) checkDimension(v.values.length);
      let store = data.get(ns);
      if (!store) data.set(ns, (store = new Map()));
      for (const v of vectors as { id: string; values: number[]; metadata?: Metadata }[]) {
        store.set(v.id, { values: v.values, metadata: v.metadata ?? {} });
      }
      return { upsertedCount: vectors.length };
    }
    if (method === "POST" && path === "/query") {
      if (!Array.isArray(body.vector)) throw new HttpError(400, 3, "this double only supports queries by vector");
      const vector = body.vector as number[];
      const topK = Number(body.topK);
      const ns = namespaceOf(body);
      const filter = filterOf(body.filter);
      const store = data.get(ns);
      if (store && store.size > 0) checkDimension(vector.length);
      const scored = [...(store ?? new Map<string, { values: number[]; metadata: Metadata }>()).entries()]
        .filter(([, r]) => matches(r.metadata, filter))
        .map(([id, r]) => ({
          id,
          score: cosine(vector, r.values),
          values: body.includeValues ? r.values : [],
          ...(body.includeMetadata ? { metadata: r.metadata } : {}),
        }))
        .sort((a, b) => b.score - a.score)
        .slice(0, topK);
      return { results: [], matches: scored, namespace: ns, usage: { readUnits: 1 } };
    }
    if (method === "POST" && path === "/vectors/delete") {
      const ns = namespaceOf(body);
      const store = data.get(ns);
      // Serverless indexes answer 404 for a namespace that does not exist.
      if (!store) throw new HttpError(404, 5, "Namespace not found");
      if (body.deleteAll === true) data.delete(ns);
      else if (Array.isArray(body.ids)) for (const id of body.ids as string[]) store.delete(id);
      else if (body.filter !== undefined) {
        const filter = filterOf(body.filter);
        for (const [id, r] of store) if (matches(r.metadata, filter)) store.delete(id);
      } else throw new HttpError(400, 3, "one of ids, deleteAll or filter is required");
      return {};
    }
    if (method === "POST" && path === "/describe_index_stats") {
      const namespaces = Object.fromEntries([...data].map(([ns, s]) => [ns, { vectorCount: s.size }]));
      const total = [...data.values()].reduce((n, s) => n + s.size, 0);
      return { namespaces, dimension: dimension ?? 0, indexFullness: 0, totalVectorCount: total };
    }
    const nsMatch = /^\/namespaces\/([^/]+)$/.exec(path);
    if (method === "DELETE" && nsMatch) {
      const ns = decodeURIComponent(nsMatch[1] as string);
      if (!data.delete(ns)) throw new HttpError(404, 5, "Namespace not found");
      return {};
    }
    throw new HttpError(404, 5, `Not found: ${method} ${path}`);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const path = (req.url ?? "/").split("?")[0] as string;
      const method = req.method ?? "GET";
      let body: unknown = undefined;
      let status = 200;
      let payload: unknown;
      try {
        if (raw.length > 0) {
          try {
            body = JSON.parse(raw.toString("utf8"));
          } catch {
            throw new HttpError(400, 3, "Request body is not valid JSON");
          }
        }
        if (req.headers["api-key"] !== options.apiKey) throw new HttpError(401, 16, "Invalid API Key");
        if (raw.length > MAX_REQUEST_BYTES) {
          throw new HttpError(
            400,
            3,
            `Request size ${(raw.length / 1e6).toFixed(1)}MB exceeds the maximum supported size of 2MB`,
          );
        }
        payload = handle(method, path, (body ?? {}) as Body);
      } catch (e) {
        const http = e instanceof HttpError ? e : new HttpError(500, 13, String(e));
        status = http.status;
        payload = { code: http.grpcCode, message: http.message, details: [] };
      }
      requests.push({ method, path, headers: req.headers, bytes: raw.length, body, status });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    namespaces: () => data,
    reset() {
      data.clear();
      requests.length = 0;
      dimension = options.dimension ?? null;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

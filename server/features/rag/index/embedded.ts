import { DimensionMismatchError, emptyFilterError } from "./errors";
import { matches, parseFilter } from "./filter";
import { TopK } from "./heap";
import type { Metadata, MetadataFilter, QueryMatch, QueryRequest, VectorIndex, VectorRecord } from "./types";
import { assertNamespace, assertRecords, validateQuery } from "./validation";

/**
 * Where the embedded index keeps its records between processes. The knowledge-base service backs
 * it with the database; `createMemoryPersistence()` is for tests.
 *
 * `load` is called once per namespace, on first use. `save` is called before a change is applied
 * in memory (if it throws, the index is unchanged) and receives the full records upserted and the
 * ids deleted; writes to one namespace are serialised, so calls arrive in order.
 */
export interface EmbeddedPersistence {
  load(namespace: string): Promise<VectorRecord[]>;
  save(namespace: string, upserts: readonly VectorRecord[], deletes: readonly string[]): Promise<void>;
  /** Optional fast path for deleteNamespace; without it, `save` receives every id as a delete. */
  dropNamespace?(namespace: string): Promise<void>;
}

export interface EmbeddedIndexOptions {
  persistence?: EmbeddedPersistence;
}

/** One namespace: vectors L2-normalised in one contiguous Float32Array, slot i at [i*dim, (i+1)*dim). */
class Shard {
  dim = 0;
  count = 0;
  buf = new Float32Array(0);
  ids: string[] = [];
  meta: Metadata[] = [];
  slotOf = new Map<string, number>();
  /** Tail of the write queue for this namespace. */
  writes: Promise<unknown> = Promise.resolve();

  /** Resolves once the persisted records are in memory. */
  loaded: Promise<void> = Promise.resolve();

  checkDim(namespace: string, length: number): void {
    if (this.count > 0 && length !== this.dim) {
      throw new DimensionMismatchError(
        `Vector has ${length} dimensions but namespace "${namespace}" holds ${this.dim}-dimensional vectors; ` +
          `re-embed with the same model or delete the namespace first.`,
        { expected: this.dim, actual: length },
      );
    }
  }

  put(record: VectorRecord): void {
    if (this.count === 0) this.dim = record.values.length;
    const dim = this.dim;
    let slot = this.slotOf.get(record.id);
    if (slot === undefined) {
      slot = this.count++;
      if (this.buf.length < this.count * dim) {
        const grown = new Float32Array(Math.max(1024 * dim, 2 * this.buf.length, this.count * dim));
        grown.set(this.buf.subarray(0, slot * dim));
        this.buf = grown;
      }
      this.slotOf.set(record.id, slot);
    }
    this.ids[slot] = record.id;
    this.meta[slot] = cloneMetadata(record.metadata ?? {});
    const off = slot * dim;
    let norm = 0;
    for (const v of record.values) norm += v * v;
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < dim; j++) this.buf[off + j] = (record.values[j] as number) * inv;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const last = --this.count;
    if (slot !== last) {
      // Move the last slot into the hole.
      this.buf.copyWithin(slot * this.dim, last * this.dim, (last + 1) * this.dim);
      const lastId = this.ids[last] as string;
      this.ids[slot] = lastId;
      this.meta[slot] = this.meta[last] as Metadata;
      this.slotOf.set(lastId, slot);
    }
    this.ids.length = last;
    this.meta.length = last;
    this.slotOf.delete(id);
  }

  clear(): void {
    this.count = 0;
    this.dim = 0;
    this.buf = new Float32Array(0);
    this.ids = [];
    this.meta = [];
    this.slotOf.clear();
  }
}

function cloneMetadata(m: Metadata): Metadata {
  const out: Metadata = {};
  for (const [k, v] of Object.entries(m)) out[k] = Array.isArray(v) ? [...v] : v;
  return out;
}

/**
 * Exact (brute-force) cosine search in process memory: filter first, then a dot product against
 * each pre-normalised vector, keeping the best topK in a bounded min-heap. O(n·dim) per query;
 * fine up to ~100k chunks per namespace (see `benchEmbedded()`).
 */
export function createEmbeddedIndex(options: EmbeddedIndexOptions = {}): VectorIndex & {
  /** Records held in a namespace (loads it if needed). */
  count(namespace: string): Promise<number>;
} {
  const persistence = options.persistence;
  const shards = new Map<string, Shard>();

  function shard(namespace: string): Shard {
    let s = shards.get(namespace);
    if (!s) {
      const created = new Shard();
      created.loaded = (async () => {
        const records = persistence ? await persistence.load(namespace) : [];
        assertRecords(records);
        for (const r of records) {
          created.checkDim(namespace, r.values.length);
          created.put(r);
        }
      })();
      // A failed load is retried on next use rather than cached.
      created.loaded.catch(() => shards.delete(namespace));
      shards.set(namespace, created);
      s = created;
    }
    return s;
  }

  /** Runs a write after the namespace has loaded and after earlier writes to it. */
  function write<T>(namespace: string, fn: (s: Shard) => Promise<T>): Promise<T> {
    const s = shard(namespace);
    const run = s.writes.then(async () => {
      await s.loaded;
      return fn(s);
    });
    s.writes = run.catch(() => undefined);
    return run;
  }

  return {
    kind: "embedded",

    async upsert(namespace, records) {
      assertNamespace(namespace);
      assertRecords(records);
      if (records.length === 0) return;
      // Last occurrence of an id wins, as in Pinecone.
      const unique = [...new Map(records.map((r) => [r.id, r])).values()];
      await write(namespace, async (s) => {
        const first = unique[0] as VectorRecord;
        s.checkDim(namespace, first.values.length);
        for (const r of unique) {
          s.checkDim(namespace, r.values.length);
          if (r.values.length !== first.values.length) {
            throw new DimensionMismatchError(
              `Records in one upsert have ${first.values.length} and ${r.values.length} dimensions.`,
              { expected: first.values.length, actual: r.values.length },
            );
          }
        }
        await persistence?.save(namespace, unique, []);
        for (const r of unique) s.put(r);
      });
    },

    async delete(namespace, ids) {
      assertNamespace(namespace);
      if (ids.length === 0) return;
      await write(namespace, async (s) => {
        const present = [...new Set(ids)].filter((id) => s.slotOf.has(id));
        if (present.length === 0) return;
        await persistence?.save(namespace, [], present);
        for (const id of present) s.remove(id);
      });
    },

    async deleteByFilter(namespace, filter: MetadataFilter) {
      assertNamespace(namespace);
      const parsed = parseFilter(filter);
      if (parsed === undefined) throw emptyFilterError();
      await write(namespace, async (s) => {
        const doomed: string[] = [];
        for (let i = 0; i < s.count; i++) if (matches(s.meta[i] as Metadata, parsed)) doomed.push(s.ids[i] as string);
        if (doomed.length === 0) return;
        await persistence?.save(namespace, [], doomed);
        for (const id of doomed) s.remove(id);
      });
    },

    async deleteNamespace(namespace) {
      assertNamespace(namespace);
      await write(namespace, async (s) => {
        if (persistence?.dropNamespace) await persistence.dropNamespace(namespace);
        else if (s.count > 0) await persistence?.save(namespace, [], [...s.ids]);
        s.clear();
      });
    },

    async query(namespace, request: QueryRequest): Promise<QueryMatch[]> {
      assertNamespace(namespace);
      const { filter } = validateQuery(request);
      const s = shard(namespace);
      await s.loaded;
      if (s.count === 0) return [];
      s.checkDim(namespace, request.vector.length);
      const { dim, buf, count, meta } = s;

      const q = new Float32Array(dim);
      let norm = 0;
      for (const v of request.vector) norm += v * v;
      const inv = 1 / Math.sqrt(norm);
      for (let j = 0; j < dim; j++) q[j] = (request.vector[j] as number) * inv;

      const top = new TopK(Math.min(request.topK, count));
      const tail = dim - (dim % 4);
      for (let slot = 0; slot < count; slot++) {
        if (filter !== undefined && !matches(meta[slot] as Metadata, filter)) continue;
        const off = slot * dim;
        let a = 0;
        let b = 0;
        let c = 0;
        let d = 0;
        let j = 0;
        for (; j < tail; j += 4) {
          a += buf[off + j]! * q[j]!;
          b += buf[off + j + 1]! * q[j + 1]!;
          c += buf[off + j + 2]! * q[j + 2]!;
          d += buf[off + j + 3]! * q[j + 3]!;
        }
        for (; j < dim; j++) a += buf[off + j]! * q[j]!;
        const score = a + b + c + d;
        if (score > top.threshold) top.push(slot, score);
      }
      return top.sorted().map(({ item, score }) => ({
        id: s.ids[item] as string,
        score,
        metadata: cloneMetadata(meta[item] as Metadata),
      }));
    },

    async count(namespace) {
      const s = shard(namespace);
      await s.loaded;
      return s.count;
    },
  };
}

/** Persistence in a Map, recording every call: for tests and as a reference implementation. */
export function createMemoryPersistence(): EmbeddedPersistence & {
  readonly data: Map<string, Map<string, VectorRecord>>;
  readonly calls: { op: "load" | "save"; namespace: string; upserts?: string[]; deletes?: string[] }[];
} {
  const data = new Map<string, Map<string, VectorRecord>>();
  const calls: { op: "load" | "save"; namespace: string; upserts?: string[]; deletes?: string[] }[] = [];
  return {
    data,
    calls,
    async load(namespace) {
      calls.push({ op: "load", namespace });
      return [...(data.get(namespace)?.values() ?? [])].map((r) => structuredClone(r));
    },
    async save(namespace, upserts, deletes) {
      calls.push({ op: "save", namespace, upserts: upserts.map((r) => r.id), deletes: [...deletes] });
      let ns = data.get(namespace);
      if (!ns) data.set(namespace, (ns = new Map()));
      for (const r of upserts) ns.set(r.id, structuredClone(r));
      for (const id of deletes) ns.delete(id);
    },
  };
}

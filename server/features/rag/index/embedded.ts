import { ColumnStore, scanTopK } from "./columns";
import { DimensionMismatchError, emptyFilterError } from "./errors";
import { compileFilter, parseFilter } from "./filter";
import { TopK } from "./heap";
import type { Metadata, MetadataFilter, QueryMatch, QueryRequest, VectorIndex, VectorRecord } from "./types";
import { assertNamespace, assertRecords, validateQuery } from "./validation";

/**
 * Where the embedded index keeps its records between processes. The knowledge-base service backs
 * it with the database; `createMemoryPersistence()` is for tests.
 *
 * `load` is called once per namespace, on first use, and again after `evict`. `save` is called
 * before a change is applied in memory (if it throws, the index is unchanged) and receives the
 * full records upserted and the ids deleted; writes to one namespace are serialised, so calls
 * arrive in order.
 */
export interface EmbeddedPersistence {
  load(namespace: string): Promise<VectorRecord[]>;
  save(namespace: string, upserts: readonly VectorRecord[], deletes: readonly string[]): Promise<void>;
  /** Optional fast path for deleteNamespace; without it, `save` receives every id as a delete. */
  dropNamespace?(namespace: string): Promise<void>;
}

export interface EmbeddedIndexOptions {
  persistence?: EmbeddedPersistence;
  /**
   * Score namespaces of 1024+ vectors with the WebAssembly SIMD kernels when the runtime has
   * them (default true). `false` runs the scalar JavaScript loop everywhere (tests, benchmarks).
   */
  simd?: boolean;
}

/** The embedded index: the VectorIndex operations plus cache control and diagnostics. */
export type EmbeddedIndex = VectorIndex & {
  readonly kind: "embedded";
  /** Records held in a namespace (loads it if needed). */
  count(namespace: string): Promise<number>;
  /**
   * Drops a namespace from memory without touching persistence, e.g. after another server
   * instance changed it; the next call on it reloads it through `persistence.load`. Writes
   * already queued for the namespace still run (and save) first; the reload waits for them.
   * Queries keep seeing either the old records or the fully reloaded ones, never a partial load.
   * Without persistence this empties the namespace.
   */
  evict(namespace: string): void;
  /** Records held in memory for a namespace; undefined when it is not loaded (or still loading). */
  size(namespace: string): number | undefined;
};

/**
 * One namespace: vectors L2-normalised into a column-major ColumnStore (see columns.ts), with
 * ids and metadata by slot. Slots 0 .. count-1 are in use.
 */
class Shard {
  dim = 0;
  count = 0;
  store: ColumnStore | null = null;
  ids: string[] = [];
  meta: Metadata[] = [];
  slotOf = new Map<string, number>();
  /** Tail of the write queue for this namespace. */
  writes: Promise<unknown> = Promise.resolve();

  /** Resolves once the persisted records are in memory. */
  loaded: Promise<void> = Promise.resolve();
  /** Set when `loaded` has resolved. */
  ready = false;

  constructor(private readonly simd: boolean) {}

  checkDim(namespace: string, length: number): void {
    if (this.count > 0 && length !== this.dim) {
      throw new DimensionMismatchError(
        `Vector has ${length} dimensions but namespace "${namespace}" holds ${this.dim}-dimensional vectors; ` +
          `re-embed with the same model or delete the namespace first.`,
        { expected: this.dim, actual: length },
      );
    }
  }

  /** Makes room for `extra` more records of `dim` dimensions (the caller has checked dim). */
  reserve(dim: number, extra: number): ColumnStore {
    if (this.count === 0 && (this.store === null || this.store.dim !== dim)) {
      this.dim = dim;
      this.store = new ColumnStore(dim, this.simd);
    }
    const store = this.store as ColumnStore;
    store.reserve(this.count + extra, this.count);
    return store;
  }

  put(record: VectorRecord): void {
    let slot = this.slotOf.get(record.id);
    if (slot === undefined) {
      this.reserve(record.values.length, 1);
      slot = this.count++;
      this.slotOf.set(record.id, slot);
    }
    this.ids[slot] = record.id;
    this.meta[slot] = cloneMetadata(record.metadata ?? {});
    const [div, mul] = normFactors(record.values);
    // A store exists whenever a slot does.
    (this.store as ColumnStore).write(slot, record.values, div, mul);
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const last = --this.count;
    if (slot !== last) {
      // Move the last slot into the hole (in every column).
      this.store?.move(last, slot);
      const lastId = this.ids[last] as string;
      this.ids[slot] = lastId;
      this.meta[slot] = this.meta[last] as Metadata;
      this.slotOf.set(lastId, slot);
    }
    this.ids.length = last;
    this.meta.length = last;
    this.slotOf.delete(id);
    if (last === 0) this.store = null; // release the memory of an emptied namespace
  }

  clear(): void {
    this.count = 0;
    this.dim = 0;
    this.store = null;
    this.ids = [];
    this.meta = [];
    this.slotOf.clear();
  }
}

/**
 * `[div, mul]` such that `values[j] / div * mul` is the unit vector. `div` is 1 unless the
 * squared norm under- or overflows a double, in which case the components are scaled first.
 */
function normFactors(values: readonly number[]): [number, number] {
  let sum = 0;
  for (const v of values) sum += v * v;
  if (sum > 0 && Number.isFinite(sum)) return [1, 1 / Math.sqrt(sum)];
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  sum = 0;
  for (const v of values) sum += (v / max) * (v / max);
  return [max, 1 / Math.sqrt(sum)];
}

function cloneMetadata(m: Metadata): Metadata {
  const out: Metadata = {};
  for (const [k, v] of Object.entries(m)) out[k] = Array.isArray(v) ? [...v] : v;
  return out;
}

/**
 * Exact (brute-force) cosine search in process memory: filter first, then the dot product of the
 * query with every (matching) pre-normalised vector, keeping the best topK in a bounded min-heap.
 * Vectors are stored dimension-major, so a sparse query only reads its non-zero dimensions.
 * O(n · non-zero query dims) per query; fine up to ~100k chunks per namespace (`benchEmbedded()`).
 */
export function createEmbeddedIndex(options: EmbeddedIndexOptions = {}): EmbeddedIndex {
  const persistence = options.persistence;
  const simd = options.simd ?? true;
  const shards = new Map<string, Shard>();
  /** Write-queue tails of evicted shards: a namespace's reload waits for them. */
  const draining = new Map<string, Promise<unknown>>();

  function shard(namespace: string): Shard {
    let s = shards.get(namespace);
    if (!s) {
      const created = new Shard(simd);
      const after = draining.get(namespace);
      draining.delete(namespace);
      created.loaded = (async () => {
        if (after) await after;
        const records = persistence ? await persistence.load(namespace) : [];
        assertRecords(records);
        const first = records[0];
        if (first) created.reserve(first.values.length, records.length);
        for (const r of records) {
          created.checkDim(namespace, r.values.length);
          created.put(r);
        }
        created.ready = true;
      })();
      // A failed load is retried on next use rather than cached.
      created.loaded.catch(() => {
        if (shards.get(namespace) === created) shards.delete(namespace);
      });
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
        let added = 0;
        for (const r of unique) if (!s.slotOf.has(r.id)) added++;
        s.reserve(first.values.length, added);
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
        const matches = compileFilter(parsed);
        for (let i = 0; i < s.count; i++) if (matches(s.meta[i] as Metadata)) doomed.push(s.ids[i] as string);
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
      // From here on everything is synchronous: no write can interleave.
      const { count, meta, store } = s;
      if (count === 0 || store === null) return [];
      s.checkDim(namespace, request.vector.length);

      // The query's non-zero dimensions and their normalised values (float64).
      const vector = request.vector;
      const [div, mul] = normFactors(vector);
      const dims = new Int32Array(vector.length);
      const q = new Float64Array(vector.length);
      let m = 0;
      for (let j = 0; j < vector.length; j++) {
        const v = vector[j] as number;
        if (v !== 0) {
          dims[m] = j;
          q[m++] = (v / div) * mul;
        }
      }

      let matched: Int32Array | undefined;
      if (filter !== undefined) {
        const matches = compileFilter(filter);
        const slots = new Int32Array(count);
        let n = 0;
        for (let slot = 0; slot < count; slot++) if (matches(meta[slot] as Metadata)) slots[n++] = slot;
        if (n === 0) return [];
        matched = slots.subarray(0, n);
      }

      const top = new TopK(Math.min(request.topK, matched?.length ?? count));
      scanTopK(store, count, dims, q, m, top, matched);
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

    evict(namespace) {
      assertNamespace(namespace);
      const s = shards.get(namespace);
      if (!s) return;
      shards.delete(namespace);
      // The old shard stays intact for queries already holding it; it is garbage once they finish.
      const tail = s.writes;
      draining.set(namespace, tail);
      void tail.then(() => {
        if (draining.get(namespace) === tail) draining.delete(namespace);
      });
    },

    size(namespace) {
      const s = shards.get(namespace);
      return s?.ready ? s.count : undefined;
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

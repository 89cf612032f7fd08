/**
 * Vector index layer of the knowledge base: one interface, two implementations
 * (`embedded.ts`: exact in-process search; `pinecone.ts`: Pinecone through its SDK).
 *
 * Scores are cosine similarity in [-1, 1] (higher is nearer). The embedded index computes it
 * exactly; a Pinecone index returns it when the index was created with `metric: "cosine"`.
 */

/** Metadata values Pinecone accepts (no nulls, no nested objects, lists of strings only). */
export type MetadataValue = string | number | boolean | string[];
export type Metadata = Record<string, MetadataValue>;

export interface VectorRecord {
  /** Unique within a namespace; re-upserting an id replaces its values and metadata. */
  id: string;
  /** Dense vector; every record of a namespace has the same length. Must not be all zeros. */
  values: number[];
  metadata: Metadata;
}

/** A scalar a filter may compare with. */
export type FilterScalar = string | number | boolean;

/** Operators on one metadata field. An object may combine several; all must hold. */
export interface FieldOperators {
  $eq?: FilterScalar;
  $ne?: FilterScalar;
  $in?: FilterScalar[];
  $nin?: FilterScalar[];
  $gt?: number;
  $gte?: number;
  $lt?: number;
  $lte?: number;
}

/** `{ field: value }` is shorthand for `{ field: { $eq: value } }`. */
export type FieldCondition = FilterScalar | FieldOperators;

/** Conditions on fields; several fields are combined with AND. */
export type FieldFilter = { [field: string]: FieldCondition };

/**
 * The subset of Pinecone's metadata filter language both indexes support (see filter.ts and
 * README.md): field conditions, or one top-level `$and` / `$or` of field-condition objects.
 */
export type MetadataFilter = FieldFilter | { $and: FieldFilter[] } | { $or: FieldFilter[] };

export interface QueryRequest {
  vector: number[];
  /** 1..10,000 (Pinecone's limit). */
  topK: number;
  filter?: MetadataFilter;
}

export interface QueryMatch {
  id: string;
  /** Cosine similarity with the query vector. */
  score: number;
  metadata: Metadata;
}

export interface VectorIndex {
  /** Which implementation this is, for logs and diagnostics. */
  readonly kind: "embedded" | "pinecone";
  /** Inserts or replaces records by id. */
  upsert(namespace: string, records: readonly VectorRecord[]): Promise<void>;
  /** Removes records by id; unknown ids are ignored. */
  delete(namespace: string, ids: readonly string[]): Promise<void>;
  /** Removes every record whose metadata matches the filter. */
  deleteByFilter(namespace: string, filter: MetadataFilter): Promise<void>;
  /** Removes every record of one namespace (other namespaces are untouched). */
  deleteNamespace(namespace: string): Promise<void>;
  /** Nearest neighbours by cosine similarity, best first, at most `topK`. Empty namespace → []. */
  query(namespace: string, request: QueryRequest): Promise<QueryMatch[]>;
}

/** Pinecone's limit on `topK`; the embedded index enforces the same bound so both behave alike. */
export const MAX_TOP_K = 10_000;

export type {
  FieldCondition,
  FieldFilter,
  FieldOperators,
  FilterScalar,
  Metadata,
  MetadataFilter,
  MetadataValue,
  QueryMatch,
  QueryRequest,
  VectorIndex,
  VectorRecord,
} from "./types";
export { MAX_TOP_K } from "./types";
export { DimensionMismatchError, InvalidFilterError, VectorIndexError, type VectorIndexErrorCode } from "./errors";
export { compileFilter, matches, parseFilter, toPineconeFilter } from "./filter";
export {
  createEmbeddedIndex,
  createMemoryPersistence,
  type EmbeddedIndex,
  type EmbeddedIndexOptions,
  type EmbeddedPersistence,
} from "./embedded";
export {
  createPineconeIndex,
  mapPineconeError,
  PINECONE_MAX_BATCH_BYTES,
  PINECONE_MAX_BATCH_RECORDS,
  type PineconeIndexOptions,
} from "./pinecone";
export { createIndexSelector, workspaceNamespace, type WorkspaceIndexConfig } from "./select";
export { benchEmbedded, type EmbeddedBenchOptions, type EmbeddedBenchResult } from "./bench";

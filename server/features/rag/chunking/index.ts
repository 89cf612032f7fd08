export { chunkDocument, chunkOptionsSchema, type Chunk, type ChunkOptions } from "./chunk";
export { parseBlocks, plainText } from "./parse";
export type { Block, BlockKind, SourceFormat } from "./types";

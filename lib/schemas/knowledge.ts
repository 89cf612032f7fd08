import { z } from "zod";

/** Formats the knowledge base ingests; the file picker and the upload route share this list. */
export const KNOWLEDGE_ACCEPT = ".md,.markdown,.txt,.text,.html,.htm,.pdf";
export const KNOWLEDGE_FORMATS = ["markdown", "text", "html", "pdf"] as const;
export const TextFormat = z.enum(["markdown", "text", "html"]);

/** Limits shared by the forms and the routes. */
export const KNOWLEDGE_LIMITS = {
  titleMax: 200,
  tagMax: 40,
  tagsMax: 20,
  pasteMaxChars: 1_000_000,
  queryMaxChars: 1_000,
  topKMax: 50,
  groundMaxChars: 100_000,
} as const;

const IsoDay = z.iso.date({ message: "Use a date like 2026-03-01" });

const Tag = z
  .string()
  .trim()
  .min(1)
  .max(KNOWLEDGE_LIMITS.tagMax, `A tag has at most ${KNOWLEDGE_LIMITS.tagMax} characters`)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, "Tags may use letters, digits, spaces, “-”, “_” and “.”")
  .transform((t) => t.toLowerCase());

export const Tags = z
  .array(Tag)
  .max(KNOWLEDGE_LIMITS.tagsMax, `At most ${KNOWLEDGE_LIMITS.tagsMax} tags`)
  .transform((ts) => [...new Set(ts)]);

/** "a, b , c" → ["a","b","c"] for form fields and multipart uploads. */
export function splitTags(raw: string | null | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Metadata sent with an upload (multipart fields) or a paste. */
export const DocumentMeta = z.object({
  title: z.string().trim().max(KNOWLEDGE_LIMITS.titleMax).optional(),
  tags: Tags.default([]),
  effectiveDate: IsoDay.optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const PasteBody = DocumentMeta.extend({
  title: z.string().trim().min(1, "Give the text a title").max(KNOWLEDGE_LIMITS.titleMax),
  text: z
    .string()
    .max(KNOWLEDGE_LIMITS.pasteMaxChars, "Pasted text is limited to 1,000,000 characters; upload a file instead")
    .refine((t) => t.trim().length > 0, "The text is empty"),
  format: TextFormat.default("markdown"),
  /** Identity for re-ingest; defaults to `paste:<title>`. */
  source: z.string().trim().min(1).max(500).optional(),
});
export type PasteBody = z.input<typeof PasteBody>;

export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  sourceKind: z.enum(["upload", "paste", "cli", "api", "seed"]),
  sourceFormat: z.enum(KNOWLEDGE_FORMATS),
  version: z.number().int(),
  contentHash: z.string(),
  tags: z.array(z.string()),
  effectiveDate: z.string().nullable(),
  byteSize: z.number().int(),
  chunkCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentPage = z.object({ items: z.array(DocumentSummary), nextCursor: z.string().nullable() });
export type DocumentPage = z.infer<typeof DocumentPage>;

export const DocumentListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(KNOWLEDGE_LIMITS.tagMax).optional(),
});

export const ChunkOut = z.object({
  id: z.string(),
  ordinal: z.number().int(),
  headingPath: z.array(z.string()),
  start: z.number().int(),
  end: z.number().int(),
  tokenCount: z.number().int(),
  embeddingModel: z.string().nullable(),
  text: z.string(),
  /** Prompt-injection score from the guardrails (0–1). */
  injectionScore: z.number(),
  /** Quarantined chunks are never retrieved into a prompt. */
  quarantined: z.boolean(),
});
export type ChunkOut = z.infer<typeof ChunkOut>;

export const DocumentDetail = DocumentSummary.extend({
  textFormat: TextFormat,
  /** The text chunk offsets point into. */
  text: z.string(),
  chunks: z.array(ChunkOut),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const JobStatus = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);

export const IngestOutcome = z.object({
  documentId: z.string(),
  title: z.string(),
  outcome: z.enum(["created", "replaced", "unchanged"]),
  version: z.number().int(),
  chunkCount: z.number().int(),
  warnings: z.array(z.string()),
});
export type IngestOutcome = z.infer<typeof IngestOutcome>;

export const JobOut = z.object({
  id: z.string(),
  kind: z.string(),
  status: JobStatus,
  /** What the job works on, e.g. the file name. */
  label: z.string(),
  progress: z.object({ done: z.number().int(), total: z.number().int(), stage: z.string().nullable() }),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  result: z.unknown().nullable(),
  attempts: z.number().int(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type JobOut = z.infer<typeof JobOut>;

export const JobList = z.object({ items: z.array(JobOut) });
export type JobList = z.infer<typeof JobList>;

export const SearchMode = z.enum(["hybrid", "lexical", "vector"]);
export type SearchMode = z.infer<typeof SearchMode>;

export const SearchFilters = z.object({
  tags: z.array(Tag).max(KNOWLEDGE_LIMITS.tagsMax).optional(),
  sources: z.array(z.string().min(1).max(500)).max(50).optional(),
  documentIds: z.array(z.string().min(1).max(100)).max(200).optional(),
  /** Only documents effective on or after / on or before this day (documents without a date are excluded). */
  effectiveFrom: IsoDay.optional(),
  effectiveTo: IsoDay.optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchBody = z.object({
  query: z
    .string()
    .trim()
    .min(1, "Type something to search for")
    .max(KNOWLEDGE_LIMITS.queryMaxChars, `Queries are limited to ${KNOWLEDGE_LIMITS.queryMaxChars} characters`),
  mode: SearchMode.default("hybrid"),
  topK: z.number().int().min(1).max(KNOWLEDGE_LIMITS.topKMax).default(10),
  filters: SearchFilters.default({}),
  /** Rerank the fused candidates with the judge role (needs a real model). */
  rerank: z.boolean().default(false),
});
export type SearchBody = z.input<typeof SearchBody>;

export const SearchHit = z.object({
  chunkId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  source: z.string(),
  headingPath: z.array(z.string()),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /** The score the results are ordered by (fused RRF score in hybrid mode). */
  score: z.number(),
  lexical: z.object({ rank: z.number().int(), score: z.number() }).nullable(),
  vector: z.object({ rank: z.number().int(), score: z.number() }).nullable(),
  rerank: z.object({ rank: z.number().int(), score: z.number() }).nullable(),
  matchedTerms: z.array(z.string()),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  query: z.string(),
  mode: SearchMode,
  results: z.array(SearchHit),
  /** Model the query (and the chunks searched) were embedded with; null when no vector search ran. */
  embeddingModel: z.string().nullable(),
  vectorIndex: z.enum(["embedded", "pinecone"]),
  warnings: z.array(z.string()),
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const KnowledgeSettingsOut = z.object({
  chunkTarget: z.number().int(),
  chunkOverlap: z.number().int(),
  vectorIndex: z.enum(["embedded", "pinecone"]),
  pineconeHost: z.string().nullable(),
  pineconeKeySet: z.boolean(),
  /** Model the stored vectors were made with. */
  embeddingModel: z.string().nullable(),
  /** Model the embed route uses now; differs from `embeddingModel` until a re-index finishes. */
  currentEmbeddingModel: z.string(),
  reindexNeeded: z.boolean(),
  documentCount: z.number().int(),
  chunkCount: z.number().int(),
  maxUploadBytes: z.number().int(),
});
export type KnowledgeSettingsOut = z.infer<typeof KnowledgeSettingsOut>;

export const KnowledgeSettingsBody = z
  .object({
    chunkTarget: z.number().int().min(200, "At least 200 characters").max(8000, "At most 8,000 characters"),
    chunkOverlap: z.number().int().min(0).max(1000, "At most 1,000 characters"),
    vectorIndex: z.enum(["embedded", "pinecone"]),
    pineconeHost: z
      .url({ message: "Enter the index host URL, e.g. https://my-index-abc123.svc.pinecone.io" })
      .optional(),
    /** Empty keeps the stored key. */
    pineconeApiKey: z.string().trim().max(200).optional(),
  })
  .refine((b) => b.chunkOverlap < b.chunkTarget / 2, {
    message: "Overlap must be less than half the target size",
    path: ["chunkOverlap"],
  });
export type KnowledgeSettingsBody = z.input<typeof KnowledgeSettingsBody>;

export const GroundBody = z.object({
  text: z.string().min(1, "Paste the text to check").max(KNOWLEDGE_LIMITS.groundMaxChars),
  /** Check against these chunks; otherwise the best chunks for each sentence are retrieved. */
  chunkIds: z.array(z.string()).max(200).optional(),
  filters: SearchFilters.default({}),
});
export type GroundBody = z.input<typeof GroundBody>;

export const GroundFact = z.object({
  kind: z.enum(["number", "price", "percent", "date", "measure", "entity", "claim"]),
  text: z.string(),
  normalized: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  supported: z.boolean(),
});

/** A chunk that supports a sentence, with where it sits in its document (for the citation link). */
export const GroundSupport = z.object({
  chunkId: z.string(),
  score: z.number(),
  matchedFacts: z.array(z.string()),
  documentId: z.string(),
  documentTitle: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

export const GroundSentence = z.object({
  index: z.number().int(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  factual: z.boolean(),
  supported: z.boolean().nullable(),
  facts: z.array(GroundFact),
  support: z.array(GroundSupport),
  method: z.enum(["lexical", "lexical+judge"]),
  reason: z.string(),
});
export type GroundSentence = z.infer<typeof GroundSentence>;

export const GroundResult = z.object({
  /** Supported factual sentences / factual sentences; 1 when the text states no checkable fact. */
  score: z.number().min(0).max(1),
  factualCount: z.number().int(),
  supportedCount: z.number().int(),
  sentences: z.array(GroundSentence),
  /** How many knowledge chunks the text was checked against. */
  chunksConsidered: z.number().int(),
  method: z.enum(["lexical", "lexical+judge"]),
  warnings: z.array(z.string()),
});
export type GroundResult = z.infer<typeof GroundResult>;

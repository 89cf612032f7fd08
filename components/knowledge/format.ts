import type { DocumentSummary, IngestOutcome, JobOut, SearchHit, SearchMode } from "@/lib/schemas/knowledge";

/** Display helpers for the knowledge base: sizes, dates, models, job outcomes and ranking. */

const intFmt = new Intl.NumberFormat("en-US");
const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dayFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatInt(n: number): string {
  return intFmt.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

/** 1234 → "1.2 KB"; decimal units, like the server's limit messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb * 10) / 10 : Math.round(mb * 100) / 100} MB`;
}

export function formatDate(iso: string): string {
  return dateFmt.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFmt.format(new Date(iso));
}

/** A calendar day ("2026-03-01"), shown without shifting it through the local time zone. */
export function formatDay(day: string | null): string {
  if (!day) return "—";
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : dayFmt.format(d);
}

export const FORMAT_LABELS: Record<DocumentSummary["sourceFormat"], string> = {
  markdown: "Markdown",
  text: "Plain text",
  html: "HTML",
  pdf: "PDF",
};

export const SOURCE_KIND_LABELS: Record<DocumentSummary["sourceKind"], string> = {
  upload: "Upload",
  paste: "Pasted",
  cli: "CLI",
  api: "API",
  seed: "Demo seed",
};

export const MODE_LABELS: Record<SearchMode, string> = {
  hybrid: "Hybrid (words + vectors)",
  lexical: "Lexical (BM25 keywords)",
  vector: "Vector (embeddings)",
};

export const INDEX_LABELS = { embedded: "embedded index", pinecone: "Pinecone index" } as const;

/** True for the built-in offline embedder, which hashes words rather than modelling meaning. */
export function isLexicalHashModel(model: string | null | undefined): boolean {
  return Boolean(model && /(^|\/)lexical-hash-v\d+$/.test(model));
}

export const LEXICAL_HASH_NOTE =
  "This is a lexical hashing embedder, not a neural model: vector search matches words, not meaning.";

// ---- jobs -------------------------------------------------------------------------------------------

export type JobStatus = JobOut["status"];

export function isActive(status: JobStatus): boolean {
  return status === "queued" || status === "running";
}

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** The ingest result of a finished job, or null when it is not one (a re-index, say). */
export function ingestOutcome(result: unknown): IngestOutcome | null {
  if (!result || typeof result !== "object") return null;
  const r = result as Partial<IngestOutcome>;
  if (typeof r.documentId !== "string" || typeof r.outcome !== "string" || typeof r.version !== "number") return null;
  return {
    documentId: r.documentId,
    title: typeof r.title === "string" ? r.title : "",
    outcome: r.outcome,
    version: r.version,
    chunkCount: typeof r.chunkCount === "number" ? r.chunkCount : 0,
    warnings: Array.isArray(r.warnings) ? r.warnings.filter((w): w is string => typeof w === "string") : [],
  };
}

/** "Created · version 1 · 12 chunks", "Replaced (new version 2) · 9 chunks", "Unchanged · …". */
export function outcomeSummary(o: IngestOutcome): string {
  const chunks = plural(o.chunkCount, "chunk");
  switch (o.outcome) {
    case "created":
      return `Created · version ${o.version} · ${chunks}`;
    case "replaced":
      return `Replaced (new version ${o.version}) · ${chunks}`;
    case "unchanged":
      return `Unchanged · same content as version ${o.version}, nothing re-indexed · ${chunks}`;
  }
}

// ---- search -----------------------------------------------------------------------------------------

function score(n: number, digits = 3): string {
  if (n === 0) return "0";
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) < 0.001 ? n.toExponential(1) : n.toFixed(digits);
}

/** Why a hit ranked where it did: the ordering score, then each retriever's rank and score. */
export function whyItRanked(hit: SearchHit, mode: SearchMode): string {
  const parts: string[] = [];
  if (mode === "hybrid") parts.push(`fused score ${score(hit.score, 4)} (reciprocal rank fusion)`);
  if (hit.lexical) parts.push(`lexical #${hit.lexical.rank}, BM25 ${score(hit.lexical.score, 2)}`);
  else if (mode !== "vector") parts.push("no keyword match");
  if (hit.vector) parts.push(`vector #${hit.vector.rank}, cosine ${score(hit.vector.score)}`);
  else if (mode !== "lexical") parts.push("not among the nearest vectors");
  if (hit.rerank) parts.push(`rerank #${hit.rerank.rank}, ${score(hit.rerank.score, 2)}`);
  return parts.join(" · ");
}

/**
 * The server's light English stemmer (server/features/rag/search.ts): `matchedTerms` are query words,
 * and a word in the text matches one when their stems agree ("boots" marks "boot" and "Boots").
 */
export function stem(word: string): string {
  const w = word.toLowerCase();
  for (const suffix of ["ingly", "edly", "ing", "ed", "ly", "es", "s"]) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  }
  return w;
}

/** Splits text into plain and matched parts; a part is matched when its word's stem is a matched term's. */
export function splitMatches(text: string, terms: readonly string[]): { text: string; match: boolean }[] {
  const stems = new Set(terms.map((t) => stem(t.normalize("NFKC"))).filter((t) => t.length > 0));
  if (stems.size === 0) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!stems.has(stem(m[0].normalize("NFKC")))) continue;
    const at = m.index;
    if (at > last) parts.push({ text: text.slice(last, at), match: false });
    parts.push({ text: m[0], match: true });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

// ---- files ------------------------------------------------------------------------------------------

/** The extension list of an `accept` attribute, lower-case with the dot: [".md", ".txt", …]. */
export function acceptedExtensions(accept: string): string[] {
  return accept
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.startsWith("."));
}

export function extensionOf(name: string): string {
  const i = name.lastIndexOf(".");
  return i > 0 ? name.slice(i).toLowerCase() : "";
}

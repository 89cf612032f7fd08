import { z } from "zod";

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A day (`2026-03-01`, midnight UTC) or an ISO 8601 date-time with an offset. */
const Instant = z.union([
  z.iso.date({ message: "Use a date like 2026-03-01 or a date-time like 2026-03-01T09:30:00Z" }),
  z.iso.datetime({ offset: true, message: "Use a date like 2026-03-01 or a date-time like 2026-03-01T09:30:00Z" }),
]);

/** The audit trail's filters, shared by the page, its URL, the CSV export and API v1. */
export const AuditFilters = z.object({
  /** An exact action (`draft.approved`), or a prefix ending in `*` (`draft.*`). */
  action: z
    .string()
    .trim()
    .max(100)
    .describe("An exact action (`draft.approved`), or a prefix ending in `*` (`draft.*`)")
    .optional(),
  entityType: z.string().trim().max(100).describe("e.g. `draft`, `membership`, `api_key`").optional(),
  entityId: z.string().trim().max(200).describe("The id of the entity the event is about").optional(),
  /** The actor's id, or their label (a person's email, an API key's name, `cli`, `seed`…). */
  actor: z
    .string()
    .trim()
    .max(320)
    .describe("The actor's id, or their label: a person's email, an API key's name, `cli`, `seed`")
    .optional(),
  /** Events at or after this instant. */
  from: Instant.describe("Events at or after this date (midnight UTC) or ISO 8601 date-time").optional(),
  /** Events strictly before this instant (pass the next day for an inclusive end date). */
  to: Instant.describe("Events strictly before this date (midnight UTC) or ISO 8601 date-time").optional(),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export const AuditQuery = PageQuery.extend(AuditFilters.shape);
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventOut = z.object({
  id: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actor: z.object({
    type: z.enum(["user", "api_key", "system"]),
    id: z.string().nullable(),
    label: z.string().nullable(),
  }),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Position in the workspace's hash chain; null for events recorded before the chain existed. */
  seq: z.number().int().nullable(),
  /** SHA-256 of the previous event's hash and this event (see `lectern audit verify`). */
  hash: z.string().nullable(),
});
export type AuditEventOut = z.infer<typeof AuditEventOut>;

export const AuditPage = z.object({ items: z.array(AuditEventOut), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

/** Values present in the workspace's trail, for the filter pickers. */
export const AuditFacets = z.object({ actions: z.array(z.string()), entityTypes: z.array(z.string()) });
export type AuditFacets = z.infer<typeof AuditFacets>;

// ---- hash-chain verification ------------------------------------------------------------------

export const CHAIN_PROBLEM_KINDS = [
  /** The event's content no longer matches its hash: it was edited. */
  "hash_mismatch",
  /** The event does not link to the event before it: one of them was replaced or they were reordered. */
  "broken_link",
  /** A gap in the sequence: events were deleted. */
  "missing_seq",
  /** The chain head disagrees with the last event: the tail was deleted, or events were added outside Lectern. */
  "head_mismatch",
  /** Chain columns half filled (a seq without a hash…): written outside Lectern. */
  "malformed",
] as const;
export const ChainProblemKind = z.enum(CHAIN_PROBLEM_KINDS);
export type ChainProblemKind = z.infer<typeof ChainProblemKind>;

export const ChainProblem = z.object({
  seq: z.number().int().nullable(),
  eventId: z.string().nullable(),
  kind: ChainProblemKind,
  message: z.string(),
});
export type ChainProblem = z.infer<typeof ChainProblem>;

export const ChainReport = z.object({
  /** The workspace id, or `-` for events outside any workspace. */
  key: z.string(),
  /** Events walked. */
  events: z.number().int(),
  /** The head's count (audit_chains.seq); equals `events` when nothing was deleted. */
  headSeq: z.number().int().nullable(),
  ok: z.boolean(),
  firstBadSeq: z.number().int().nullable(),
  /** The first problems (at most 100); `problemCount` counts them all. */
  problems: z.array(ChainProblem),
  problemCount: z.number().int(),
  /**
   * Events without a hash recorded after this chain started: an older Lectern
   * still running during an upgrade, or rows inserted outside Lectern. Not proof
   * of tampering, but they are not covered by the chain.
   */
  unchainedAfterStart: z.number().int(),
});
export type ChainReport = z.infer<typeof ChainReport>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  chains: z.array(ChainReport),
  /** Events recorded before the hash chain existed (migration 0007): they cannot be verified. */
  unchained: z.number().int(),
  checkedAt: z.iso.datetime(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

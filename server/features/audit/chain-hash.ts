/**
 * The audit hash chain's pure part: the canonical form of an event and its hash.
 * Kept free of I/O so the writer (chain.ts), the verifier (verify.ts) and any
 * external auditor's script compute exactly the same bytes.
 *
 *   hash = sha256hex(prevHash + "\n" + canonicalJson(event))
 *
 * The first event of a chain links to GENESIS. Changing anything here breaks
 * verification of every event already recorded: add a new format instead.
 */
import { createHash } from "node:crypto";

/** prevHash of the first event of every chain. */
export const GENESIS = "0".repeat(64);

/** The chain of events recorded outside any workspace (workspaceId null). */
export const NO_WORKSPACE_CHAIN = "-";

export function chainKeyOf(workspaceId: string | null): string {
  return workspaceId ?? NO_WORKSPACE_CHAIN;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does) at every
 * depth and no whitespace. PostgreSQL's jsonb stores keys in its own order and
 * SQLite keeps the writer's, so the hash must not depend on key order. The
 * value first goes through a JSON round trip, which is what Prisma does when it
 * stores it: Dates become ISO strings and undefined members disappear.
 */
export function canonicalJson(value: unknown): string {
  return serialize(jsonValue(value));
}

/** The value a JSON round trip gives; skipped (it is the costly part) when the value is plain JSON already. */
function jsonValue(v: unknown): JsonValue {
  if (isPlainJson(v)) return v;
  const text = JSON.stringify(v);
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}

function isPlainJson(v: unknown): v is JsonValue {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!isPlainJson(v[i])) return false;
    return true;
  }
  if (typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const x of Object.values(v)) if (!isPlainJson(x)) return false;
  return true;
}

function serialize(v: JsonValue): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(serialize).join(",")}]`;
  // A hand-written loop, not a re-built object: JavaScript puts integer-like keys
  // ("2", "10") first in numeric order whatever the insertion order.
  const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${serialize(v[k]!)}`).join(",")}}`;
}

export function sha256hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Everything an event's hash covers. The row id is not part of it: the database assigns it. */
export type ChainedEvent = {
  chainKey: string;
  seq: number;
  workspaceId: string | null;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  /** Set by the application, millisecond precision (both databases keep milliseconds). */
  createdAt: Date;
};

export function canonicalEvent(e: ChainedEvent): string {
  return serialize({
    chainKey: e.chainKey,
    seq: e.seq,
    workspaceId: e.workspaceId,
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: jsonValue(e.before ?? null),
    after: jsonValue(e.after ?? null),
    requestId: e.requestId,
    createdAt: e.createdAt.toISOString(),
  });
}

export function eventHash(prevHash: string, e: ChainedEvent): string {
  return sha256hex(`${prevHash}\n${canonicalEvent(e)}`);
}

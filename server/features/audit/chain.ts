import type { Tx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { chainKeyOf, eventHash, GENESIS } from "./chain-hash";
import type { AuditInput } from "./repository";

/** A full client (it can open a transaction) rather than a transaction's client. */
function isClient(tx: Tx): tx is Tx & Pick<Db, "$transaction"> {
  return typeof (tx as Partial<Pick<Db, "$transaction">>).$transaction === "function";
}

/**
 * Appends one event to its workspace's chain. Three statements that must commit
 * together with the caller's change:
 *
 * 1. bump the head (`INSERT … ON CONFLICT (key) DO UPDATE SET seq = seq + 1 … RETURNING`):
 *    the first write, so in PostgreSQL the head row stays locked until commit and a
 *    concurrent appender waits here, then reads the seq and hash this one committed;
 *    in SQLite the write takes the database's single write lock;
 * 2. insert the event with seq, prevHash and its hash;
 * 3. move the head's lastHash to the new hash.
 *
 * A caller that passes the plain client (no transaction) gets one here, so the
 * head and the event can never disagree.
 */
export function appendAuditEvent(tx: Tx, e: AuditInput) {
  if (isClient(tx)) return tx.$transaction((inner) => append(inner, e));
  return append(tx, e);
}

async function append(tx: Tx, e: AuditInput) {
  const chainKey = chainKeyOf(e.workspaceId);
  const head = await tx.auditChain.upsert({
    where: { key: chainKey },
    create: { key: chainKey, seq: 1, lastHash: GENESIS },
    update: { seq: { increment: 1 } },
    select: { seq: true, lastHash: true },
  });
  // Taken after the lock, so the times of one chain follow its seq (on one clock).
  const createdAt = new Date();
  const event = {
    chainKey,
    seq: head.seq,
    workspaceId: e.workspaceId,
    actorType: e.actorType,
    actorId: e.actorId ?? null,
    actorLabel: e.actorLabel ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId ?? null,
    createdAt,
  };
  const hash = eventHash(head.lastHash, event);
  const row = await tx.auditEvent.create({
    data: {
      ...event,
      // A JSON null would be stored as the JSON value null; absent is SQL NULL, read back as null.
      before: e.before ?? undefined,
      after: e.after ?? undefined,
      prevHash: head.lastHash,
      hash,
    },
  });
  await tx.auditChain.update({ where: { key: chainKey }, data: { lastHash: hash } });
  return row;
}

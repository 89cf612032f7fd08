import type { AuditVerifyResult, ChainProblem, ChainReport } from "@/lib/schemas/audit";
import type { Tx } from "@/server/context";
import { chainKeyOf, eventHash, GENESIS, NO_WORKSPACE_CHAIN } from "./chain-hash";
import * as repo from "./repository";

const PAGE = 1000;
const MAX_LISTED = 100;

type Row = Awaited<ReturnType<typeof repo.chainEvents>>[number];

/**
 * Walks each chain in seq order, a page at a time (memory stays flat however
 * long the trail), and checks that every event still hashes to its stored hash,
 * links to the event before it, follows it without a gap, and that the head
 * (audit_chains) agrees with the last event, which is how a deleted tail shows.
 *
 * Events recorded before the chain existed (null chain columns) are counted,
 * not judged: nothing can prove or disprove them.
 */
export async function verifyAuditChain(db: Tx, opts: { workspaceId?: string } = {}): Promise<AuditVerifyResult> {
  const keys = opts.workspaceId !== undefined ? [chainKeyOf(opts.workspaceId)] : await repo.chainKeys(db);
  const chains: ChainReport[] = [];
  for (const key of keys) chains.push(await verifyChain(db, key));
  const unchained = await repo.countUnchained(
    db,
    opts.workspaceId !== undefined ? { workspaceId: opts.workspaceId } : {},
  );
  return {
    ok: chains.every((c) => c.ok),
    // A workspace with no chained event yet still gets its (empty, intact) report.
    chains,
    unchained,
    checkedAt: new Date().toISOString(),
  };
}

class Walk {
  readonly problems: ChainProblem[] = [];
  problemCount = 0;
  firstBadSeq: number | null = null;
  events = 0;
  lastSeq = 0;
  /** The stored hash of the event just walked; null when unknown (after a gap or a malformed row). */
  prev: string | null = GENESIS;
  firstAt: Date | null = null;

  report(p: ChainProblem) {
    this.problemCount++;
    if (this.problems.length < MAX_LISTED) this.problems.push(p);
    if (p.seq !== null && (this.firstBadSeq === null || p.seq < this.firstBadSeq)) this.firstBadSeq = p.seq;
  }

  visit(r: Row) {
    const seq = r.seq!;
    this.events++;
    this.firstAt ??= r.createdAt;
    if (seq < 1) {
      this.report({ seq, eventId: r.id, kind: "malformed", message: `Event ${r.id} has seq ${seq}; seqs start at 1.` });
      this.prev = r.hash;
      return;
    }
    const expected = this.lastSeq + 1;
    if (seq > expected) {
      this.report({
        seq: expected,
        eventId: null,
        kind: "missing_seq",
        message:
          seq - expected === 1
            ? `Event #${expected} is missing: it was deleted.`
            : `Events #${expected}–#${seq - 1} are missing: they were deleted.`,
      });
      // The deleted event's hash is gone, so the next link cannot be judged.
      this.prev = null;
    }
    this.lastSeq = seq;
    if (!r.hash || !r.prevHash) {
      this.report({
        seq,
        eventId: r.id,
        kind: "malformed",
        message: `Event #${seq} has no ${r.hash ? "previous hash" : "hash"}: it was written outside Lectern.`,
      });
      this.prev = r.hash;
      return;
    }
    const expectedHash = eventHash(r.prevHash, {
      chainKey: r.chainKey!,
      seq,
      workspaceId: r.workspaceId,
      actorType: r.actorType,
      actorId: r.actorId,
      actorLabel: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
      createdAt: r.createdAt,
    });
    if (expectedHash !== r.hash)
      this.report({
        seq,
        eventId: r.id,
        kind: "hash_mismatch",
        message: `Event #${seq} (${r.action}) was changed after it was recorded: its content no longer matches its hash.`,
      });
    if (this.prev !== null && r.prevHash !== this.prev)
      this.report({
        seq,
        eventId: r.id,
        kind: "broken_link",
        message:
          seq === 1
            ? `Event #1 does not start the chain: events before it were replaced.`
            : `Event #${seq} does not follow event #${seq - 1}: one of them was replaced, or events were reordered.`,
      });
    this.prev = r.hash;
  }
}

async function walk(db: Tx, key: string, w: Walk, upTo: number | null) {
  let after: number | null = w.events === 0 ? null : w.lastSeq;
  for (;;) {
    const rows = await repo.chainEvents(db, key, after, upTo, PAGE);
    for (const r of rows) w.visit(r);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.seq;
  }
}

async function verifyChain(db: Tx, key: string): Promise<ChainReport> {
  const w = new Walk();
  await walk(db, key, w, null);
  // Read after the walk: an append commits its event and the head together, so a head
  // ahead of the walk is either a concurrent append (walk on to it) or a deleted tail.
  const head = await repo.chainHead(db, key);
  if (head && head.seq > w.lastSeq) await walk(db, key, w, head.seq);

  if (!head) {
    if (w.events > 0)
      w.report({
        seq: null,
        eventId: null,
        kind: "head_mismatch",
        message: `The chain has ${w.events} events but no head: the head row was deleted.`,
      });
  } else if (head.seq > w.lastSeq) {
    w.report({
      seq: w.lastSeq + 1,
      eventId: null,
      kind: "head_mismatch",
      message:
        head.seq - w.lastSeq === 1
          ? `The last event (#${head.seq}) is missing: it was deleted.`
          : `The last ${head.seq - w.lastSeq} events (#${w.lastSeq + 1}–#${head.seq}) are missing: they were deleted.`,
    });
  } else if (head.seq < w.lastSeq) {
    w.report({
      seq: head.seq + 1,
      eventId: null,
      kind: "head_mismatch",
      message: `Events after #${head.seq} (up to #${w.lastSeq}) were added without moving the chain head: they were written outside Lectern.`,
    });
  } else if (w.events > 0 && head.lastHash !== w.prev) {
    w.report({
      seq: head.seq,
      eventId: null,
      kind: "head_mismatch",
      message: `The last event (#${head.seq}) is not the one the chain head recorded: it was replaced.`,
    });
  }

  const seqless = await repo.countSeqless(db, key);
  if (seqless > 0)
    w.report({
      seq: null,
      eventId: null,
      kind: "malformed",
      message: `${seqless} event${seqless === 1 ? "" : "s"} carry this chain's key but no seq: written outside Lectern.`,
    });

  const unchainedAfterStart = w.firstAt
    ? await repo.countUnchained(db, {
        workspaceId: key === NO_WORKSPACE_CHAIN ? null : key,
        since: w.firstAt,
      })
    : 0;

  return {
    key,
    events: w.events,
    headSeq: head?.seq ?? null,
    ok: w.problemCount === 0,
    firstBadSeq: w.firstBadSeq,
    problems: w.problems,
    problemCount: w.problemCount,
    unchainedAfterStart,
  };
}

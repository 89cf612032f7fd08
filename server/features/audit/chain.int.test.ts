import { describe, expect, it } from "vitest";
import { dialectOf, type Db } from "@/server/db/client";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { canonicalJson, eventHash, GENESIS } from "./chain-hash";
import { audit, verifyAuditChain } from "./service";

/**
 * The trail is append-only at the database level; a tamperer with database
 * rights removes that first. These helpers do the same, around one change.
 */
async function asTamperer(db: Db, change: () => Promise<unknown>) {
  if (dialectOf(db) === "postgres") {
    await db.$executeRawUnsafe(`ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update_delete"`);
    try {
      await change();
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update_delete"`);
    }
    return;
  }
  await db.$executeRawUnsafe(`DROP TRIGGER "audit_events_no_update"`);
  await db.$executeRawUnsafe(`DROP TRIGGER "audit_events_no_delete"`);
  try {
    await change();
  } finally {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE ON "audit_events" BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "audit_events_no_delete" BEFORE DELETE ON "audit_events" BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`,
    );
  }
}

async function trail(db: Db, n: number) {
  const w = await makeWorkspace(db, ["admin"]);
  const admin = w.ctxFor("admin");
  for (let i = 1; i <= n; i++)
    await db.$transaction((tx) =>
      audit(tx, admin, {
        action: `test.step${i}`,
        entityType: "draft",
        entityId: `d${i}`,
        before: i % 2 ? null : { status: "in_review", n: i },
        after: { status: "approved", ruleIds: ["Brand.WordList", `R${i}`], zeta: { b: 2, a: 1 }, alpha: i },
      }),
    );
  const events = await db.auditEvent.findMany({ where: { workspaceId: w.ws.id }, orderBy: { seq: "asc" } });
  return { w, admin, events };
}

async function report(db: Db, workspaceId: string) {
  const r = await verifyAuditChain(db, { workspaceId });
  return { ok: r.ok, chain: r.chains[0]! };
}

describe.each(PROVIDERS)("audit hash chain on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("links every event to the one before it, and the head to the last", async (ctx) => {
    const { db } = getDb(ctx);
    const { w, events } = await trail(db, 30);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(events[0]!.prevHash).toBe(GENESIS);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    for (const e of events) expect(e.chainKey).toBe(w.ws.id);
    const head = await db.auditChain.findUniqueOrThrow({ where: { key: w.ws.id } });
    expect(head).toMatchObject({ seq: 30, lastHash: events[29]!.hash });

    const r = await verifyAuditChain(db, { workspaceId: w.ws.id });
    expect(r).toMatchObject({ ok: true, unchained: 0 });
    expect(r.chains).toEqual([
      expect.objectContaining({ key: w.ws.id, events: 30, headSeq: 30, ok: true, firstBadSeq: null, problems: [] }),
    ]);
  });

  it("hashes what the database hands back: key order and JSON round trip (jsonb reorders keys)", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin"]);
    const after = { zz: 1, a: { "10": true, "2": false, b: [{ y: 1, x: 2 }] }, ü: "naïve – “quoted”", n: 0.1 };
    await audit(db, w.ctxFor("admin"), { action: "test.keys", entityType: "t", after });
    const stored = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: w.ws.id } });
    expect(canonicalJson(stored.after)).toBe(canonicalJson(after));
    if (provider === "postgres")
      // jsonb sorts keys by length first: proof the round trip really reorders them.
      expect(Object.keys(stored.after as object)).not.toEqual(Object.keys(after));
    expect(
      eventHash(stored.prevHash!, { ...stored, chainKey: stored.chainKey!, seq: stored.seq!, before: stored.before }),
    ).toBe(stored.hash);
    expect(stored.createdAt.getUTCMilliseconds()).toBe(stored.createdAt.getTime() % 1000);
    expect((await report(db, w.ws.id)).ok).toBe(true);
  });

  it("appends from a plain client and from events outside any workspace", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin"]);
    await audit(db, w.ctxFor("admin"), { action: "test.a", entityType: "t" });
    await audit(
      db,
      { workspaceId: null, actor: { type: "system", label: "cli" }, requestId: "cli" },
      {
        action: "test.instance",
        entityType: "instance",
      },
    );
    const none = await db.auditEvent.findFirstOrThrow({ where: { action: "test.instance" } });
    expect(none).toMatchObject({ chainKey: "-", workspaceId: null });
    const all = await verifyAuditChain(db);
    expect(all.ok).toBe(true);
    expect(all.chains.map((c) => c.key)).toEqual(expect.arrayContaining(["-", w.ws.id]));
  });

  it("rolls the chain back with the caller's transaction", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin"]);
    const admin = w.ctxFor("admin");
    await audit(db, admin, { action: "test.kept", entityType: "t" });
    await expect(
      db.$transaction(async (tx) => {
        await audit(tx, admin, { action: "test.lost", entityType: "t" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await audit(db, admin, { action: "test.next", entityType: "t" });
    const seqs = await db.auditEvent.findMany({ where: { workspaceId: w.ws.id }, orderBy: { seq: "asc" } });
    expect(seqs.map((e) => [e.seq, e.action])).toEqual([
      [1, "test.kept"],
      [2, "test.next"],
    ]);
    expect((await report(db, w.ws.id)).ok).toBe(true);
  });

  it("reports events from before the chain as unchained, not as tampering", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin"]);
    const old = new Date(Date.now() - 86_400_000);
    await db.auditEvent.create({
      data: { workspaceId: w.ws.id, actorType: "system", action: "legacy", entityType: "t", createdAt: old },
    });
    await audit(db, w.ctxFor("admin"), { action: "test.a", entityType: "t" });
    let r = await verifyAuditChain(db, { workspaceId: w.ws.id });
    expect(r).toMatchObject({ ok: true, unchained: 1 });
    expect(r.chains[0]!.unchainedAfterStart).toBe(0);
    // One written later without a hash is counted as outside the chain (still not proof of tampering).
    await db.auditEvent.create({
      data: { workspaceId: w.ws.id, actorType: "system", action: "late", entityType: "t" },
    });
    r = await verifyAuditChain(db, { workspaceId: w.ws.id });
    expect(r).toMatchObject({ ok: true, unchained: 2 });
    expect(r.chains[0]!.unchainedAfterStart).toBe(1);
  });

  describe("detects tampering", () => {
    it("an edited after, before or actor: hash mismatch at that seq", async (ctx) => {
      const { db } = getDb(ctx);
      const { w, events } = await trail(db, 8);
      await asTamperer(db, () =>
        db.auditEvent.update({ where: { id: events[2]!.id }, data: { after: { status: "rejected" } } }),
      );
      let r = await report(db, w.ws.id);
      expect(r.ok).toBe(false);
      expect(r.chain).toMatchObject({ firstBadSeq: 3, problemCount: 1 });
      expect(r.chain.problems[0]).toMatchObject({ seq: 3, eventId: events[2]!.id, kind: "hash_mismatch" });

      await asTamperer(db, () =>
        db.auditEvent.update({ where: { id: events[5]!.id }, data: { before: { status: "draft" } } }),
      );
      await asTamperer(db, () =>
        db.auditEvent.update({ where: { id: events[6]!.id }, data: { actorLabel: "someone-else@example.test" } }),
      );
      r = await report(db, w.ws.id);
      expect(r.chain.problems.map((p) => [p.seq, p.kind])).toEqual([
        [3, "hash_mismatch"],
        [6, "hash_mismatch"],
        [7, "hash_mismatch"],
      ]);
    });

    it("an edit with a recomputed hash breaks the next link", async (ctx) => {
      const { db } = getDb(ctx);
      const { w, events } = await trail(db, 5);
      const e = events[1]!;
      const forged = { ...e, chainKey: e.chainKey!, seq: e.seq!, after: { status: "rejected" } };
      await asTamperer(db, () =>
        db.auditEvent.update({
          where: { id: e.id },
          data: { after: forged.after, hash: eventHash(e.prevHash!, forged) },
        }),
      );
      const r = await report(db, w.ws.id);
      expect(r.chain.problems.map((p) => [p.seq, p.kind])).toEqual([[3, "broken_link"]]);
    });

    it("a deleted middle event: missing seq", async (ctx) => {
      const { db } = getDb(ctx);
      const { w, events } = await trail(db, 6);
      await asTamperer(db, () => db.auditEvent.delete({ where: { id: events[3]!.id } }));
      const r = await report(db, w.ws.id);
      expect(r.ok).toBe(false);
      expect(r.chain).toMatchObject({ events: 5, headSeq: 6, firstBadSeq: 4 });
      expect(r.chain.problems).toEqual([expect.objectContaining({ seq: 4, kind: "missing_seq", eventId: null })]);
    });

    it("a deleted tail: the head disagrees", async (ctx) => {
      const { db } = getDb(ctx);
      const { w, events } = await trail(db, 6);
      await asTamperer(db, () => db.auditEvent.deleteMany({ where: { id: { in: [events[4]!.id, events[5]!.id] } } }));
      const r = await report(db, w.ws.id);
      expect(r.ok).toBe(false);
      expect(r.chain.problems).toEqual([
        expect.objectContaining({ seq: 5, kind: "head_mismatch", message: expect.stringMatching(/#5–#6.*deleted/) }),
      ]);
    });

    it("a replaced last event (head hash differs) and a deleted head row", async (ctx) => {
      const { db } = getDb(ctx);
      const { w, events } = await trail(db, 3);
      await db.auditChain.update({ where: { key: w.ws.id }, data: { lastHash: "f".repeat(64) } });
      expect((await report(db, w.ws.id)).chain.problems).toEqual([
        expect.objectContaining({ seq: 3, kind: "head_mismatch" }),
      ]);
      await db.auditChain.delete({ where: { key: w.ws.id } });
      expect((await report(db, w.ws.id)).chain.problems).toEqual([
        expect.objectContaining({ kind: "head_mismatch", message: expect.stringMatching(/no head/) }),
      ]);
      expect(events).toHaveLength(3);
    });

    it("two events reordered by swapping their seq", async (ctx) => {
      const { db } = getDb(ctx);
      const { w, events } = await trail(db, 6);
      const [a, b] = [events[2]!, events[3]!];
      await asTamperer(db, () =>
        db.$transaction([
          db.auditEvent.update({ where: { id: a.id }, data: { seq: -1 } }),
          db.auditEvent.update({ where: { id: b.id }, data: { seq: 3 } }),
          db.auditEvent.update({ where: { id: a.id }, data: { seq: 4 } }),
        ]),
      );
      const r = await report(db, w.ws.id);
      expect(r.ok).toBe(false);
      expect(r.chain.firstBadSeq).toBe(3);
      expect(r.chain.problems.map((p) => [p.seq, p.kind])).toEqual([
        [3, "hash_mismatch"],
        [3, "broken_link"],
        [4, "hash_mismatch"],
        [4, "broken_link"],
        // #5 still links to the event that was #4.
        [5, "broken_link"],
      ]);
    });
  });

  it("verifies a long chain page by page", async (ctx) => {
    const { db } = getDb(ctx);
    const { w } = await trail(db, 2);
    // 2,500 more events through the real writer, in a few big transactions (faster than one each).
    for (let batch = 0; batch < 5; batch++)
      await db.$transaction(
        async (tx) => {
          for (let i = 0; i < 500; i++)
            await audit(tx, w.ctxFor("admin"), { action: "test.bulk", entityType: "t", after: { i } });
        },
        { timeout: 120_000 },
      );
    const r = await report(db, w.ws.id);
    expect(r.ok).toBe(true);
    expect(r.chain).toMatchObject({ events: 2502, headSeq: 2502 });
  }, 180_000);
});

describe("audit hash chain under concurrency (PostgreSQL)", () => {
  const getDb = useTestDb("postgres");

  it("20 concurrent transactions in one workspace get seq 1..20 with no fork", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin"]);
    const admin = w.ctxFor("admin");
    // A fresh workspace: the first appenders also race to create the head row.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction(
          async (tx) => {
            await audit(tx, admin, { action: "test.concurrent", entityType: "t", entityId: String(i) });
            // Hold the head lock a moment, so the others really queue behind it.
            await tx.$queryRawUnsafe("SELECT 1 AS slept FROM pg_sleep(0.01)");
          },
          { maxWait: 30_000, timeout: 30_000 },
        ),
      ),
    );
    const events = await db.auditEvent.findMany({ where: { workspaceId: w.ws.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // No fork: every prevHash is used exactly once.
    expect(new Set(events.map((e) => e.prevHash)).size).toBe(20);
    expect(new Set(events.map((e) => e.entityId)).size).toBe(20);
    expect((await report(db, w.ws.id)).ok).toBe(true);
  });
});

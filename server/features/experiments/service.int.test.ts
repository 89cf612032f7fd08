import { describe, expect, it } from "vitest";
import { PROVIDERS, ROOT } from "@/server/testing/databases";
import { makeWorkspace, uid, useTestDb } from "@/server/testing/fixtures";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import { saveBrand } from "@/server/features/governor/service";
import { createDraft } from "@/server/features/generation/service";
import { makePipelineDeps } from "@/server/features/generation/testing";
import { decide } from "@/server/features/review/service";
import type { WorkspaceCtx } from "@/server/context";
import { seededRng } from "./bandit";
import { assignArm, createExperiment, getExperiment, listExperiments, recordOutcome, stopExperiment } from "./service";

const BRIEF = "Write about the Stormline jacket for rainy autumn hikes.";

describe.each(PROVIDERS)("experiments on %s", (provider) => {
  const getDb = useTestDb(provider);

  async function setup(ctx: Parameters<typeof getDb>[0]) {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin", "editor", "marketer"]);
    const { deps, kb } = makePipelineDeps(db);
    await seedDemoKnowledge(kb, w.ws.id, ROOT);
    await saveBrand(w.ctxFor("admin"), { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0 });
    const editor = w.ctxFor("editor");
    const approved = async (format: "email" | "meta_ad" | "google_rsa") => {
      const d = await createDraft(deps, w.ctxFor("marketer"), { format, brief: BRIEF });
      if (d.status !== "approved") await decide(editor, d.id, { action: "approve", version: d.version });
      return d;
    };
    return { db, w, deps, editor, approved };
  }

  async function emailExperiment(editor: WorkspaceCtx, draftId: string, extra: Record<string, unknown> = {}) {
    return createExperiment(editor, {
      draftId,
      name: `Subject test ${uid()}`,
      arms: [{ text: "Stay dry on every autumn trail" }, { text: "Meet Stormline: rain, handled" }],
      ...extra,
    });
  }

  it("creates from an approved draft, validates input, enforces roles and audits", async (ctx) => {
    const { db, w, deps, editor, approved } = await setup(ctx);
    const email = await approved("email");
    const exp = await emailExperiment(editor, email.id);
    expect(exp).toMatchObject({
      field: "subject",
      metric: "click",
      status: "running",
      phase: "guardrail",
      minSamples: 100,
      floor: 0.05,
      version: 1,
      draft: { id: email.id, format: "email" },
    });
    expect(exp.arms.map((a) => [a.key, a.label])).toEqual([
      ["a", "Original"],
      ["b", "Alternative 1"],
    ]);
    expect(exp.arms.map((a) => a.trafficShare)).toEqual([0.5, 0.5]);
    expect(exp.arms[0]!.probabilityBest + exp.arms[1]!.probabilityBest).toBeCloseTo(1, 10);

    // An email has one subject: without alternatives there is nothing to test.
    await expect(createExperiment(editor, { draftId: email.id, name: "Solo" })).rejects.toMatchObject({
      code: "validation",
      status: 422,
      message: expect.stringMatching(/alternative subject/),
    });
    // Duplicate texts, too many arms for the floor, a bad minSamples: 422 with the field named.
    await expect(
      emailExperiment(editor, email.id, { arms: [{ text: "Same" }, { text: "same" }] }),
    ).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/arms\.1\.text.*already an arm/) });
    await expect(
      emailExperiment(editor, email.id, { floor: 0.4, arms: [1, 2, 3].map((i) => ({ text: `S${i}` })) }),
    ).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/floor.*at most 0\.333/) });
    await expect(emailExperiment(editor, email.id, { minSamples: -1 })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/minSamples/),
    });
    await expect(emailExperiment(editor, email.id, { arms: [{ text: "only one" }] })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/at least 2 arms/),
    });

    // Meta ads: the variants' headlines are the arms when none are sent.
    const meta = await approved("meta_ad");
    const metaExp = await createExperiment(editor, { draftId: meta.id, name: "Meta", metric: "conversion" });
    expect(metaExp.field).toBe("variant");
    expect(metaExp.arms.length).toBeGreaterThanOrEqual(2);
    expect(metaExp.arms[0]!.label).toBe("Variant 1");

    // A draft still in review cannot be tested.
    const pending = await createDraft(deps, w.ctxFor("marketer"), { format: "email", brief: BRIEF });
    if (pending.status !== "approved")
      await expect(emailExperiment(editor, pending.id)).rejects.toMatchObject({
        code: "conflict:draft_not_approved",
        status: 409,
      });

    // Marketers read, only editors and admins start or stop.
    await expect(emailExperiment(w.ctxFor("marketer"), email.id)).rejects.toMatchObject({ code: "forbidden:editor" });
    await expect(stopExperiment(w.ctxFor("marketer"), exp.id, { version: 1 })).rejects.toMatchObject({
      code: "forbidden:editor",
    });
    expect((await listExperiments(w.ctxFor("marketer"))).items.map((e) => e.id)).toEqual([metaExp.id, exp.id]);

    const created = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: w.ws.id, action: "experiment.created", entityId: exp.id },
    });
    expect(created.actorId).toBe(w.members.editor!.id);
  });

  it("assigns sticky arms, counts impressions once, even under 50 concurrent first calls", async (ctx) => {
    const { w, editor, approved } = await setup(ctx);
    const email = await approved("email");
    const exp = await emailExperiment(editor, email.id);
    const api = w.ctxFor("admin");

    const first = await assignArm(api, exp.id, { unitId: "visitor-1" });
    expect(first).toMatchObject({ firstAssignment: true, field: "subject", unitId: "visitor-1" });
    for (let i = 0; i < 5; i++) {
      const again = await assignArm(api, exp.id, { unitId: "visitor-1" });
      expect(again).toMatchObject({ firstAssignment: false, arm: first.arm });
    }
    expect((await getExperiment(api, exp.id)).arms.reduce((s, a) => s + a.impressions, 0)).toBe(1);

    // 50 distinct units at once: 50 impressions, each unit one arm.
    const units = Array.from({ length: 50 }, (_, i) => `u-${i}`);
    const results = await Promise.all(units.map((unitId) => assignArm(api, exp.id, { unitId })));
    expect(results.every((r) => r.firstAssignment)).toBe(true);
    // The same unit 10 times at once: one wins, nine see its arm; one impression.
    const same = await Promise.all(Array.from({ length: 10 }, () => assignArm(api, exp.id, { unitId: "racer" })));
    expect(same.filter((r) => r.firstAssignment)).toHaveLength(1);
    expect(new Set(same.map((r) => r.arm.key)).size).toBe(1);

    const after = await getExperiment(api, exp.id);
    expect(after.arms.reduce((s, a) => s + a.impressions, 0)).toBe(52);
    // Guardrail: 52 < 100 per arm, so uniform shares and both arms used.
    expect(after.phase).toBe("guardrail");
    expect(after.arms.every((a) => a.impressions > 5)).toBe(true);

    await expect(assignArm(api, exp.id, { unitId: "" })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/unitId/),
    });
  });

  it("shifts traffic only after every arm has minSamples, toward the arm that converts", async (ctx) => {
    const { w, editor, approved } = await setup(ctx);
    const email = await approved("email");
    const exp = await emailExperiment(editor, email.id, { minSamples: 20, floor: 0.05 });
    const api = w.ctxFor("admin");
    const rng = seededRng(17);
    const counts: Record<string, number> = { a: 0, b: 0 };
    // Arm b always gets clicked, a never: until both have 20 impressions it is still uniform.
    for (let i = 0; i < 40; i++) {
      const r = await assignArm(api, exp.id, { unitId: `g-${i}` }, { rng });
      counts[r.arm.key]!++;
      if (r.arm.key === "b") await recordOutcome(api, exp.id, { eventId: `e-${i}`, arm: "b", kind: "click" });
    }
    const mid = await getExperiment(api, exp.id);
    if (mid.arms.some((a) => a.impressions < 20)) expect(mid.phase).toBe("guardrail");
    for (let i = 40; i < 160; i++) {
      const r = await assignArm(api, exp.id, { unitId: `g-${i}` }, { rng });
      counts[r.arm.key]!++;
      if (r.arm.key === "b") await recordOutcome(api, exp.id, { eventId: `e-${i}`, arm: "b", kind: "click" });
    }
    const end = await getExperiment(api, exp.id);
    expect(end.phase).toBe("bandit");
    const [a, b] = end.arms;
    expect(b!.probabilityBest).toBeGreaterThan(0.99);
    expect(b!.trafficShare).toBeGreaterThan(0.9);
    expect(a!.trafficShare).toBeCloseTo(0.05, 2);
    expect(b!.impressions).toBeGreaterThan(a!.impressions);
    expect(b!.rate).toBe(1);
    expect(a!.clicks).toBe(0);
  });

  it("counts outcomes once per eventId, refuses unknown arms, and stops with 409s after", async (ctx) => {
    const { db, w, editor, approved } = await setup(ctx);
    const email = await approved("email");
    const exp = await emailExperiment(editor, email.id, { metric: "conversion" });
    const api = w.ctxFor("admin");

    expect(await recordOutcome(api, exp.id, { eventId: "evt-1", arm: "a", kind: "click" })).toMatchObject({
      counted: true,
    });
    expect(await recordOutcome(api, exp.id, { eventId: "evt-1", arm: "a", kind: "click" })).toMatchObject({
      counted: false,
    });
    // Concurrent retries of one post-back count once.
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => recordOutcome(api, exp.id, { eventId: "evt-2", arm: "b", kind: "conversion" })),
    );
    expect(burst.filter((r) => r.counted)).toHaveLength(1);
    await expect(recordOutcome(api, exp.id, { eventId: "evt-1", arm: "b", kind: "click" })).rejects.toMatchObject({
      code: "conflict:event_id",
      status: 409,
    });
    await expect(recordOutcome(api, exp.id, { eventId: "evt-3", arm: "z", kind: "click" })).rejects.toMatchObject({
      code: "validation",
      status: 422,
      message: expect.stringMatching(/no arm “z”.*a, b/),
    });
    await expect(recordOutcome(api, exp.id, { eventId: "evt-3", arm: "a", kind: "view" })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/kind/),
    });
    const mid = await getExperiment(api, exp.id);
    expect(mid.arms.map((a) => [a.clicks, a.conversions])).toEqual([
      [1, 0],
      [0, 1],
    ]);

    const unit = await assignArm(api, exp.id, { unitId: "early" });
    await expect(stopExperiment(editor, exp.id, { version: 7 })).rejects.toMatchObject({
      code: "conflict:stale_version",
    });
    const stopped = await stopExperiment(editor, exp.id, { version: 1 });
    expect(stopped).toMatchObject({ status: "stopped", phase: "stopped", version: 2 });
    expect(stopped.stoppedAt).not.toBeNull();
    await expect(stopExperiment(editor, exp.id, { version: 2 })).rejects.toMatchObject({
      code: "conflict:experiment_stopped",
    });
    await expect(assignArm(api, exp.id, { unitId: "late" })).rejects.toMatchObject({
      code: "conflict:experiment_stopped",
      status: 409,
    });
    // A unit assigned before the stop still reads its arm; a retried post-back is still a no-op.
    expect(await assignArm(api, exp.id, { unitId: "early" })).toMatchObject({ arm: unit.arm, firstAssignment: false });
    expect(await recordOutcome(api, exp.id, { eventId: "evt-1", arm: "a", kind: "click" })).toMatchObject({
      counted: false,
    });
    await expect(recordOutcome(api, exp.id, { eventId: "evt-9", arm: "a", kind: "click" })).rejects.toMatchObject({
      code: "conflict:experiment_stopped",
      status: 409,
    });
    const audited = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: w.ws.id, action: "experiment.stopped", entityId: exp.id },
    });
    expect(audited.actorId).toBe(w.members.editor!.id);
  });

  it("keeps workspaces apart", async (ctx) => {
    const { db, w, editor, approved } = await setup(ctx);
    const email = await approved("email");
    const exp = await emailExperiment(editor, email.id);
    const other = await makeWorkspace(db, ["admin", "editor"]);
    const stranger = other.ctxFor("admin");
    await expect(getExperiment(stranger, exp.id)).rejects.toMatchObject({ code: "not_found:experiment", status: 404 });
    await expect(assignArm(stranger, exp.id, { unitId: "x" })).rejects.toMatchObject({ code: "not_found:experiment" });
    await expect(recordOutcome(stranger, exp.id, { eventId: "x", arm: "a", kind: "click" })).rejects.toMatchObject({
      code: "not_found:experiment",
    });
    await expect(stopExperiment(other.ctxFor("editor"), exp.id, { version: 1 })).rejects.toMatchObject({
      code: "not_found:experiment",
    });
    // Nor can another workspace start an experiment on this workspace's draft.
    await expect(emailExperiment(other.ctxFor("editor"), email.id)).rejects.toMatchObject({ code: "not_found:draft" });
    expect((await listExperiments(stranger)).items).toEqual([]);
    expect((await listExperiments(w.ctxFor("marketer"))).items).toHaveLength(1);
  });
});

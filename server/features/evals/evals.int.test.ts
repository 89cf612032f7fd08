import { randomBytes } from "node:crypto";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import type { GoldenCaseBody } from "@/lib/schemas/evals";
import { PROVIDERS, ROOT } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import { saveBrand } from "@/server/features/governor/service";
import { createDraft } from "@/server/features/generation/service";
import { makePipelineDeps } from "@/server/features/generation/testing";
import { decide } from "@/server/features/review/service";
import type { Gateway } from "@/server/inference/gateway";
import { createModelFactory, type ModelFactory } from "@/server/inference/models";
import { OFFLINE_LANGUAGE_MODEL } from "@/server/inference/registry";
import { createTestProvider, okResult } from "@/server/inference/testing/mock-models";
import { createPromptVersion, listPromptVersions, movePromptLabel } from "@/server/inference/prompts/service";
import { compareRuns } from "./compare";
import { checkGate, productionGate } from "./gate";
import { previewPromotion, promoteDraft } from "./promotion";
import { createJobRunner } from "@/server/jobs/runner";
import { cancelRun, createRun, EVAL_JOB, executeRun, getRun, listRuns, runEvalJob, type EvalDeps } from "./runs";
import { addCase, createSet, deleteCase, getSet, listSets, updateCase, updateSet } from "./sets";

const BRIEF = "Write about the Stormline jacket for rainy autumn hikes.";

function passingCase(name: string): GoldenCaseBody {
  return {
    name,
    brief: BRIEF,
    format: "email",
    expectations: [
      { kind: "contains", text: "Stormline", caseSensitive: false },
      { kind: "not_contains", text: "guaranteed for life" },
      { kind: "max_length", field: "subject", max: 200 },
    ],
  };
}

const failingCase = (name: string): GoldenCaseBody => ({
  ...passingCase(name),
  expectations: [{ kind: "contains", text: "zebra-striped unicorn", caseSensitive: false }],
});

describe.each(PROVIDERS)("golden sets and eval runs on %s", (provider) => {
  const getDb = useTestDb(provider);

  async function setup(ctx: Parameters<typeof getDb>[0]) {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin", "editor", "marketer"]);
    const { deps, kb } = makePipelineDeps(db);
    await seedDemoKnowledge(kb, w.ws.id, ROOT);
    await saveBrand(w.ctxFor("admin"), { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0 });
    return { db, w, deps: deps as EvalDeps, editor: w.ctxFor("editor"), admin: w.ctxFor("admin") };
  }

  it("keeps sets and cases: validation, stale edits, name clashes, roles", async (ctx) => {
    const { w, editor } = await setup(ctx);
    const set = await createSet(editor, { name: "Emails", passThreshold: 0.75 });
    expect(set).toMatchObject({ name: "Emails", passThreshold: 0.75, caseCount: 0, lastRun: null, version: 1 });
    await expect(createSet(editor, { name: "Emails" })).rejects.toMatchObject({ code: "conflict:set_name" });
    await expect(createSet(w.ctxFor("marketer"), { name: "Nope" })).rejects.toMatchObject({ code: "forbidden:editor" });

    const c = await addCase(editor, set.id, passingCase("Stormline email"));
    expect(c.expectations).toHaveLength(3);
    // An invalid regex and an exponential one are refused with the field named.
    await expect(
      addCase(editor, set.id, {
        ...passingCase("bad"),
        expectations: [{ kind: "regex", pattern: "(unclosed", mustMatch: true }],
      }),
    ).rejects.toThrow(/pattern/i);
    await expect(
      addCase(editor, set.id, {
        ...passingCase("redos"),
        expectations: [{ kind: "regex", pattern: "^(a+)+$", mustMatch: true }],
      }),
    ).rejects.toThrow(/backtrack|exponential|slow/i);

    const edited = await updateCase(editor, c.id, { ...passingCase("Renamed"), version: 1 });
    expect(edited).toMatchObject({ name: "Renamed", version: 2 });
    await expect(updateCase(editor, c.id, { ...passingCase("Late"), version: 1 })).rejects.toMatchObject({
      code: "conflict:stale",
    });
    const renamed = await updateSet(editor, set.id, { description: "Regression emails", version: 1 });
    expect(renamed).toMatchObject({
      name: "Emails",
      description: "Regression emails",
      passThreshold: 0.75,
      version: 2,
    });
    await expect(updateSet(editor, set.id, { name: "X", version: 1 })).rejects.toMatchObject({
      code: "conflict:stale",
    });

    const detail = await getSet(editor, set.id);
    expect(detail.caseCount).toBe(1);
    expect(detail.cases.map((x) => x.name)).toEqual(["Renamed"]);
    await deleteCase(editor, c.id);
    expect((await listSets(editor)).items[0]?.caseCount).toBe(0);
    // Another workspace sees nothing.
    const other = await makeWorkspace(getDb(ctx).db, ["editor"]);
    await expect(getSet(other.ctxFor("editor"), set.id)).rejects.toMatchObject({ code: "not_found:golden_set" });
  });

  it("promotes a rejected draft into a case built from the reason, in a Regressions set made on first use", async (ctx) => {
    const { db, w, deps, editor } = await setup(ctx);
    const d = await createDraft(deps, w.ctxFor("marketer"), { format: "email", brief: BRIEF });
    await expect(previewPromotion(editor, d.id)).rejects.toMatchObject({ code: "conflict:not_rejected" });
    await decide(editor, d.id, { action: "reject", version: 1, reason: 'Never say "best in class" in our emails.' });

    const preview = await previewPromotion(editor, d.id);
    expect(preview.decision).toBe("rejected");
    expect(preview.expectations).toContainEqual(
      expect.objectContaining({ kind: "not_contains", text: "best in class", caseSensitive: false }),
    );
    expect(preview.promotedCaseIds).toEqual([]);

    const created = await promoteDraft(editor, d.id, {});
    expect(created.setName).toBe("Regressions");
    expect(created.sourceDraftId).toBe(d.id);
    expect(created.expectations).toEqual(preview.expectations);
    const candidate = await db.goldenCandidate.findFirstOrThrow({ where: { draftId: d.id } });
    expect(candidate.caseId).toBe(created.id);
    expect(candidate.promotedAt).not.toBeNull();
    expect((await previewPromotion(editor, d.id)).promotedCaseIds).toEqual([created.id]);
    // Again: the same set, a second case.
    const again = await promoteDraft(editor, d.id, {});
    expect(again.setId).toBe(created.setId);
    expect((await getSet(editor, created.setId)).caseCount).toBe(2);
    await expect(promoteDraft(w.ctxFor("marketer"), d.id, {})).rejects.toMatchObject({ code: "forbidden:editor" });
  });

  it("runs a set: per-case and per-assertion results, pass rate, cost and latency; resumes without repeats", async (ctx) => {
    const { db, w, deps, editor } = await setup(ctx);
    const set = await createSet(editor, { name: "Emails" });
    await expect(createRun(editor, { setId: set.id }, { enqueue: false })).rejects.toMatchObject({
      code: "validation:empty_set",
    });
    await addCase(editor, set.id, passingCase("Mentions the product"));
    await addCase(editor, set.id, failingCase("Mentions a unicorn"));

    const queued = await createRun(editor, { setId: set.id }, { enqueue: false });
    expect(queued).toMatchObject({
      status: "queued",
      casesTotal: 2,
      promptKey: "draft.channel",
      promptLabel: "production",
    });
    const seen: string[] = [];
    const done = await executeRun(deps, db, queued.id, {
      onCase: (r, n, total) => seen.push(`${r.caseName} ${n}/${total}`),
    });
    expect(seen).toEqual(["Mentions the product 1/2", "Mentions a unicorn 2/2"]);
    expect(done).toMatchObject({
      status: "succeeded",
      passed: 1,
      failed: 1,
      errored: 0,
      passRate: 0.5,
      passing: false,
    });
    const [pass, fail] = done.results;
    expect(pass).toMatchObject({ status: "pass", error: null });
    expect(pass?.result?.results.map((r) => r.status)).toEqual(["pass", "pass", "pass"]);
    expect(pass?.content?.format).toBe("email");
    expect(fail?.result?.results[0]).toMatchObject({ status: "fail", kind: "contains" });
    expect(done.latencyMs).toBeGreaterThanOrEqual((pass?.latencyMs ?? 0) + (fail?.latencyMs ?? 0) - 1);
    expect(done.caseLatencyP50Ms).not.toBeNull();
    // Executing again (a retried job) records nothing twice.
    const again = await executeRun(deps, db, queued.id);
    expect(again.results).toHaveLength(2);
    // No draft was saved by the run.
    expect(await db.draft.count({ where: { workspaceId: w.ws.id } })).toBe(0);

    // Interrupted after the first case (the CLI's Ctrl-C): cancelled, the finished case kept.
    const stopped = await createRun(editor, { setId: set.id }, { enqueue: false });
    const stop = new AbortController();
    await expect(
      executeRun(deps, db, stopped.id, { signal: stop.signal, onCase: () => stop.abort(new Error("interrupted")) }),
    ).rejects.toThrow("interrupted");
    await cancelRun(db, stopped.id, "Interrupted from the command line.");
    expect(await getRun(editor, stopped.id)).toMatchObject({ status: "cancelled", casesDone: 1, passRate: null });

    const list = await listRuns(editor, { setId: set.id });
    expect(list.items.map((r) => r.id)).toEqual([stopped.id, queued.id]);
    expect((await listRuns(editor, { setId: set.id, limit: 1 })).nextCursor).not.toBeNull();
    const page2 = await listRuns(editor, {
      setId: set.id,
      limit: 1,
      cursor: (await listRuns(editor, { setId: set.id, limit: 1 })).nextCursor!,
    });
    expect(page2.items.map((r) => r.id)).toEqual([queued.id]);
  });

  it("runs as a background job with progress, and a bad prompt version fails each case with the reason", async (ctx) => {
    const { db, deps, editor, admin } = await setup(ctx);
    const set = await createSet(editor, { name: "Job" });
    await addCase(editor, set.id, passingCase("One"));
    await addCase(editor, set.id, passingCase("Two"));
    const runner = createJobRunner({
      db,
      handlers: { [EVAL_JOB]: (job, ctl, jdb) => runEvalJob(deps, job, ctl, jdb) },
    });
    const run = await createRun(editor, { setId: set.id });
    expect(run.status).toBe("queued");
    expect(await runner.drain()).toBe(1);
    const done = await getRun(editor, run.id);
    expect(done).toMatchObject({ status: "succeeded", casesDone: 2, passed: 2, passRate: 1, passing: true });
    const row = await db.evalRun.findUniqueOrThrow({ where: { id: run.id } });
    const job = await db.job.findUniqueOrThrow({ where: { id: row.jobId! } });
    expect(job).toMatchObject({ status: "succeeded", progressDone: 2, progressTotal: 2 });

    // A version whose template names a variable the pipeline does not supply: every case errors, the run ends.
    const bad = await createPromptVersion(admin, "draft.channel", {
      system: "s",
      template: "{{brief}} {{tone_of_the_moon}}",
      variables: [{ name: "tone_of_the_moon", description: "?", required: true }],
      params: {},
    });
    const r2 = await createRun(editor, { setId: set.id, promptVersionId: bad.id });
    await runner.drain();
    const failed = await getRun(editor, r2.id);
    expect(failed).toMatchObject({ status: "succeeded", errored: 2, passRate: 0, passing: false });
    expect(failed.results[0]?.error).toMatch(/tone_of_the_moon/);
  });

  it("asks the judge model when the judge route has one, forces the chosen model, and records an unusable one per case", async (ctx) => {
    const { db, w, editor } = await setup(ctx);
    const secretKey = randomBytes(32);
    const provider = await createTestProvider(db, w.ws.id, secretKey, ["judge-model"]);
    await db.modelRoute.create({
      data: { workspaceId: w.ws.id, role: "judge", chain: [{ provider: provider.id, model: "judge-model" }] },
    });
    const rubrics: string[] = [];
    const judgeModel = new MockLanguageModelV3({
      modelId: "judge-model",
      doGenerate: async (o) => {
        rubrics.push(JSON.stringify(o.prompt));
        return okResult(JSON.stringify({ score: 0.9, rationale: "Warm and specific." }));
      },
    });
    const offline = createModelFactory();
    const models: ModelFactory = {
      language: (p, id) => (id === "judge-model" ? judgeModel : offline.language(p, id)),
      embedding: (p, id) => offline.embedding(p, id),
    };
    const { deps } = makePipelineDeps(db, { models, secretKey });
    const set = await createSet(editor, { name: "Judged" });
    await addCase(editor, set.id, {
      ...passingCase("Judged"),
      expectations: [
        { kind: "judge_min", rubric: "Plain, warm, specific copy.", min: 0.8 },
        { kind: "judge_min", rubric: "Reads like a poem.", min: 0.95 },
      ],
    });
    const run = await createRun(
      editor,
      { setId: set.id, route: { provider: "offline", model: OFFLINE_LANGUAGE_MODEL } },
      { enqueue: false },
    );
    expect(run.route).toBe(`offline/${OFFLINE_LANGUAGE_MODEL}`);
    const done = await executeRun({ ...deps, canJudge: async () => true }, db, run.id);
    expect(done.results[0]?.result?.results.map((r) => r.status)).toEqual(["pass", "fail"]);
    expect(rubrics.join("\n")).toContain("Reads like a poem.");

    // A model the workspace does not have: every case is an error that says so; the run still ends.
    const bad = await createRun(editor, { setId: set.id, route: { provider: "nope", model: "x" } }, { enqueue: false });
    const failed = await executeRun(deps, db, bad.id);
    expect(failed).toMatchObject({ status: "succeeded", errored: 1, passRate: 0 });
    expect(failed.results[0]?.error).toMatch(/no usable model: nope\/x/);
  });

  it("records a case whose model times out as an error, and the run completes", async (ctx) => {
    const { db, deps, editor } = await setup(ctx);
    const set = await createSet(editor, { name: "Timeouts" });
    await addCase(editor, set.id, passingCase("Fine"));
    await addCase(editor, set.id, { ...passingCase("Hangs"), brief: `${BRIEF} SLOW` });
    const hanging: Gateway = {
      ...deps.gateway,
      generate: ((req: Parameters<Gateway["generate"]>[0]) => {
        const vars = "key" in req.prompt ? req.prompt.variables : {};
        if (String(vars.brief ?? "").includes("SLOW"))
          return new Promise((_resolve, reject) =>
            req.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
          );
        return deps.gateway.generate(req);
      }) as Gateway["generate"],
    };
    const run = await createRun(editor, { setId: set.id }, { enqueue: false });
    const done = await executeRun({ ...deps, gateway: hanging, caseTimeoutMs: 3000 }, db, run.id);
    expect(done).toMatchObject({ status: "succeeded", passed: 1, errored: 1, passRate: 0.5 });
    const hung = done.results.find((r) => r.caseName === "Hangs");
    expect(hung).toMatchObject({ status: "error", result: null, content: null });
    expect(hung?.error).toMatch(/timed out/);
  });

  it("compares two runs: the flipped case first, with the assertions that changed", async (ctx) => {
    const { db, deps, editor } = await setup(ctx);
    const set = await createSet(editor, { name: "Flip" });
    const steady = await addCase(editor, set.id, passingCase("Steady"));
    const flips = await addCase(editor, set.id, passingCase("Flips"));
    const r1 = await createRun(editor, { setId: set.id }, { enqueue: false });
    await executeRun(deps, db, r1.id);
    await updateCase(editor, flips.id, { ...failingCase("Flips"), version: 1 });
    const r2 = await createRun(editor, { setId: set.id }, { enqueue: false });
    await executeRun(deps, db, r2.id);

    const cmp = await compareRuns(editor, { base: r1.id, head: r2.id });
    expect(cmp.counts).toMatchObject({ regressed: 1, same: 1, improved: 0 });
    expect(cmp.cases[0]).toMatchObject({ caseId: flips.id, change: "regressed", base: "pass", head: "fail" });
    expect(cmp.cases[0]?.changedAssertions).toContainEqual({
      label: "Contains “zebra-striped unicorn”",
      base: null,
      head: "fail",
    });
    expect(cmp.cases[1]).toMatchObject({ caseId: steady.id, change: "same" });
    const back = await compareRuns(editor, { base: r2.id, head: r1.id });
    expect(back.counts.improved).toBe(1);

    const other = await createSet(editor, { name: "Other" });
    await addCase(editor, other.id, passingCase("x"));
    const r3 = await createRun(editor, { setId: other.id }, { enqueue: false });
    await expect(compareRuns(editor, { base: r1.id, head: r3.id })).rejects.toMatchObject({
      code: "validation:different_sets",
    });
    expect((await getRun(editor, r2.id)).results).toHaveLength(2);
  });

  it("gates the production label: no run, a worse run and a failing run are refused; an override is audited", async (ctx) => {
    const { db, w, deps, editor, admin } = await setup(ctx);
    const set = await createSet(editor, { name: "Gate", passThreshold: 0.5 });
    await addCase(editor, set.id, passingCase("A"));
    await addCase(editor, set.id, passingCase("B"));
    // The built-in v1 (production and staging), and a v2 with the same text and a new note.
    const v1 = (await listPromptVersions(admin)).find((v) => v.key === "draft.channel")!;
    const v2 = await createPromptVersion(admin, "draft.channel", {
      system: v1.system,
      template: v1.template,
      variables: v1.variables,
      params: v1.params,
      note: "Same wording, new version",
    });
    const move = (override?: { reason: string }) =>
      movePromptLabel(admin, "draft.channel", "production", v2.id, productionGate(override));

    // No run of v2.
    expect(await checkGate(admin, "draft.channel", v2.id)).toMatchObject({ allowed: false, candidate: null });
    await expect(move()).rejects.toMatchObject({ code: "conflict:eval_gate" });
    await expect(checkGate(editor, "draft.channel", v2.id)).rejects.toMatchObject({ code: "forbidden:admin" });

    // v2 run, but the current production (v1) has none on the set: refused until it has.
    const runV2 = await createRun(editor, { setId: set.id, promptVersionId: v2.id }, { enqueue: false });
    await executeRun(deps, db, runV2.id);
    const noBaseline = await checkGate(admin, "draft.channel", v2.id);
    expect(noBaseline.allowed).toBe(false);
    expect(noBaseline.message).toMatch(/v1 has no finished run/);
    const runV1 = await createRun(editor, { setId: set.id }, { enqueue: false });
    await executeRun(deps, db, runV1.id);
    const ok = await checkGate(admin, "draft.channel", v2.id);
    expect(ok).toMatchObject({ allowed: true, setName: "Gate" });
    expect(ok.candidate?.id).toBe(runV2.id);
    expect(ok.baseline?.id).toBe(runV1.id);

    // A worse newest run of v2 (one case breaks): refused as worse than v1.
    const cases = await getSet(editor, set.id);
    await updateCase(editor, cases.cases[0]!.id, { ...failingCase("A"), version: 1 });
    const worse = await createRun(editor, { setId: set.id, promptVersionId: v2.id }, { enqueue: false });
    await executeRun(deps, db, worse.id);
    const refused = await checkGate(admin, "draft.channel", v2.id);
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.message).toMatch(/worse than the current production version v1, which passed 100%/);
    await expect(move()).rejects.toMatchObject({ code: "conflict:eval_gate" });

    // Below the set's threshold.
    await updateSet(editor, set.id, { passThreshold: 0.9, version: 1 });
    expect((await checkGate(admin, "draft.channel", v2.id)).message).toMatch(/below the set's 90% threshold/);

    // The override moves it and the audit entry keeps the reason and the verdict.
    await move({ reason: "Hotfix for a legal wording, approved by legal." });
    const label = await db.promptLabel.findFirstOrThrow({
      where: { workspaceId: w.ws.id, key: "draft.channel", label: "production" },
    });
    expect(label.versionId).toBe(v2.id);
    const entry = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: w.ws.id, action: "prompt.label_moved" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.stringify(entry.after)).toContain("Hotfix for a legal wording");
    expect(JSON.stringify(entry.after)).toContain("overridden");
    // Labels other than production, and other prompts, are not gated.
    await movePromptLabel(admin, "draft.channel", "staging", v2.id, productionGate(undefined));
    expect((await checkGate(admin, "draft.channel", v2.id)).message).toMatch(/already in production/);
  });
});

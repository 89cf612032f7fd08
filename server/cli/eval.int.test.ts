import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import type { EvalDeps } from "@/server/features/evals/runs";
import { addCase, createSet } from "@/server/features/evals/sets";
import { makePipelineDeps } from "@/server/features/generation/testing";
import { saveBrand } from "@/server/features/governor/service";
import { InferenceConfigCache } from "@/server/inference/config";
import { ROOT } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { EvalUsageError, evalContext, runEval, type EvalOptions, type ProvidersFor } from "./eval";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-eval-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A word the offline composer never writes: a `contains` on it always fails. */
const NEVER = "xylophone";
const HANG = "[hang]";
const SET = `Launch <emails> & "ads"`;

const passing = (name: string, brief: string, format: "email" | "meta_ad" = "email") => ({
  name,
  brief,
  format,
  expectations: [
    { kind: "not_contains", text: NEVER },
    { kind: "max_length", field: format === "email" ? "subject" : "variants[*].headline", max: 5000 },
  ],
});

/** One workspace for the whole file (seeding the knowledge base is the slow part). */
async function seed(db: Db) {
  const w = await makeWorkspace(db, ["admin"]);
  const { deps, kb } = makePipelineDeps(db);
  await seedDemoKnowledge(kb, w.ws.id, ROOT);
  const admin = w.ctxFor("admin");
  await saveBrand(admin, { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0 });

  // pass, fail (with a skipped judge rubric) and a case whose model never answers: 1/3 ≥ 0.3.
  const mixed = await createSet(admin, { name: SET, passThreshold: 0.3 });
  await addCase(
    admin,
    mixed.id,
    passing("writes the jacket email", "Email about the Stormline jacket for rainy hikes."),
  );
  await addCase(admin, mixed.id, {
    name: `mentions the <${NEVER}> & "more"`,
    brief: "Email about the Stormline jacket for autumn walks.",
    format: "email",
    expectations: [
      { kind: "contains", label: `Says “${NEVER}”`, text: NEVER },
      { kind: "judge_min", rubric: "Warm, plain and specific copy.", min: 0.5 },
    ],
  });
  await addCase(admin, mixed.id, passing("times out", `Email about tents ${HANG} for the spring sale.`));

  // The real `lectern` process runs these: emails (their HTML part renders in the CLI) and Meta ads.
  const green = await createSet(admin, { name: "green", passThreshold: 1 });
  await addCase(admin, green.id, passing("jacket", "Ad for the Stormline jacket for rainy hikes.", "meta_ad"));
  await addCase(admin, green.id, passing("tent", "Ad for the Basecamp tent for the spring sale.", "meta_ad"));

  const ci = await createSet(admin, { name: "ci", passThreshold: 0.5 });
  await addCase(admin, ci.id, passing("jacket", "Email about the Stormline jacket for rainy hikes."));
  await addCase(admin, ci.id, {
    name: "says the word",
    brief: "Email about the Stormline jacket for autumn walks.",
    format: "email",
    expectations: [{ kind: "contains", text: NEVER }],
  });

  await createSet(admin, { name: "empty" });

  // The draft model never answers for a brief with HANG: the case times out (an `error` case).
  const gateway: EvalDeps["gateway"] = {
    ...deps.gateway,
    generate: ((req) =>
      req.role === "draft" && JSON.stringify(req.prompt).includes(HANG)
        ? new Promise(() => {})
        : deps.gateway.generate(req)) as EvalDeps["gateway"]["generate"],
  };
  const evalDeps: EvalDeps = { ...deps, gateway, caseTimeoutMs: 1500 };
  const config = new InferenceConfigCache({ db, secretKey: randomBytes(32), envProviders: [] });
  const providers: ProvidersFor = async (id) => (await config.get(id)).providers;
  return { w, evalDeps, providers };
}

describe("lectern eval", () => {
  const getDb = useTestDb("sqlite");
  let seeded: ReturnType<typeof seed> | undefined;
  const setup = (db: Db) => (seeded ??= seed(db));

  /** The command's body in this process, with the test's pipeline; output captured. */
  async function evalHere(db: Db, o: Omit<EvalOptions, "workspace">) {
    const { w, evalDeps, providers } = await setup(db);
    const out: string[] = [];
    const err: string[] = [];
    const ctx = await evalContext(db, w.ws.slug);
    const code = await runEval(
      { deps: evalDeps, ctx, providers, io: { out: (l) => out.push(l), err: (l) => err.push(l) } },
      { workspace: w.ws.slug, ...o },
    );
    return { code, out, err };
  }

  const usageError = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(EvalUsageError);
    return (e as Error).message;
  };

  it("prints a line per case and a summary; the set's own threshold decides; --fail-under overrides it", async (ctx) => {
    const { db } = getDb(ctx);
    const junit = path.join(dir, "reports", "mixed.xml");
    const r = await evalHere(db, { suite: SET, junit });
    expect(r.code).toBe(0); // 1 of 3 passed, the set asks for 30%
    expect(r.out).toHaveLength(5);
    expect(r.out[0]).toMatch(/^✓ writes the jacket email \(\d+\.\d s\)$/);
    expect(r.out[1]).toMatch(
      new RegExp(`^✗ mentions the <${NEVER}> & "more" \\(\\d+\\.\\d s\\) — Says “${NEVER}”: .+`),
    );
    expect(r.out[1]).not.toContain("Judge");
    expect(r.out[2]).toMatch(/^! times out \(\d+\.\d s\) — No draft within \d+ s: the model timed out\.$/);
    expect(r.out[3]).toBe(`${SET}: 1 of 3 passed (33.3%), 1 failed, 1 error — PASS (threshold 30%)`);
    expect(r.out[4]).toMatch(
      /^prompt draft\.channel v1 \(production\) · model the workspace's draft route · cost \$\d+\.\d+ · latency \d+\.\d s total, p50 \d+\.\d s per case$/,
    );
    expect(r.err.join("\n")).toContain(`JUnit report written to ${junit}`);

    // The report: counts, the failure's assertion, the timeout as an error, the skipped judge in system-out.
    const doc = parseDocument(fs.readFileSync(junit, "utf8"), { xmlMode: true });
    const all = (tag: string) => DomUtils.getElementsByTagName(tag, doc.children, true);
    expect(all("testsuite")).toHaveLength(1);
    expect(all("testsuite")[0]!.attribs).toMatchObject({
      name: SET,
      tests: "3",
      failures: "1",
      errors: "1",
      skipped: "0",
    });
    const cases = all("testcase");
    expect(cases.map((c) => [c.attribs.classname, c.attribs.name])).toEqual([
      [SET, "writes the jacket email"],
      [SET, `mentions the <${NEVER}> & "more"`],
      [SET, "times out"],
    ]);
    for (const c of cases) expect(Number(c.attribs.time)).toBeGreaterThanOrEqual(0);
    const failure = DomUtils.getElementsByTagName("failure", cases[1]!)[0]!;
    expect(failure.attribs.message).toMatch(new RegExp(`^Says “${NEVER}”: `));
    expect(DomUtils.textContent(DomUtils.getElementsByTagName("system-out", cases[1]!)[0]!)).toMatch(
      /^skipped: Judge scores at least 50%/,
    );
    const error = DomUtils.getElementsByTagName("error", cases[2]!)[0]!;
    expect(error.attribs).toMatchObject({ type: "generation_error" });
    expect(error.attribs.message).toContain("timed out");
    expect(DomUtils.getElementsByTagName("failure", cases[2]!)).toHaveLength(0);
    const props = Object.fromEntries(all("property").map((p) => [p.attribs.name, p.attribs.value]));
    expect(props).toMatchObject({
      "prompt.key": "draft.channel",
      "prompt.version": "1",
      "prompt.label": "production",
      route: "",
      pass_rate: "0.3333",
      threshold: "0.3",
    });

    const strict = await evalHere(db, { suite: SET, failUnder: "0.5", junit });
    expect(strict.code).toBe(1);
    expect(strict.out[3]).toContain("FAIL (threshold 50%)");
    const strictXml = fs.readFileSync(junit, "utf8");
    expect(strictXml).toContain(`<property name="threshold" value="0.5"/>`);
    expect(strictXml).toContain(`<property name="set_threshold" value="0.3"/>`);
    expect(strictXml).toContain(`<property name="passing" value="false"/>`);
  }, 120_000);

  it("pins a prompt version by number and forces a model", async (ctx) => {
    const { db } = getDb(ctx);
    const r = await evalHere(db, {
      suite: "green",
      promptVersion: "1",
      model: "offline/offline-composer-v1",
      failUnder: "1",
    });
    expect(r.code).toBe(0);
    expect(r.out.filter((l) => l.startsWith("✓"))).toHaveLength(2);
    expect(r.out.at(-1)).toMatch(/^prompt draft\.channel v1 · model offline\/offline-composer-v1 · /);
  }, 120_000);

  it("refuses usage errors before running anything", async (ctx) => {
    const { db } = getDb(ctx);
    await setup(db);
    const before = await db.evalRun.count();
    expect(await usageError(evalHere(db, { suite: "nope" }))).toBe("No golden set named “nope” in this workspace.");
    expect(await usageError(evalHere(db, { suite: "green", promptLabel: "production", promptVersion: "1" }))).toBe(
      "Choose --prompt-label or --prompt-version, not both.",
    );
    for (const bad of ["1.5", "-0.1", "abc", ""])
      expect(await usageError(evalHere(db, { suite: "green", failUnder: bad }))).toContain("--fail-under takes");
    expect(await usageError(evalHere(db, { suite: "green", promptVersion: "99" }))).toBe(
      "draft.channel has no version 99 in this workspace.",
    );
    expect(await usageError(evalHere(db, { suite: "green", promptVersion: "v2" }))).toContain("--prompt-version");
    expect(await usageError(evalHere(db, { suite: "green", promptLabel: "nosuch" }))).toContain(
      `with the label "nosuch"`,
    );
    expect(await usageError(evalHere(db, { suite: "green", model: "gpt-4o" }))).toContain(
      "--model takes provider/model",
    );
    expect(await usageError(evalHere(db, { suite: "green", model: "nope/some-model" }))).toMatch(
      /No enabled model provider “nope”.*offline/,
    );
    expect(await usageError(evalHere(db, { suite: "green", model: "offline/gpt-4o" }))).toContain(
      "does not offer the model “gpt-4o”",
    );
    expect(await usageError(evalHere(db, { suite: "empty" }))).toContain("has no cases yet");
    expect(await db.evalRun.count()).toBe(before);
  }, 60_000);

  /** The real `lectern` bin against this file's database, as CI runs it. */
  function lectern(url: string, args: string[]) {
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "lectern.mjs"), ...args], {
      cwd: dir,
      encoding: "utf8",
      env: {
        NODE_ENV: "test",
        LOG_LEVEL: "silent",
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        DATABASE_URL: url,
      },
      timeout: 110_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it("the real command: exit 1 under --fail-under 1 with a JUnit report, 0 when all pass, 2 on usage errors", async (ctx) => {
    const { db, url } = getDb(ctx);
    const { w } = await setup(db);

    const failing = lectern(url, [
      "eval",
      "--suite",
      "ci",
      "--workspace",
      w.ws.slug,
      "--fail-under",
      "1",
      "--junit",
      "ci.xml",
    ]);
    expect(failing.err).not.toMatch(/^error/m);
    expect(failing.code).toBe(1);
    expect(failing.out).toMatch(/^✓ jacket \(/m);
    expect(failing.out).toMatch(new RegExp(`^✗ says the word \\(.*\\) — Contains “${NEVER}”: `, "m"));
    expect(failing.out).toContain("ci: 1 of 2 passed (50%), 1 failed, 0 errors — FAIL (threshold 100%)");
    const xml = fs.readFileSync(path.join(dir, "ci.xml"), "utf8");
    expect(xml).toMatch(/<testsuite name="ci" tests="2" failures="1" errors="0" skipped="0" /);
    expect(xml).toContain(`<failure message="Contains “${NEVER}”: `);

    // Without --workspace: the instance's only workspace.
    const green = lectern(url, ["eval", "--suite", "green", "--fail-under", "1"]);
    expect(green.code).toBe(0);
    expect(green.out).toContain("green: 2 of 2 passed (100%)");

    const unknown = lectern(url, ["eval", "--suite", "nope", "--workspace", w.ws.slug]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("error: No golden set named “nope” in this workspace.");
    const noSuite = lectern(url, ["eval", "--workspace", w.ws.slug]);
    expect(noSuite.code).toBe(2);
    expect(noSuite.err).toContain("required option '--suite <name>' not specified");
  }, 300_000);

  it("asks for --workspace when the instance has several", async (ctx) => {
    const { db } = getDb(ctx);
    await setup(db);
    await makeWorkspace(db, ["admin"]);
    expect(await usageError(evalContext(db, undefined))).toMatch(/^Pass --workspace <slug>: this instance has several/);
    expect(await usageError(evalContext(db, "nope"))).toBe("No workspace with the slug “nope”.");
  });
});

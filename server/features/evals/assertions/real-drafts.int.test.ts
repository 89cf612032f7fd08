import { describe, expect, it } from "vitest";
import { DRAFT_FORMATS } from "@/lib/schemas/drafts";
import { AssertionResult, CaseResult, GoldenCase } from "@/lib/schemas/evals";
import { ROOT } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import { saveBrand } from "@/server/features/governor/service";
import { createDraft } from "@/server/features/generation/service";
import { makePipelineDeps } from "@/server/features/generation/testing";
import { CONTENT_FIELD_PATTERNS } from "@/lib/schemas/evals";
import { assertionsFromRejection } from "../promote";
import { evaluateCase } from ".";

// The engine against drafts the offline pipeline really produces (one database is enough: no queries here).
describe("assertions on real offline drafts", () => {
  const getDb = useTestDb("sqlite");

  it("evaluates every kind on every format without crashing, with well-formed results", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin", "marketer"]);
    const { deps, kb } = makePipelineDeps(db);
    await seedDemoKnowledge(kb, w.ws.id, ROOT);
    await saveBrand(w.ctxFor("admin"), { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0 });

    for (const format of DRAFT_FORMATS) {
      const brief = "Write about the Stormline jacket for rainy autumn hikes.";
      const draft = await createDraft(deps, w.ctxFor("marketer"), { format, brief });
      const firstField = CONTENT_FIELD_PATTERNS[format][0] as string;
      const c = GoldenCase.parse({
        brief,
        format,
        expectations: [
          { kind: "contains", text: "Stormline" },
          { kind: "not_contains", text: "guaranteed for life" },
          { kind: "regex", pattern: "\\bstormline\\b", flags: "i", mustMatch: true },
          { kind: "max_length", field: firstField, max: 5000 },
          { kind: "governor_pass" },
          { kind: "no_unsupported_facts" },
          ...(format === "seo_page" ? [{ kind: "jsonld_valid" }] : []),
          { kind: "grounding_min", min: 0 },
          { kind: "judge_min", rubric: "Plain, warm, specific copy.", min: 0.5 },
        ],
      });
      const r = CaseResult.parse(await evaluateCase(c, { content: draft.content, record: draft.record }));
      for (const x of r.results) {
        AssertionResult.parse(x);
        expect(x.status, `${format} ${x.kind}: ${x.message}`).not.toBe("error");
      }
      const byKind = Object.fromEntries(r.results.map((x) => [x.kind, x]));
      expect(byKind.max_length?.status, format).toBe("pass");
      expect(byKind.not_contains?.status, format).toBe("pass");
      expect(byKind.judge_min?.status, format).toBe("skipped");
      expect(byKind.governor_pass?.status, format).toBe(draft.record.governance.verdict === "pass" ? "pass" : "fail");

      // Promotion from the real draft's flags gives a case that parses.
      const suggested = assertionsFromRejection({
        reason: `Don't say "lifetime warranty".`,
        flags: draft.record.flags,
        content: draft.content,
        format,
      });
      expect(GoldenCase.safeParse({ brief, format, expectations: suggested }).success, format).toBe(true);
    }
  });
});

import { describe, expect, it } from "vitest";
import { BrandVoice, GovernorPolicy, type GovernorAlert } from "@/lib/schemas/brand";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { applyAlertFixes, governDraft } from "./loop";

const active = {
  version: 1,
  voice: BrandVoice.parse(NORTHWIND_BRAND_VOICE),
  policy: GovernorPolicy.parse({ autoApproveMinScore: 80, maxReviseRounds: 2 }),
};

describe("governed loop", () => {
  it("applies deterministic fixes without a model call", async () => {
    let calls = 0;
    const r = await governDraft(
      active,
      { text: "Our ultralight summit 45 is good value.", channel: "ad" },
      async (t) => {
        calls++;
        return t;
      },
    );
    expect(r.text).toBe("Our lightweight Summit 45 is good value.");
    expect(calls).toBe(0);
    expect(r.result.verdict).toBe("pass");
    expect(r.steps.map((s) => s.kind)).toEqual(["lint", "autofix"]);
  });

  it("asks the reviser to fix exactly the remaining errors, bounded by the policy", async () => {
    const seen: GovernorAlert[][] = [];
    const r = await governDraft(
      active,
      { text: "Totally waterproof boots. Prices include VAT.", channel: "email" },
      async (text, alerts) => {
        seen.push(alerts);
        return text.replace("Totally waterproof", "Waterproof");
      },
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.map((a) => a.check)).toEqual(["Brand.Claims"]);
    expect(r.text).toBe("Waterproof boots. Prices include VAT.");
    expect(r.result.verdict).toBe("pass");
    expect(r.steps.at(-1)).toMatchObject({ kind: "revise", round: 1, accepted: true, errors: 0 });
  });

  it("discards a revision that makes things worse and stops", async () => {
    const r = await governDraft(
      active,
      { text: "The best in the world, totally waterproof.", channel: "ad" },
      async () => "Carbon neutral and the best in the world, totally waterproof, ever made.",
    );
    expect(r.text).toBe("The best in the world, totally waterproof.");
    expect(r.result.verdict).toBe("needs_review");
    expect(r.steps.at(-1)).toMatchObject({ kind: "revise", accepted: false });
  });

  it("needs review when no reviser is available or it throws", async () => {
    const none = await governDraft(active, { text: "Totally waterproof.", channel: "ad" }, null);
    expect(none.result.verdict).toBe("needs_review");
    const failing = await governDraft(active, { text: "Totally waterproof.", channel: "ad" }, async () => {
      throw new Error("rate limited");
    });
    expect(failing.steps.at(-1)).toMatchObject({
      kind: "revise",
      accepted: false,
      reason: expect.stringMatching(/rate limited/),
    });
  });

  it("applies overlapping fixes once and keeps sentence-start capitals", () => {
    const alerts = [
      { start: 0, end: 5, fix: "good value" },
      { start: 2, end: 5, fix: "x" },
    ] as GovernorAlert[];
    expect(applyAlertFixes("Cheap boots", alerts)).toEqual({ text: "Good value boots", applied: 1 });
  });
});

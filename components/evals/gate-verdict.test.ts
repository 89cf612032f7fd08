import { describe, expect, it } from "vitest";
import { MoveLabelBody } from "@/lib/schemas/golden-sets";
import { gateAllowsConfirm, overrideReasonError, passRateText } from "./gate-verdict";

describe("gateAllowsConfirm", () => {
  const off = { on: false, reason: "" };

  it("lets an allowed move (or one with no verdict yet to read) through", () => {
    expect(gateAllowsConfirm({ allowed: true }, off)).toBe(true);
    // No verdict (the check failed): the server still enforces the gate on the PUT.
    expect(gateAllowsConfirm(undefined, off)).toBe(true);
  });

  it("holds a refused move until the override is ticked and has a reason of 10+ characters", () => {
    const refused = { allowed: false };
    expect(gateAllowsConfirm(refused, off)).toBe(false);
    expect(gateAllowsConfirm(refused, { on: false, reason: "A good long reason" })).toBe(false);
    expect(gateAllowsConfirm(refused, { on: true, reason: "too short" })).toBe(false);
    expect(gateAllowsConfirm(refused, { on: true, reason: "   padded    " })).toBe(false);
    expect(gateAllowsConfirm(refused, { on: true, reason: "Hotfix, set updated next" })).toBe(true);
  });
});

describe("overrideReasonError", () => {
  it("agrees with MoveLabelBody on what a valid reason is", () => {
    for (const reason of ["", "short", "  ten chars  ", "exactly 10", "x".repeat(500), "x".repeat(501)]) {
      const ok = MoveLabelBody.safeParse({ versionId: "cl0000000000000000000000", override: { reason } }).success;
      expect(overrideReasonError(reason) === null, JSON.stringify(reason)).toBe(ok);
    }
  });
});

describe("passRateText", () => {
  it("gives the rate with the counts, or says why there is none", () => {
    expect(passRateText({ passRate: 0.9, passed: 9, casesTotal: 10, status: "succeeded" })).toBe("90% (9 of 10 cases)");
    expect(passRateText({ passRate: 2 / 3, passed: 2, casesTotal: 3, status: "succeeded" })).toBe(
      "66.7% (2 of 3 cases)",
    );
    expect(passRateText({ passRate: 1, passed: 1, casesTotal: 1, status: "succeeded" })).toBe("100% (1 of 1 case)");
    expect(passRateText({ passRate: null, passed: 0, casesTotal: 4, status: "running" })).toBe("still running");
    expect(passRateText({ passRate: null, passed: 0, casesTotal: 4, status: "failed" })).toBe("no rate");
  });
});

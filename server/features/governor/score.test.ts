import { describe, expect, it } from "vitest";
import { categoryOf, governanceScore, verdictOf } from "./score";

describe("governance score", () => {
  it("files rule ids under their category", () => {
    expect(categoryOf("Brand.Terms")).toBe("terminology");
    expect(categoryOf("Brand.BannedCarbonNeutral")).toBe("terminology");
    expect(categoryOf("Brand.ClaimsWarning")).toBe("claims");
    expect(categoryOf("Brand.DisclaimerVat")).toBe("claims");
    expect(categoryOf("BrandEmail.DisclaimerImpact")).toBe("claims");
    expect(categoryOf("BrandAd.Exclamation")).toBe("channel");
    expect(categoryOf("Brand.ReadingLevel")).toBe("tone");
    expect(categoryOf("Google.Passive")).toBe("tone");
  });

  it("is 100 with no alerts and takes penalties per category, weighted", () => {
    expect(governanceScore([])).toEqual({
      total: 100,
      categories: { terminology: 100, claims: 100, tone: 100, channel: 100 },
    });
    const s = governanceScore([
      { level: "error", category: "claims" },
      { level: "warning", category: "terminology" },
      { level: "suggestion", category: "other" },
    ]);
    expect(s.categories).toEqual({ terminology: 90, claims: 75, tone: 97, channel: 100 });
    expect(s.total).toBe(Math.round(0.3 * 90 + 0.35 * 75 + 0.15 * 97 + 0.2 * 100));
    expect(governanceScore(Array(9).fill({ level: "error", category: "tone" })).categories.tone).toBe(0);
  });

  it("needs review on any error; auto-approves only above the threshold and without errors", () => {
    const policy = { autoApproveMinScore: 90, maxReviseRounds: 2 };
    expect(verdictOf([], 95, policy)).toEqual({ verdict: "pass", autoApprove: true });
    expect(verdictOf([], 85, policy)).toEqual({ verdict: "pass", autoApprove: false });
    expect(verdictOf([{ level: "error" }], 99, policy)).toEqual({ verdict: "needs_review", autoApprove: false });
    expect(verdictOf([], 100, { ...policy, autoApproveMinScore: null }).autoApprove).toBe(false);
  });
});

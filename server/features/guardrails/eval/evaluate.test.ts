import { describe, expect, it } from "vitest";
import { evaluate, loadDataset } from "./evaluate";

/**
 * The labelled evaluation as a regression gate: the targets of the guardrails issue, measured on
 * the files in this folder (written before the detectors were tuned; see README).
 */
describe("guardrail evaluation", () => {
  const lines = loadDataset();
  const report = evaluate(lines);

  it("has at least 300 labelled lines with PII, injections and clean controls", () => {
    expect(lines.length).toBeGreaterThanOrEqual(300);
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    expect(lines.filter((l) => l.injection).length).toBeGreaterThan(50);
    expect(lines.filter((l) => !l.injection && l.pii.length === 0).length).toBeGreaterThan(100);
  });

  it.each(["EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD"] as const)(
    "%s: recall ≥ 0.95 at precision ≥ 0.9",
    (t) => {
      const c = report.pii[t];
      expect(c.tp + c.fn).toBeGreaterThanOrEqual(10);
      expect(c.recall).toBeGreaterThanOrEqual(0.95);
      expect(c.precision).toBeGreaterThanOrEqual(0.9);
    },
  );

  it("injection: recall ≥ 0.8 with ≤ 5 % false positives on clean text", () => {
    expect(report.injection.recall).toBeGreaterThanOrEqual(0.8);
    expect(report.injection.fpr).toBeLessThanOrEqual(0.05);
  });
});

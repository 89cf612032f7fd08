import { describe, expect, it } from "vitest";
import { SafeGoldenCaseBody, checkPattern } from "./regex";

const body = (pattern: string, flags = "") => ({
  name: "No hype",
  brief: "Promote the Northwind Flask to commuters.",
  format: "email",
  expectations: [{ kind: "regex", field: "subject", pattern, flags, mustMatch: false }],
});

describe("regex safety", () => {
  it("accepts ordinary patterns", () => {
    expect(checkPattern("\\bfree\\s+shipping\\b", "i").ok).toBe(true);
    expect(SafeGoldenCaseBody.safeParse(body("\\d+%")).success).toBe(true);
  });

  it("refuses a pattern that can backtrack exponentially", () => {
    for (const p of ["^(a+)+$", "^(\\w+\\s?)*$"]) {
      const r = checkPattern(p, "");
      expect(r.ok, p).toBe(false);
      if (!r.ok) expect(r.message).toContain(`The pattern ${JSON.stringify(p)} can backtrack exponentially`);
    }
    const parsed = SafeGoldenCaseBody.safeParse(body("^(a+)+$"));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["expectations.0.pattern"]);
  });

  it("reports an invalid pattern once, with the reason", () => {
    const parsed = SafeGoldenCaseBody.safeParse(body("[a-"));
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      'The pattern "[a-" is not a valid regular expression: Unterminated character class',
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { PatternError, quoteMeta, stripCaptures, translate } from "./translate";

function re(pattern: string, ignoreCase = false): RegExp {
  const t = translate(pattern, { ignoreCase });
  return new RegExp(t.source, t.flags);
}

describe("translate (Go/regexp2 -> JavaScript)", () => {
  it("uses the i flag when case-insensitivity is uniform (Vale's leading (?i))", () => {
    const t = translate("(?i)(?m)\\b(?:appears to be|arguably)\\b");
    // No anchors: the m flag is not needed.
    expect(t.flags).toBe("i");
    expect(translate("(?m)^x").flags).toBe("m");
    expect(t.source).toBe("\\b(?:appears to be|arguably)\\b");
  });

  it("scopes (?i) to the rest of its group, like Go (Google.WordList's '(?i)a\\.k\\.a|aka' key)", () => {
    const r = re("\\b(?:((?:(?i)a\\.k\\.a|aka))|(email))\\b");
    expect(r.flags).not.toContain("i");
    expect(r.test("AKA")).toBe(true);
    expect(r.test("A.K.A")).toBe(true);
    expect(r.test("email")).toBe(true);
    expect(r.test("EMAIL")).toBe(false);
  });

  it("supports (?-i) exceptions inside a case-insensitive pattern (Vale's exception terms)", () => {
    const r = re("(?i)\\b(?:(?-i)JavaScript|(?i)typescript)\\b");
    expect(r.test("JavaScript")).toBe(true);
    expect(r.test("javascript")).toBe(false);
    expect(r.test("TypeScript")).toBe(true);
  });

  it("supports scoped flag groups (?i:...) and case-folds character classes", () => {
    const r = re("x(?i:[a-c]d)y");
    expect(r.test("xBDy")).toBe(true);
    expect(r.test("XBDy")).toBe(false);
  });

  it("translates named groups, \\x{...}, \\pL, POSIX classes, \\A and \\z", () => {
    expect(re("(?P<word>\\w+)").exec("hi")?.groups?.word).toBe("hi");
    expect(re("\\x{2019}s").test("it\u2019s")).toBe(true);
    expect(re("^\\pL+$").test("Café")).toBe(true);
    expect(re("[[:upper:]][[:digit:]]").test("A1")).toBe(true);
    expect(re("\\Afoo").test("a foo")).toBe(false);
    expect(re("foo\\z").test("foo\n")).toBe(false);
    expect(re("\\p{Greek}").test("λ")).toBe(true);
  });

  it("drops identity escapes JavaScript's u flag rejects, and escapes literal braces", () => {
    expect(re("don\\'t\\-\\p{L}").test("don't-x")).toBe(true);
    expect(re("a{b}").test("a{b}")).toBe(true);
    expect(re("a{2}").test("aa")).toBe(true);
  });

  it("turns (?s) into a dot that matches newlines without a global flag", () => {
    expect(re("a(?s:.)b").test("a\nb")).toBe(true);
    expect(re("a.b").test("a\nb")).toBe(false);
  });

  it("flags nested repetitions as needing a ReDoS check, and lookarounds as edge-sensitive", () => {
    expect(translate("(a+)+$").suspicious).toBe(true);
    expect(translate("(?:\\b[A-Z][a-z]+ )+\\(").suspicious).toBe(true);
    expect(translate("\\b(?:very|really)\\b").suspicious).toBe(false);
    expect(translate("it is(?!\\.)").edgeSensitive).toBe(true);
    expect(translate("(?m)^# ").edgeSensitive).toBe(false);
    expect(translate("^# ").edgeSensitive).toBe(true);
  });

  it("rejects what neither engine accepts, with a message", () => {
    expect(() => translate("(a")).toThrow(PatternError);
    expect(() => translate("a)")).toThrow(/unmatched/);
    expect(() => translate("(?>a)")).toThrow(/atomic/);
    expect(() => translate("a**")).toThrow(/nested repetition/);
    expect(() => translate("x{2000}")).toThrow(/too large/);
  });

  it("stripCaptures makes swap-key groups non-capturing but leaves classes and escapes alone", () => {
    expect(stripCaptures("(a|b)[(]\\(c(?P<n>d)(?:e)")).toBe("(?:a|b)[(]\\(c(?:d)(?:e)");
    expect(quoteMeta("a.b*c")).toBe("a\\.b\\*c");
  });
});

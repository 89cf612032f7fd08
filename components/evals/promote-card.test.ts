import { describe, expect, it } from "vitest";
import { canPromote, chosenSet, NEW_REGRESSIONS, promoteBody, setOptions } from "./promote-card";

const set = (id: string, name: string) => ({ id, name });

describe("setOptions", () => {
  it("leads with a new Regressions set, chosen by default, when none exists", () => {
    const r = setOptions([set("s1", "Email launches"), set("s2", "regressions")]);
    expect(r.options).toEqual([
      { value: NEW_REGRESSIONS, label: "Regressions (new)" },
      { value: "s1", label: "Email launches" },
      { value: "s2", label: "regressions" },
    ]);
    expect(r.defaultValue).toBe(NEW_REGRESSIONS);
  });

  it("offers only the existing sets, defaulting to Regressions, once it exists", () => {
    const r = setOptions([set("s1", "Email launches"), set("s9", "Regressions")]);
    expect(r.options.map((o) => o.value)).toEqual(["s1", "s9"]);
    expect(r.defaultValue).toBe("s9");
  });

  it("with no sets at all, the new Regressions set is the only option", () => {
    expect(setOptions([])).toEqual({
      options: [{ value: NEW_REGRESSIONS, label: "Regressions (new)" }],
      defaultValue: NEW_REGRESSIONS,
    });
  });
});

describe("chosenSet", () => {
  const { options, defaultValue } = setOptions([set("s1", "Email launches"), set("s9", "Regressions")]);

  it("keeps the person's choice while it is an option", () => {
    expect(chosenSet(options, defaultValue, "s1")).toBe("s1");
  });

  it("falls back to the default with no choice, or a choice that is gone (the new set now exists)", () => {
    expect(chosenSet(options, defaultValue, null)).toBe("s9");
    expect(chosenSet(options, defaultValue, NEW_REGRESSIONS)).toBe("s9");
  });
});

describe("promoteBody", () => {
  it("omits setId for the new Regressions set and names the set otherwise", () => {
    expect(promoteBody(NEW_REGRESSIONS)).toEqual({});
    expect(promoteBody("s1")).toEqual({ setId: "s1" });
  });
});

describe("canPromote", () => {
  it("shows for editors on rejected and changes-requested drafts only", () => {
    expect(canPromote({ status: "rejected", allowedActions: ["archive", "reopen"] })).toBe(true);
    expect(canPromote({ status: "changes_requested", allowedActions: ["submit", "reject", "archive"] })).toBe(true);
    // A marketer: only resubmitting, or nothing at all.
    expect(canPromote({ status: "changes_requested", allowedActions: ["submit"] })).toBe(false);
    expect(canPromote({ status: "rejected", allowedActions: [] })).toBe(false);
    // An editor on a draft in another state.
    expect(
      canPromote({ status: "in_review", allowedActions: ["approve", "request_changes", "reject", "archive"] }),
    ).toBe(false);
    expect(canPromote({ status: "approved", allowedActions: ["archive"] })).toBe(false);
  });
});

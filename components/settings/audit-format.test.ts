import { describe, expect, it } from "vitest";
import {
  apiQueryString,
  brief,
  changeLine,
  changes,
  hasAuditFilters,
  humanize,
  localDayStart,
  NO_AUDIT_FILTERS,
  pageQueryString,
} from "./audit-format";

describe("audit filters ↔ query strings", () => {
  const f = {
    ...NO_AUDIT_FILTERS,
    action: " draft.* ",
    actor: "ada@example.test",
    from: "2026-03-01",
    to: "2026-03-05",
  };

  it("keeps the page URL human (days, inclusive) and leaves empty filters out", () => {
    expect(pageQueryString(f)).toBe("?action=draft.*&actor=ada%40example.test&from=2026-03-01&to=2026-03-05");
    expect(pageQueryString(NO_AUDIT_FILTERS)).toBe("");
    expect(hasAuditFilters(NO_AUDIT_FILTERS)).toBe(false);
    expect(hasAuditFilters(f)).toBe(true);
  });

  it("sends the API local midnights, with `to` moved to the next day (exclusive there)", () => {
    const q = new URLSearchParams(apiQueryString(f, { limit: "25" }));
    expect(q.get("action")).toBe("draft.*");
    expect(q.get("from")).toBe(new Date(2026, 2, 1).toISOString());
    expect(q.get("to")).toBe(new Date(2026, 2, 6).toISOString());
    expect(q.get("limit")).toBe("25");
    expect(q.has("entityType")).toBe(false);
    // Month ends roll over.
    expect(localDayStart("2026-02-28", 1)).toBe(new Date(2026, 2, 1).toISOString());
    expect(localDayStart("yesterday")).toBeNull();
  });
});

describe("what changed", () => {
  it("lists changed keys first, old → new, then the unchanged ones for context", () => {
    const c = changes({ email: "m@x.test", role: "marketer" }, { email: "m@x.test", role: "editor" });
    expect(c.map(changeLine)).toEqual(["role: marketer → editor", "email: m@x.test"]);
    expect(c.map((x) => Boolean(x.same))).toEqual([false, true]);
  });

  it("shows a creation's values, a removal, and scalars", () => {
    expect(changes(null, { status: "approved", ruleIds: ["A", "B"] }).map(changeLine)).toEqual([
      "status: approved",
      "ruleIds: A, B",
    ]);
    expect(changes({ name: "Old" }, {}).map(changeLine)).toEqual(["name: Old → removed"]);
    expect(changes({ name: "Old" }, null).map(changeLine)).toEqual(["name: Old → removed"]);
    expect(changes("a", "b").map(changeLine)).toEqual(["value: a → b"]);
    expect(changes(null, null)).toEqual([]);
  });

  it("summarises nested values on one short line", () => {
    expect(brief({ model: { route: "draft", version: 3 } })).toBe("model: (route: draft, version: 3)");
    expect(brief([])).toBe("none");
    expect(brief("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("turns keys into labels", () => {
    expect(humanize("ruleIds")).toBe("Rule ids");
    expect(humanize("promptVersion")).toBe("Prompt version");
    expect(humanize("model_route")).toBe("Model route");
  });
});

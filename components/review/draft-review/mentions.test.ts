import { describe, expect, it } from "vitest";
import { mentionHandle, mentionQuery, splitMentions, suggestPeople } from "./mentions";

const eddie = { id: "u1", name: "Eddie Editor" };
const mia = { id: "u2", name: "Mia Marketer" };

describe("comment mentions", () => {
  it("keeps a body without mentions as one plain part (markup stays text)", () => {
    const body = "<script>alert(1)</script> @nobody";
    expect(splitMentions(body, [])).toEqual([{ text: body, mention: null }]);
  });

  it("marks the tokens the server resolved, by full name, first name or e-mail", () => {
    const parts = splitMentions("Thanks @EddieEditor and @mia, cc @someone@northwind.test.", [eddie, mia]);
    expect(parts.filter((p) => p.mention).map((p) => [p.text, p.mention!.id])).toEqual([
      ["@EddieEditor", "u1"],
      ["@mia", "u2"],
    ]);
    expect(parts.map((p) => p.text).join("")).toBe("Thanks @EddieEditor and @mia, cc @someone@northwind.test.");
  });

  it("gives an e-mail mention the person no name accounted for", () => {
    const parts = splitMentions("ping @editor@northwind.test", [eddie]);
    expect(parts).toEqual([
      { text: "ping ", mention: null },
      { text: "@editor@northwind.test", mention: eddie },
    ]);
  });

  it("finds the @query at the caret and suggests people", () => {
    expect(mentionQuery("hello @ed", 9)).toEqual({ start: 6, query: "ed" });
    expect(mentionQuery("mail a@b", 8)).toBeNull();
    expect(suggestPeople([eddie, mia], "ed")).toEqual([eddie]);
    expect(suggestPeople([eddie, mia], "mar")).toEqual([mia]);
    expect(mentionHandle(eddie)).toBe("@EddieEditor");
  });
});

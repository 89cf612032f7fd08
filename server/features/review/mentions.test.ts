import { describe, expect, it } from "vitest";
import { findMentions } from "./mentions";

const people = [
  { id: "u1", name: "Ada Admin", email: "admin@northwind.test" },
  { id: "u2", name: "Eddie Editor", email: "editor@northwind.test" },
  { id: "u3", name: "Mia Marketer", email: "mia.m@northwind.test" },
];

describe("findMentions", () => {
  it("resolves emails, local parts, first names and squashed full names, each member once", () => {
    const r = findMentions("@editor@northwind.test please check; @Mia and @adaadmin too. @eddie again", people);
    expect(r.map((p) => p.id)).toEqual(["u2", "u3", "u1"]);
  });

  it("ignores unknown handles, emails in running text and trailing punctuation", () => {
    expect(findMentions("mail bob@example.com or @nobody", people)).toEqual([]);
    expect(findMentions("thanks @mia.m.", people).map((p) => p.id)).toEqual(["u3"]);
  });

  it("treats markup as text: a mention inside a script tag is still just a name", () => {
    expect(findMentions("<script>alert('@ada')</script>", people).map((p) => p.id)).toEqual(["u1"]);
  });
});

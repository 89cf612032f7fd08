import { describe, expect, it } from "vitest";
import { parseBlocks } from "../chunking";
import { frontMatterTitle, markdownTitle } from "./markdown";

const title = (source: string) => markdownTitle(source, parseBlocks(source, "markdown"));

describe("frontMatterTitle", () => {
  it.each([
    ["---\ntitle: Spring Sale 2025\n---\n", "Spring Sale 2025"],
    ['---\ntitle: "Quoted: with \\"escapes\\""\n---\n', 'Quoted: with "escapes"'],
    ["---\ntitle: 'It''s here'\n---\n", "It's here"],
    ["---\ntitle: Plain # a comment\n---\n", "Plain"],
    ["---\ntitle: C# tips\n---\n", "C# tips"],
    ["---\nslug: x\ntitle: >-\n  Folded over\n  two lines\ndate: 2025-01-01\n---\n", "Folded over two lines"],
    ["---\ntitle: Starts here\n  and continues\n---\n", "Starts here and continues"],
    ["---\r\ntitle: Windows\r\n---\r\n", "Windows"],
    ["\uFEFF---\ntitle: After BOM\n...\n", "After BOM"],
  ])("reads %j", (source, expected) => {
    expect(frontMatterTitle(source)).toBe(expected);
  });

  it.each([
    ["no front matter", "title: not front matter\n"],
    ["no title key", "---\nauthor: Ana\n---\n"],
    ["nested title", "---\nseo:\n  title: Nested\n---\n"],
    ["null title", "---\ntitle: ~\n---\n"],
    ["empty title", '---\ntitle: ""\n---\n'],
    ["front matter not at the start", "# Heading\n---\ntitle: late\n---\n"],
  ])("returns null for %s", (_, source) => {
    expect(frontMatterTitle(source)).toBeNull();
  });
});

describe("markdownTitle", () => {
  it("prefers the front matter title over the first H1", () => {
    expect(title("---\ntitle: From front matter\n---\n# From heading\n\nBody.")).toBe("From front matter");
  });

  it("falls back to the first level-1 heading, markup stripped", () => {
    expect(title("Intro line.\n\n## Not this\n\n# The *real* `title` [here](https://x.test)\n\n# Second")).toBe(
      "The real title here",
    );
    expect(title("Setext Title\n============\n\nBody.")).toBe("Setext Title");
  });

  it("ignores headings inside code blocks and returns null without any H1", () => {
    expect(title("```sh\n# not a heading\n```\n\n## Level two only")).toBeNull();
  });
});

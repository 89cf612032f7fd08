import { describe, expect, it } from "vitest";
import { lint } from "../lint/lint";
import { loadStyles } from "./load";

const good = `extends: existence
message: "'%s' left in text"
level: error
tokens:
  - TODO
`;

function load(files: Record<string, string>) {
  return loadStyles({ "Good/Todo.yml": good, ...files });
}

describe("loading rules: bad input is reported with file and line, other rules still load", () => {
  it("invalid YAML names the file and the line", () => {
    const r = load({ "Bad/Broken.yml": "extends: existence\nmessage: 'x'\ntokens:\n  - a\n - b\n" });
    expect(r.rules.map((x) => x.name)).toEqual(["Good.Todo"]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        kind: "rule",
        file: "Bad/Broken.yml",
        line: 5,
        message: expect.stringMatching(/^invalid YAML/),
      }),
    ]);
  });

  it("an unknown 'extends' names the file, line and field", () => {
    const r = load({ "Bad/Kind.yml": "message: x\nlevel: error\nextends: grammar\ntokens: [a]\n" });
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: "Bad/Kind.yml",
        line: 3,
        field: "extends",
        message: expect.stringContaining("'grammar'"),
      }),
    ]);
    expect(r.rules).toHaveLength(1);
  });

  it("an unknown field names the field and its line", () => {
    const r = load({ "Bad/Field.yml": "extends: existence\nmessage: x\ntokens: [a]\nignorcase: true\n" });
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: "Bad/Field.yml",
        line: 4,
        field: "ignorcase",
        message: "unknown field 'ignorcase' for a 'existence' rule",
      }),
    ]);
  });

  it("a wrong value type names the field; a missing message is Vale's error", () => {
    const r = load({
      "Bad/Type.yml": "extends: occurrence\nmessage: x\ntoken: a\nmax: lots\n",
      "Bad/NoMsg.yml": "extends: existence\ntokens: [a]\n",
      "Bad/Level.yml": "extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n",
    });
    const byFile = Object.fromEntries(r.errors.map((e) => [e.file, e]));
    expect(byFile["Bad/Type.yml"]).toMatchObject({ line: 4, field: "max" });
    expect(byFile["Bad/NoMsg.yml"]).toMatchObject({ message: "Missing the required 'message' key." });
    expect(byFile["Bad/Level.yml"]).toMatchObject({ line: 3, field: "level" });
  });

  it("a catastrophic (exponential) pattern is rejected at load time, naming the token's line", () => {
    const r = load({
      "Bad/Redos.yml": "extends: existence\nmessage: x\nnonword: true\ntokens:\n  - safe\n  - '(a+)+$'\n",
    });
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: "Bad/Redos.yml",
        line: 6,
        message: expect.stringContaining("backtrack exponentially"),
      }),
    ]);
    expect(r.rules.map((x) => x.name)).toEqual(["Good.Todo"]);
  }, 30_000);

  it("patterns that match everything or the empty string are rejected", () => {
    const r = load({
      "Bad/Everything.yml": "extends: existence\nmessage: x\nraw:\n  - '.*'\n",
      "Bad/Empty.yml": "extends: existence\nmessage: x\ntokens:\n  - 'a?'\n",
      "Bad/Swap.yml": "extends: substitution\nmessage: x\nnonword: true\nswap:\n  good: fine\n  '[\\s\\S]*': nothing\n",
    });
    const byFile = Object.fromEntries(r.errors.map((e) => [e.file, e]));
    expect(byFile["Bad/Everything.yml"]).toMatchObject({
      line: 4,
      message: expect.stringContaining("matches any text"),
    });
    expect(byFile["Bad/Empty.yml"]).toMatchObject({ line: 4, message: expect.stringContaining("empty string") });
    expect(byFile["Bad/Swap.yml"]).toMatchObject({ line: 6, field: "swap.[\\s\\S]*" });
  });

  it("invalid regex syntax and bad metric formulas are reported with their line", () => {
    const r = load({
      "Bad/Syntax.yml": "extends: substitution\nmessage: x\nswap:\n  ok: fine\n  'bad(': good\n",
      "Bad/Formula.yml": "extends: metric\nmessage: x\nformula: words / (sentences\ncondition: '> 3'\n",
      "Bad/Var.yml": "extends: metric\nmessage: x\nformula: wordz / 2\ncondition: '> 3'\n",
    });
    const byFile = Object.fromEntries(r.errors.map((e) => [e.file, e]));
    expect(byFile["Bad/Syntax.yml"]).toMatchObject({
      line: 5,
      message: expect.stringContaining("missing closing ')'"),
    });
    expect(byFile["Bad/Formula.yml"]).toMatchObject({ line: 3, field: "formula" });
    expect(byFile["Bad/Var.yml"]).toMatchObject({ line: 3, message: "unknown variable 'wordz' in formula" });
  });

  it("sequence, spelling and script rules are skipped with a 'not supported' warning", () => {
    const r = load({
      "Other/Seq.yml": "extends: sequence\nmessage: x\ntokens: []\n",
      "Other/Spell.yml": "extends: spelling\nmessage: x\n",
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.file, w.line, w.kind])).toEqual([
      ["Other/Seq.yml", 1, "unsupported"],
      ["Other/Spell.yml", 1, "unsupported"],
    ]);
    expect(r.warnings[0]!.message).toContain("not supported");
    // The remaining rule still runs.
    expect(lint("A TODO here.", { format: "text", rules: r }).alerts.map((a) => a.Check)).toEqual(["Good.Todo"]);
  });

  it("weakly typed values load like Vale's mapstructure (scalar to list, string to bool/number)", () => {
    const r = loadStyles({
      "Weak/Rule.yml": "extends: occurrence\nmessage: '%s'\nscope: sentence\nignorecase: 'true'\nmax: '2'\ntoken: a\n",
    });
    expect(r.errors).toEqual([]);
    expect(r.rules[0]!.scope.key).toBe("sentence");
  });
});

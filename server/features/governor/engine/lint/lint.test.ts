import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConfigError,
  applyFixes,
  configFromObject,
  exitCodeFor,
  formatCli,
  formatJson,
  formatLine,
  lint,
  lintFiles,
  loadConfig,
  loadStyles,
} from "../index";
import type { Alert, FileResult } from "../types";

const FIXTURES = path.resolve(__dirname, "../fixtures");

/** Compact view of alerts: "line:start-end Check 'Match'". */
function brief(alerts: readonly Alert[]): string[] {
  return alerts.map((a) => `${a.Line}:${a.Span[0]}-${a.Span[1]} ${a.Check} '${a.Match}'`);
}

const ANNOTATIONS = `extends: existence
message: "'%s' left in text"
level: error
ignorecase: false
tokens:
  - XXX
  - TODO
  - FIXME
`;

describe("fixture styles on fixture documents (.vale.ini, Markdown, HTML, text)", () => {
  let results: FileResult[];
  const cwd = process.cwd();
  beforeAll(() => {
    process.chdir(FIXTURES);
    results = lintFiles(["docs/guide.md", "docs/page.html", "docs/ad.txt"], ".vale.ini");
  });
  afterAll(() => process.chdir(cwd));

  it("reports exactly the expected alerts in Vale's line format", () => {
    expect(formatLine(results).trim().split("\n")).toEqual([
      "docs/ad.txt:1:14:Brand.WordList:Use 'phone' or 'mobile phone' instead of 'smartphone'.",
      "docs/ad.txt:1:29:Brand.Contractions:Use 'can't' instead of 'cannot'.",
      "docs/ad.txt:3:1:Brand.Contractions:Use 'it's' instead of 'It is'.",
      "docs/ad.txt:3:7:write-good.Weasel:'really' is a weasel word!",
      "docs/ad.txt:3:27:Brand.WordList:Use 'email' instead of 'Email'.",
      "docs/guide.md:6:3:Brand.Headings:'Getting started with Lectern' should be in title case",
      "docs/guide.md:8:34:Brand.WordList:Use 'email' instead of 'e-mail'.",
      "docs/guide.md:8:50:Brand.WordList:Use 'to' instead of 'in order to'.",
      "docs/guide.md:9:16:Brand.Repetition:'the' is repeated!",
      "docs/guide.md:9:16:Vale.Repetition:'the' is repeated!",
      "docs/guide.md:11:65:Brand.Acronyms:Spell out 'NASA', if it's unfamiliar to the audience.",
      "docs/guide.md:20:42:Brand.WordList:Use 'email' instead of 'e-mail'.",
      "docs/guide.md:22:4:Brand.Headings:'setting up your phone in the app' should be in title case",
      "docs/guide.md:24:7:Brand.Spelling:Inconsistent spelling of 'advisor'.",
      "docs/guide.md:24:20:Brand.Contractions:Use 'it's' instead of 'it is'.",
      "docs/guide.md:24:26:write-good.Weasel:'very' is a weasel word!",
      "docs/guide.md:26:21:Vale.Avoid:Avoid using 'synergy'.",
      "docs/guide.md:27:21:Vale.Terms:Use 'JavaScript' instead of 'javascript'.",
      "docs/guide.md:31:3:Brand.WordList:Use 'email' instead of 'e-mail'.",
      "docs/page.html:6:5:Brand.Headings:'How to use the smart phone app' should be in title case",
      "docs/page.html:6:20:Brand.WordList:Use 'phone' or 'mobile phone' instead of 'smart phone'.",
      "docs/page.html:7:12:Brand.WordList:Use 'email' instead of 'e-mail'.",
      "docs/page.html:7:34:Brand.Contractions:Use 'it's' instead of 'It is'.",
      "docs/page.html:7:48:write-good.Weasel:'very' is a weasel word!",
      "docs/page.html:9:69:Brand.Annotations:'TODO' left in text",
      "docs/page.html:14:16:Brand.WordList:Use 'email' instead of 'e-mail'.",
    ]);
  });

  it("Markdown: front matter, code blocks, inline code, URLs and link destinations/titles are skipped", () => {
    const guide = results.find((r) => r.path === "docs/guide.md")!;
    // Lines 1-3 front matter, 13-16 fenced code, 18 indented code; line 20 has three 'e-mail' in a URL,
    // a link destination, a link title and inline code: only the link text (col 42) is reported.
    expect(guide.alerts.filter((a) => a.Line <= 3 || (a.Line >= 13 && a.Line <= 18))).toEqual([]);
    expect(guide.alerts.filter((a) => a.Line === 20).map((a) => a.Span)).toEqual([[42, 47]]);
  });

  it("gives Vale's Span (1-based, inclusive) and exact source offsets for every alert", () => {
    const guide = results.find((r) => r.path === "docs/guide.md")!;
    const src = fs.readFileSync(path.join(FIXTURES, "docs/guide.md"), "utf8");
    expect(brief(guide.alerts).slice(0, 4)).toEqual([
      "6:3-30 Brand.Headings 'Getting started with Lectern'",
      "8:34-39 Brand.WordList 'e-mail'",
      "8:50-60 Brand.WordList 'in order to'",
      "9:16-22 Brand.Repetition 'the the'",
    ]);
    for (const a of guide.alerts) expect(src.slice(a.start, a.end)).toBe(a.Match);
  });

  it("applies .vale.ini sections: [*.{md,html}] lowers write-good.Weasel, [*.txt] turns SentenceLength off", () => {
    const sev = (p: string) =>
      results.find((r) => r.path === p)!.alerts.find((a) => a.Check === "write-good.Weasel")!.Severity;
    expect(sev("docs/guide.md")).toBe("suggestion");
    expect(sev("docs/ad.txt")).toBe("warning");
    const cfg = loadConfig(path.join(FIXTURES, ".vale.ini"));
    const long = `${"word ".repeat(30)}end.`;
    expect(lint(long, { format: "markdown", path: "a.md", config: cfg }).alerts.map((a) => a.Check)).toContain(
      "Brand.SentenceLength",
    );
    expect(lint(long, { format: "text", path: "a.txt", config: cfg }).alerts.map((a) => a.Check)).not.toContain(
      "Brand.SentenceLength",
    );
  });

  it("HTML: <pre>, <script>, <style> and <code> are skipped; img alt is linted; vale comments toggle rules", () => {
    const page = results.find((r) => r.path === "docs/page.html")!;
    expect(brief(page.alerts)).toContain("9:69-72 Brand.Annotations 'TODO'");
    // <title>/<style> (4), <pre> (8), <code> (9), <script> (10), the comment-disabled paragraph (12).
    expect(page.alerts.filter((a) => [4, 8, 10, 12].includes(a.Line))).toEqual([]);
    expect(page.alerts.filter((a) => a.Line === 9).map((a) => a.Check)).toEqual(["Brand.Annotations"]);
  });

  it("reports unsupported Vale.Spelling as a warning pointing at BasedOnStyles", () => {
    expect(results[0]!.warnings).toEqual([
      expect.objectContaining({ kind: "unsupported", rule: "Vale.Spelling", line: 7 }),
    ]);
    expect(results[0]!.errors).toEqual([]);
  });

  it("formats JSON keyed by path in Vale's shape, the CLI summary, and the exit code", () => {
    const json = JSON.parse(formatJson(results)) as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(json)).toEqual(["docs/ad.txt", "docs/guide.md", "docs/page.html"]);
    expect(json["docs/guide.md"]![1]).toEqual({
      Action: { Name: "replace", Params: ["email"] },
      Span: [34, 39],
      Check: "Brand.WordList",
      Description: "",
      Link: "https://example.com/style/word-list",
      Message: "Use 'email' instead of 'e-mail'.",
      Severity: "warning",
      Match: "e-mail",
      Line: 8,
    });
    expect(Object.keys(json["docs/guide.md"]![0]!)).toEqual([
      "Action",
      "Span",
      "Check",
      "Description",
      "Link",
      "Message",
      "Severity",
      "Match",
      "Line",
    ]);
    const cli = formatCli(results);
    expect(cli).toContain(" docs/guide.md\n 6:3    warning     'Getting started with Lectern' should be in title case");
    expect(cli.trim().split("\n").at(-1)).toBe("\u2716 6 errors, 13 warnings and 7 suggestions in 3 files.");
    expect(exitCodeFor(results)).toBe(1);
    expect(exitCodeFor(results.map((r) => ({ ...r, alerts: r.alerts.filter((a) => a.Severity !== "error") })))).toBe(0);
  });

  it("applies deterministic fixes from the end backwards and reports what it fixed", () => {
    const guide = results.find((r) => r.path === "docs/guide.md")!;
    const src = fs.readFileSync(path.join(FIXTURES, "docs/guide.md"), "utf8");
    const { text, fixed, skipped } = applyFixes(src, guide.alerts);
    expect(text.split("\n").slice(7, 9)).toEqual([
      "Our adviser can help you. Please email the team to get access.",
      "It's not hard: the setup takes five minutes.",
    ]);
    expect(text.split("\n")[21]).toBe("## Setting Up Your Phone in the App");
    // Brand.Repetition and Vale.Repetition fix the same span: only the first (in alert order) is applied.
    expect(fixed.map((a) => a.Check)).toEqual([
      "Brand.Headings",
      "Brand.WordList",
      "Brand.WordList",
      "Brand.Repetition",
      "Brand.WordList",
      "Brand.Headings",
      "Brand.Contractions",
      "Brand.WordList",
    ]);
    expect(skipped.map((a) => a.Check)).toEqual(["Vale.Repetition"]);
  });
});

describe("compared with real Vale (expected output reasoned from Vale's docs, source and test suite)", () => {
  const rules = loadStyles({ "vale/Annotations.yml": ANNOTATIONS });

  it("Vale's frontmatter fixture layout: table cells, bold in quotes, _emphasis_, image alt, URLs, nested fences", () => {
    // Same structures as Vale's testdata/features/frontmatter.feature expectations
    // (42:3, 42:10, 42:16 for the header cells; 46:21 in the quote; 50:5 after '_'; 52:3 for the alt text).
    const doc = [
      "Intro.",
      "",
      "| TODO | XXX | FIXME |",
      "| :--: | :-: | :---: |",
      "| one  | two | three |",
      "",
      "> **Note**: one two FIXME three.",
      "",
      "is _TODO_ by",
      "",
      "![TODO](/images/logo.png)",
      "",
      "A link [has brackets](https://TODO.example.com/x?label[]=XXX).",
      "",
      "````md",
      "```",
      "TODO inside a nested fence",
      "```",
      "````",
      "",
      "    XXX = False",
    ].join("\n");
    const r = lint(doc, { format: "markdown", path: "test.md", rules });
    expect(
      formatLine([{ path: "test.md", ...r }])
        .trim()
        .split("\n"),
    ).toEqual([
      "test.md:3:3:vale.Annotations:'TODO' left in text",
      "test.md:3:10:vale.Annotations:'XXX' left in text",
      "test.md:3:16:vale.Annotations:'FIXME' left in text",
      "test.md:7:21:vale.Annotations:'FIXME' left in text",
      "test.md:9:5:vale.Annotations:'TODO' left in text",
      "test.md:11:3:vale.Annotations:'TODO' left in text",
    ]);
  });

  it("columns count Unicode code points, like Vale's rune counts (not UTF-16 units or bytes)", () => {
    const doc = "Café ☕ 😀 TODO";
    const [a] = lint(doc, { format: "text", rules }).alerts;
    expect(a).toMatchObject({ Line: 1, Span: [10, 13], Match: "TODO" });
    expect(doc.slice(a!.start, a!.end)).toBe("TODO");
  });

  it("substitution messages get the expected term first, then the observed one (Vale's docs)", () => {
    const r = loadStyles({
      "G/W.yml": "extends: substitution\nmessage: \"Use '%s' rather than '%s'.\"\nswap:\n  utilize: use\n",
    });
    expect(lint("We utilize it.", { format: "text", rules: r }).alerts[0]).toMatchObject({
      Message: "Use 'use' rather than 'utilize'.",
      Match: "utilize",
      Span: [4, 10],
      Severity: "warning",
      Action: { Name: "", Params: null },
    });
  });

  it("occurrence: the alert sits on the sentence's first token and %s is the count; zero matches report 1:1", () => {
    const r = loadStyles({
      "demo/Long.yml":
        "extends: occurrence\nmessage: '%s words is too many'\nscope: sentence\nmax: 5\ntoken: '\\b(\\w+)\\b'\n",
      "demo/ZeroOccurrence.yml": "extends: occurrence\nmessage: No intro\nscope: raw\nmin: 1\ntoken: '^Intro'\n",
    });
    const res = lint("Short one.\n\nThis sentence has far too many words in it.", { format: "markdown", rules: r });
    expect(
      formatLine([{ path: "test.md", ...res }])
        .trim()
        .split("\n"),
    ).toEqual(["test.md:1:1:demo.ZeroOccurrence:No intro", "test.md:3:1:demo.Long:9 words is too many"]);
    expect(res.alerts[1]!.Match).toBe("This");
  });

  it("repetition needs both tokens in one sentence (Vale: 'I almost forgot about that. That is important.')", () => {
    const r = loadStyles({
      "V/Rep.yml":
        "extends: repetition\nmessage: \"'%s' is repeated!\"\nignorecase: true\nalpha: true\ntokens: ['[^\\s.!?]+']\n",
    });
    expect(lint("I almost forgot about that. That is important.", { format: "text", rules: r }).alerts).toEqual([]);
    expect(brief(lint("It is is fine.", { format: "text", rules: r }).alerts)).toEqual(["1:4-8 V.Rep 'is is'"]);
  });

  it("metric alerts are document-level at 1:1 with the value as %.2f (Vale's checks.feature MetricValue)", () => {
    const r = loadStyles({
      "Checks/MetricValue.yml":
        "extends: metric\nmessage: 'This topic has %s H2s in it.'\nformula: heading.h2\ncondition: '> 0'\n",
      "Checks/Grade.yml":
        "extends: readability\nmessage: 'Grade level (%s) too high!'\ngrade: 8\nmetrics: [Flesch-Kincaid]\n",
    });
    const doc =
      "# Title\n\n## Only section\n\nThe quintessential incomprehensibility of institutionalized bureaucratization overwhelms everybody.";
    const res = lint(doc, { format: "markdown", path: "test.md", rules: r });
    expect(
      formatLine([{ path: "test.md", ...res }])
        .trim()
        .split("\n"),
    ).toEqual([
      // 8 words, 1 sentence, 35 syllables by our estimate: 0.39 * 8 + 11.8 * 35 / 8 - 15.59 = 39.155.
      "test.md:1:1:Checks.Grade:Grade level (39.16) too high!",
      "test.md:1:1:Checks.MetricValue:This topic has 1.00 H2s in it.",
    ]);
    expect(res.alerts.map((a) => a.Span)).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it("consistency flags the spelling that appears second, at its first occurrence (proselint's Spelling)", () => {
    const r = loadStyles({
      "proselint/Spelling.yml":
        "extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\nlevel: error\nignorecase: true\neither:\n  centre: center\n",
    });
    const doc = "The centre is here.\n\nThe center and the center again.\n\nNothing here.";
    expect(brief(lint(doc, { format: "markdown", rules: r }).alerts)).toEqual(["3:5-10 proselint.Spelling 'center'"]);
  });

  it("conditional (Google.Acronyms shape): a definition only covers later uses; exceptions are skipped", () => {
    const r = loadStyles({
      "Google/Acronyms.yml": [
        "extends: conditional",
        "message: \"Spell out '%s', if it's unfamiliar to the audience.\"",
        "level: suggestion",
        "first: '\\b([A-Z]{3,5})\\b'",
        "second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'",
        "exceptions: [API]",
      ].join("\n"),
    });
    const doc = "Use the CLI and the API.\n\nThe Command Line Interface (CLI) is fast. The CLI is fun.";
    expect(brief(lint(doc, { format: "markdown", rules: r }).alerts)).toEqual(["1:9-11 Google.Acronyms 'CLI'"]);
  });

  it("$sentence capitalization on headings (Vale's checks.feature SentenceCase cases)", () => {
    const r = loadStyles({
      "demo/SentenceCase.yml":
        "extends: capitalization\nmessage: \"'%s' should be sentence-cased\"\nlevel: warning\nscope: heading\nmatch: $sentence\nindicators: [':']\n",
    });
    const doc =
      "# Introduction\n\n## this isn't in sentence case\n\n## This Does Not Comply\n\n## Usage: Running the CLI\n";
    expect(
      formatLine([{ path: "test.md", ...lint(doc, { format: "markdown", rules: r }) }])
        .trim()
        .split("\n"),
    ).toEqual([
      "test.md:3:4:demo.SentenceCase:'this isn't in sentence case' should be sentence-cased",
      "test.md:5:4:demo.SentenceCase:'This Does Not Comply' should be sentence-cased",
    ]);
  });
});

describe("scopes", () => {
  const rule = (scope: string) =>
    loadStyles({ [`S/R.yml`]: `extends: existence\nmessage: x\nscope: ${scope}\ntokens: [TODO]\n` });
  const doc = [
    "# TODO title",
    "",
    "## TODO section",
    "",
    "TODO paragraph. Another TODO sentence.",
    "",
    "- TODO item",
    "",
    "> TODO quote",
    "",
    "| TODO |",
    "| ---- |",
    "| TODO |",
    "",
    "```",
    "TODO code",
    "```",
  ].join("\n");
  const lines = (scope: string) => lint(doc, { format: "markdown", rules: rule(scope) }).alerts.map((a) => a.Line);

  it("selects blocks like Vale: heading levels, lists, quotes, table cells, ~negation, paragraph, sentence, raw", () => {
    expect(lines("heading")).toEqual([1, 3]);
    expect(lines("heading.h2")).toEqual([3]);
    expect(lines("list")).toEqual([7]);
    expect(lines("blockquote")).toEqual([9]);
    expect(lines("table.header")).toEqual([11]);
    expect(lines("table.cell")).toEqual([13]);
    expect(lines("~heading")).toEqual([5, 5, 7, 9, 11, 13]);
    expect(lines("paragraph")).toEqual([5, 5]);
    expect(lines("sentence")).toEqual([1, 3, 5, 5, 7, 9, 11, 13]);
    expect(lines("text")).toEqual([1, 3, 5, 5, 7, 9, 11, 13]);
    // raw sees the source as is, code included.
    expect(lines("raw")).toEqual([1, 3, 5, 5, 7, 9, 11, 13, 16]);
    expect(lines("[heading, list]")).toEqual([1, 3, 7]);
    expect(lines("text.md")).toHaveLength(8);
    expect(lines("text.html")).toEqual([]);
  });

  it("handles CRLF line breaks and empty documents", () => {
    const r = rule("text");
    expect(lint("First line\r\nsecond TODO\r\n", { format: "markdown", rules: r }).alerts[0]).toMatchObject({
      Line: 2,
      Span: [8, 11],
    });
    expect(lint("", { format: "markdown", rules: r })).toEqual({ alerts: [], errors: [], warnings: [] });
  });
});

describe("configuration semantics", () => {
  const files = {
    "Brand/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [simply, leverage]\n",
    "Brand/Strict.yml": "extends: existence\nmessage: \"No '%s'.\"\nlevel: error\nvocab: false\ntokens: [Lectern]\n",
    "Other/Todo.yml": ANNOTATIONS,
    "config/vocabularies/Team/accept.txt": "# accepted\nleverage\nLectern\n",
    "config/vocabularies/Team/reject.txt": "synergy\n",
  };

  it("per-rule NO, level overrides, style NO, MinAlertLevel and glob sections", () => {
    const cfg = configFromObject({
      files,
      vocab: ["Team"],
      minAlertLevel: "warning",
      sections: {
        "*": { BasedOnStyles: "Vale, Brand, Other" },
        "*.md": { "Brand.Avoid": "error", Other: "NO" },
        "drafts/*.md": { "Brand.Avoid": "NO" },
      },
    });
    const doc = "We simply leverage synergy with Lectern. TODO: it.";
    const at = (p: string) => brief(lint(doc, { format: "markdown", path: p, config: cfg }).alerts);
    // 'leverage' is an accepted vocabulary term (exempt from rules with vocab: true), 'Lectern' too,
    // except for Brand.Strict (vocab: false). 'synergy' is rejected: Vale.Avoid, an error.
    expect(at("a.txt")).toEqual([
      "1:4-9 Brand.Avoid 'simply'",
      "1:20-26 Vale.Avoid 'synergy'",
      "1:33-39 Brand.Strict 'Lectern'",
      "1:42-45 Other.Todo 'TODO'",
    ]);
    const md = lint(doc, { format: "markdown", path: "docs/a.md", config: cfg }).alerts;
    expect(md.map((a) => `${a.Check}:${a.Severity}`)).toEqual([
      "Brand.Avoid:error",
      "Vale.Avoid:error",
      "Brand.Strict:error",
    ]);
    expect(at("drafts/x.md")).toEqual(["1:20-26 Vale.Avoid 'synergy'", "1:33-39 Brand.Strict 'Lectern'"]);
    // MinAlertLevel = warning hides suggestions; a call may lower it.
    const sugg = configFromObject({
      files,
      sections: { "*": { BasedOnStyles: "Brand", "Brand.Avoid": "suggestion" } },
    });
    expect(lint("simply", { format: "text", config: sugg, minAlertLevel: "warning" }).alerts).toEqual([]);
    expect(lint("simply", { format: "text", config: sugg }).alerts).toHaveLength(1);
  });

  it("TokenIgnores and BlockIgnores mask text without moving offsets; front matter can be linted on request", () => {
    const cfg = configFromObject({
      files: { "Other/Todo.yml": ANNOTATIONS },
      sections: {
        "*": {
          BasedOnStyles: "Other",
          TokenIgnores: "\\{\\{<[^>]*>\\}\\}",
          BlockIgnores: "(?s)<!-- ignore -->.*?<!-- /ignore -->",
        },
      },
    });
    const doc =
      "---\ntitle: TODO title\n---\n\nKeep {{< TODO shortcode >}} and TODO.\n\n<!-- ignore -->\nTODO hidden\n<!-- /ignore -->\n";
    expect(brief(lint(doc, { format: "markdown", config: cfg }).alerts)).toEqual(["5:33-36 Other.Todo 'TODO'"]);
    const fm = lint(doc, { format: "markdown", config: cfg, lintFrontMatter: true }).alerts;
    expect(brief(fm)[0]).toBe("2:8-11 Other.Todo 'TODO'");
  });

  it("reads the older Vocab/<Name>/ layout and reports missing styles and vocabularies as ConfigError with a line", () => {
    const old = configFromObject({
      files: { ...files, "Vocab/Old/accept.txt": "simply\n" },
      vocab: ["Old"],
      sections: { "*": { BasedOnStyles: "Brand" } },
    });
    expect(lint("simply leverage", { format: "text", config: old }).alerts.map((a) => a.Match)).toEqual(["leverage"]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "governor-cfg-"));
    try {
      fs.writeFileSync(path.join(dir, ".vale.ini"), "StylesPath = styles\n\n[*]\nBasedOnStyles = Missing\n");
      fs.mkdirSync(path.join(dir, "styles"));
      expect(() => loadConfig(path.join(dir, ".vale.ini"))).toThrow(ConfigError);
      try {
        loadConfig(path.join(dir, ".vale.ini"));
      } catch (e) {
        expect(e).toMatchObject({ file: path.join(dir, ".vale.ini"), line: 4 });
      }
      fs.writeFileSync(path.join(dir, ".vale.ini"), "StylesPath = styles\nMinAlertLevel = fatal\n");
      expect(() => loadConfig(path.join(dir, ".vale.ini"))).toThrow(/\.vale\.ini:2: MinAlertLevel must be/);
      fs.writeFileSync(path.join(dir, ".vale.ini"), "StylesPath = styles\nVocab = Nope\n");
      expect(() => loadConfig(path.join(dir, ".vale.ini"))).toThrow(/'Nope' vocabulary not found/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("bad rule files in a config are reported in every lint's errors while the other rules run", () => {
    const cfg = configFromObject({
      files: { ...files, "Brand/Broken.yml": "extends: existence\nmessage: x\ntokens: ['(']\n" },
      sections: { "*": { BasedOnStyles: "Brand" } },
    });
    const r = lint("simply", { format: "text", config: cfg });
    expect(r.alerts.map((a) => a.Check)).toEqual(["Brand.Avoid"]);
    expect(r.errors).toEqual([expect.objectContaining({ file: "Brand/Broken.yml", line: 3, rule: "Brand.Broken" })]);
  });
});

describe("bad input and limits", () => {
  it("a rule that exceeds its time budget is stopped, reported as an error alert, and other rules still run", () => {
    // Polynomial (not exponential) backtracking passes the load-time check but is very slow on long runs.
    const r = loadStyles({
      "Bad/Slow.yml": "extends: existence\nmessage: slow\nnonword: true\nraw:\n  - '\\s*\\s*\\s*\\s*\\s*\\s*x'\n",
      "vale/Annotations.yml": ANNOTATIONS,
    });
    expect(r.errors).toEqual([]);
    const doc = `TODO first.\n\na${" ".repeat(5000)}b`;
    const res = lint(doc, { format: "markdown", rules: r, ruleTimeoutMs: 150 });
    expect(res.alerts.map((a) => [a.Check, a.Severity, a.Line])).toEqual([
      ["Bad.Slow", "error", 1],
      ["vale.Annotations", "error", 1],
    ]);
    expect(res.alerts[0]!.Message).toMatch(/^Rule 'Bad\.Slow' timed out after 150 ms/);
    expect(res.errors).toEqual([expect.objectContaining({ kind: "timeout", rule: "Bad.Slow", file: "Bad/Slow.yml" })]);
  }, 30_000);

  it("a non-UTF-8 file gets a clear error naming it; other files are still linted", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "governor-files-"));
    try {
      fs.cpSync(FIXTURES, dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, "styles", "Brand", "Latin.yml"),
        Buffer.from([0x6d, 0x65, 0x73, 0x73, 0x61, 0x67, 0x65, 0x3a, 0x20, 0xe9]),
      );
      const bad = path.join(dir, "docs", "latin1.md");
      fs.writeFileSync(bad, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x54, 0x4f, 0x44, 0x4f, 0x0a]));
      const res = lintFiles([path.join(dir, "docs")], path.join(dir, ".vale.ini"));
      const latin = res.find((r) => r.path === bad)!;
      expect(latin.alerts).toEqual([]);
      expect(latin.errors).toEqual([
        {
          kind: "input",
          severity: "error",
          file: bad,
          message: `${bad}: not valid UTF-8 text; convert it to UTF-8 before linting`,
        },
      ]);
      expect(res.map((r) => path.basename(r.path))).toEqual(["ad.txt", "guide.md", "latin1.md", "page.html"]);
      const guide = res.find((r) => r.path.endsWith("guide.md"))!;
      expect(guide.alerts.length).toBeGreaterThan(10);
      // A rule file that is not UTF-8 is reported (file named) and skipped; the others run.
      expect(guide.errors).toEqual([
        expect.objectContaining({
          rule: "Brand.Latin",
          message: expect.stringContaining("Latin.yml: not valid UTF-8 text"),
        }),
      ]);
      expect(exitCodeFor([latin])).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lints a 5 MB Markdown document with exact positions at its end", () => {
    const cfg = loadConfig(path.join(FIXTURES, ".vale.ini"));
    const para =
      "Our adviser will e-mail you in order to confirm the order. It is quite simple and it works with JavaScript.\n\n" +
      "## Next step\n\n- Item with `e-mail` code and a [link](https://example.com/e-mail).\n\n";
    const reps = Math.ceil(5_000_000 / para.length);
    const doc = para.repeat(reps) + "Final TODO line.\n";
    expect(doc.length).toBeGreaterThan(5_000_000);
    const res = lint(doc, { format: "markdown", path: "big.md", config: cfg });
    expect(res.errors).toEqual([]);
    const lines = doc.split("\n").length - 1;
    expect(res.alerts.at(-1)).toMatchObject({ Check: "Brand.Annotations", Line: lines, Span: [7, 10], Match: "TODO" });
    expect(res.alerts.filter((a) => a.Check === "Brand.WordList")).toHaveLength(reps * 2);
    expect(res.alerts.filter((a) => a.Check === "Brand.Headings")).toHaveLength(reps);
  }, 120_000);
});

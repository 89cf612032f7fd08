import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { AssertionResult, type AssertionStatus } from "@/lib/schemas/evals";
import { EvalRunDetail, type CaseResultOut } from "@/lib/schemas/golden-sets";
import { escapeXmlAttr, escapeXmlText, toJUnitXml } from "./junit";

const assertion = (status: AssertionStatus, label: string, message: string) =>
  AssertionResult.parse({ kind: "contains", label, status, message });

function caseOut(
  name: string,
  status: CaseResultOut["status"],
  results: ReturnType<typeof assertion>[] | null,
  extra: Partial<CaseResultOut> = {},
): CaseResultOut {
  const counts = { pass: 0, fail: 0, skipped: 0, error: 0 };
  for (const r of results ?? []) counts[r.status]++;
  return {
    caseId: `case_${name.length}_${status}`,
    caseName: name,
    status,
    result: results && status !== "error" ? { status, passed: status === "pass", counts, results } : null,
    content: null,
    error: null,
    costMicros: 120,
    latencyMs: 1500,
    ...extra,
  };
}

const NASTY = `Tom & Jerry's <b>"bold"</b> ]]> \u0007bell\u0000nul\uD800lone 🙂`;

function run(results: CaseResultOut[], over: Partial<EvalRunDetail> = {}): EvalRunDetail {
  return EvalRunDetail.parse({
    id: "run_1",
    status: "succeeded",
    promptKey: "draft.channel",
    promptVersion: 3,
    promptVersionId: "pv_3",
    promptLabel: "staging",
    route: "openai/gpt-4o-mini",
    casesTotal: results.length,
    casesDone: results.length,
    passed: results.filter((r) => r.status === "pass").length,
    failed: results.filter((r) => r.status === "fail").length,
    errored: results.filter((r) => r.status === "error").length,
    passRate: results.length ? results.filter((r) => r.status === "pass").length / results.length : null,
    passing: false,
    costMicros: 360,
    latencyMs: 4250,
    caseLatencyP50Ms: 1500,
    error: null,
    createdBy: null,
    createdAt: "2026-11-22T01:00:00.000Z",
    finishedAt: "2026-11-22T01:00:05.000Z",
    setId: "set_1",
    setName: `Launch <emails> & "ads"`,
    passThreshold: 0.9,
    results,
    ...over,
  });
}

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

/** Parses with a real XML tokenizer (htmlparser2 in XML mode), entities decoded. */
function parse(xml: string) {
  const doc = parseDocument(xml, { xmlMode: true });
  const all = (tag: string) => DomUtils.getElementsByTagName(tag, doc.children, true) as Element[];
  const one = (tag: string, under: Element) =>
    DomUtils.getElementsByTagName(tag, under, true)[0] as Element | undefined;
  return { doc, all, one, text: (e: Element) => DomUtils.textContent(e) };
}

/**
 * Checks htmlparser2 is lenient about: the XML 1.0 character set and that every `&` is a reference.
 * Together with the round trip of every value below this stands in for a validating parser.
 */
function expectWellFormedChars(xml: string) {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  expect(xml).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
  expect(Buffer.from(xml, "utf8").toString("utf8")).toBe(xml);
}

describe("escaping", () => {
  it("escapes markup characters in text and attributes", () => {
    expect(escapeXmlText(`a<b & c>d "q" 'a'`)).toBe(`a&lt;b &amp; c&gt;d "q" 'a'`);
    expect(escapeXmlAttr(`a<b & c>d "q" 'a'`)).toBe(`a&lt;b &amp; c&gt;d &quot;q&quot; &apos;a&apos;`);
    expect(escapeXmlText("]]>")).toBe("]]&gt;");
  });

  it("keeps whitespace in attributes as references and text as is", () => {
    expect(escapeXmlAttr("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
    expect(escapeXmlText("a\tb\nc\rd")).toBe("a\tb\nc\rd");
  });

  it("replaces characters XML 1.0 forbids, keeps astral characters", () => {
    expect(escapeXmlText("x\u0000y\u0007z\u001F\uFFFF")).toBe("x\\u0000y\\u0007z\\u001F\\uFFFF");
    expect(escapeXmlText("a\uD800b\uDC00c")).toBe("a\uFFFDb\uFFFDc");
    expect(escapeXmlText("ok 🙂 é \u0085")).toBe("ok 🙂 é \u0085");
  });
});

describe("toJUnitXml", () => {
  const results = [
    caseOut("passes cleanly", "pass", [assertion("pass", "Contains “tent”", "Found “tent” in subject")]),
    caseOut(`fails ${NASTY}`, "fail", [
      assertion("pass", "Contains “tent”", "Found it"),
      assertion("fail", `Mentions <price> & "offer"`, `Expected “free” but the draft's text has none\nsecond line`),
      assertion("fail", "At most 30 characters", "headlines[0].text has 34"),
      assertion("skipped", "Judge scores at least 80%", "No judge model is configured"),
    ]),
    caseOut("model timed out", "error", null, { error: "The model did not answer within 60 s (timeout)" }),
    caseOut("pass with a skip", "pass", [
      assertion("pass", "Contains “rain”", "Found"),
      assertion("skipped", "Judge & <rubric>", "No judge model"),
    ]),
  ];
  const xml = toJUnitXml(run(results));
  const p = parse(xml);

  it("is well formed, with the declaration and one suite", () => {
    expect(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n`)).toBe(true);
    expectWellFormedChars(xml);
    expect(p.all("testsuites")).toHaveLength(1);
    expect(p.all("testsuite")).toHaveLength(1);
    expect(p.all("testcase")).toHaveLength(4);
  });

  it("counts tests, failures, errors and skipped (never a skipped case) with times in seconds", () => {
    for (const tag of ["testsuites", "testsuite"]) {
      const s = p.all(tag)[0]!;
      expect(s.attribs, tag).toMatchObject({ tests: "4", failures: "1", errors: "1", skipped: "0", time: "4.250" });
    }
    expect(p.all("testsuite")[0]!.attribs).toMatchObject({
      name: `Launch <emails> & "ads"`,
      timestamp: "2026-11-22T01:00:00",
    });
    expect(p.all("skipped")).toHaveLength(0);
    for (const c of p.all("testcase"))
      expect(c.attribs).toMatchObject({ classname: `Launch <emails> & "ads"`, time: "1.500" });
  });

  it("round-trips names with markup, quotes and control characters", () => {
    const names = p.all("testcase").map((c) => c.attribs.name);
    expect(names).toEqual([
      "passes cleanly",
      `fails Tom & Jerry's <b>"bold"</b> ]]> \\u0007bell\\u0000nul\uFFFDlone 🙂`,
      "model timed out",
      "pass with a skip",
    ]);
  });

  it("a failing case lists its failed assertions (label: message) in the message and the body", () => {
    const [pass, fail, error, skip] = p.all("testcase");
    expect(p.one("failure", pass!)).toBeUndefined();
    expect(p.one("error", pass!)).toBeUndefined();
    expect(p.one("system-out", pass!)).toBeUndefined();

    const failure = p.one("failure", fail!)!;
    expect(failure.attribs.message).toBe(
      `Mentions <price> & "offer": Expected “free” but the draft's text has none\nsecond line; At most 30 characters: headlines[0].text has 34`,
    );
    expect(failure.attribs.type).toBe("assertion");
    expect(p.text(failure)).toContain(`[fail] Mentions <price> & "offer": Expected “free”`);
    expect(p.text(failure)).not.toContain("Contains “tent”");
    expect(p.text(p.one("system-out", fail!)!)).toBe(
      "skipped: Judge scores at least 80%: No judge model is configured",
    );

    const err = p.one("error", error!)!;
    expect(err.attribs).toMatchObject({
      message: "The model did not answer within 60 s (timeout)",
      type: "generation_error",
    });
    expect(p.one("failure", error!)).toBeUndefined();

    expect(p.one("failure", skip!)).toBeUndefined();
    expect(p.text(p.one("system-out", skip!)!)).toBe("skipped: Judge & <rubric>: No judge model");
  });

  it("carries the prompt, route, pass rate and threshold as properties", () => {
    const props = Object.fromEntries(p.all("property").map((e) => [e.attribs.name, e.attribs.value]));
    expect(props).toMatchObject({
      "prompt.key": "draft.channel",
      "prompt.version": "3",
      "prompt.label": "staging",
      route: "openai/gpt-4o-mini",
      pass_rate: "0.5000",
      threshold: "0.9",
      passing: "false",
      "run.id": "run_1",
    });
  });

  it("reports the threshold that decided (--fail-under) next to the set's own", () => {
    const q = parse(toJUnitXml(run(results, { passing: true, passThreshold: 0.25 }), { threshold: 0.75 }));
    const props = Object.fromEntries(q.all("property").map((x) => [x.attribs.name, x.attribs.value]));
    expect(props).toMatchObject({ threshold: "0.75", set_threshold: "0.25", passing: "false", pass_rate: "0.5000" });
  });

  it("an assertion that could not run makes an error case with the assertion listed", () => {
    const errored = caseOut("bad pattern", "pass", [assertion("error", "Matches /(a+)+$/", "The pattern is unsafe")]);
    const c: CaseResultOut = { ...errored, status: "error", result: { ...errored.result!, status: "error" } };
    const q = parse(toJUnitXml(run([c], { promptLabel: null, route: null, passRate: 0 })));
    const e = q.one("error", q.all("testcase")[0]!)!;
    expect(e.attribs).toMatchObject({
      message: "Matches /(a+)+$/: The pattern is unsafe",
      type: "assertion_error",
    });
    const props = Object.fromEntries(q.all("property").map((x) => [x.attribs.name, x.attribs.value]));
    expect(props).toMatchObject({ "prompt.label": "", route: "", pass_rate: "0.0000" });
  });

  it("an empty run is still a valid report", () => {
    const q = parse(toJUnitXml(run([], { passRate: null, latencyMs: 0, status: "failed", error: "No cases" })));
    expect(q.all("testsuite")[0]!.attribs).toMatchObject({ tests: "0", failures: "0", errors: "0", time: "0.000" });
    const props = Object.fromEntries(q.all("property").map((x) => [x.attribs.name, x.attribs.value]));
    expect(props).toMatchObject({ pass_rate: "", "run.error": "No cases", "run.status": "failed" });
  });
});

import { describe, expect, it } from "vitest";
import { OutputFlag } from "@/lib/schemas/guardrails";
import { filterOutput, type FindPii } from ".";

const findPii: FindPii = (text) =>
  [...text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)].map((m) => ({
    entity: "EMAIL_ADDRESS" as const,
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));

const base = { sources: [], allowedDomains: ["acme.com"], competitors: ["Globex"], profanity: true, findPii };

describe("filterOutput", () => {
  it("returns every kind of flag, schema-valid, sorted by position", () => {
    const output =
      "Globex's kettle? Damn slow, what the fuck. Order at https://shop.acme.com or evil.example/deal, " +
      "questions to help@acme.com.";
    const flags = filterOutput(output, { ...base, sources: ["Support: help@acme.com"], findPii });
    expect(flags.map((f) => [f.kind, f.text])).toEqual([
      ["competitor", "Globex's"],
      ["profanity", "fuck"],
      ["url_not_allowed", "evil.example/deal"],
    ]);
    for (const f of flags) {
      expect(OutputFlag.safeParse(f).success).toBe(true);
      expect(output.slice(f.start, f.end)).toBe(f.text);
    }
    expect(flags[2]!.message).toBe("Link to evil.example is not on the workspace's allowed domains");
  });

  it("flags unsourced PII with its entity", () => {
    const [flag] = filterOutput("Write to ceo@globalcorp.example today.", { ...base, competitors: [] });
    expect(flag).toMatchObject({ kind: "pii_unsourced", entity: "EMAIL_ADDRESS", text: "ceo@globalcorp.example" });
  });

  it("applies the subdomain rule and flags every link under an empty allow-list", () => {
    const text = "a.acme.com/x, acme.com.evil.net, notacme.com";
    expect(filterOutput(text, { ...base, competitors: [] }).map((f) => f.text)).toEqual([
      "acme.com.evil.net",
      "notacme.com",
    ]);
    expect(filterOutput(text, { ...base, competitors: [], allowedDomains: [] })).toHaveLength(3);
  });

  it("skips profanity when the policy turns it off and competitor names inside allowed links", () => {
    expect(filterOutput("shit happens", { ...base, profanity: false })).toEqual([]);
    expect(filterOutput("Compare: https://acme.com/globex-vs-acme", base)).toEqual([]);
  });

  it("deduplicates identical flags", () => {
    const twice: FindPii = (t) => [...findPii(t), ...findPii(t)];
    expect(filterOutput("mail x@y.example", { ...base, findPii: twice })).toHaveLength(1);
  });
});

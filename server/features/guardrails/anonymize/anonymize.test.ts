import { describe, expect, it } from "vitest";
import { GuardrailPolicy, type EntityType, type PiiFinding } from "@/lib/schemas/guardrails";
import { anonymize, hashValue, mask, normalizeValue } from "./anonymize";

function find(text: string, entity: EntityType, value: string, from = 0): PiiFinding {
  const start = text.indexOf(value, from);
  if (start < 0) throw new Error(`${value} not in text`);
  return { entity, start, end: start + value.length, text: value, score: 0.9, recognizer: "test", reasons: [] };
}

const rules = GuardrailPolicy.parse({}).entities;

describe("anonymize", () => {
  it("pseudonymises consistently across the texts of one call and restores the answer", () => {
    const system = "Write to jane@example.com.";
    const prompt = "Jane (jane@example.com, +1 415 555 0132) asked; also cc bob@example.org and JANE@example.com.";
    const r = anonymize(
      [system, prompt],
      [
        [find(system, "EMAIL_ADDRESS", "jane@example.com")],
        [
          find(prompt, "EMAIL_ADDRESS", "jane@example.com"),
          find(prompt, "PHONE_NUMBER", "+1 415 555 0132"),
          find(prompt, "EMAIL_ADDRESS", "bob@example.org"),
          find(prompt, "EMAIL_ADDRESS", "JANE@example.com"),
        ],
      ],
      rules,
      { hashKey: "k" },
    );
    expect(r.texts[0]).toBe("Write to <EMAIL_1>.");
    expect(r.texts[1]).toBe("Jane (<EMAIL_1>, <PHONE_1>) asked; also cc <EMAIL_2> and <EMAIL_1>.");
    expect(r.counts).toEqual({ EMAIL_ADDRESS: 4, PHONE_NUMBER: 1 });
    expect(JSON.stringify(r.counts)).not.toContain("example");
    expect(r.restore("Reply to <EMAIL_1> or call <PHONE_1>; <EMAIL_9> is unknown.")).toBe(
      "Reply to jane@example.com or call +1 415 555 0132; <EMAIL_9> is unknown.",
    );
    expect(r.restore('<a href="mailto:x">&lt;EMAIL_2&gt;</a>')).toBe('<a href="mailto:x">bob@example.org</a>');
    expect(r.restoreDeep({ headlines: ["Hi <EMAIL_2>"], n: 3, nested: { s: "<PHONE_1>" } })).toEqual({
      headlines: ["Hi bob@example.org"],
      n: 3,
      nested: { s: "+1 415 555 0132" },
    });
  });

  it("applies replace, mask, hash and keep per entity type; replace is never restored", () => {
    const text = "Card 4111 1111 1111 1111, mail ann@example.com, IBAN DE89 3704 0044 0532 0130 00, Dana Whitfield.";
    const r = anonymize(
      [text],
      [
        [
          find(text, "CREDIT_CARD", "4111 1111 1111 1111"),
          find(text, "EMAIL_ADDRESS", "ann@example.com"),
          find(text, "IBAN_CODE", "DE89 3704 0044 0532 0130 00"),
          find(text, "PERSON", "Dana Whitfield"),
        ],
      ],
      {
        ...rules,
        CREDIT_CARD: { enabled: true, action: "mask" },
        EMAIL_ADDRESS: { enabled: true, action: "replace" },
        IBAN_CODE: { enabled: true, action: "hash" },
        PERSON: { enabled: true, action: "keep" },
      },
      { hashKey: "workspace-key" },
    );
    expect(r.texts[0]).toMatch(
      /^Card \*{4} \*{4} \*{4} 1111, mail <EMAIL_1>, IBAN <IBAN#[0-9a-f]{12}>, Dana Whitfield\.$/,
    );
    expect(r.restore("<EMAIL_1>")).toBe("<EMAIL_1>");
    expect(r.counts).toEqual({ CREDIT_CARD: 1, EMAIL_ADDRESS: 1, IBAN_CODE: 1 });
  });

  it("skips disabled entity types and overlapping or out-of-range findings", () => {
    const text = "Call 555-0100 now";
    const phone = find(text, "PHONE_NUMBER", "555-0100");
    const r = anonymize(
      [text],
      [[phone, { ...phone, start: phone.start + 2 }, { ...phone, start: 100, end: 110 }]],
      { ...rules, PHONE_NUMBER: { enabled: false, action: "pseudonymize" } },
      { hashKey: "k" },
    );
    expect(r.texts[0]).toBe(text);
    const on = anonymize([text], [[phone, { ...phone, start: phone.start + 2 }]], rules, { hashKey: "k" });
    expect(on.texts[0]).toBe("Call <PHONE_1> now");
  });
});

describe("mask, hash and normalise", () => {
  it("masks emails, numbers and names", () => {
    expect(mask("EMAIL_ADDRESS", "jane.doe@example.com")).toBe("j***@e******.com");
    expect(mask("PHONE_NUMBER", "+44 20 7946 0958")).toBe("+** ** **** 0958");
    expect(mask("PERSON", "Dana Whitfield")).toBe("D*** W********");
  });

  it("hashes the normalised value with the key: same number, other spelling, same hash", () => {
    expect(hashValue("PHONE_NUMBER", "+1 415 555 0132", "k")).toBe(hashValue("PHONE_NUMBER", "+1-415-555-0132", "k"));
    expect(hashValue("PHONE_NUMBER", "+1 415 555 0132", "k")).not.toBe(
      hashValue("PHONE_NUMBER", "+1 415 555 0132", "j"),
    );
    expect(normalizeValue("IBAN_CODE", "de89 3704")).toBe("DE893704");
  });
});

describe("streamRestorer", () => {
  it("restores placeholders split across chunks and passes other text through at once", async () => {
    const { streamRestorer } = await import("./anonymize");
    const text = "Mail jane@example.com now";
    const r = anonymize([text], [[find(text, "EMAIL_ADDRESS", "jane@example.com")]], rules, { hashKey: "k" });
    const answer = "Dear <EMAIL_1>, a < b and &lt;EMAIL_1&gt; & more <EMAIL_1>";
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const s = streamRestorer(r.restore);
      let out = "";
      for (let i = 0; i < answer.length; i += size) out += s.push(answer.slice(i, i + size));
      out += s.flush();
      expect(out).toBe(r.restore(answer));
    }
    expect(r.restore(answer)).toBe("Dear jane@example.com, a < b and jane@example.com & more jane@example.com");
    const s = streamRestorer(r.restore);
    expect(s.push("Plain text with no markers")).toBe("Plain text with no markers");
    expect(s.push("ends with <EM")).toBe("ends with ");
    expect(s.push("AIL_1> ok")).toBe("jane@example.com ok");
  });
});

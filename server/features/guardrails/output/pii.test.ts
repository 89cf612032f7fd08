import { describe, expect, it } from "vitest";
import type { EntityType } from "@/lib/schemas/guardrails";
import { type FindPii, findUnsourcedPii, normalizePiiValue } from "./pii";

/** A tiny stand-in for the real recognisers: e-mails, phone-ish numbers, "Dr. X Y" names. */
const fakeFindPii: FindPii = (text) => {
  const out: ReturnType<FindPii> = [];
  const add = (entity: EntityType, re: RegExp) => {
    for (const m of text.matchAll(re)) out.push({ entity, start: m.index, end: m.index + m[0].length, text: m[0] });
  };
  add("EMAIL_ADDRESS", /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g);
  add("PHONE_NUMBER", /\+?\d[\d ()-]{6,}\d/g);
  add("PERSON", /(?<=Dr\. )[A-Z]\w+ [A-Z]\w+/g);
  return out;
};

describe("normalizePiiValue", () => {
  it("normalises per entity type", () => {
    expect(normalizePiiValue("PHONE_NUMBER", "+49 (30) 123-4567")).toBe("49301234567");
    expect(normalizePiiValue("CREDIT_CARD", "4111 1111-1111 1111")).toBe("4111111111111111");
    expect(normalizePiiValue("EMAIL_ADDRESS", " Jane.Doe@Acme.COM ")).toBe("jane.doe@acme.com");
    expect(normalizePiiValue("EMAIL_ADDRESS", "mailto:jane@acme.com.")).toBe("jane@acme.com");
    expect(normalizePiiValue("IBAN_CODE", "de89 3704 0044 0532 0130 00")).toBe("DE89370400440532013000");
    expect(normalizePiiValue("PERSON", "Ms. Ana  Lima-Souza")).toBe("ms ana lima souza");
  });
});

describe("findUnsourcedPii", () => {
  it("flags PII absent from the sources and names the entity type", () => {
    const output = "Call +49 30 9876543 or write to sales@acme.com.";
    const flags = findUnsourcedPii(output, ["Contact: sales@acme.com"], fakeFindPii);
    expect(flags).toEqual([
      {
        kind: "pii_unsourced",
        start: 5,
        end: 19,
        text: "+49 30 9876543",
        entity: "PHONE_NUMBER",
        message: "Phone number not found in any approved source",
      },
    ]);
  });

  it("treats differently formatted values as the same (digits, case)", () => {
    const sources = ["Hotline: 030 9876543. Mail SALES@ACME.COM"];
    expect(findUnsourcedPii("Ring +49 (30) 987-6543, mail sales@acme.com", sources, fakeFindPii)).toEqual([]);
  });

  it("counts a value as sourced when the recogniser missed it in the source", () => {
    // The fake recogniser only finds names after "Dr."; the source names her without the title.
    expect(findUnsourcedPii("Ask Dr. Maria Schmidt.", ["Maria Schmidt leads the lab."], fakeFindPii)).toEqual([]);
    expect(findUnsourcedPii("Ask Dr. Maria Schneider.", ["Maria Schmidt leads the lab."], fakeFindPii)).toHaveLength(1);
  });

  it("flags everything when there are no sources, and nothing when the output has no PII", () => {
    expect(findUnsourcedPii("Mail ceo@acme.com", [], fakeFindPii).map((f) => f.entity)).toEqual(["EMAIL_ADDRESS"]);
    expect(findUnsourcedPii("No personal data here.", ["sales@acme.com"], fakeFindPii)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { PiiFinding } from "@/lib/schemas/guardrails";
import { RECOGNIZERS, analyzePii, resolveOverlaps } from "./analyze";

const summary = (t: string, ctx = {}) => analyzePii(t, ctx).map((f) => `${f.entity}:${f.text}`);

function f(entity: PiiFinding["entity"], start: number, end: number, score: number): PiiFinding {
  return { entity, start, end, text: "", score, recognizer: "t", reasons: [] };
}

describe("analyzePii", () => {
  it("finds several entity types, sorted by start, with offsets into the input", () => {
    const text =
      "Hi, I'm at +44 20 7946 0958 or jo@example.com; refund DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, IP 203.0.113.7.";
    const found = analyzePii(text);
    expect(found.map((x) => x.entity)).toEqual([
      "PHONE_NUMBER",
      "EMAIL_ADDRESS",
      "IBAN_CODE",
      "CREDIT_CARD",
      "IP_ADDRESS",
    ]);
    for (const x of found) {
      expect(text.slice(x.start, x.end)).toBe(x.text);
      expect(PiiFinding.safeParse(x).success).toBe(true);
      expect(x.score).toBeGreaterThanOrEqual(0.5);
      expect(x.reasons.length).toBeGreaterThan(0);
    }
    const starts = found.map((x) => x.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it("returns nothing for empty or clean text", () => {
    expect(analyzePii("")).toEqual([]);
    expect(analyzePii("Spring Sale: 20% off until 31.03.2025, prices from €19.99, order #4839201847.")).toEqual([]);
  });

  it("only runs the enabled entity types", () => {
    const text = "mail jo@example.com or call +44 20 7946 0958";
    expect(summary(text, { entities: ["PHONE_NUMBER"] })).toEqual(["PHONE_NUMBER:+44 20 7946 0958"]);
    expect(summary(text, { entities: [] })).toEqual([]);
  });

  it("lets context words lift a low-scoring match over the threshold", () => {
    expect(summary("4155550132")).toEqual([]);
    expect(summary("Call 4155550132")).toEqual(["PHONE_NUMBER:4155550132"]);
    expect(summary("Steuer-ID: 86095742719")).toEqual(["DE_TAX_ID:86095742719"]);
    expect(summary("86095742719")).toEqual([]);
    expect(summary("Ship to: 123 Main St")).toEqual(["LOCATION_ADDRESS:123 Main St"]);
    expect(summary("We met at 123 Main St")).toEqual([]);
  });

  it("lets negative context words push a match under the threshold", () => {
    expect(summary("415-555-0132")).toEqual(["PHONE_NUMBER:415-555-0132"]);
    expect(summary("SKU 415-555-0132")).toEqual([]);
    expect(summary("203.0.113.7")).toEqual(["IP_ADDRESS:203.0.113.7"]);
    expect(summary("release 203.0.113.7")).toEqual([]);
  });

  it("applies minScore", () => {
    const text = "Call +44 7700 900123";
    const [x] = analyzePii(text);
    expect(x?.entity).toBe("PHONE_NUMBER");
    expect(analyzePii(text, { minScore: x!.score + 0.01 })).toEqual([]);
    expect(analyzePii("4155550132", { minScore: 0 }).map((y) => y.entity)).toEqual(["PHONE_NUMBER"]);
  });

  it("prefers a URL with credentials over the email-like part inside it", () => {
    expect(summary("db: postgres://mailer:hunter2pass@db.example.com:5432/news")).toEqual([
      "URL_CREDENTIALS:postgres://mailer:hunter2pass@db.example.com:5432/news",
    ]);
  });

  it("keeps the IBAN over phone-shaped digits inside it", () => {
    expect(summary("IBAN DE89 3704 0044 0532 0130 00")).toEqual(["IBAN_CODE:DE89 3704 0044 0532 0130 00"]);
  });

  it("finds CRM people and deny-list terms", () => {
    const people = ["Dana Whitfield", "Priya Raman"];
    expect(
      summary("Dana Whitfield and Raman met Project Bluebird.", { people, denyList: ["project bluebird"] }),
    ).toEqual(["PERSON:Dana Whitfield", "PERSON:Raman", "PERSON:Project Bluebird"]);
    const [deny] = analyzePii("Order for Project Bluebird", { denyList: ["Project Bluebird"] });
    expect(deny?.score).toBe(1);
    expect(summary("Hi Priya, thanks", { people })).toEqual(["PERSON:Priya"]);
    expect(summary("Priya wrote", { people })).toEqual([]);
  });

  it("handles RTL text with bidi marks, Arabic-Indic digits and mixed scripts", () => {
    const text = "\u202Bتواصل معنا عبر info@example.com أو هاتف \u200E+971 4 555 0100 أو جوال ٠٥٠١٢٣٤٥٦٧\u202C";
    const found = analyzePii(text);
    expect(found.map((x) => `${x.entity}:${x.text}`)).toEqual([
      "EMAIL_ADDRESS:info@example.com",
      "PHONE_NUMBER:+971 4 555 0100",
      "PHONE_NUMBER:٠٥٠١٢٣٤٥٦٧",
    ]);
    for (const x of found) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it("survives lone surrogates and still finds PII next to them", () => {
    const text = "\uD800bad\uDFFF jo@example.com \uD83D 4111 1111 1111 1111 \uDC00";
    const found = analyzePii(text);
    expect(found.map((x) => x.entity)).toEqual(["EMAIL_ADDRESS", "CREDIT_CARD"]);
    expect(found[0]?.text).toBe("jo@example.com");
  });

  it("never throws on random UTF-16 garbage and keeps its invariants", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
    const alphabet = [
      "\uD800",
      "\uDC00",
      "\uD83D\uDE00",
      "@",
      ".",
      ":",
      "-",
      " ",
      "+",
      "4",
      "1",
      "0",
      "a",
      "Z",
      "ش",
      "\u200F",
      "/",
      "?",
      "=",
    ];
    for (let round = 0; round < 50; round++) {
      let s = "";
      for (let i = 0; i < 400; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      s += " jo@example.com";
      const found = analyzePii(s, { people: ["Dana Whitfield"], denyList: ["a"] });
      expect(found.some((x) => x.entity === "EMAIL_ADDRESS")).toBe(true);
      for (let i = 0; i < found.length; i++) {
        const x = found[i]!;
        expect(x.start).toBeLessThan(x.end);
        expect(s.slice(x.start, x.end)).toBe(x.text);
        if (i > 0) expect(found[i - 1]!.end).toBeLessThanOrEqual(x.start);
      }
    }
  });

  it("scans a 5 MB input completely", () => {
    const line =
      "Offer ends 31.03.2025, v2.14.3, SKU 12-3456-78. Call (415) 555-0132 or mail a@example.com. 4111 1111 1111 1111 ";
    const text = line.repeat(Math.ceil(5_000_000 / line.length));
    expect(text.length).toBeGreaterThanOrEqual(5_000_000);
    const found = analyzePii(text);
    const copies = Math.ceil(5_000_000 / line.length);
    expect(found.filter((x) => x.entity === "EMAIL_ADDRESS")).toHaveLength(copies);
    expect(found.filter((x) => x.entity === "PHONE_NUMBER")).toHaveLength(copies);
    expect(found.filter((x) => x.entity === "CREDIT_CARD")).toHaveLength(copies);
    expect(found.at(-1)!.start).toBeGreaterThan(4_900_000);
  }, 60_000);

  it("completes on pathological inputs that would blow up backtracking patterns", () => {
    const n = 1_000_000;
    for (const s of [
      "1".repeat(n),
      "1 ".repeat(n / 2),
      "a@".repeat(n / 2),
      "ab:".repeat(n / 3),
      "A".repeat(n),
      "Dr. ".repeat(n / 4),
    ]) {
      expect(Array.isArray(analyzePii(s + " jo@example.com"))).toBe(true);
    }
  }, 60_000);
});

describe("resolveOverlaps", () => {
  it("keeps the higher score, then the longer span", () => {
    expect(resolveOverlaps([f("PHONE_NUMBER", 0, 10, 0.6), f("CREDIT_CARD", 2, 12, 0.9)])).toEqual([
      f("CREDIT_CARD", 2, 12, 0.9),
    ]);
    expect(resolveOverlaps([f("PERSON", 0, 5, 0.7), f("PERSON", 0, 9, 0.7)])).toEqual([f("PERSON", 0, 9, 0.7)]);
  });

  it("lets a URL with credentials win over an email inside it even with a lower score", () => {
    expect(resolveOverlaps([f("EMAIL_ADDRESS", 10, 30, 1), f("URL_CREDENTIALS", 0, 40, 0.85)])).toEqual([
      f("URL_CREDENTIALS", 0, 40, 0.85),
    ]);
  });

  it("keeps findings that only touch and resolves chains", () => {
    expect(resolveOverlaps([f("EMAIL_ADDRESS", 5, 10, 0.9), f("PHONE_NUMBER", 0, 5, 0.7)])).toHaveLength(2);
    // A overlaps B, B overlaps C, A and C are disjoint: B (best) removes both.
    expect(
      resolveOverlaps([f("PHONE_NUMBER", 0, 6, 0.6), f("CREDIT_CARD", 4, 12, 0.9), f("PHONE_NUMBER", 10, 16, 0.6)]),
    ).toEqual([f("CREDIT_CARD", 4, 12, 0.9)]);
    // Without B, A and C both survive.
    expect(resolveOverlaps([f("PHONE_NUMBER", 0, 6, 0.6), f("PHONE_NUMBER", 10, 16, 0.6)])).toHaveLength(2);
  });
});

/** Counts `*`, `+` and `{n,}` quantifiers outside character classes in a pattern source. */
function unboundedQuantifiers(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "*" || c === "+") count++;
    else if (c === "{" && /^\{\d+,\}/.test(source.slice(i))) count++;
  }
  return count;
}

describe("pattern audit", () => {
  it("counts unbounded quantifiers correctly", () => {
    expect(unboundedQuantifiers(String.raw`a+b*c{2,}[+*]\+`)).toBe(3);
    expect(unboundedQuantifiers(String.raw`a{1,64}b?[x+]`)).toBe(0);
  });

  it("uses only bounded repetition in scanning patterns (except the linear name tokeniser)", () => {
    const allowed = new Set(["people"]);
    let audited = 0;
    for (const r of RECOGNIZERS) {
      for (const p of r.patterns ?? []) {
        audited++;
        if (allowed.has(r.name)) continue;
        expect({ recognizer: r.name, source: p.source, unbounded: unboundedQuantifiers(p.source) }).toMatchObject({
          unbounded: 0,
        });
      }
    }
    expect(audited).toBeGreaterThanOrEqual(RECOGNIZERS.length - 1);
  });
});

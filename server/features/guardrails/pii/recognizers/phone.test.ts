import { describe, expect, it } from "vitest";
import { SCORES, judgePhone, phoneRecognizer } from "./phone";

const find = (t: string) => phoneRecognizer.analyze(t, {}).map((f) => [f.text, f.score] as const);

describe("phone recognizer: true positives", () => {
  it("finds international numbers in several formats", () => {
    for (const n of ["+44 20 7946 0958", "+49 30 901820", "0049 30 901820", "+1 (646) 555-0123", "+33 1 23 45 67 89"]) {
      const found = find(`Call ${n} today`);
      expect(found).toHaveLength(1);
      expect(found[0]![0]).toBe(n);
      expect(found[0]![1]).toBe(SCORES.internationalValid);
    }
  });

  it("finds national numbers for the default regions", () => {
    expect(find("(415) 555-0132")).toEqual([["(415) 555-0132", SCORES.nationalValid]]);
    expect(find("ring 020 7946 0321 now")[0]?.[0]).toBe("020 7946 0321");
    expect(find("Tel 030 12345678")[0]?.[0]).toBe("030 12345678");
    expect(find("06 12 34 56 78")[0]?.[0]).toBe("06 12 34 56 78");
    expect(find("612 345 678")[0]?.[0]).toBe("612 345 678");
    expect(find("415.555.0187")[0]?.[0]).toBe("415.555.0187");
  });

  it("handles the '+44 (0)' trunk notation", () => {
    expect(judgePhone("+44 (0)117 496 0123")?.score).toBe(SCORES.internationalValid);
  });

  it("scores merely possible numbers lower than valid ones", () => {
    // Ofcom's drama range 07700 900xxx is possible but not valid.
    const possible = judgePhone("+44 7700 900123");
    const valid = judgePhone("+44 20 7946 0958");
    expect(possible?.score).toBe(SCORES.internationalPossible);
    expect(possible!.score).toBeLessThan(valid!.score);
  });

  it("keeps impossible international numbers only as a low-scoring shape match", () => {
    expect(judgePhone("+1 555 0100")?.score).toBe(SCORES.internationalShaped);
    expect(SCORES.internationalShaped + 0.35).toBeGreaterThanOrEqual(0.5);
    expect(judgePhone("+15550100")).toBeNull();
    expect(judgePhone("+1 234")).toBeNull();
  });

  it("scores unformatted digit runs low so that they need context", () => {
    expect(judgePhone("4155550132")?.score).toBe(SCORES.bareValid);
    expect(SCORES.bareValid).toBeLessThan(0.5);
  });

  it("splits two numbers joined by a spaced slash", () => {
    expect(find("+49 171 2345678 / +49 171 2345679").map((f) => f[0])).toEqual(["+49 171 2345678", "+49 171 2345679"]);
  });

  it("finds a number after a comma in CSV rows", () => {
    expect(find("Dana,+1 212 555 0147,NY").map((f) => f[0])).toEqual(["+1 212 555 0147"]);
  });
});

describe("phone recognizer: false positives", () => {
  it("ignores years, prices, percentages and short numbers", () => {
    expect(find("In 2024 we grew 12% to $4.3M; 1,250 accounts, 20.000 Besucher, € 1.299,00")).toEqual([]);
    expect(find("$1 299 000 and 415 555 0132%")).toEqual([]);
  });

  it("ignores dates, times, IPv4 addresses, versions and decimals", () => {
    expect(find("12/05/2025, 2025-04-30, 31.03.2025, 08:00–18:00")).toEqual([]);
    expect(find("192.168.1.10 and 53.0.2785.143 and 0.938293")).toEqual([]);
  });

  it("ignores order numbers, ISBNs and codes without phone shape", () => {
    expect(find("Bestellnummer 302-2345678-9012345, ISBN 978-3-16-148410-0, UA-12345678-1")).toEqual([]);
    expect(find("Invoice no. 2024-118-5531, Ref. 7761-2290-1137, Case ID 00123456")).toEqual([]);
  });

  it("does not treat German-permissive digit runs as national numbers without a trunk 0", () => {
    // Valid in DE's metadata when read as a national number, but not written like one: only
    // the NANP reading applies, where it is merely possible and unformatted.
    expect(judgePhone("4839201847")?.score).toBe(SCORES.barePossible);
    expect(judgePhone("2024-05-12")).toBeNull();
    expect(judgePhone("555-0199")).toBeNull();
  });

  it("rejects spaced dashes and mixed separators", () => {
    expect(judgePhone("2023 - 2024")).toBeNull();
    expect(judgePhone("4.1/23 456")).toBeNull();
  });
});

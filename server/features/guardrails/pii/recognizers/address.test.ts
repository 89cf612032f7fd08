import { describe, expect, it } from "vitest";
import { SCORES, addressRecognizer } from "./address";

const find = (t: string) => addressRecognizer.analyze(t, {}).map((f) => [f.text, f.score] as const);
const best = (t: string) => [...find(t)].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0];

describe("address recognizer", () => {
  it("finds US street addresses with suite, city, state and ZIP", () => {
    expect(best("located at 1200 Market Street, Suite 400, San Francisco, CA 94103.")).toEqual([
      "1200 Market Street, Suite 400, San Francisco, CA 94103",
      SCORES.withPostcode,
    ]);
    expect(best("55 Water St, New York, NY 10041")?.[0]).toBe("55 Water St, New York, NY 10041");
  });

  it("finds UK addresses and standalone postcodes", () => {
    expect(best("at 221B Baker Street, London NW1 6XE on")?.[0]).toBe("221B Baker Street, London NW1 6XE");
    expect(best("4 Privet Drive, Little Whinging, Surrey GU15 3HD.")?.[0]).toBe(
      "4 Privet Drive, Little Whinging, Surrey GU15 3HD",
    );
    expect(find("postcode M1 1AE.")).toEqual([["M1 1AE", SCORES.bare]]);
  });

  it("finds German, French, Spanish and Arabic street addresses", () => {
    expect(best("Anschrift: Musterstraße 12, 10115 Berlin")).toEqual([
      "Musterstraße 12, 10115 Berlin",
      SCORES.withPostcode,
    ]);
    expect(best("Musterweg 3, 50667 Köln")?.[0]).toBe("Musterweg 3, 50667 Köln");
    expect(best("12 rue de la Paix, 75002 Paris")?.[0]).toBe("12 rue de la Paix, 75002 Paris");
    expect(best("Calle Mayor 5, 28013 Madrid")?.[0]).toBe("Calle Mayor 5, 28013 Madrid");
    expect(best("عنوان التسليم: 12 شارع الملك فهد، الرياض")?.[0]).toBe("12 شارع الملك فهد، الرياض");
  });

  it("keeps a bare street without postal code below 0.5", () => {
    expect(find("We met at 123 Main St yesterday")).toEqual([["123 Main St", SCORES.bare]]);
    expect(find("Hauptstraße 5 ist gesperrt")).toEqual([["Hauptstraße 5", SCORES.bare]]);
    expect(SCORES.bare).toBeLessThan(0.5);
  });

  it("ignores numbers followed by ordinary words and invalid postcodes", () => {
    expect(find("We shipped 50 Units to 27 countries in 2024")).toEqual([]);
    expect(find("Section 4 covers 3 Key Points, code QV1 1AA")).toEqual([]);
  });
});

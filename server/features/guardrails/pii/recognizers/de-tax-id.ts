import type { PiiFinding, Recognizer } from "../types";
import { makeFinding } from "../util";

/**
 * German tax identification number (Steuerliche Identifikationsnummer, "Steuer-ID"): 11 digits,
 * written bare or grouped "12 345 678 901". The first digit is not 0; among the first ten digits
 * exactly one digit occurs twice or three times (three times never in a row) and the rest at
 * most once; the last digit is the ISO 7064 MOD 11,10 check digit. Anything else: no finding.
 * A valid number without a context word ("Steuer-ID", "IdNr") stays below the default threshold.
 */
const TAX_ID_RE = /(?<![\p{L}\p{N}\-.\/,])[1-9]\d(?:[ ]?\d{3}){3}(?![\p{L}\p{N}]|[\-.\/,]\d)/gu;

export function steuerIdCheckDigit(first10: string): number {
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (first10.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

export function validSteuerId(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const first10 = digits.slice(0, 10);
  const counts = new Map<string, number>();
  for (const d of first10) counts.set(d, (counts.get(d) ?? 0) + 1);
  const multi = [...counts.entries()].filter(([, n]) => n > 1);
  if (multi.length !== 1) return false;
  const [digit, n] = multi[0]!;
  if (n > 3) return false;
  if (n === 3 && first10.includes(digit.repeat(3))) return false;
  return steuerIdCheckDigit(first10) === Number(digits[10]);
}

export const deTaxIdRecognizer: Recognizer = {
  name: "de_tax_id",
  entities: ["DE_TAX_ID"],
  patterns: [TAX_ID_RE],
  analyze(text) {
    const out: PiiFinding[] = [];
    for (const m of text.matchAll(TAX_ID_RE)) {
      const digits = m[0].replace(/ /g, "");
      if (m[0].includes(" ") && !/^\d{2} \d{3} \d{3} \d{3}$/.test(m[0])) continue;
      if (!validSteuerId(digits)) continue;
      out.push(
        makeFinding("DE_TAX_ID", text, m.index, m.index + m[0].length, 0.45, "de_tax_id", [
          "ISO 7064 MOD 11,10 check digit valid",
          "digit-repetition rule satisfied",
        ]),
      );
    }
    return out;
  },
};

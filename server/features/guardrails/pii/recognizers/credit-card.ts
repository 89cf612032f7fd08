import type { PiiFinding, Recognizer } from "../types";
import { allSameDigit, digitsOf, isWordCharAt, luhnValid, makeFinding } from "../util";

/**
 * Payment card numbers: 13–19 digits, optionally grouped with single spaces or dashes. Luhn must
 * pass (otherwise no finding). A known issuer prefix (IIN) with a length that issuer uses scores
 * high; a Luhn-valid number with an unknown prefix scores low and needs a context word ("card",
 * "Visa") to be reported.
 */
const CANDIDATE_RE = /(?<![\p{N}.,\-])\d(?:[ \-]?\d){12,18}/gu;

interface Brand {
  name: string;
  test: (d: string) => boolean;
  lengths: number[];
}

function prefixIn(d: string, len: number, lo: number, hi: number): boolean {
  const p = Number(d.slice(0, len));
  return p >= lo && p <= hi;
}

export const CARD_BRANDS: Brand[] = [
  { name: "Visa", test: (d) => d.startsWith("4"), lengths: [13, 16, 19] },
  {
    name: "Mastercard",
    test: (d) => prefixIn(d, 2, 51, 55) || prefixIn(d, 4, 2221, 2720),
    lengths: [16],
  },
  { name: "American Express", test: (d) => d.startsWith("34") || d.startsWith("37"), lengths: [15] },
  {
    name: "Discover",
    test: (d) => d.startsWith("6011") || d.startsWith("65") || prefixIn(d, 3, 644, 649),
    lengths: [16, 17, 18, 19],
  },
  {
    name: "Diners Club",
    test: (d) => prefixIn(d, 3, 300, 305) || d.startsWith("36") || d.startsWith("38") || d.startsWith("39"),
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { name: "JCB", test: (d) => prefixIn(d, 4, 3528, 3589), lengths: [16, 17, 18, 19] },
  { name: "UnionPay", test: (d) => d.startsWith("62"), lengths: [16, 17, 18, 19] },
  {
    name: "Maestro",
    test: (d) => d.startsWith("50") || prefixIn(d, 2, 56, 58) || d.startsWith("6"),
    lengths: [13, 14, 15, 16, 17, 18, 19],
  },
];

export function cardBrand(digits: string): string | null {
  for (const b of CARD_BRANDS) if (b.test(digits) && b.lengths.includes(digits.length)) return b.name;
  return null;
}

/** Grouping as printed on cards: 4-4-4-4(-3), 4-6-5 / 4-6-4, or no separators. */
function groupingOk(raw: string): boolean {
  const groups = raw.split(/[ \-]/);
  if (groups.length === 1) return true;
  const seps = raw.replace(/\d/g, "");
  if (new Set(seps).size !== 1) return false;
  const lens = groups.map((g) => g.length).join("-");
  if (lens === "4-6-5" || lens === "4-6-4") return true;
  for (let i = 0; i < groups.length - 1; i++) if (groups[i]!.length !== 4) return false;
  const last = groups[groups.length - 1]!.length;
  return last >= 1 && last <= 4;
}

export const SCORES = { brand: 0.85, brandGrouped: 0.9, unknownPrefix: 0.3 } as const;

function judge(text: string, start: number, raw: string): PiiFinding | null {
  if (!groupingOk(raw)) return null;
  const digits = digitsOf(raw);
  if (allSameDigit(digits) || !luhnValid(digits)) return null;
  const brand = cardBrand(digits);
  const grouped = raw.length !== digits.length;
  const score = brand ? (grouped ? SCORES.brandGrouped : SCORES.brand) : SCORES.unknownPrefix;
  const reasons = ["Luhn checksum valid", brand ? `issuer prefix: ${brand}` : "unknown issuer prefix"];
  return makeFinding("CREDIT_CARD", text, start, start + raw.length, score, "credit_card", reasons);
}

export const creditCardRecognizer: Recognizer = {
  name: "credit_card",
  entities: ["CREDIT_CARD"],
  patterns: [CANDIDATE_RE],
  analyze(text) {
    const out: PiiFinding[] = [];
    for (const m of text.matchAll(CANDIDATE_RE)) {
      if (isWordCharAt(text, m.index + m[0].length)) continue;
      // A grouped number may be followed by another group ("... 4444 12/27"): try dropping
      // trailing groups until the rest is a card or too short.
      let raw = m[0];
      while (digitsOf(raw).length >= 13) {
        const f = judge(text, m.index, raw);
        if (f) {
          out.push(f);
          break;
        }
        const cut = Math.max(raw.lastIndexOf(" "), raw.lastIndexOf("-"));
        if (cut <= 0) break;
        raw = raw.slice(0, cut);
      }
    }
    return out;
  },
};

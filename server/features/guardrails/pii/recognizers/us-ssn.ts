import type { PiiFinding, Recognizer } from "../types";
import { hasPositiveContext } from "../context";
import { makeFinding } from "../util";

/**
 * US Social Security numbers: AAA-GG-SSSS (dashes), AAA GG SSSS (spaces, lower) and nine bare
 * digits (only next to a context word such as "SSN"). Numbers the SSA never issues are rejected:
 * area 000, 666 or 900–999, group 00, serial 0000, and the advertised sample numbers.
 */
const SSN_RE = /(?<![\p{L}\p{N}\-.\/])(\d{3})([\- ]?)(\d{2})\2(\d{4})(?![\p{L}\p{N}]|[\-.\/]\d)/gu;

const SAMPLES = new Set(["078051120", "219099999", "123456789"]);

export function validSsn(area: string, group: string, serial: string): boolean {
  if (area === "000" || area === "666" || area[0] === "9") return false;
  if (group === "00" || serial === "0000") return false;
  const all = area + group + serial;
  if (SAMPLES.has(all)) return false;
  if (/^(\d)\1{8}$/.test(all)) return false;
  return true;
}

export const SCORES = { dashed: 0.6, spaced: 0.4, bare: 0.3 } as const;

export const usSsnRecognizer: Recognizer = {
  name: "us_ssn",
  entities: ["US_SSN"],
  patterns: [SSN_RE],
  analyze(text) {
    const out: PiiFinding[] = [];
    for (const m of text.matchAll(SSN_RE)) {
      const [raw, area = "", sep = "", group = "", serial = ""] = m;
      if (!validSsn(area, group, serial)) continue;
      if (sep === "" && !hasPositiveContext(text, m.index, "US_SSN")) continue;
      const score = sep === "-" ? SCORES.dashed : sep === " " ? SCORES.spaced : SCORES.bare;
      const shape = sep === "-" ? "AAA-GG-SSSS" : sep === " " ? "AAA GG SSSS" : "nine digits with SSN context";
      out.push(
        makeFinding("US_SSN", text, m.index, m.index + raw.length, score, "us_ssn", [
          shape,
          "not an SSA-excluded range",
        ]),
      );
    }
    return out;
  },
};

import type { PiiFinding, Recognizer } from "../types";
import { makeFinding } from "../util";

/**
 * UK National Insurance numbers: two prefix letters, six digits (optionally in pairs), suffix
 * A–D ("AB 12 34 56 C"). D, F, I, Q, U and V never appear in the prefix, O never as its second
 * letter, and BG, GB, KN, NK, NT, TN and ZZ are not allocated.
 */
const NINO_RE = /(?<![\p{L}\p{N}])([A-Z]{2})[ ]?(\d{2})([ ]?)(\d{2})\3(\d{2})[ ]?([A-D])(?![\p{L}\p{N}])/gu;
const BAD_PREFIXES = new Set(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]);

export function validNinoPrefix(prefix: string): boolean {
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/.test(prefix)) return false;
  return !BAD_PREFIXES.has(prefix);
}

export const ukNinoRecognizer: Recognizer = {
  name: "uk_nino",
  entities: ["UK_NINO"],
  patterns: [NINO_RE],
  analyze(text) {
    const out: PiiFinding[] = [];
    for (const m of text.matchAll(NINO_RE)) {
      if (!validNinoPrefix(m[1] ?? "")) continue;
      const spaced = m[3] === " ";
      out.push(
        makeFinding("UK_NINO", text, m.index, m.index + m[0].length, spaced ? 0.6 : 0.5, "uk_nino", [
          "valid NINO prefix and suffix",
          spaced ? "printed in pairs" : "compact form",
        ]),
      );
    }
    return out;
  },
};

import { getCountrySpecifications, isValidIBAN } from "ibantools";
import type { PiiFinding, Recognizer } from "../types";
import { isAsciiAlnumAt, makeFinding } from "../util";

/**
 * IBANs in electronic ("DE89370400440532013000") and print format ("DE89 3704 0044 0532 0130 00").
 * The pattern proposes a country code, two check digits and up to 32 alphanumerics with optional
 * single spaces; the country's IBAN length decides where the IBAN ends, and ibantools checks the
 * country's BBAN format and the ISO 13616 mod-97 checksum. A failed check means no finding.
 */
const CANDIDATE_RE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){10,32}/gu;

const SPECS = getCountrySpecifications();

export const ibanRecognizer: Recognizer = {
  name: "iban",
  entities: ["IBAN_CODE"],
  patterns: [CANDIDATE_RE],
  analyze(text) {
    const out: PiiFinding[] = [];
    const re = new RegExp(CANDIDATE_RE.source, CANDIDATE_RE.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const raw = m[0];
      // The candidate may run on into the next words ("... 606 and NL91..."): resume right after
      // its start unless an IBAN is found (the look-behind keeps this linear).
      re.lastIndex = m.index + 1;
      const spec = SPECS[raw.slice(0, 2)];
      const length = spec?.chars;
      if (!length) continue;
      let electronic = "";
      let i = 0;
      for (; i < raw.length && electronic.length < length; i++) {
        if (raw[i] !== " ") electronic += raw[i];
      }
      if (electronic.length < length) continue;
      const end = m.index + i;
      // The IBAN must not run on into more letters/digits ("...013000X").
      if (isAsciiAlnumAt(text, end)) continue;
      electronic = electronic.toUpperCase();
      if (!isValidIBAN(electronic)) continue;
      re.lastIndex = end;
      const printed = raw.slice(0, i).includes(" ");
      out.push(
        makeFinding("IBAN_CODE", text, m.index, end, 0.95, "iban", [
          "mod-97 checksum valid",
          `country format ${electronic.slice(0, 2)}`,
          printed ? "print format" : "electronic format",
        ]),
      );
    }
    return out;
  },
};

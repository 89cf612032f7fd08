import type { PiiFinding, Recognizer } from "../types";
import { makeFinding } from "../util";

/**
 * Postal addresses (LOCATION_ADDRESS). A street part is found first, then an optional tail is
 * read right after it with sticky patterns:
 *   - US/UK street: "123 Main St", "221B Baker Street", "350 Fifth Avenue", "4 Privet Drive",
 *     optional ", Suite 400" / ", Unit 12", then ", City, ST 12345" (US) or ", Town[, County]
 *     NW1 6XE" (UK postcode);
 *   - German: "Musterstraße 12" / "Musterweg 3" / "Am ...platz 1", then ", 10115 Berlin";
 *   - French: "12 rue de la Paix", then ", 75002 Paris";
 *   - Spanish: "Calle Mayor 5", then ", 28013 Madrid";
 *   - a UK postcode on its own ("SW1A 1AA").
 * A street with a ZIP/postcode tail scores 0.75; a bare street or postcode 0.4, which context
 * words ("address", "ship to", "located at", "Anschrift") lift above the threshold.
 */

const W = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]{0,24}`;
const US_SUFFIX =
  "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Square|Sq|Circle|Cir|Trail|Trl|Close|Crescent|Gardens|Mews|Row|Walk|Hill";
const EN_STREET_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,\-/])\d{1,6}[A-Z]?[ ](?:(?:N|S|E|W|NE|NW|SE|SW)\.?[ ])?(?:${W}[ ]){1,4}(?:${US_SUFFIX})\.?(?![\p{L}\p{N}])`,
  "gu",
);
const DE_STREET_RE =
  /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{Ll}\-]{1,30}(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad)|(?:Am|An der|Auf dem|Im|In der|Zum|Zur)[ ]\p{Lu}[\p{Ll}\-]{1,30})[ ]\d{1,4}[a-z]?(?![\p{L}\p{N}])/gu;
const FR_STREET_RE =
  /(?<![\p{L}\p{N}.,\-/])\d{1,4}(?:[ ]?(?:bis|ter))?,?[ ](?:rue|avenue|av\.|boulevard|bd|place|allée|impasse|chemin|quai|route|cours)[ ](?:(?:de|du|des|la|le|les)[ ]|l['’]|d['’]){0,2}\p{Lu}[\p{L}\p{M}'’\-]{1,30}(?:[ ]\p{Lu}[\p{L}\p{M}'’\-]{1,30}){0,2}/gu;
const ES_STREET_RE =
  /(?<![\p{L}\p{N}])(?:Calle|C\/|Avenida|Avda\.|Plaza|Paseo|Camino|Carrer|Ronda)[ ](?:(?:de|del|la|las|los)[ ]){0,2}\p{Lu}[\p{L}\p{M}\-]{1,30}(?:[ ]\p{Lu}[\p{L}\p{M}\-]{1,30}){0,2},?[ ](?:n\.?º[ ]?)?\d{1,4}(?![\p{L}\p{N}])/gu;

// Arabic: "12 شارع الملك فهد، الرياض" (house number optional, street word, up to three words,
// optional "، city").
const AR_STREET_RE =
  /(?<![\p{L}\p{N}])(?:\d{1,5}[ ])?(?:شارع|طريق)[ ][\p{Script=Arabic}\p{M}]{2,20}(?:[ ][\p{Script=Arabic}\p{M}]{2,20}){0,2}(?:،[ ]?[\p{Script=Arabic}\p{M}]{2,20})?/gu;
const UNIT_TAIL = /,?[ ](?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Floor|Fl\.?|#)[ ]?[A-Za-z0-9\-]{1,6}(?![\p{L}\p{N}])/uy;
const CITY = String.raw`\p{Lu}[\p{L}\p{M}.'’\-]{1,24}(?:[ ]\p{Lu}[\p{L}\p{M}.'’\-]{1,24}){0,2}`;
const US_TAIL = new RegExp(
  String.raw`,[ ]${CITY},?[ ](?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|P[AR]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])[ ]\d{5}(?:-\d{4})?(?![\p{L}\p{N}])`,
  "uy",
);
const UK_POSTCODE = String.raw`(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[ ]\d[ABD-HJLNP-UW-Z]{2})`;
const UK_TAIL = new RegExp(String.raw`(?:,[ ]${CITY}){0,2},?[ ]${UK_POSTCODE}(?![\p{L}\p{N}])`, "uy");
const EU_TAIL = new RegExp(String.raw`,?[ ](?:D-|F-|E-)?\d{5}[ ]${CITY}`, "uy");
const UK_POSTCODE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])${UK_POSTCODE}(?![\p{L}\p{N}])`, "gu");

export const SCORES = { withPostcode: 0.75, bare: 0.4 } as const;

function tail(text: string, at: number, re: RegExp): number {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? at + m[0].length : at;
}

export const addressRecognizer: Recognizer = {
  name: "address",
  entities: ["LOCATION_ADDRESS"],
  patterns: [
    EN_STREET_RE,
    DE_STREET_RE,
    FR_STREET_RE,
    ES_STREET_RE,
    AR_STREET_RE,
    UK_POSTCODE_RE,
    UNIT_TAIL,
    US_TAIL,
    UK_TAIL,
    EU_TAIL,
  ],
  analyze(text) {
    const out: PiiFinding[] = [];
    const push = (start: number, end: number, withCode: boolean, kind: string) =>
      out.push(
        makeFinding("LOCATION_ADDRESS", text, start, end, withCode ? SCORES.withPostcode : SCORES.bare, "address", [
          withCode ? `${kind} street address with postal code` : `${kind} street address without postal code`,
        ]),
      );

    for (const m of text.matchAll(EN_STREET_RE)) {
      const end = tail(text, m.index + m[0].length, UNIT_TAIL);
      const us = tail(text, end, US_TAIL);
      if (us > end) {
        push(m.index, us, true, "US");
        continue;
      }
      const uk = tail(text, end, UK_TAIL);
      if (uk > end) {
        push(m.index, uk, true, "UK");
        continue;
      }
      push(m.index, end, false, "US/UK");
    }
    for (const [re, kind] of [
      [DE_STREET_RE, "German"],
      [FR_STREET_RE, "French"],
      [ES_STREET_RE, "Spanish"],
      [AR_STREET_RE, "Arabic"],
    ] as const) {
      for (const m of text.matchAll(re)) {
        const streetEnd = m.index + m[0].length;
        const end = tail(text, streetEnd, EU_TAIL);
        push(m.index, end, end > streetEnd, kind);
      }
    }
    for (const m of text.matchAll(UK_POSTCODE_RE)) {
      out.push(
        makeFinding("LOCATION_ADDRESS", text, m.index, m.index + m[0].length, SCORES.bare, "address", ["UK postcode"]),
      );
    }
    return out;
  },
};

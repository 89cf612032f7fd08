import {
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from "libphonenumber-js/max";
import type { PiiFinding, Recognizer } from "../types";
import { isWordCharAt, makeFinding } from "../util";

/**
 * Phone numbers. A linear pattern proposes phone-shaped candidates (a leading "+", "00" or "(",
 * digits and the usual separators, ending in a digit); the shape is checked in code (dates, IPv4
 * addresses, prices, percentages and spaced dashes are rejected) and the number is then parsed
 * and validated with libphonenumber-js (full metadata):
 *   - "+..." / "00..." numbers are parsed internationally;
 *   - national numbers are tried against DEFAULT_PHONE_REGIONS: trunk-prefix countries only when
 *     the number starts with 0, NANP (US/CA) for 10 digits (or 1 + 10), Spain for 9 digits
 *     starting 6–9.
 * Valid numbers score high, merely possible ones low (they need a context word such as "call"
 * or "Tel." to be reported), unformatted digit runs lower still.
 */

export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = [
  "US",
  "GB",
  "DE",
  "FR",
  "ES",
  "IT",
  "NL",
  "AT",
  "CH",
  "BE",
  "IE",
  "AE",
  "SA",
];
/** Countries whose national format starts with a trunk "0". */
const TRUNK_ZERO = new Set<CountryCode>(["GB", "DE", "FR", "NL", "AT", "CH", "BE", "IE", "AE", "SA", "IT"]);

// Candidate: optional "+" or "(", then a digit, then up to 30 digits/separators, ending in a digit.
// Cannot start right after a letter or digit, nor (without "+") after number punctuation, so not
// inside "v2.0.1" or "UA-123...". One character class with a bounded count: at most 30 steps of
// backtracking per start.
const CANDIDATE_RE = /(?:(?<![\p{L}\p{N}+])\+|(?<![\p{L}\p{N}+\-./_#@])(?:\(\+?)?)\d[\d ().\-/]{4,30}\d/gu;

const DATE_RE = /^(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))$/;
const IPV4_LIKE_RE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const DOTTED_DECIMAL_RE = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

export const SCORES = {
  internationalValid: 0.75,
  internationalPossible: 0.45,
  internationalShaped: 0.2,
  nationalValid: 0.7,
  nationalPossible: 0.3,
  bareValid: 0.45,
  barePossible: 0.2,
} as const;

interface Verdict {
  score: number;
  reasons: string[];
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function balancedParens(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === "(") {
      depth++;
      if (depth > 1) return false;
    } else if (ch === ")") {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

/** Shape checks on a candidate: false when it is not written like a phone number. */
function shapeOk(c: string): boolean {
  if (!balancedParens(c)) return false;
  if (DATE_RE.test(c) || IPV4_LIKE_RE.test(c) || DOTTED_DECIMAL_RE.test(c)) return false;
  // Consecutive separators other than ") " / " (" / ". " are not phone formatting ("1 - 2").
  if (/[-./][ ]?[-./]|[ ]{2}|[ ][-./][ ]/.test(c)) return false;
  // Mixed "/" and "." ("4.1/23") and more than one "/" are codes, not phones.
  const slashes = c.split("/").length - 1;
  if (slashes > 1 || (slashes === 1 && c.includes("."))) return false;
  // Dots only: a decimal ("0.938293") or a version ("53.0.2785.143") unless it is grouped like
  // a phone number (at least three groups of two or more digits: "415.555.0187").
  if (/^\d+(?:\.\d+)+$/.test(c)) {
    const groups = c.split(".");
    if (groups.length < 3 || groups.some((g) => g.length < 2)) return false;
  }
  return true;
}

function best(numbers: PhoneNumber[]): { number: PhoneNumber; valid: boolean } | null {
  let possible: PhoneNumber | null = null;
  for (const n of numbers) {
    if (n.isValid()) return { number: n, valid: true };
    if (!possible && n.isPossible()) possible = n;
  }
  return possible ? { number: possible, valid: false } : null;
}

function parse(candidate: string, region: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(candidate, region);
  } catch {
    return undefined;
  }
}

/** Validates one phone-shaped candidate; null when it is not a phone number. */
export function judgePhone(candidate: string, regions: readonly CountryCode[] = DEFAULT_PHONE_REGIONS): Verdict | null {
  if (!shapeOk(candidate)) return null;
  const digits = candidate.replace(/\D/g, "");
  const formatted = /[^\d]/.test(candidate.replace(/^\+/, ""));
  let intl = candidate.replace(/^\(/, "");
  if (intl.startsWith("+") || intl.startsWith("00")) {
    // "+44 (0)20 ..." carries a trunk "0" that the international form drops.
    intl = "+" + intl.replace(/^(?:\+|00)/, "").replace(/^(\d{1,3})\)?[ ]?\(0\)/, "$1 ");
    if (digitCount(intl) < 8 || digitCount(intl) > 15) return null;
    const n = parse(intl, "US");
    if (!n || !n.isPossible()) {
      // "+1 555 0100": dialled internationally and grouped like a phone number, but impossible
      // for its country (fictional or mistyped). Reported only next to a phone context word.
      return n && /^\+\d{1,3}[ \-]/.test(intl) && digitCount(intl) >= 8
        ? {
            score: SCORES.internationalShaped,
            reasons: [`international format, impossible number (+${n.countryCallingCode})`],
          }
        : null;
    }
    const country = n.country ?? `+${n.countryCallingCode}`;
    return n.isValid()
      ? { score: SCORES.internationalValid, reasons: [`valid international number (${country})`] }
      : { score: SCORES.internationalPossible, reasons: [`possible international number (${country})`] };
  }
  if (digits.length < 7 || digits.length > 12) return null;
  const tries: PhoneNumber[] = [];
  for (const r of regions) {
    const nanp = r === "US" || r === "CA";
    if (nanp) {
      const ok =
        (digits.length === 10 && digits[0] !== "0" && digits[0] !== "1") || (digits.length === 11 && digits[0] === "1");
      if (!ok) continue;
    } else if (r === "ES") {
      if (digits.length !== 9 || !/^[6-9]/.test(digits)) continue;
    } else if (TRUNK_ZERO.has(r)) {
      if (digits[0] !== "0" || digits[1] === "0") continue;
    } else continue;
    const n = parse(candidate, r);
    if (n && n.countryCallingCode === getCountryCallingCode(r)) tries.push(n);
  }
  const b = best(tries);
  if (!b) return null;
  const where = b.number.country ?? "?";
  if (b.valid) {
    return formatted
      ? { score: SCORES.nationalValid, reasons: [`valid national number (${where})`] }
      : { score: SCORES.bareValid, reasons: [`valid national number (${where})`, "unformatted digits"] };
  }
  return formatted
    ? { score: SCORES.nationalPossible, reasons: [`possible national number (${where})`] }
    : { score: SCORES.barePossible, reasons: [`possible national number (${where})`, "unformatted digits"] };
}

const CURRENCY_BEFORE = /[$€£¥₹]\s?$/;

export function createPhoneRecognizer(regions: readonly CountryCode[] = DEFAULT_PHONE_REGIONS): Recognizer {
  return {
    name: "phone",
    entities: ["PHONE_NUMBER"],
    patterns: [CANDIDATE_RE],
    analyze(text) {
      const out: PiiFinding[] = [];
      for (const m of text.matchAll(CANDIDATE_RE)) {
        const start = m.index;
        const end = start + m[0].length;
        // Glued to a following letter/digit or a percent sign: part of a code or a figure.
        if (isWordCharAt(text, end) || text[end] === "%") continue;
        if (CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 2), start))) continue;
        const parts = splitCandidate(m[0]);
        for (const p of parts) {
          const v = judgePhone(p.text, regions);
          if (!v) continue;
          out.push(
            makeFinding(
              "PHONE_NUMBER",
              text,
              start + p.offset,
              start + p.offset + p.text.length,
              v.score,
              "phone",
              v.reasons,
            ),
          );
        }
      }
      return out;
    },
  };
}

/** A candidate that is two numbers joined by " / " or " - " is judged part by part. */
function splitCandidate(c: string): { text: string; offset: number }[] {
  const whole = [{ text: c, offset: 0 }];
  const sep = /[ ][/-][ ]/g;
  if (!sep.test(c)) return whole;
  sep.lastIndex = 0;
  const parts: { text: string; offset: number }[] = [];
  let last = 0;
  for (const m of c.matchAll(sep)) {
    parts.push({ text: c.slice(last, m.index), offset: last });
    last = m.index + m[0].length;
  }
  parts.push({ text: c.slice(last), offset: last });
  return parts.filter((p) => /\d$/.test(p.text) && /^[+(\d]/.test(p.text));
}

export const phoneRecognizer = createPhoneRecognizer();

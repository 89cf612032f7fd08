import type { EntityType, PiiFinding } from "./types";

export function makeFinding(
  entity: EntityType,
  text: string,
  start: number,
  end: number,
  score: number,
  recognizer: string,
  reasons: string[],
): PiiFinding {
  return { entity, start, end, text: text.slice(start, end), score: clampScore(score), recognizer, reasons };
}

export function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** A letter, digit, mark or underscore at index `i` (false outside the string). */
export function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  // Surrogate halves (paired or not) are judged by the code point they belong to, if any.
  return WORD_CHAR.test(text[i] ?? "");
}

export function isAsciiAlnumAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function digitsOf(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) out += s[i];
  }
  return out;
}

/** Luhn (mod 10) checksum over a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Every character the same ("0000 0000 ..."), which checksums cannot rule out. */
export function allSameDigit(digits: string): boolean {
  for (let i = 1; i < digits.length; i++) if (digits[i] !== digits[0]) return false;
  return true;
}

/**
 * Length-preserving normalisation used before scanning: non-ASCII decimal digits (Arabic-Indic,
 * Extended Arabic-Indic, Devanagari, full-width) become ASCII digits, no-break and figure spaces
 * become spaces and hyphen-like characters used inside numbers become "-". Every replacement is
 * one UTF-16 unit for one UTF-16 unit, so offsets into the result are offsets into the input.
 */
export function foldForScan(text: string): string {
  let changed = false;
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa0) continue;
    let r = -1;
    if (c >= 0x660 && c <= 0x669) r = 48 + c - 0x660;
    else if (c >= 0x6f0 && c <= 0x6f9) r = 48 + c - 0x6f0;
    else if (c >= 0x966 && c <= 0x96f) r = 48 + c - 0x966;
    else if (c >= 0xff10 && c <= 0xff19) r = 48 + c - 0xff10;
    else if (c === 0xa0 || c === 0x2007 || c === 0x202f) r = 32;
    else if (c === 0x2010 || c === 0x2011 || c === 0x2012) r = 45;
    if (r >= 0) {
      out += text.slice(last, i) + String.fromCharCode(r);
      last = i + 1;
      changed = true;
    }
  }
  return changed ? out + text.slice(last) : text;
}

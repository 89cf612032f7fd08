/**
 * Display length as ad networks count it: one per code point (after NFC), two for East Asian
 * Wide and Fullwidth characters (CJK ideographs, kana, hangul, fullwidth forms, most emoji).
 * Ambiguous-width characters count one.
 */
import { eastAsianWidth } from "get-east-asian-width";

/** Code points after NFC normalisation ("é" typed as e + combining accent counts 1). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text.normalize("NFC")) n++;
  return n;
}

/** Display width: code points after NFC; East Asian Wide/Fullwidth count 2. */
export function displayLength(text: string): number {
  let n = 0;
  for (const ch of text.normalize("NFC")) n += eastAsianWidth(ch.codePointAt(0) ?? 0, { ambiguousAsWide: false });
  return n;
}

/** True when the text contains at least one double-width character. */
export function hasWideChars(text: string): boolean {
  return displayLength(text) !== charLength(text);
}

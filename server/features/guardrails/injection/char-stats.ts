/**
 * Character statistics ("perplexity-like" weak signals): a high share of symbols, long runs without
 * spaces, base64-looking blobs, words that mix Latin with Cyrillic/Greek look-alikes, and
 * high-entropy stretches. Code, coupon codes and tracking URLs trip these too, so together they
 * never weigh more than 0.3 (see score.ts).
 *
 * Also decodes base64 blobs that turn out to be readable text, so the phrase rules can read them.
 */
import type { InjectionSignal } from "@/lib/schemas/guardrails";
import type { HiddenPayload } from "./hidden-text";
import type { NormalizedText } from "./normalize";
import { makeSignal } from "./signal";

const WINDOW = 1000;
const BASE64 = /[A-Za-z0-9+/]{40,}={0,2}/g;
const MAX_DECODE = 10;
const MAX_DECODE_CHARS = 20_000;

function kindOf(c: number): 0 | 1 | 2 | 3 {
  // 0 letter, 1 digit, 2 space, 3 symbol
  if (c < 0x80) {
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 0;
    if (c >= 0x30 && c <= 0x39) return 1;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return 2;
    return 3;
  }
  if (c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) return 2;
  // High surrogates count as symbols (emoji), except U+1D400–U+1D7FF (mathematical letters).
  if (
    (c >= 0x2010 && c <= 0x2bff) ||
    (c >= 0x3001 && c <= 0x303f) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xd800 && c <= 0xdbff && c !== 0xd835)
  )
    return 3;
  if (c >= 0xdc00 && c <= 0xdfff) return 2; // second half of a pair: counted with the first
  return 0;
}

function decodeBase64Text(blob: string): string | null {
  const usable = blob.replace(/=+$/, "");
  const trimmed = usable.slice(0, usable.length - (usable.length % 4));
  if (trimmed.length < 16) return null;
  let binary: string;
  try {
    binary = atob(trimmed);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const decoded = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  let printable = 0;
  let letters = 0;
  for (const ch of decoded) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d)) continue;
    printable++;
    if (/\p{L}/u.test(ch)) letters++;
  }
  const total = [...decoded].length;
  return total > 0 && printable / total >= 0.9 && letters >= 10 && letters / total >= 0.5 ? decoded : null;
}

export function scanCharStats(
  text: string,
  norm: NormalizedText,
): { signals: InjectionSignal[]; payloads: HiddenPayload[] } {
  const signals: InjectionSignal[] = [];
  const payloads: HiddenPayload[] = [];
  const n = text.length;

  // Symbol share per window, and the longest run without whitespace.
  let worst: { start: number; ratio: number } | null = null;
  let flaggedWindows = 0;
  let counts = [0, 0, 0, 0];
  let longestRun = { start: 0, end: 0 };
  let runStart = -1;
  for (let i = 0; i <= n; i++) {
    const k = i < n ? kindOf(text.charCodeAt(i)) : 2;
    if (i < n) counts[k]!++;
    if (k === 2) {
      if (runStart >= 0 && i - runStart > longestRun.end - longestRun.start) longestRun = { start: runStart, end: i };
      runStart = -1;
    } else if (runStart < 0) runStart = i;
    if ((i > 0 && i % WINDOW === 0) || i === n) {
      const visible = counts[0]! + counts[1]! + counts[3]!;
      if (visible >= 40) {
        const ratio = counts[3]! / visible;
        if (ratio > 0.35) {
          flaggedWindows++;
          if (!worst || ratio > worst.ratio) worst = { start: i - (i % WINDOW || WINDOW), ratio };
        }
      }
      counts = [0, 0, 0, 0];
    }
  }
  if (worst) {
    signals.push(
      makeSignal(
        "char_stats",
        text,
        worst.start,
        Math.min(n, worst.start + WINDOW),
        worst.ratio > 0.5 ? 0.2 : 0.15,
        `${Math.round(worst.ratio * 100)}% symbols${flaggedWindows > 1 ? ` (${flaggedWindows} windows)` : ""}`,
      ),
    );
  }
  const runText = text.slice(longestRun.start, Math.min(longestRun.end, longestRun.start + 300));
  if (longestRun.end - longestRun.start >= 100 && !/:\/\/|^www\.|^data:|^<img|[A-Za-z0-9+/]{80}/i.test(runText)) {
    signals.push(
      makeSignal(
        "char_stats",
        text,
        longestRun.start,
        longestRun.end,
        0.15,
        `${longestRun.end - longestRun.start} characters without a space`,
      ),
    );
  }

  // Base64-looking blobs: long ones are a weak signal; readable ones are re-scanned as payloads.
  let decodedCount = 0;
  let reported = 0;
  for (const m of text.matchAll(BASE64)) {
    const blob = m[0];
    if (!/[a-z]/.test(blob) || !/[A-Z]/.test(blob) || !/[0-9]/.test(blob)) continue;
    const start = m.index;
    if (blob.length >= 80 && reported < 5) {
      reported++;
      const dataUri = /base64,$/i.test(text.slice(Math.max(0, start - 7), start));
      signals.push(
        makeSignal(
          "char_stats",
          text,
          start,
          start + blob.length,
          dataUri ? 0.1 : 0.25,
          `base64-like blob of ${blob.length} characters`,
        ),
      );
    }
    if (decodedCount < MAX_DECODE && blob.length <= MAX_DECODE_CHARS) {
      decodedCount++;
      const decoded = decodeBase64Text(blob);
      if (decoded) payloads.push({ start, end: start + blob.length, text: decoded, via: "base64" });
    }
  }

  // Homoglyph words (normalize.ts already mapped them for the phrase rules).
  const mixed = norm.mixedScriptWords;
  if (mixed.length > 0) {
    const weight = mixed.length >= 2 ? 0.3 : 0.2;
    for (const w of mixed.slice(0, 5)) {
      signals.push(
        makeSignal(
          "char_stats",
          text,
          w.start,
          w.end,
          weight,
          `${mixed.length} word(s) mix Latin and Cyrillic/Greek letters`,
        ),
      );
    }
  }

  // Entropy of 128-character stretches of printable ASCII (English prose sits near 4.2 bits).
  const freq = new Uint16Array(128);
  let filled = 0;
  let windowStart = -1;
  let best: { start: number; end: number; bits: number } | null = null;
  let highWindows = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) continue;
    if (windowStart < 0) windowStart = i;
    freq[c]!++;
    if (++filled === 128) {
      let bits = 0;
      for (let k = 0x21; k < 0x7f; k++) {
        const f = freq[k]!;
        if (f > 0) bits -= (f / 128) * Math.log2(f / 128);
      }
      if (bits > 5.0) {
        highWindows++;
        if (!best || bits > best.bits) best = { start: windowStart, end: i + 1, bits };
      }
      freq.fill(0);
      filled = 0;
      windowStart = -1;
    }
  }
  if (best) {
    signals.push(
      makeSignal(
        "char_stats",
        text,
        best.start,
        best.end,
        0.15,
        `high-entropy text (${best.bits.toFixed(1)} bits/char${highWindows > 1 ? `, ${highWindows} stretches` : ""})`,
      ),
    );
  }
  return { signals, payloads };
}

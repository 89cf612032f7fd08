import type { Recognizer } from "../types";
import { makeFinding } from "../util";

/**
 * Email addresses. The pattern only finds an "@" with a bounded run of address characters on each
 * side (it cannot start inside a run, so a scan is linear); the domain is then validated in code:
 * dot-separated labels of 1–63 letters, digits or inner hyphens and an alphabetic (or IDN "xn--")
 * top-level domain.
 */
const EMAIL_RE = /(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]{1,64}@[\p{L}\p{N}.\-]{1,253}/gu;
const LABEL_RE = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TLD_RE = /^(?:\p{L}{2,24}|xn--[a-z0-9-]{1,59})$/iu;

/** File extensions that follow "@" in asset names ("logo@2x.png"), not top-level domains. */
const FILE_EXTENSIONS = new Set(
  "png jpg jpeg gif svg webp avif bmp ico tif tiff heic pdf css js mjs ts tsx json md txt html htm xml yml yaml csv mp3 mp4 wav webm woff woff2 ttf otf".split(
    " ",
  ),
);

export function validEmailDomain(domain: string): boolean {
  if (domain.length > 253) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  for (const l of labels) if (!LABEL_RE.test(l)) return false;
  const tld = labels[labels.length - 1] ?? "";
  return TLD_RE.test(tld) && !FILE_EXTENSIONS.has(tld.toLowerCase());
}

export const emailRecognizer: Recognizer = {
  name: "email",
  entities: ["EMAIL_ADDRESS"],
  patterns: [EMAIL_RE],
  analyze(text) {
    const out = [];
    for (const m of text.matchAll(EMAIL_RE)) {
      const raw = m[0];
      const at = raw.indexOf("@");
      let local = raw.slice(0, at);
      let domain = raw.slice(at + 1);
      // Sentence punctuation and a trailing hyphen are not part of the address.
      domain = domain.replace(/[.-]+$/, "");
      let start = m.index;
      const lead = /^[.]+/.exec(local);
      if (lead) {
        local = local.slice(lead[0].length);
        start += lead[0].length;
      }
      if (local.length === 0 || local.endsWith(".") || local.includes("..")) continue;
      if (!validEmailDomain(domain)) continue;
      const end = start + local.length + 1 + domain.length;
      out.push(makeFinding("EMAIL_ADDRESS", text, start, end, 0.9, "email", ["pattern: local@domain.tld"]));
    }
    return out;
  },
};

import type { PiiFinding, Recognizer } from "../types";
import { isWordCharAt, makeFinding } from "../util";

/**
 * IPv4 and IPv6 addresses. IPv4 needs four dot-separated decimal octets 0–255 without leading
 * zeros, not glued to letters, digits or further dots (so "v2.0.1.3", "1.2.3.4.5" and
 * "10.0.19045.3803" are not addresses); version-like context words ("version", "build",
 * "release") lower the score. IPv6 is validated group by group (1–4 hex digits, at most one "::",
 * eight groups or fewer with "::", optional trailing IPv4), and needs at least two groups, so
 * times ("10:30:45") and MAC addresses do not match.
 */
const IPV4_RE = /(?<![\p{L}\p{N}._\-])(?:\d{1,3}\.){3}\d{1,3}(?![\p{L}\p{N}_]|\.\d)/gu;
const IPV6_RE = /(?<![\p{L}\p{N}_:.])[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}/gu;

export function validIPv4(s: string): boolean {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return false;
    if (p.length > 1 && p[0] === "0") return false;
    if (Number(p) > 255) return false;
  }
  return true;
}

export function validIPv6(s: string): boolean {
  if (s.length < 3 || !s.includes(":")) return false;
  const halves = s.split("::");
  if (halves.length > 2) return false;
  const groups: string[] = [];
  let hasV4 = false;
  for (let h = 0; h < halves.length; h++) {
    const half = halves[h] ?? "";
    if (half === "") continue;
    const gs = half.split(":");
    for (let i = 0; i < gs.length; i++) {
      const g = gs[i] ?? "";
      const lastOfAll = h === halves.length - 1 && i === gs.length - 1;
      if (lastOfAll && g.includes(".")) {
        if (!validIPv4(g)) return false;
        hasV4 = true;
        continue;
      }
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return false;
      groups.push(g);
    }
  }
  const count = groups.length + (hasV4 ? 2 : 0);
  if (halves.length === 2) {
    if (count > 7) return false;
  } else if (count !== 8) return false;
  // "::", "a::", "::1" alone and similar fragments are too short to be meaningful in prose.
  if (groups.length + (hasV4 ? 1 : 0) < 2) return false;
  // Require at least one digit so words made of hex letters ("dead:beef::") stay rare.
  return /\d/.test(s);
}

export const ipRecognizer: Recognizer = {
  name: "ip_address",
  entities: ["IP_ADDRESS"],
  patterns: [IPV4_RE, IPV6_RE],
  analyze(text) {
    const out: PiiFinding[] = [];
    const v6: PiiFinding[] = [];
    for (const m of text.matchAll(IPV6_RE)) {
      // Sentence punctuation after the address ("... 2001:db8::1." / "2001:db8::1:").
      let raw = m[0].replace(/\.+$/, "");
      if (raw.endsWith(":") && !raw.endsWith("::")) raw = raw.slice(0, -1);
      const end = m.index + raw.length;
      if (isWordCharAt(text, end)) continue;
      if (!raw.includes("::") && raw.split(":").length < 8) continue;
      if (!validIPv6(raw)) continue;
      v6.push(makeFinding("IP_ADDRESS", text, m.index, end, 0.6, "ip_address", ["valid IPv6"]));
    }
    let j = 0;
    for (const m of text.matchAll(IPV4_RE)) {
      if (!validIPv4(m[0])) continue;
      // The IPv4 tail of an IPv6 address ("::ffff:192.0.2.1") is part of that finding (both
      // lists are in text order, so one forward pointer suffices).
      while (j < v6.length && v6[j]!.end <= m.index) j++;
      if (j < v6.length && v6[j]!.start <= m.index) continue;
      // "7.6.1.2" is far more often a section or version number than an address ("8.8.8.8" and
      // "1.1.1.1" then need a context word such as "DNS" or "IP").
      const tiny = m[0].length === 7;
      const reasons = tiny ? ["valid IPv4", "single-digit octets"] : ["valid IPv4"];
      out.push(
        makeFinding("IP_ADDRESS", text, m.index, m.index + m[0].length, tiny ? 0.4 : 0.6, "ip_address", reasons),
      );
    }
    out.push(...v6);
    return out;
  },
};

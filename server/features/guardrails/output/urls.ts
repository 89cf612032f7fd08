/**
 * Links in generated copy and the workspace allow-list.
 *
 * Finds `http(s)://…`, bare `www.…` and bare domains (`example.com/path`, `shop.example.de`) by
 * splitting the text into whitespace/markup-delimited tokens and validating each token on its own,
 * so the scan stays linear however long the text is. Bare tokens need a known top-level domain (or a
 * path) so `Node.js`, `v2.4.1`, `e.g.` and `README.md` are not links.
 *
 * Allow-list rule (public-suffix-naive): a host is allowed when it equals an entry or ends with
 * "." + entry. `*.example.com` and `example.com` mean the same (apex and subdomains), matching the
 * policy schema.
 */
import { domainToASCII } from "node:url";

/** `host` is normalised (lower case, punycode) for comparison; `displayHost` is as written. */
export type FoundUrl = { start: number; end: number; url: string; host: string; displayHost: string };

const TOKEN = /[^\s<>"'`()[\]{}|\\^]+/g;
const SCHEME_OR_WWW = /(?:https?:\/\/|www\.)/i;
const TRAILING = /[.,;:!?*_~»”’"'…]+$/u;
const LEADING_PUNCT = /^[^\p{L}\p{N}]+/u;
const BARE_HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(\p{L}{2,24})$/u;
const MAX_TOKEN = 2048;
const MAX_URLS = 5000;

/** Top-level domains accepted for bare tokens without a path (file-extension look-alikes left out). */
const COMMON_TLDS = new Set(
  (
    "com net org io co ai app dev info biz me tv us uk de fr es it nl be ch at eu pl pt se no dk fi ie is cz sk hu ro bg hr si gr " +
    "lt lv ee lu li mt cy ca au nz jp cn in br mx ar cl pe ru ua by kz tr za ng ke eg ma sg hk kr tw il ae sa qa id my th vn ph " +
    "shop store online site website tech cloud blog news xyz page link live club agency studio design media email digital pro " +
    "global world today life health jobs travel edu gov int museum example test bank insurance finance money marketing " +
    "academy school education community company business solutions services network systems software games fashion " +
    "beauty fitness food cafe restaurant hotel wine art music photo photography video film events social chat team " +
    "group partners ventures capital fund shopping deals sale coupons gift gifts auto cars bike energy eco green earth"
  ).split(/\s+/),
);
/** Endings that are far more often file extensions than domains in copy. */
const FILE_EXTENSIONS = new Set(
  "md py sh js ts tsx jsx json txt pdf png jpg jpeg gif svg webp csv xls xlsx doc docx ppt pptx zip rar gz tar exe dmg html htm css scss yaml yml xml rs go rb java kt swift php sql log ini cfg env lock mov mp3 mp4 wav avi".split(
    " ",
  ),
);

/** Lower-case, strip userinfo/port/trailing dot, IDN → punycode. */
export function normalizeHost(raw: string): string {
  let host = raw.trim().toLowerCase();
  const at = host.lastIndexOf("@");
  if (at >= 0) host = host.slice(at + 1);
  host = host.replace(/:\d*$/, "").replace(/\.+$/, "");
  if (host === "") return "";
  if (/[^\x00-\x7f]/.test(host)) {
    const ascii = domainToASCII(host);
    if (ascii) host = ascii;
  }
  return host;
}

function rawHostOfUrl(url: string): string {
  const rest = url.replace(/^https?:\/\//i, "");
  const hostPort = rest.split(/[/?#]/, 1)[0] ?? "";
  return hostPort
    .slice(hostPort.lastIndexOf("@") + 1)
    .replace(/:\d*$/, "")
    .replace(/\.+$/, "")
    .toLowerCase();
}

export function findUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (out.length >= MAX_URLS) break;
    let token = m[0].slice(0, MAX_TOKEN);
    let start = m.index;
    const at = token.search(SCHEME_OR_WWW);
    const hasScheme = at >= 0 && (at === 0 || !/[\p{L}\p{N}]/u.test(token[at - 1]!));
    if (hasScheme) {
      start += at;
      token = token.slice(at);
    } else {
      if (!token.includes(".") || token.includes("@")) continue; // e-mail addresses are PII, not links
      const lead = LEADING_PUNCT.exec(token)?.[0].length ?? 0;
      start += lead;
      token = token.slice(lead);
    }
    token = token.replace(TRAILING, "");
    if (token === "" || /^https?:\/\/$/i.test(token) || /^www\.?$/i.test(token)) continue;

    if (hasScheme) {
      const displayHost = rawHostOfUrl(token);
      const host = normalizeHost(displayHost);
      if (host) out.push({ start, end: start + token.length, url: token, host, displayHost });
      continue;
    }
    const hostPart = token.split(/[/?#]/, 1)[0]!.replace(/:\d{1,5}$/, "");
    const hasPath = hostPart.length < token.length;
    const bare = BARE_HOST.exec(hostPart);
    if (!bare) continue;
    const tld = bare[1]!.toLowerCase();
    if (FILE_EXTENSIONS.has(tld)) continue;
    if (!COMMON_TLDS.has(tld) && !(hasPath && /^[a-z]{2,24}$/.test(tld))) continue;
    if (hostPart === hostPart.toUpperCase() && /[A-Z]/.test(hostPart)) continue; // "ASP.NET", "NODE.JS"
    const host = normalizeHost(hostPart);
    if (host) out.push({ start, end: start + token.length, url: token, host, displayHost: hostPart.toLowerCase() });
  }
  return out;
}

/** Allow-list entries as hosts: `https://Example.com/x` → `example.com`, `*.example.com` → `example.com`. */
export function normalizeAllowEntry(entry: string): string {
  const e = entry
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .split(/[/?#]/, 1)[0]!
    .replace(/^\*\./, "")
    .replace(/^\.+/, "");
  return normalizeHost(e);
}

export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  const h = normalizeHost(host);
  return allowed.some((entry) => {
    const e = normalizeAllowEntry(entry);
    return e !== "" && (h === e || h.endsWith(`.${e}`));
  });
}

import type { PiiFinding, Recognizer } from "../types";
import { makeFinding } from "../util";

/**
 * URLs that carry credentials: a password in the userinfo ("https://user:pass@host",
 * "redis://:pass@host") or a secret-bearing query/fragment parameter ("?api_key=", "token=",
 * "access_token=", "X-Amz-Signature=", ...). The whole URL is the finding. A scheme-less
 * "www." URL is also checked. URLs are bounded to 2,048 characters.
 */
const URL_RE = /(?<![\p{L}\p{N}+.\-])(?:[A-Za-z][A-Za-z0-9+.\-]{1,15}:\/\/|www\.)[^\s<>"'`]{1,2048}/gu;

/** Parameter names whose value is a secret (compared lower-cased, "-" read as "_"). */
export const SECRET_PARAMS = new Set([
  "api_key",
  "apikey",
  "key",
  "access_token",
  "accesstoken",
  "auth",
  "auth_token",
  "authtoken",
  "token",
  "id_token",
  "refresh_token",
  "private_token",
  "client_secret",
  "secret",
  "password",
  "passwd",
  "pwd",
  "pass",
  "session",
  "sessionid",
  "session_id",
  "sid",
  "sig",
  "signature",
  "x_amz_signature",
  "x_amz_credential",
  "x_amz_security_token",
  "code",
]);

/** Generic names that are only secrets when the value looks random. */
const WEAK_PARAMS = new Set(["key", "code", "sid", "session", "auth"]);

function looksRandom(v: string): boolean {
  return v.length >= 12 && /\d/.test(v) && /[A-Za-z]/.test(v);
}

/** Documentation placeholders rather than secrets: "YOUR_TOKEN", "<api-key>", "{token}", "xxx". */
const PLACEHOLDER_RE =
  /^(?:(?:[A-Z]+_)*(?:TOKEN|KEY|APIKEY|SECRET|PASSWORD|PASS|PWD|VALUE|HERE)|<[^<>]{1,40}>|%3C[^%]{1,40}%3E|\{[^{}]{1,40}\}|\$\{[^{}]{1,40}\}|x{3,}|X{3,}|\*{3,}|\.{3})$/;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_RE.test(value);
}

export interface UrlCredential {
  kind: "userinfo" | "param";
  detail: string;
  placeholder?: boolean;
}

export function urlCredential(url: string): UrlCredential | null {
  const schemeEnd = url.indexOf("://");
  const authStart = schemeEnd >= 0 ? schemeEnd + 3 : 0;
  let authEnd = url.length;
  for (let i = authStart; i < url.length; i++) {
    const c = url[i];
    if (c === "/" || c === "?" || c === "#") {
      authEnd = i;
      break;
    }
  }
  const authority = url.slice(authStart, authEnd);
  const at = authority.lastIndexOf("@");
  if (at > 0) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(":");
    if (colon >= 0 && colon < userinfo.length - 1 && at < authority.length - 1) {
      return { kind: "userinfo", detail: "password in URL userinfo" };
    }
  }
  const q = url.slice(authEnd).search(/[?#]/);
  if (q < 0) return null;
  for (const pair of url.slice(authEnd + q + 1).split(/[&;#?]/)) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).toLowerCase().replace(/-/g, "_");
    const value = pair.slice(eq + 1);
    if (!SECRET_PARAMS.has(name) || value.length < 4) continue;
    if (WEAK_PARAMS.has(name) && !looksRandom(value)) continue;
    const detail = `secret query parameter: ${pair.slice(0, eq)}`;
    return isPlaceholder(value) ? { kind: "param", detail, placeholder: true } : { kind: "param", detail };
  }
  return null;
}

/**
 * Cuts a matched URL where prose or markup takes over: an unbalanced ")" or "]" (Markdown
 * "[text](url)"), then trailing sentence punctuation.
 */
export function trimUrl(raw: string): string {
  let paren = 0;
  let bracket = 0;
  let end = raw.length;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "(") paren++;
    else if (c === "[") bracket++;
    else if (c === ")") {
      if (paren === 0) {
        end = i;
        break;
      }
      paren--;
    } else if (c === "]") {
      if (bracket === 0) {
        end = i;
        break;
      }
      bracket--;
    }
  }
  return raw.slice(0, end).replace(/[.,;:!?]+$/, "");
}

export const urlCredentialsRecognizer: Recognizer = {
  name: "url_credentials",
  entities: ["URL_CREDENTIALS"],
  patterns: [URL_RE],
  analyze(text) {
    const out: PiiFinding[] = [];
    for (const m of text.matchAll(URL_RE)) {
      const url = trimUrl(m[0]);
      const cred = urlCredential(url);
      if (!cred) continue;
      const score = cred.kind === "userinfo" ? 0.95 : cred.placeholder ? 0.3 : 0.85;
      const reasons = cred.placeholder ? [cred.detail, "placeholder value"] : [cred.detail];
      out.push(makeFinding("URL_CREDENTIALS", text, m.index, m.index + url.length, score, "url_credentials", reasons));
    }
    return out;
  },
};

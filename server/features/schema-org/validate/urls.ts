/** URL classification for URL-ranged properties: absolute (fine), relative (warning), invalid. */

export type UrlKind = "absolute" | "relative" | "invalid";

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// Whitespace, angle brackets, quotes and backslashes never occur in a well-formed URL reference.
// Braces are allowed: URL templates (`https://example.org/search?q={query}`) are common values.
const FORBIDDEN = /[\s<>"\\]/;

export function classifyUrl(value: string): UrlKind {
  if (value.length === 0 || FORBIDDEN.test(value)) return "invalid";
  if (SCHEME.test(value)) {
    // Hierarchical web URLs must also parse (host present, valid port, ...).
    if (/^https?:/i.test(value)) return URL.canParse(value) ? "absolute" : "invalid";
    return "absolute";
  }
  return "relative";
}

export function isAbsoluteUrl(value: string): boolean {
  return classifyUrl(value) === "absolute";
}

/** Only same-site relative paths, so a callback parameter cannot become an open redirect. */
export function safeRedirectPath(v: unknown, fallback = "/drafts"): string {
  return typeof v === "string" && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : fallback;
}

import { ApiError } from "@/lib/query/client";

/** Field messages keyed by the dotted path ("name", "expectations.0.pattern"): the first message per path. */
export type FieldErrors = Record<string, string>;

type Issue = { path: string | readonly PropertyKey[]; message: string };

export function issuesByPath(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const key = typeof i.path === "string" ? i.path : i.path.map(String).join(".");
    out[key] ??= i.message;
  }
  return out;
}

/**
 * The field issues of an API error: a 422's `details.issues` (string paths), or a conflict's
 * `details` list (path arrays, e.g. a taken set name). Empty for any other error.
 */
export function apiFieldErrors(e: unknown): FieldErrors {
  if (!(e instanceof ApiError) || (e.status !== 422 && e.status !== 409)) return {};
  const d = e.details as { issues?: unknown } | unknown[] | undefined;
  const list = Array.isArray(d) ? d : Array.isArray(d?.issues) ? d.issues : [];
  return issuesByPath(
    (list as Issue[]).filter(
      (i) => (typeof i?.path === "string" || Array.isArray(i?.path)) && typeof i?.message === "string",
    ),
  );
}

/** Someone saved in between (409 `conflict:stale` on a versioned write). */
export function isStale(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409 && e.code === "conflict:stale";
}

/** Errors for one field and everything under it ("expectations" also matches "expectations.0.text"). */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    if (k === prefix) out[""] = v;
    else if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  }
  return out;
}

/** Focuses the first element (in document order) among the ids that exist, after the render. */
export function focusFirst(ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id);
      if (el) {
        el.focus();
        return;
      }
    }
  });
}

/** Field errors for the drafts and campaigns forms: the first message per field, and focus on the first field at fault. */

type Issue = { path: string | readonly PropertyKey[]; message: string };

/** The first message per top-level field, from zod issues (path arrays) or a 422's `details.issues` ("tags.0"). */
export function errorsByField<F extends string>(
  fields: readonly F[],
  issues: readonly Issue[],
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const i of issues) {
    const key = String(typeof i.path === "string" ? i.path.split(".")[0] : i.path[0]) as F;
    if (fields.includes(key)) out[key] ??= i.message;
  }
  return out;
}

/** The issues of a 422 answer (`error.details.issues`); none for any other error. */
export function detailIssues(details: unknown): Issue[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues)
    ? (issues as Issue[]).filter((i) => typeof i?.path === "string" && typeof i?.message === "string")
    : [];
}

/** Focuses the first field (in form order) that has an error, after the render; false when none has. */
export function focusFirstError<F extends string>(
  fields: readonly F[],
  errors: Partial<Record<F, string>>,
  idOf: (f: F) => string,
): boolean {
  const first = fields.find((f) => errors[f]);
  if (first) requestAnimationFrame(() => document.getElementById(idOf(first))?.focus());
  return Boolean(first);
}

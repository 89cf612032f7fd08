/**
 * The custom-headers editor's rows ↔ the `headers` record of an endpoint. Rows keep their own ids so
 * React keeps focus on the right input while rows are added and removed.
 */

export type HeaderRow = { key: string; name: string; value: string };

let seq = 0;
export function newHeaderRow(name = "", value = ""): HeaderRow {
  seq += 1;
  return { key: `h${seq}`, name, value };
}

export function rowsFromHeaders(headers: Record<string, string>): HeaderRow[] {
  return Object.entries(headers).map(([name, value]) => newHeaderRow(name, value));
}

export type HeaderRowsResult = {
  headers: Record<string, string>;
  /** Problems per row key that the schema cannot see (a value without a name, a name twice). */
  rowErrors: Record<string, string>;
};

/** Rows to the record the API takes; blank rows are ignored. */
export function headersFromRows(rows: readonly HeaderRow[]): HeaderRowsResult {
  const headers: Record<string, string> = {};
  const rowErrors: Record<string, string> = {};
  const seen = new Set<string>();
  for (const r of rows) {
    const name = r.name.trim();
    if (!name && !r.value.trim()) continue;
    if (!name) {
      rowErrors[r.key] = "Enter the header's name, or remove the row";
      continue;
    }
    const lower = name.toLowerCase();
    if (seen.has(lower)) {
      rowErrors[r.key] = `“${name}” is already set above; header names are case-insensitive`;
      continue;
    }
    seen.add(lower);
    headers[name] = r.value;
  }
  return { headers, rowErrors };
}

/**
 * Puts schema or server issues about `headers` on the row they are about (`headers.X-Api-Key`);
 * issues about the whole record (too many, reserved names) come back as `general`.
 */
export function headerIssuesByRow(
  rows: readonly HeaderRow[],
  issues: readonly { path: string; message: string }[],
): { byRow: Record<string, string>; general: string | undefined } {
  const byRow: Record<string, string> = {};
  let general: string | undefined;
  for (const i of issues) {
    if (i.path !== "headers" && !i.path.startsWith("headers.")) continue;
    const name = i.path.slice("headers.".length);
    const row = name ? rows.find((r) => r.name.trim() === name) : undefined;
    if (row) byRow[row.key] ??= i.message;
    else general ??= i.message;
  }
  return { byRow, general };
}

/**
 * Spreadsheet formula injection (CSV injection): a cell starting with `=`, `+`, `-`, `@`, tab or
 * carriage return may run as a formula when the file is opened in Excel, Sheets or LibreOffice.
 * Prefixing a `'` makes the spreadsheet treat it as text. (OWASP "CSV Injection".)
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

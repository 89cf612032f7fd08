/** Fixtures shared by the channel tests (not used at runtime). */
import type { ChannelCtx } from "./types";

export const CTX: ChannelCtx = {
  brief: "Promote the Northwind Flask to commuters; highlight the lifetime warranty.",
  workspaceName: "Northwind Outfitters",
  siteUrl: "https://www.northwind.example",
  postalAddress: "Northwind Outfitters Ltd\n12 Harbour Road\nBristol BS1 4RN, United Kingdom",
  senderName: "Northwind",
  unsubscribeUrl: "https://www.northwind.example/unsubscribe?t={{token}}&list=news",
};

export function ctx(overrides: Partial<ChannelCtx> = {}): ChannelCtx {
  return { ...CTX, ...overrides };
}

/** `n` characters of ASCII. */
export function ascii(n: number, ch = "a"): string {
  return ch.repeat(n);
}

/** Codes of the issues at one level. */
export function codes(issues: ReadonlyArray<{ level: string; code: string }>, level?: "error" | "warning"): string[] {
  return issues.filter((i) => !level || i.level === level).map((i) => i.code);
}

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF records) for checking CSV output. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < csv.length) {
    const ch = csv[i] as string;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      if (field !== "") throw new Error(`stray quote at ${i}`);
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r" && csv[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (ch === "\r" || ch === "\n") {
      throw new Error(`unquoted line break at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quote");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvRecords(csv: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(csv);
  for (const r of rows)
    if (r.length !== header.length) throw new Error(`row has ${r.length} cells, header ${header.length}`);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

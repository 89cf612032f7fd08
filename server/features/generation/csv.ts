/**
 * Reads a batch CSV: UTF-8 (with or without BOM) or UTF-16 with a BOM; the first row is the
 * header; quoted fields may hold commas and newlines. Rows with the wrong number of cells are
 * kept with a problem (they fail on their own; the rest of the batch runs). Bounded by
 * BATCH_MAX_ROWS: a larger file is refused with the limit in the message.
 */
import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";

export type CsvRow = { index: number; line: number; data: Record<string, string>; problem: string | null };
export type ParsedCsv = { columns: string[]; rows: CsvRow[] };

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new AppError(
      "validation:csv_encoding",
      "The CSV is not UTF-8 text. Save it as “CSV UTF-8” (Excel) or UTF-8 (other tools) and upload it again.",
    );
  }
}

export function parseCsv(bytes: Uint8Array, opts: { maxRows: number }): ParsedCsv {
  const text = decode(bytes);
  if (!text.trim()) throw new AppError("validation:csv_empty", "The CSV is empty.");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      to: opts.maxRows + 2,
      delimiter: [",", ";", "\t"].find((d) => text.split("\n", 1)[0]!.includes(d)) ?? ",",
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    throw new AppError("validation:csv", `The CSV could not be read: ${(e as Error).message}`);
  }
  const header = records.shift()?.record.map((c) => c.trim()) ?? [];
  if (!header.length || header.every((c) => !c))
    throw new AppError("validation:csv_header", "The CSV has no header row.");
  const seen = new Set<string>();
  for (const [i, c] of header.entries()) {
    if (!c) throw new AppError("validation:csv_header", `Column ${i + 1} of the header row has no name.`);
    if (seen.has(c)) throw new AppError("validation:csv_header", `The header names the column “${c}” twice.`);
    seen.add(c);
  }
  if (records.length > opts.maxRows)
    throw new AppError(
      "payload_too_large:csv_rows",
      `The CSV has more than ${opts.maxRows.toLocaleString("en")} rows, the most a batch accepts (BATCH_MAX_ROWS). Split it into several files.`,
    );
  if (!records.length) throw new AppError("validation:csv_empty", "The CSV has a header but no rows.");
  const rows = records.map(({ record, info }, index): CsvRow => {
    const data: Record<string, string> = {};
    header.forEach((c, i) => (data[c] = (record[i] ?? "").trim()));
    const problem =
      record.length === header.length
        ? null
        : `has ${record.length} ${record.length === 1 ? "cell" : "cells"}, the header has ${header.length}`;
    return { index, line: info.lines, data, problem };
  });
  return { columns: header, rows };
}

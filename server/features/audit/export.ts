/** The audit trail as CSV: streamed page by page, so a long trail never sits in memory. */
import { stringify } from "csv-stringify/sync";
import type { AuditFilters } from "@/lib/schemas/audit";
import type { Tx } from "@/server/context";
import type { Keyset } from "@/server/db/keyset";
import { safeCell } from "@/server/features/generation/channels/csv-safe";
import { exportPage, workspaceSlug } from "./repository";

export const AUDIT_CSV_COLUMNS = [
  "time",
  "seq",
  "actor_type",
  "actor",
  "action",
  "entity_type",
  "entity_id",
  "before_json",
  "after_json",
  "request_id",
  "hash",
] as const;

const PAGE = 500;

type Row = Awaited<ReturnType<typeof exportPage>>[number];

function json(v: unknown): string {
  return v === null || v === undefined ? "" : JSON.stringify(v);
}

/**
 * One CSV record per event. Every cell goes through `safeCell`, so a value an
 * actor controls (a draft title in `after`, an API key's name) cannot run as a
 * spreadsheet formula; csv-stringify quotes commas, quotes and line breaks.
 */
export function auditCsvRecords(rows: Row[], withHeader: boolean): string {
  const records = rows.map((e) =>
    [
      e.createdAt.toISOString(),
      e.seq ?? "",
      e.actorType,
      e.actorLabel ?? e.actorId ?? "",
      e.action,
      e.entityType,
      e.entityId ?? "",
      json(e.before),
      json(e.after),
      e.requestId ?? "",
      e.hash ?? "",
    ].map(safeCell),
  );
  return stringify(withHeader ? [[...AUDIT_CSV_COLUMNS], ...records] : records, {
    record_delimiter: "\r\n",
    // With CRLF records csv-stringify only quotes fields containing the full CRLF; quote lone CR/LF too.
    quoted_match: /[\r\n]/,
  });
}

export function auditCsvStream(db: Tx, workspaceId: string, filters: AuditFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Keyset | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    // pull: the next page is read only when the client has taken the previous one.
    async pull(controller) {
      const rows = await exportPage(db, workspaceId, filters, cursor, PAGE);
      const text = auditCsvRecords(rows, !started);
      started = true;
      if (text) controller.enqueue(encoder.encode(text));
      if (rows.length < PAGE) controller.close();
      else cursor = rows[rows.length - 1]!;
    },
  });
}

export async function auditCsvResponse(db: Tx, workspaceId: string, filters: AuditFilters): Promise<Response> {
  const slug = (await workspaceSlug(db, workspaceId)) ?? "workspace";
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  const filename = `audit-${slug}-${stamp}.csv`.replace(/[^\w.-]/g, "_");
  return new Response(auditCsvStream(db, workspaceId, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

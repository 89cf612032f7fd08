"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AuditEventOut } from "@/lib/schemas/audit";
import { changeLine, changes, humanize } from "./audit-format";

const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
const COLUMNS = 5;
const SHOWN_CHANGES = 4;

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || ["string", "number", "boolean"].includes(typeof v);
}

/**
 * A JSON value as a readable definition list: lists of ids (rule ids, chunk ids)
 * as chips, nested objects indented. Whatever a feature records shows up
 * without the page knowing its shape.
 */
function ValueView({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-muted-foreground">—</span>;
  if (isScalar(value)) return <span className="break-words">{String(value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-muted-foreground">none</span>;
    if (value.every(isScalar))
      return (
        <ul className="flex flex-wrap gap-1">
          {value.map((x, i) => (
            <li key={i}>
              <code className="bg-muted rounded px-1.5 py-0.5 text-xs break-all">{String(x)}</code>
            </li>
          ))}
        </ul>
      );
    return (
      <ol className="space-y-2">
        {value.map((x, i) => (
          <li key={i} className="border-border border-l-2 pl-2">
            <ValueView value={x} />
          </li>
        ))}
      </ol>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return <span className="text-muted-foreground">empty</span>;
  return (
    <dl className="grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-3 gap-y-1">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted-foreground" title={k}>
            {humanize(k)}
          </dt>
          <dd className="min-w-0">
            <ValueView value={v} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Details({ e }: { e: AuditEventOut }) {
  return (
    <div className="space-y-4 text-xs">
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-label="Before" className="min-w-0 space-y-1">
          <h4 className="text-muted-foreground font-medium uppercase">Before</h4>
          <ValueView value={e.before} />
        </section>
        <section aria-label="After" className="min-w-0 space-y-1">
          <h4 className="text-muted-foreground font-medium uppercase">After</h4>
          <ValueView value={e.after} />
        </section>
      </div>
      <dl className="text-muted-foreground grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        <dt>Request id</dt>
        <dd className="font-mono break-all">{e.requestId ?? "—"}</dd>
        <dt>Chain position</dt>
        <dd>{e.seq === null ? "Recorded before the hash chain existed" : `#${e.seq}`}</dd>
        {e.hash ? (
          <>
            <dt>Hash</dt>
            <dd className="font-mono break-all">{e.hash}</dd>
          </>
        ) : null}
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        {(["before", "after"] as const).map((side) => (
          <div key={side} className="min-w-0 space-y-1">
            <h4 className="text-muted-foreground font-medium uppercase">{side} (JSON)</h4>
            <pre className="bg-muted max-h-72 overflow-auto rounded-md p-2 font-mono text-[11px] leading-4">
              {JSON.stringify(e[side], null, 2)}
            </pre>
          </div>
        ))}
      </div>
    </div>
  );
}

/** One event: who, when, what, on which entity, what changed; "Details" opens everything it recorded. */
export function AuditEventRow({ e }: { e: AuditEventOut }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const diff = changes(e.before, e.after);
  const shown = diff.slice(0, SHOWN_CHANGES);
  return (
    <>
      <tr>
        <td className="py-2 pr-4 whitespace-nowrap">
          <time dateTime={e.createdAt} className="text-muted-foreground block">
            {dateTimeFmt.format(new Date(e.createdAt))}
          </time>
          <span className="text-muted-foreground/80 text-xs">{e.seq === null ? "before the chain" : `#${e.seq}`}</span>
        </td>
        <td className="min-w-40 py-2 pr-4 [overflow-wrap:anywhere]">
          <div>{e.actor.label ?? e.actor.id ?? "—"}</div>
          <div className="text-muted-foreground text-xs">{e.actor.type.replace("_", " ")}</div>
        </td>
        <td className="py-2 pr-4">
          <Badge>{e.action}</Badge>
        </td>
        <td className="min-w-52 py-2 pr-4 text-xs [overflow-wrap:anywhere]">
          <div className="text-muted-foreground">{e.entityType}</div>
          {e.entityId ? (
            e.entityType === "draft" ? (
              <Link
                href={`/drafts/${encodeURIComponent(e.entityId)}`}
                className="text-primary font-mono underline-offset-2 hover:underline"
              >
                {e.entityId}
              </Link>
            ) : (
              <span className="font-mono">{e.entityId}</span>
            )
          ) : null}
        </td>
        <td className="max-w-96 min-w-60 py-2 text-xs [overflow-wrap:anywhere]">
          {shown.length ? (
            <ul className="space-y-0.5">
              {shown.map((c) => (
                <li key={c.key} className={c.same ? "text-muted-foreground" : undefined}>
                  {changeLine(c)}
                </li>
              ))}
              {diff.length > shown.length ? (
                <li className="text-muted-foreground">and {diff.length - shown.length} more</li>
              ) : null}
            </ul>
          ) : (
            <span className="text-muted-foreground">No data recorded</span>
          )}
          <Button
            variant="ghost"
            size="sm"
            className="-ml-3 h-7"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            onClick={() => setOpen(!open)}
          >
            {open ? <ChevronDown aria-hidden="true" /> : <ChevronRight aria-hidden="true" />}
            {open ? "Hide details" : "Details"}
            <span className="sr-only"> of {e.action}</span>
          </Button>
        </td>
      </tr>
      {open ? (
        <tr id={detailsId} className="bg-muted/30">
          <td colSpan={COLUMNS} className="px-3 py-3">
            <Details e={e} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

export const AUDIT_COLUMNS = ["When", "Who", "Action", "Entity", "What changed"];

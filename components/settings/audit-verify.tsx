"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import type { AuditVerifyResult } from "@/lib/schemas/audit";

const timeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** The answer of "Verify chain": intact, or which events were edited, deleted or reordered. */
export function AuditVerifyOutcome({ verify }: { verify: UseMutationResult<AuditVerifyResult, Error, void> }) {
  if (verify.isIdle) return null;
  if (verify.isPending)
    return (
      <p role="status" className="text-muted-foreground text-sm">
        Recomputing every hash in the chain…
      </p>
    );
  if (verify.isError) return <Alert tone="danger">{verify.error.message}</Alert>;
  const r = verify.data;
  const chain = r.chains[0];
  const events = chain?.events ?? 0;
  const before =
    r.unchained > 0
      ? ` ${r.unchained} older event${r.unchained === 1 ? " was" : "s were"} recorded before the hash chain existed and cannot be verified.`
      : "";
  if (r.ok)
    return (
      <Alert tone="success" title="Chain intact">
        {events} event{events === 1 ? "" : "s"} verified: none was edited, deleted or reordered (checked{" "}
        {timeFmt.format(new Date(r.checkedAt))}).{before}
        {chain && chain.unchainedAfterStart > 0
          ? ` ${chain.unchainedAfterStart} event${chain.unchainedAfterStart === 1 ? " has" : "s have"} no hash although recorded after the chain started (an older Lectern during an upgrade, or rows written outside Lectern).`
          : ""}
      </Alert>
    );
  return (
    <Alert
      tone="danger"
      title={`Tampering found from event #${chain?.firstBadSeq ?? "?"}: ${chain?.problemCount ?? 0} problem${chain?.problemCount === 1 ? "" : "s"}`}
    >
      <ul className="mt-1 list-disc space-y-0.5 pl-4">
        {(chain?.problems ?? []).map((p, i) => (
          <li key={i}>
            {p.seq !== null ? <span className="font-medium">#{p.seq} </span> : null}
            <span className="text-muted-foreground font-mono text-xs">{p.kind}</span> {p.message}
          </li>
        ))}
      </ul>
      {chain && chain.problemCount > chain.problems.length ? (
        <p className="mt-1">…and {chain.problemCount - chain.problems.length} more.</p>
      ) : null}
      <p className="mt-1">
        {events} events checked.{before}
      </p>
    </Alert>
  );
}

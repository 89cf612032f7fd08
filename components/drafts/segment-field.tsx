"use client";

import { useQuery } from "@tanstack/react-query";
import { Select } from "@/components/ui/select";
import { Field } from "@/components/inference/fields";
import { api, queryKeys } from "@/lib/query/client";
import type { SegmentOut } from "@/lib/schemas/drafts";

/** Emails only: the audience segment; segments without consent or over their weekly cap are disabled, with why. */
export function SegmentField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const segments = useQuery({
    queryKey: queryKeys.segments,
    queryFn: () => api<{ items: SegmentOut[] }>("/api/segments"),
    select: (d) => d.items,
  });
  const items = segments.data ?? [];
  const blocked = items.filter((s) => s.blockedReason);
  return (
    <Field
      id={id}
      label="Audience segment"
      optional
      error={error}
      hint={
        segments.isError ? (
          `Segments could not be loaded: ${segments.error.message}`
        ) : segments.isSuccess && items.length === 0 ? (
          "No audience segments yet; an admin adds them. The email can still be drafted without one."
        ) : blocked.length ? (
          <span className="block space-y-1" data-testid="segment-blocked">
            {blocked.map((s) => (
              <span key={s.id} className="block">
                {s.blockedReason}
              </span>
            ))}
          </span>
        ) : (
          "Consent and the weekly email cap are checked for the segment you pick."
        )
      }
    >
      {(a) => (
        <Select {...a} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{segments.isPending ? "Loading segments…" : "No segment"}</option>
          {items.map((s) => (
            <option key={s.id} value={s.id} disabled={Boolean(s.blockedReason)}>
              {s.name}
              {s.blockedReason
                ? " (blocked)"
                : s.weeklyCap !== null
                  ? ` (${s.sentThisWeek}/${s.weeklyCap} this week)`
                  : ""}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

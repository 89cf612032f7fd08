"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { AuditFacets } from "@/lib/schemas/audit";
import { hasAuditFilters, type AuditFilterValues } from "./audit-format";

/** The audit trail's filters (controlled; the panel applies them and keeps them in the URL). */
export function AuditFilters({
  value,
  facets,
  onChange,
  onSubmit,
  onClear,
}: {
  value: AuditFilterValues;
  facets: AuditFacets | undefined;
  onChange: (next: AuditFilterValues) => void;
  onSubmit: () => void;
  onClear: () => void;
}) {
  const id = useId();
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  const entityTypes = facets?.entityTypes ?? [];
  // A type from the URL that is not (or not yet) in the list still shows as selected.
  const unknownType = value.entityType && !entityTypes.includes(value.entityType);
  return (
    <form
      role="search"
      aria-label="Filter audit events"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="space-y-2">
        <Label htmlFor={`${id}-action`}>Action</Label>
        <Input
          id={`${id}-action`}
          list={`${id}-actions`}
          value={value.action}
          onChange={(e) => set({ action: e.target.value })}
          placeholder="e.g. draft.approved or draft.*"
          maxLength={100}
          autoComplete="off"
        />
        <datalist id={`${id}-actions`}>
          {(facets?.actions ?? []).map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </div>
      <div className="space-y-2">
        <Label htmlFor={`${id}-type`}>Entity type</Label>
        <Select id={`${id}-type`} value={value.entityType} onChange={(e) => set({ entityType: e.target.value })}>
          <option value="">All entity types</option>
          {unknownType ? <option value={value.entityType}>{value.entityType}</option> : null}
          {entityTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-2">
        <Label htmlFor={`${id}-entity`}>Entity id</Label>
        <Input
          id={`${id}-entity`}
          value={value.entityId}
          onChange={(e) => set({ entityId: e.target.value })}
          placeholder="e.g. a draft id"
          maxLength={200}
          autoComplete="off"
        />
      </div>
      <div className="space-y-2">
        <Label htmlFor={`${id}-actor`}>Actor</Label>
        <Input
          id={`${id}-actor`}
          value={value.actor}
          onChange={(e) => set({ actor: e.target.value })}
          placeholder="Email, API key name or id"
          maxLength={320}
          autoComplete="off"
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div className="space-y-2">
          <Label htmlFor={`${id}-from`}>From</Label>
          <Input
            id={`${id}-from`}
            type="date"
            value={value.from}
            max={value.to || undefined}
            onChange={(e) => set({ from: e.target.value })}
          />
        </div>
        <div className="space-y-2">
          <Label htmlFor={`${id}-to`}>To</Label>
          <Input
            id={`${id}-to`}
            type="date"
            value={value.to}
            min={value.from || undefined}
            onChange={(e) => set({ to: e.target.value })}
          />
        </div>
      </div>
      <div className="flex items-end">
        <Button variant="ghost" onClick={onClear} disabled={!hasAuditFilters(value)}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}

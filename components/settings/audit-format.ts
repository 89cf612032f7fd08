/** Pure helpers of the audit page: filters ↔ URL/API query, and readable before/after summaries. */

/** The filters as the page's URL keeps them: `from`/`to` are days in the viewer's time zone, both inclusive. */
export type AuditFilterValues = {
  action: string;
  entityType: string;
  entityId: string;
  actor: string;
  from: string;
  to: string;
};

export const NO_AUDIT_FILTERS: AuditFilterValues = {
  action: "",
  entityType: "",
  entityId: "",
  actor: "",
  from: "",
  to: "",
};

export function hasAuditFilters(f: AuditFilterValues): boolean {
  return Object.values(f).some(Boolean);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a `YYYY-MM-DD` day, `days` later, as an ISO instant (null when not a day). */
export function localDayStart(day: string, days = 0): string | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The page URL's query (`?action=…&from=2026-03-01`), empty values left out. */
export function pageQueryString(f: AuditFilterValues): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v.trim()) p.set(k, v.trim());
  const s = p.toString();
  return s ? `?${s}` : "";
}

/**
 * The API's query: the same filters, with the local days turned into instants
 * (`to` is exclusive there, so the day after the chosen end day).
 */
export function apiQueryString(f: AuditFilterValues, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const k of ["action", "entityType", "entityId", "actor"] as const) if (f[k].trim()) p.set(k, f[k].trim());
  const from = localDayStart(f.from);
  const to = localDayStart(f.to, 1);
  if (from) p.set("from", from);
  if (to) p.set("to", to);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** `ruleIds` → "Rule ids", `model_route` → "Model route". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A value as one short line: lists joined with ", ", objects as `key: value`, cut at `max` characters. */
export function brief(v: unknown, max = 80): string {
  const text = (() => {
    if (v === null || v === undefined) return "—";
    if (Array.isArray(v)) return v.length ? v.map((x) => brief(x, max)).join(", ") : "none";
    if (isRecord(v))
      return Object.entries(v)
        .map(([k, x]) => `${k}: ${isRecord(x) ? `(${brief(x, max)})` : brief(x, max)}`)
        .join(", ");
    return String(v);
  })();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One line of "what changed": a key with its old and/or new value (`same`: unchanged, shown for context). */
export type Change = { key: string; before?: string; after?: string; same?: boolean };

/**
 * What changed between `before` and `after`, key by key: changed keys first,
 * then the unchanged ones (they often say what the event is about, like the
 * member's email in a role change). Either side may be missing (a creation has
 * only `after`).
 */
export function changes(before: unknown, after: unknown): Change[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    const changed = keys
      .filter((k) => !same(before[k], after[k]))
      .map((k) => ({
        key: k,
        ...(k in before ? { before: brief(before[k]) } : {}),
        ...(k in after ? { after: brief(after[k]) } : {}),
      }));
    const kept = keys
      .filter((k) => same(before[k], after[k]))
      .map((k) => ({ key: k, after: brief(after[k]), same: true }));
    return [...changed, ...kept];
  }
  if (isRecord(after) && (before === null || before === undefined))
    return Object.entries(after).map(([k, v]) => ({ key: k, after: brief(v) }));
  if (isRecord(before) && (after === null || after === undefined))
    return Object.entries(before).map(([k, v]) => ({ key: k, before: brief(v) }));
  if ((before === null || before === undefined) && (after === null || after === undefined)) return [];
  return [
    {
      key: "value",
      ...(before !== null && before !== undefined ? { before: brief(before) } : {}),
      ...(after !== null && after !== undefined ? { after: brief(after) } : {}),
    },
  ];
}

/** `role: marketer → editor`, `status: approved` (added), `name: Old → removed`. */
export function changeLine(c: Change): string {
  if (c.same) return `${c.key}: ${c.after}`;
  if (c.before !== undefined && c.after !== undefined) return `${c.key}: ${c.before} → ${c.after}`;
  if (c.after !== undefined) return `${c.key}: ${c.after}`;
  return `${c.key}: ${c.before} → removed`;
}

/** Small helpers shared by the channel modules. */
import type { ChannelIssue } from "@/lib/schemas/drafts";
import type { ContentField } from "./types";

export function issue(field: string, level: ChannelIssue["level"], code: string, message: string): ChannelIssue {
  return { field, level, code, message };
}

/** Trims and collapses every whitespace run (including newlines) to one space: single-line fields. */
export function oneLine(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** Keeps the first of each value (compared case-insensitively after collapsing whitespace); drops empty ones. */
export function uniqueNonEmpty(
  values: readonly string[],
  key: (v: string) => string = (v) => v.toLowerCase(),
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (!v) continue;
    const k = key(v);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

/** True for an absolute http(s) URL with a host. */
export function isAbsoluteHttpUrl(value: string, protocols: readonly string[] = ["http:", "https:"]): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) || /\s/.test(value.trim())) return false;
  try {
    const url = new URL(value.trim());
    return protocols.includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The site URL without trailing slashes, or null when unset/blank. */
export function siteBase(siteUrl: string | null | undefined): string | null {
  const base = (siteUrl ?? "").trim().replace(/\/+$/, "");
  return base || null;
}

/**
 * A field slot: where a text lives in the content and how to put a replacement back.
 * fields() and withFields() are both derived from one list, so their order always matches.
 */
export type Slot<C> = { path: string; label: string; text: string; set: (draft: C, text: string) => void };

export function slotFields<C>(slots: readonly Slot<C>[]): ContentField[] {
  return slots.map(({ path, label, text }) => ({ path, label, text }));
}

/** Applies `texts` to a deep copy of `content` through its slots; throws when the count differs. */
export function applySlots<C>(content: C, slots: (c: C) => Slot<C>[], texts: readonly string[]): C {
  const draft = structuredClone(content);
  const list = slots(draft);
  if (texts.length !== list.length) {
    throw new Error(`withFields: expected ${list.length} texts, got ${texts.length}`);
  }
  list.forEach((slot, i) => slot.set(draft, texts[i] ?? ""));
  return draft;
}

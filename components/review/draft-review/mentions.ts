/**
 * @mentions in a comment. The server resolves them (`DraftComment.mentions`, in order of first
 * mention) from `@ada@northwind.test`, `@ada` (e-mail local part or first name) or `@AdaAdmin`
 * (full name without spaces). The body stays the plain text the author typed; the UI finds the
 * same `@…` tokens and marks those that name a resolved person. Nothing here is ever HTML.
 */
import { MENTION_PATTERN } from "@/lib/mentions";
import type { Person } from "@/lib/schemas/review";

export type BodyPart = { text: string; mention: Person | null };

function nameHandles(p: Person): string[] {
  const name = p.name.toLowerCase();
  return [name.replace(/\s+/g, ""), name.split(/\s+/)[0]!].filter(Boolean);
}

export function splitMentions(body: string, mentions: Person[]): BodyPart[] {
  if (!mentions.length) return [{ text: body, mention: null }];
  const tokens = [...body.matchAll(MENTION_PATTERN)].map((m) => {
    const handle = m[1]!.replace(/[.,;:!?]+$/, "");
    return { start: m.index, text: `@${handle}`, handle: handle.toLowerCase() };
  });
  // By name first; tokens the client cannot read (e-mails, e-mail local parts) take the resolved
  // people no name accounted for, in the order the server listed them.
  const byName = tokens.map((t) => mentions.find((p) => nameHandles(p).includes(t.handle)) ?? null);
  const named = new Set(byName.filter(Boolean).map((p) => p!.id));
  const rest = mentions.filter((p) => !named.has(p.id));
  const seen = new Map<string, Person>();
  const who = tokens.map((t, i) => {
    if (byName[i]) return byName[i];
    const known = seen.get(t.handle);
    if (known) return known;
    const next = rest.shift() ?? null;
    if (next) seen.set(t.handle, next);
    return next;
  });

  const parts: BodyPart[] = [];
  let last = 0;
  tokens.forEach((t, i) => {
    const person = who[i];
    if (!person) return;
    if (t.start > last) parts.push({ text: body.slice(last, t.start), mention: null });
    parts.push({ text: t.text, mention: person });
    last = t.start + t.text.length;
  });
  if (last < body.length) parts.push({ text: body.slice(last), mention: null });
  return parts;
}

/** The handle a suggestion inserts: the full name without spaces, which the server resolves uniquely. */
export function mentionHandle(p: Person): string {
  return `@${p.name.replace(/\s+/g, "")}`;
}

/** The `@word` being typed just before the caret, for suggestions; null when the caret is not in one. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const m = /(?:^|\s)@([\p{L}\p{N}._-]*)$/u.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - m[1]!.length - 1, query: m[1]! };
}

/** People whose name (or a word of it) starts with the query. */
export function suggestPeople<P extends Person>(people: P[], query: string, limit = 5): P[] {
  const q = query.trim().toLowerCase();
  return people
    .filter((p) => {
      const name = p.name.toLowerCase();
      return (
        !q ||
        name.startsWith(q) ||
        name.replace(/\s+/g, "").startsWith(q) ||
        name.split(/\s+/).some((w) => w.startsWith(q))
      );
    })
    .slice(0, limit);
}

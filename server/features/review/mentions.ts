/**
 * `@mentions` in a comment: `@ada@northwind.test` (an email), `@ada` (the email's local part or
 * the first name) or `@AdaAdmin` (the full name without spaces), case-insensitive. Only
 * workspace members can be mentioned; anything else stays plain text.
 */
import { MENTION_PATTERN } from "@/lib/mentions";

export type Mentionable = { id: string; name: string; email: string };

function handles(p: Mentionable): string[] {
  const email = p.email.toLowerCase();
  const name = p.name.toLowerCase();
  return [email, email.split("@")[0]!, name.replace(/\s+/g, ""), name.split(/\s+/)[0]!].filter(Boolean);
}

/** The members a comment mentions, in order of first mention, each once. */
export function findMentions(body: string, people: Mentionable[]): Mentionable[] {
  const out: Mentionable[] = [];
  for (const m of body.matchAll(MENTION_PATTERN)) {
    const token = m[1]!.toLowerCase().replace(/[.,;:!?]+$/, "");
    const hit = people.find((p) => p.email.toLowerCase() === token) ?? people.find((p) => handles(p).includes(token));
    if (hit && !out.some((o) => o.id === hit.id)) out.push(hit);
  }
  return out;
}

import { slugify } from "@/lib/slug";
import { TEMPLATE_VAR } from "@/lib/schemas/batches";

/** A piece of a rendered template: literal text, or a variable with the value the row gives it. */
export type TemplatePart =
  { kind: "text"; text: string } | { kind: "value"; variable: string; column: string | null; value: string };

/** The template split into text and variables, each variable filled from `row` through `mapping`. */
export function renderParts(
  template: string,
  mapping: Record<string, string>,
  row: Record<string, string>,
): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(TEMPLATE_VAR)) {
    if (m.index > last) parts.push({ kind: "text", text: template.slice(last, m.index) });
    const variable = m[1]!;
    const column = mapping[variable] || null;
    parts.push({ kind: "value", variable, column, value: column ? (row[column] ?? "").trim() : "" });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ kind: "text", text: template.slice(last) });
  return parts;
}

export function partsText(parts: TemplatePart[]): string {
  return parts.map((p) => (p.kind === "text" ? p.text : p.value)).join("");
}

/** What keeps a row from becoming a page: unmapped variables and empty cells (as the server words it). */
export function partsProblems(parts: TemplatePart[]): { unmapped: string[]; empty: string[] } {
  const unmapped = new Set<string>();
  const empty = new Set<string>();
  for (const p of parts) {
    if (p.kind !== "value") continue;
    if (!p.column) unmapped.add(p.variable);
    else if (!p.value) empty.add(p.column);
  }
  return { unmapped: [...unmapped], empty: [...empty] };
}

/** The slug the server makes of a rendered slug pattern (the same function). */
export const previewSlug = (text: string): string => slugify(text);

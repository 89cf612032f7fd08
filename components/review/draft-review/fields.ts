/**
 * The editable text fields of a draft, per format, as one flat list of paths (`headlines[2].text`,
 * `sections[0].body`) — the same paths the server uses for alerts, channel issues and flags. The
 * editor, the diffs and the "someone changed this" view all work on this list, so a field is
 * labelled the same way everywhere and fields nobody edits are carried over untouched.
 */
import type { DraftContent } from "@/lib/schemas/drafts";

export type EditableField = {
  path: string;
  label: string;
  /** The heading the field is listed under in the editor. */
  group: string;
  text: string;
  multiline: boolean;
  /** Ads count display width (double-width characters count two); other channels count code points. */
  count: "display" | "chars";
};

type Spec = Omit<EditableField, "text">;

function specs(c: DraftContent): Spec[] {
  switch (c.format) {
    case "google_rsa":
      return [
        ...c.headlines.map((_, i) => ({
          path: `headlines[${i}].text`,
          label: `Headline ${i + 1}`,
          group: "Headlines",
          multiline: false,
          count: "display" as const,
        })),
        ...c.descriptions.map((_, i) => ({
          path: `descriptions[${i}].text`,
          label: `Description ${i + 1}`,
          group: "Descriptions",
          multiline: true,
          count: "display" as const,
        })),
        { path: "path1", label: "Path 1", group: "Display URL", multiline: false, count: "display" },
        { path: "path2", label: "Path 2", group: "Display URL", multiline: false, count: "display" },
      ];
    case "meta_ad":
      return c.variants.flatMap((_, i) => {
        const group = c.variants.length > 1 ? `Variant ${i + 1}` : "Ad text";
        return [
          { path: `variants[${i}].primaryText`, label: "Primary text", group, multiline: true, count: "display" },
          { path: `variants[${i}].headline`, label: "Headline", group, multiline: false, count: "display" },
          { path: `variants[${i}].description`, label: "Description", group, multiline: false, count: "display" },
        ] satisfies Spec[];
      });
    case "email":
      return [
        { path: "subject", label: "Subject", group: "Inbox", multiline: false, count: "chars" },
        { path: "preheader", label: "Preheader", group: "Inbox", multiline: false, count: "chars" },
        ...c.paragraphs.map((_, i) => ({
          path: `paragraphs[${i}]`,
          label: `Paragraph ${i + 1}`,
          group: "Body",
          multiline: true,
          count: "chars" as const,
        })),
        { path: "cta.label", label: "Button", group: "Button", multiline: false, count: "chars" },
        { path: "cta.url", label: "Button link", group: "Button", multiline: false, count: "chars" },
      ];
    case "seo_page":
      return [
        { path: "title", label: "Title", group: "Search result", multiline: false, count: "chars" },
        {
          path: "metaDescription",
          label: "Meta description",
          group: "Search result",
          multiline: true,
          count: "chars",
        },
        { path: "h1", label: "H1", group: "Page", multiline: false, count: "chars" },
        { path: "intro", label: "Intro", group: "Page", multiline: true, count: "chars" },
        ...c.sections.flatMap((_, i) => [
          {
            path: `sections[${i}].heading`,
            label: `Section ${i + 1} heading`,
            group: "Sections",
            multiline: false,
            count: "chars" as const,
          },
          {
            path: `sections[${i}].body`,
            label: `Section ${i + 1} body`,
            group: "Sections",
            multiline: true,
            count: "chars" as const,
          },
        ]),
        ...c.faq.flatMap((_, i) => [
          {
            path: `faq[${i}].question`,
            label: `Question ${i + 1}`,
            group: "FAQ",
            multiline: false,
            count: "chars" as const,
          },
          {
            path: `faq[${i}].answer`,
            label: `Answer ${i + 1}`,
            group: "FAQ",
            multiline: true,
            count: "chars" as const,
          },
        ]),
      ];
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
}

type Key = string | number;

/** `sections[1].body` → ["sections", 1, "body"]. */
export function parsePath(path: string): Key[] {
  const keys: Key[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return keys;
}

function isContainer(v: unknown): v is Record<Key, unknown> {
  return typeof v === "object" && v !== null;
}

/** The text at a path, or null when the content has no such field. */
export function getField(content: DraftContent, path: string): string | null {
  let v: unknown = content;
  for (const k of parsePath(path)) {
    if (!isContainer(v)) return null;
    v = v[k];
  }
  return typeof v === "string" ? v : null;
}

/** A copy of the content with one text field replaced; unknown paths leave it unchanged. */
export function setField<C extends DraftContent>(content: C, path: string, text: string): C {
  const keys = parsePath(path);
  if (getField(content, path) === null) return content;
  const copy = structuredClone(content);
  let v: unknown = copy;
  for (const k of keys.slice(0, -1)) v = (v as Record<Key, unknown>)[k];
  (v as Record<Key, unknown>)[keys[keys.length - 1]!] = text;
  return copy;
}

/** The content's editable fields with their current text, in reading order. */
export function editableFields(content: DraftContent): EditableField[] {
  return specs(content).map((s) => ({ ...s, text: getField(content, s.path) ?? "" }));
}

export type FieldChange = { path: string; label: string; before: string; after: string };

/** Every field of either version, paired by path, in the newer version's order. */
export function pairFields(before: DraftContent, after: DraftContent): FieldChange[] {
  const a = new Map(editableFields(before).map((f) => [f.path, f]));
  const b = editableFields(after);
  const out: FieldChange[] = b.map((f) => ({
    path: f.path,
    label: f.label,
    before: a.get(f.path)?.text ?? "",
    after: f.text,
  }));
  const seen = new Set(b.map((f) => f.path));
  for (const f of a.values()) if (!seen.has(f.path)) out.push({ ...f, before: f.text, after: "" });
  return out;
}

/** The fields whose text differs between two versions. */
export function changedFields(before: DraftContent, after: DraftContent): FieldChange[] {
  return pairFields(before, after).filter((f) => f.before !== f.after);
}

/** Whether two contents have the same editable text (derived parts such as email HTML are ignored). */
export function sameText(a: DraftContent, b: DraftContent): boolean {
  return changedFields(a, b).length === 0;
}

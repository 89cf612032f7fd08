import type { DraftContent } from "@/lib/schemas/drafts";

/** The text fields of a draft's content with their paths (as assertions name them), in reading order. */
export function contentTextFields(c: DraftContent): { path: string; text: string }[] {
  switch (c.format) {
    case "google_rsa":
      return [
        ...c.headlines.map((h, i) => ({ path: `headlines[${i}].text`, text: h.text })),
        ...c.descriptions.map((d, i) => ({ path: `descriptions[${i}].text`, text: d.text })),
        { path: "path1", text: c.path1 },
        { path: "path2", text: c.path2 },
      ];
    case "meta_ad":
      return c.variants.flatMap((v, i) => [
        { path: `variants[${i}].primaryText`, text: v.primaryText },
        { path: `variants[${i}].headline`, text: v.headline },
        { path: `variants[${i}].description`, text: v.description },
      ]);
    case "email":
      return [
        { path: "subject", text: c.subject },
        { path: "preheader", text: c.preheader },
        ...c.paragraphs.map((p, i) => ({ path: `paragraphs[${i}]`, text: p })),
        { path: "cta.label", text: c.cta.label },
      ];
    case "seo_page":
      return [
        { path: "title", text: c.title },
        { path: "metaDescription", text: c.metaDescription },
        { path: "h1", text: c.h1 },
        { path: "intro", text: c.intro },
        ...c.sections.flatMap((s, i) => [
          { path: `sections[${i}].heading`, text: s.heading },
          { path: `sections[${i}].body`, text: s.body },
        ]),
        ...c.faq.flatMap((f, i) => [
          { path: `faq[${i}].question`, text: f.question },
          { path: `faq[${i}].answer`, text: f.answer },
        ]),
      ];
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
}

/** The produced copy, compactly: one line per field, its path in the margin. */
export function ContentFields({ content }: { content: DraftContent }) {
  const fields = contentTextFields(content).filter((f) => f.text.trim() !== "");
  if (fields.length === 0) return <p className="text-muted-foreground text-sm">The draft has no text.</p>;
  return (
    <dl className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[minmax(8rem,12rem)_minmax(0,1fr)]">
      {fields.map((f) => (
        <div key={f.path} className="contents">
          <dt className="text-muted-foreground truncate font-mono text-xs leading-5 sm:pt-px" title={f.path}>
            {f.path}
          </dt>
          <dd className="mb-1 leading-5 break-words sm:mb-0">{f.text}</dd>
        </div>
      ))}
    </dl>
  );
}

import type { SeoPageContent } from "@/lib/schemas/drafts";
import { FieldText } from "../field-text";
import { ContentSection, LabeledField } from "./parts";

/** Search-result guidance (warnings): title up to 60 characters, meta description 70–160. */
const TITLE_MAX = 60;
const META_DESCRIPTION = { min: 70, max: 160 };

export function SeoPageView({ content }: { content: SeoPageContent }) {
  return (
    <div className="space-y-6">
      <ContentSection title="Search result">
        <LabeledField label="Title" path="title" text={content.title} limit={{ max: TITLE_MAX }} />
        <LabeledField
          label="Meta description"
          path="metaDescription"
          text={content.metaDescription}
          limit={META_DESCRIPTION}
        />
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
          <dt className="text-muted-foreground">Slug</dt>
          <dd className="font-mono break-all" data-testid="seo-slug">
            {content.slug}
          </dd>
          <dt className="text-muted-foreground">Canonical URL</dt>
          <dd className="font-mono break-all">{content.canonicalUrl || "—"}</dd>
        </dl>
      </ContentSection>
      <ContentSection title="Page">
        <div className="border-border space-y-4 rounded-md border p-4">
          <FieldText as="h4" path="h1" text={content.h1} className="text-xl leading-7 font-semibold" />
          <FieldText as="div" path="intro" text={content.intro} className="text-sm leading-6" />
          {content.sections.map((s, i) => (
            <div key={i} className="space-y-1">
              <FieldText as="h4" path={`sections[${i}].heading`} text={s.heading} className="text-base font-semibold" />
              <FieldText as="div" path={`sections[${i}].body`} text={s.body} className="text-sm leading-6" />
            </div>
          ))}
        </div>
      </ContentSection>
      {content.faq.length ? (
        <ContentSection title="FAQ" count={content.faq.length}>
          <dl className="space-y-3">
            {content.faq.map((f, i) => (
              <div key={i}>
                <dt>
                  <FieldText as="div" path={`faq[${i}].question`} text={f.question} className="text-sm font-semibold" />
                </dt>
                <dd>
                  <FieldText as="div" path={`faq[${i}].answer`} text={f.answer} className="text-sm leading-6" />
                </dd>
              </div>
            ))}
          </dl>
        </ContentSection>
      ) : null}
      {content.internalLinks.length ? (
        <ContentSection title="Internal links" count={content.internalLinks.length}>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {content.internalLinks.map((l) => (
              <li key={l.slug}>
                {l.title} <span className="text-muted-foreground font-mono text-xs">/{l.slug}</span>
              </li>
            ))}
          </ul>
        </ContentSection>
      ) : null}
    </div>
  );
}

import type { MetaAdContent } from "@/lib/schemas/drafts";
import { ContentSection, LabeledField } from "./parts";

/** Meta's guidance (over it is a warning): primary text visible before "See more", headline, description. */
const PRIMARY_VISIBLE = 125;
const HEADLINE_RECOMMENDED = 40;
const DESCRIPTION_RECOMMENDED = 30;

export function MetaAdView({ content }: { content: MetaAdContent }) {
  return (
    <div className="space-y-6">
      {content.variants.map((v, i) => (
        <ContentSection
          key={i}
          title={content.variants.length > 1 ? `Variant ${i + 1}` : "Ad text"}
          className="border-border rounded-md border p-4"
        >
          <LabeledField
            label="Primary text"
            path={`variants[${i}].primaryText`}
            text={v.primaryText}
            limit={{ max: PRIMARY_VISIBLE }}
          />
          <LabeledField
            label="Headline"
            path={`variants[${i}].headline`}
            text={v.headline}
            limit={{ max: HEADLINE_RECOMMENDED }}
            textClassName="font-semibold"
          />
          <LabeledField
            label="Description"
            path={`variants[${i}].description`}
            text={v.description}
            limit={{ max: DESCRIPTION_RECOMMENDED }}
          />
        </ContentSection>
      ))}
      {content.finalUrl ? (
        <p className="text-muted-foreground text-xs">
          Final URL: <span className="text-foreground font-mono break-all">{content.finalUrl}</span>
        </p>
      ) : null}
    </div>
  );
}

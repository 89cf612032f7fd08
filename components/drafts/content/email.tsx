import type { EmailContent } from "@/lib/schemas/drafts";
import { EmailPreview } from "./email-preview";
import { ContentSection, LabeledField } from "./parts";

/** Inbox guidance: subject up to 60 characters, preheader 40–130 (warnings, not hard limits). */
const SUBJECT_MAX = 60;
const PREHEADER = { min: 40, max: 130 };

export function EmailView({ content }: { content: EmailContent }) {
  const headers = Object.entries(content.headers);
  return (
    <div className="space-y-6">
      <div className="grid gap-4">
        <LabeledField
          label="Subject"
          path="subject"
          text={content.subject}
          limit={{ max: SUBJECT_MAX }}
          textClassName="font-semibold"
        />
        <LabeledField label="Preheader" path="preheader" text={content.preheader} limit={PREHEADER} />
      </div>
      <ContentSection title="Body" count={content.paragraphs.length}>
        <div className="space-y-3">
          {content.paragraphs.map((p, i) => (
            <LabeledField key={i} label={`Paragraph ${i + 1}`} path={`paragraphs[${i}]`} text={p} />
          ))}
          <div className="grid gap-4 sm:grid-cols-2">
            <LabeledField label="Button" path="cta.label" text={content.cta.label} />
            <div className="space-y-1">
              <span className="text-muted-foreground text-xs font-medium tracking-wide uppercase">Button link</span>
              <p className="font-mono text-sm break-all">{content.cta.url || "—"}</p>
            </div>
          </div>
        </div>
      </ContentSection>
      <ContentSection title="HTML preview">
        <EmailPreview html={content.html} subject={content.subject} />
      </ContentSection>
      <ContentSection title="Plain-text part">
        <pre
          className="bg-muted/60 border-border max-h-96 overflow-auto rounded-md border p-3 font-mono text-xs leading-5 whitespace-pre-wrap"
          data-testid="email-text-part"
        >
          {content.textBody}
        </pre>
      </ContentSection>
      {headers.length ? (
        <ContentSection title="Headers">
          <dl className="grid gap-x-4 gap-y-1 font-mono text-xs sm:grid-cols-[max-content_minmax(0,1fr)]">
            {headers.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
          </dl>
        </ContentSection>
      ) : null}
    </div>
  );
}

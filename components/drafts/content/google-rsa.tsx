import { Pin } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { GoogleRsaContent, PinnedText } from "@/lib/schemas/drafts";
import { FieldText } from "../field-text";
import { displayLength } from "../labels";
import { ContentSection, LabeledField, LengthMeter } from "./parts";

/** Google's limits, in display width (double-width characters count two). */
const HEADLINE_MAX = 30;
const DESCRIPTION_MAX = 90;
const PATH_MAX = 15;

function PinnedList({ items, field, max, label }: { items: PinnedText[]; field: string; max: number; label: string }) {
  return (
    <ol className="divide-border border-border divide-y rounded-md border" aria-label={label}>
      {items.map((h, i) => (
        <li key={i} className="flex items-start gap-3 px-3 py-2" data-testid={`rsa-${field}`}>
          <span className="text-muted-foreground w-5 shrink-0 pt-0.5 text-xs tabular-nums">{i + 1}</span>
          <div className="min-w-0 flex-1">
            <FieldText as="div" path={`${field}[${i}].text`} text={h.text} className="text-sm leading-6" />
          </div>
          {h.pin !== null ? (
            <Badge tone="brand" title={`Pinned to position ${h.pin}`}>
              <Pin aria-hidden="true" />
              Pin {h.pin}
            </Badge>
          ) : null}
          <span className="pt-0.5">
            <LengthMeter count={displayLength(h.text)} limit={{ max, hard: true }} />
          </span>
        </li>
      ))}
    </ol>
  );
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "example.com";
  }
}

export function GoogleRsaView({ content }: { content: GoogleRsaContent }) {
  return (
    <div className="space-y-6">
      <ContentSection title="Headlines" count={content.headlines.length}>
        <PinnedList items={content.headlines} field="headlines" max={HEADLINE_MAX} label="Headlines" />
      </ContentSection>
      <ContentSection title="Descriptions" count={content.descriptions.length}>
        <PinnedList items={content.descriptions} field="descriptions" max={DESCRIPTION_MAX} label="Descriptions" />
      </ContentSection>
      <ContentSection title="Display URL">
        <p className="font-mono text-sm break-all" data-testid="rsa-display-url">
          {host(content.finalUrl)}
          {content.path1 ? `/${content.path1}` : ""}
          {content.path2 ? `/${content.path2}` : ""}
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <LabeledField
            label="Path 1"
            path="path1"
            text={content.path1}
            limit={{ max: PATH_MAX, hard: true }}
            count={displayLength(content.path1)}
          />
          <LabeledField
            label="Path 2"
            path="path2"
            text={content.path2}
            limit={{ max: PATH_MAX, hard: true }}
            count={displayLength(content.path2)}
          />
        </div>
        <p className="text-muted-foreground text-xs">
          Final URL:{" "}
          {content.finalUrl ? (
            <span className="text-foreground font-mono break-all">{content.finalUrl}</span>
          ) : (
            "not set (add the site URL in the workspace's generation settings)"
          )}
        </p>
      </ContentSection>
    </div>
  );
}

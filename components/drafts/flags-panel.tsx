import { CircleCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FLAG_KINDS, type DraftFlag } from "@/lib/schemas/drafts";
import { fieldAnchor } from "./field-text";
import { FLAG_KIND_LABELS, FLAG_LEVEL } from "./labels";

const SEVERITY = { error: 0, warning: 1, suggestion: 2 } as const;

/** Why the draft needs a human, grouped by kind, worst first within each group; fields link to the copy. */
export function FlagsPanel({ flags }: { flags: DraftFlag[] }) {
  const groups = FLAG_KINDS.map((kind) => ({
    kind,
    items: flags.filter((f) => f.kind === kind).sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level]),
  })).filter((g) => g.items.length);
  return (
    <Card data-testid="draft-flags">
      <CardHeader>
        <CardTitle>
          Flags <span className="text-muted-foreground font-normal">· {flags.length}</span>
        </CardTitle>
        <CardDescription>What a reviewer should look at before this goes out.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {groups.length === 0 ? (
          <p className="text-success flex items-center gap-2 text-sm font-medium">
            <CircleCheck aria-hidden="true" className="size-4" />
            Nothing flagged
          </p>
        ) : null}
        {groups.map((g) => (
          <section key={g.kind} aria-label={FLAG_KIND_LABELS[g.kind]} className="space-y-2">
            <h3 className="text-sm font-semibold">
              {FLAG_KIND_LABELS[g.kind]} <span className="text-muted-foreground font-normal">· {g.items.length}</span>
            </h3>
            <ul className="space-y-2.5">
              {g.items.map((f, i) => (
                <li key={i} className="text-[13px] leading-5">
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge tone={FLAG_LEVEL[f.level].tone}>{FLAG_LEVEL[f.level].label}</Badge>
                    {f.field ? (
                      <a
                        href={`#${fieldAnchor(f.field)}`}
                        className="text-muted-foreground font-mono text-xs hover:underline"
                        aria-label={`Go to the field ${f.field}`}
                      >
                        {f.field}
                      </a>
                    ) : null}
                  </span>
                  <span className="mt-1 block break-words">{f.message}</span>
                  {f.ruleId ? <code className="text-muted-foreground block font-mono text-xs">{f.ruleId}</code> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </CardContent>
    </Card>
  );
}

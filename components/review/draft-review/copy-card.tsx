import { Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DraftContentView } from "@/components/drafts/content/draft-content";
import type { DraftDetail } from "@/lib/schemas/drafts";

/** The copy as its channel shows it, alerts underlined in place; an Edit button for those who may edit. */
export function CopyCard({ draft, onEdit }: { draft: DraftDetail; onEdit: (() => void) | null }) {
  const alertCount = draft.record.alerts.length;
  return (
    <Card data-testid="draft-copy">
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <CardTitle>Copy</CardTitle>
          <CardDescription>
            {alertCount
              ? `${alertCount} brand-voice ${alertCount === 1 ? "alert is" : "alerts are"} underlined in place: hover an underline or Tab to it for the rule. Esc closes the card.`
              : "No brand-voice alerts in the copy."}
          </CardDescription>
        </div>
        {onEdit ? (
          <Button size="sm" variant="secondary" onClick={onEdit}>
            <Pencil aria-hidden="true" />
            Edit copy
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        <DraftContentView content={draft.content} />
      </CardContent>
    </Card>
  );
}

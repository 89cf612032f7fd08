import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { documentHref } from "@/components/knowledge/documents-panel";
import type { Citation } from "@/lib/schemas/drafts";

const SNIPPET = 220;

function snippet(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > SNIPPET ? `${t.slice(0, SNIPPET).replace(/\s+\S*$/, "")}…` : t;
}

/** The retrieved passages as numbered footnotes, each linking to its place in the knowledge base. */
export function Citations({ citations }: { citations: Citation[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sources</CardTitle>
        <CardDescription>
          {citations.length
            ? "The knowledge passages the copy was written from; numbers in the copy point here."
            : "No knowledge passage matched the brief, so the copy states no facts from your sources."}
        </CardDescription>
      </CardHeader>
      {citations.length ? (
        <CardContent>
          <ol className="space-y-3" aria-label="Sources" data-testid="draft-citations">
            {citations.map((c) => (
              <li key={c.n} id={`citation-${c.n}`} className="flex scroll-mt-20 gap-3 text-sm">
                <span className="text-muted-foreground w-6 shrink-0 text-right tabular-nums">[{c.n}]</span>
                <div className="min-w-0">
                  <Link
                    href={documentHref(c.documentId, c.chunkId)}
                    className="text-primary font-medium break-words underline-offset-2 hover:underline"
                  >
                    {c.documentTitle}
                  </Link>
                  {c.heading ? <span className="text-muted-foreground"> › {c.heading}</span> : null}
                  <p className="text-muted-foreground mt-0.5 text-[13px] leading-5 break-words">{snippet(c.text)}</p>
                </div>
              </li>
            ))}
          </ol>
        </CardContent>
      ) : null}
    </Card>
  );
}

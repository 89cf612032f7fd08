import { CircleAlert } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { partsProblems, partsText, previewSlug, renderParts, type TemplatePart } from "./template";

function Rendered({ parts }: { parts: TemplatePart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === "text" ? (
          <span key={i}>{p.text}</span>
        ) : p.value ? (
          <mark key={i} className="bg-accent text-accent-foreground rounded px-0.5">
            {p.value}
          </mark>
        ) : (
          <span
            key={i}
            className={cn(
              "rounded border border-dashed px-1 font-mono text-xs whitespace-nowrap",
              p.column ? "border-danger text-danger" : "border-border text-muted-foreground",
            )}
          >
            {p.column ? `${p.column}: empty` : `{{${p.variable}}}`}
          </span>
        ),
      )}
    </>
  );
}

function problemText(p: { unmapped: string[]; empty: string[] }): string | null {
  if (p.unmapped.length) return `Map ${p.unmapped.map((v) => `{{${v}}}`).join(", ")} to a column to see this row.`;
  if (p.empty.length)
    return `${p.empty.map((c) => `“${c}”`).join(", ")} ${p.empty.length === 1 ? "is" : "are"} empty: this row will fail.`;
  return null;
}

/** The first rows as pages: the brief and the slug each would get with the current template and mapping. */
export function SamplePreview({
  sample,
  brief,
  slug,
  mapping,
}: {
  sample: Record<string, string>[];
  brief: string;
  slug: string;
  mapping: Record<string, string>;
}) {
  return (
    <ol aria-label="Pages from the first rows" className="grid gap-3 lg:grid-cols-3" data-testid="seo-sample-preview">
      {sample.map((row, i) => {
        const briefParts = renderParts(brief, mapping, row);
        const slugParts = renderParts(slug, mapping, row);
        const problems = partsProblems([...briefParts, ...slugParts]);
        const problem = problemText(problems);
        const failing = !problems.unmapped.length && problems.empty.length > 0;
        const slugText = slug.trim() && !problem ? `/${previewSlug(partsText(slugParts))}` : null;
        return (
          <li
            key={i}
            data-testid="seo-sample-row"
            className={cn(
              "border-border bg-card space-y-2 rounded-md border p-3 text-sm",
              failing && "border-danger-border bg-danger-subtle/40",
            )}
          >
            <p className="text-muted-foreground text-xs font-medium tracking-wide uppercase">Row {i + 1}</p>
            <p className="font-mono text-[13px] break-words" data-testid="seo-sample-slug">
              <span className="sr-only">Slug: </span>
              {slugText ??
                (slug.trim() ? (
                  <Rendered parts={slugParts} />
                ) : (
                  <span className="text-muted-foreground">no slug yet</span>
                ))}
            </p>
            <p className="leading-6 break-words">
              <span className="sr-only">Brief: </span>
              {brief.trim() ? (
                <Rendered parts={briefParts} />
              ) : (
                <span className="text-muted-foreground">No brief yet.</span>
              )}
            </p>
            {problem ? (
              <p
                className={cn("flex gap-1.5 text-[13px] leading-5", failing ? "text-danger" : "text-muted-foreground")}
              >
                <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                {problem}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

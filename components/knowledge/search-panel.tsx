"use client";

import { useMutation } from "@tanstack/react-query";
import { ChevronRight, Search, SearchX } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Spinner } from "@/components/inference/fields";
import { api } from "@/lib/query/client";
import {
  KNOWLEDGE_LIMITS,
  SearchBody,
  splitTags,
  type SearchHit,
  type SearchMode,
  type SearchResult,
} from "@/lib/schemas/knowledge";
import { documentHref } from "./documents-panel";
import { formatInt, INDEX_LABELS, isLexicalHashModel, MODE_LABELS, plural, splitMatches, whyItRanked } from "./format";

type FieldName = "query" | "topK" | "tags" | "effectiveFrom" | "effectiveTo";
type Errors = Partial<Record<FieldName, string>>;
const FIELD_ORDER: FieldName[] = ["query", "topK", "tags", "effectiveFrom", "effectiveTo"];
const MODE_OPTIONS: Record<SearchMode, string> = { hybrid: "Hybrid", lexical: "Lexical (BM25)", vector: "Vector" };

/** Chunk text with the matched terms in `<mark>`. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {splitMatches(text, terms).map((p, i) =>
        p.match ? (
          <mark key={i} className="bg-warning-subtle text-foreground ring-warning-border rounded-sm px-0.5 ring-1">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Chunk text starts with its heading path ("Care > Leather") for the embedder; the card already
 * shows the path as a breadcrumb, so that first line is dropped here.
 */
function withoutHeadingLine(text: string, path: string[]): string {
  if (path.length === 0) return text;
  const nl = text.indexOf("\n");
  const first = (nl < 0 ? text : text.slice(0, nl)).trim();
  const joined = path.join(" > ");
  if (first !== joined && !(first.length >= 16 && joined.startsWith(first.replace(/…$/, "")))) return text;
  return nl < 0 ? text : text.slice(nl + 1).replace(/^\s*\n/, "");
}

function HeadingPath({ path, title }: { path: string[]; title: string }) {
  if (path.length === 0) return null;
  return (
    <ol aria-label={`Section of ${title}`} className="text-muted-foreground flex flex-wrap items-center gap-1 text-xs">
      {path.map((h, i) => (
        <li key={`${i}-${h}`} className="flex items-center gap-1">
          {i > 0 ? <ChevronRight aria-hidden="true" className="size-3" /> : null}
          <span>{h}</span>
        </li>
      ))}
    </ol>
  );
}

function HitCard({ hit, rank, mode }: { hit: SearchHit; rank: number; mode: SearchMode }) {
  const titleId = useId();
  return (
    <li>
      <article aria-labelledby={titleId} className="border-border bg-card shadow-card rounded-lg border p-4">
        <div className="flex items-start gap-3">
          <span className="bg-accent text-accent-foreground flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold tabular-nums">
            <span className="sr-only">Rank </span>
            {rank}
          </span>
          <div className="min-w-0 flex-1 space-y-2">
            <div className="space-y-1">
              <h4 id={titleId} className="text-sm leading-5 font-semibold">
                <Link href={documentHref(hit.documentId, hit.chunkId)} className="text-foreground hover:underline">
                  {hit.documentTitle}
                </Link>
              </h4>
              <HeadingPath path={hit.headingPath} title={hit.documentTitle} />
            </div>
            <p className="text-foreground/90 text-[13px] leading-6 break-words whitespace-pre-wrap">
              <Highlighted text={withoutHeadingLine(hit.text, hit.headingPath)} terms={hit.matchedTerms} />
            </p>
            <p className="text-muted-foreground text-xs leading-5" data-testid="why-ranked">
              <span className="text-foreground font-medium">Why it ranked: </span>
              {whyItRanked(hit, mode)}
            </p>
          </div>
        </div>
      </article>
    </li>
  );
}

/** The Search tab: query the knowledge base the way generation does, and see why each passage ranked. */
export function SearchPanel() {
  const id = useId();
  const [query, setQuery] = useState("");
  const [mode, setMode] = useState<SearchMode>("hybrid");
  const [topK, setTopK] = useState("10");
  const [tags, setTags] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [effectiveTo, setEffectiveTo] = useState("");
  const [rerank, setRerank] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const search = useMutation({
    mutationFn: (body: SearchBody) => api<SearchResult>("/api/knowledge/search", { method: "POST", body }),
  });
  // New results: focus moves to their heading ("5 results for …"), which screen readers read out.
  useEffect(() => {
    if (search.data) resultsRef.current?.focus();
  }, [search.data]);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const tagList = splitTags(tags).map((t) => t.toLowerCase());
    const parsed = SearchBody.safeParse({
      query,
      mode,
      topK: topK.trim() === "" ? 10 : Number(topK),
      rerank,
      filters: {
        ...(tagList.length ? { tags: tagList } : {}),
        ...(effectiveFrom ? { effectiveFrom } : {}),
        ...(effectiveTo ? { effectiveTo } : {}),
      },
    });
    const next: Errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [a, b] = issue.path;
        const field = a === "filters" ? b : a;
        if (typeof field === "string" && (FIELD_ORDER as string[]).includes(field)) {
          next[field as FieldName] ??=
            field === "topK" ? `Enter a whole number from 1 to ${KNOWLEDGE_LIMITS.topKMax}` : issue.message;
        }
      }
    }
    if (effectiveFrom && effectiveTo && effectiveFrom > effectiveTo)
      next.effectiveTo ??= "The end date is before the start date";
    setErrors(next);
    const first = FIELD_ORDER.find((f) => next[f]);
    if (first || !parsed.success) {
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    search.mutate(parsed.data);
  }

  const result = search.data;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Search</CardTitle>
          <CardDescription>
            Ask what a draft would ask. Results are the passages generation would retrieve, with the reason each one
            ranked.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form role="search" aria-label="Search the knowledge base" noValidate onSubmit={submit} className="space-y-4">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
              <Field id={`${id}-query`} label="Query" error={errors.query} className="flex-1">
                {(a) => (
                  <Input
                    {...a}
                    type="search"
                    value={query}
                    onChange={(e) => setQuery(e.target.value)}
                    maxLength={KNOWLEDGE_LIMITS.queryMaxChars}
                    placeholder="e.g. How long is the warranty on boots?"
                  />
                )}
              </Field>
              <div className="sm:pt-[22px]">
                <Button type="submit" disabled={search.isPending} className="w-full sm:w-auto">
                  {search.isPending ? <Spinner /> : <Search aria-hidden="true" />}
                  {search.isPending ? "Searching…" : "Search"}
                </Button>
              </div>
            </div>
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
              <Field id={`${id}-mode`} label="Mode">
                {(a) => (
                  <Select {...a} value={mode} onChange={(e) => setMode(e.target.value as SearchMode)}>
                    {(Object.keys(MODE_OPTIONS) as SearchMode[]).map((m) => (
                      <option key={m} value={m}>
                        {MODE_OPTIONS[m]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id={`${id}-topK`} label="Results (top K)" error={errors.topK}>
                {(a) => (
                  <Input
                    {...a}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={KNOWLEDGE_LIMITS.topKMax}
                    value={topK}
                    onChange={(e) => setTopK(e.target.value)}
                  />
                )}
              </Field>
              <Field id={`${id}-tags`} label="Only tags" optional error={errors.tags}>
                {(a) => (
                  <Input
                    {...a}
                    value={tags}
                    onChange={(e) => setTags(e.target.value)}
                    placeholder="e.g. policy"
                    autoComplete="off"
                    spellCheck={false}
                  />
                )}
              </Field>
              <Field id={`${id}-effectiveFrom`} label="Effective from" optional error={errors.effectiveFrom}>
                {(a) => (
                  <Input {...a} type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
                )}
              </Field>
              <Field id={`${id}-effectiveTo`} label="Effective to" optional error={errors.effectiveTo}>
                {(a) => (
                  <Input {...a} type="date" value={effectiveTo} onChange={(e) => setEffectiveTo(e.target.value)} />
                )}
              </Field>
            </div>
            <div className="flex items-start gap-2">
              <input
                id={`${id}-rerank`}
                type="checkbox"
                checked={rerank}
                onChange={(e) => setRerank(e.target.checked)}
                aria-describedby={`${id}-rerank-hint`}
                className="accent-primary mt-0.5 size-4"
              />
              <div className="space-y-0.5">
                <label htmlFor={`${id}-rerank`} className="text-sm leading-none font-medium">
                  Rerank with the judge model
                </label>
                <p id={`${id}-rerank-hint`} className="text-muted-foreground text-xs">
                  Slower; needs a real model on the judge route. Date filters leave out documents without a date.
                </p>
              </div>
            </div>
          </form>
        </CardContent>
      </Card>

      {search.error ? <Alert tone="danger">{search.error.message}</Alert> : null}

      {result ? (
        <section aria-labelledby={`${id}-results`} aria-busy={search.isPending} className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 id={`${id}-results`} ref={resultsRef} tabIndex={-1} className="text-base font-semibold outline-none">
              {plural(result.results.length, "result")} for “{result.query}”
            </h3>
            <p className="text-muted-foreground flex flex-wrap items-center gap-1.5 text-xs">
              <Badge>{MODE_LABELS[result.mode]}</Badge>
              <span>
                {formatInt(Math.round(result.tookMs))} ms
                {result.embeddingModel
                  ? ` · vectors ${result.embeddingModel} (${INDEX_LABELS[result.vectorIndex]})`
                  : " · no vector search"}
              </span>
              {isLexicalHashModel(result.embeddingModel) ? (
                <Badge tone="warning">lexical hashing, not neural</Badge>
              ) : null}
            </p>
          </div>
          {result.warnings.length > 0 ? (
            <Alert tone="info" title={result.warnings.length === 1 ? "Note" : "Notes"}>
              <ul className="space-y-1">
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {result.results.length === 0 ? (
            <EmptyState
              icon={SearchX}
              headingLevel="h3"
              className="py-8 sm:py-10"
              title="No passages found"
              description="Try other words, switch to hybrid mode, or loosen the tag and date filters."
            />
          ) : (
            <ol aria-label="Search results" className="space-y-3">
              {result.results.map((hit, i) => (
                <HitCard key={hit.chunkId} hit={hit} rank={i + 1} mode={result.mode} />
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </div>
  );
}

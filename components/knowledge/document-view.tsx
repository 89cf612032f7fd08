"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Trash2 } from "lucide-react";
import Link from "next/link";
import { notFound, useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { cn } from "@/components/lib/cn";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Loading } from "@/components/inference/fields";
import { api, ApiError, queryKeys } from "@/lib/query/client";
import type { ChunkOut, DocumentDetail } from "@/lib/schemas/knowledge";
import { hasRole, type Role } from "@/lib/schemas/roles";
import { ConfirmDelete } from "./confirm-delete";
import { useDeleteDocument } from "./documents-panel";
import { LocalDate } from "./local-date";
import { formatBytes, formatInt, FORMAT_LABELS, isLexicalHashModel, plural, SOURCE_KIND_LABELS } from "./format";

// ---- the URL hash as a store: `#chunk-<id>` selects a chunk ----------------------------------------

const SELECT_EVENT = "lectern:chunk-select";

function subscribeHash(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  window.addEventListener(SELECT_EVENT, onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
    window.removeEventListener(SELECT_EVENT, onChange);
  };
}

function chunkIdFromHash(hash: string): string | null {
  if (!hash.startsWith("#chunk-")) return null;
  try {
    return decodeURIComponent(hash.slice("#chunk-".length)) || null;
  } catch {
    return null;
  }
}

export function chunkAnchor(id: string): string {
  return `chunk-${id}`;
}

// ---- laying the text out by chunk spans ----------------------------------------------------------

type Segment = { start: number; end: number; covering: string[]; anchors: string[] };
type Block = { owner: ChunkOut | null; segments: Segment[] };

/**
 * Cuts `text` at every chunk boundary. Each piece knows which chunks cover it (neighbours overlap);
 * consecutive pieces are grouped into blocks owned by the chunk that starts last, so each chunk's block
 * begins exactly at its `start`, and a selected chunk's whole `start..end` span can be marked even where
 * it runs into the next chunk's block.
 */
export function layoutChunks(text: string, chunks: ChunkOut[]): Block[] {
  const valid = chunks
    .filter((c) => c.start >= 0 && c.end <= text.length && c.end > c.start)
    .sort((a, b) => a.start - b.start || a.ordinal - b.ordinal);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((c) => [c.start, c.end])])].sort((a, b) => a - b);
  const blocks: Block[] = [];
  const owners = new Set<string>();
  let active: ChunkOut[] = [];
  let next = 0;
  const startsAt = new Map<number, ChunkOut[]>();
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    active = active.filter((c) => c.end > start);
    const starting: ChunkOut[] = [];
    while (next < valid.length && valid[next]!.start <= start) {
      const c = valid[next++]!;
      if (c.end > start) active.push(c);
      starting.push(c);
    }
    startsAt.set(start, starting);
    const owner = active.reduce<ChunkOut | null>((best, c) => (!best || c.start > best.start ? c : best), null);
    const segment: Segment = { start, end, covering: active.map((c) => c.id), anchors: [] };
    const last = blocks[blocks.length - 1];
    if (last && (last.owner?.id ?? null) === (owner?.id ?? null)) last.segments.push(segment);
    else {
      blocks.push({ owner, segments: [segment] });
      if (owner) owners.add(owner.id);
    }
  }
  // A chunk that owns no block (wholly inside another one) still gets an anchor where it starts.
  for (const block of blocks)
    for (const seg of block.segments)
      for (const c of startsAt.get(seg.start) ?? []) if (!owners.has(c.id)) seg.anchors.push(c.id);
  return blocks;
}

// ---- the page ----------------------------------------------------------------------------------------

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  );
}

/** Chunk numbers as people count them. */
function chunkNumber(c: ChunkOut): number {
  return c.ordinal + 1;
}

function headingLabel(c: ChunkOut): string {
  return c.headingPath.length > 0 ? c.headingPath.join(" › ") : "Before the first heading";
}

/** `/knowledge/[id]`: metadata, the text laid out by chunk, and the chunk list; `#chunk-<id>` selects one. */
export function DocumentView({ id, role, initialData }: { id: string; role: Role; initialData?: DocumentDetail }) {
  const router = useRouter();
  const canEdit = hasRole(role, "editor");
  const doc = useQuery({
    queryKey: queryKeys.knowledgeDocument(id),
    queryFn: () => api<DocumentDetail>(`/api/knowledge/documents/${encodeURIComponent(id)}`),
    initialData,
  });
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteDocument(() => router.push("/knowledge"));

  const hash = useSyncExternalStore(
    subscribeHash,
    () => window.location.hash,
    () => "",
  );
  const activeId = chunkIdFromHash(hash);
  /** Scroll to the selected passage: on arrival, on a hash change, from the chunk list; not on a click in the text. */
  const scrollWanted = useRef(true);
  useEffect(() => {
    const onHash = () => {
      scrollWanted.current = true;
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  function selectChunk(chunkId: string, scroll: boolean) {
    scrollWanted.current = scroll;
    window.history.replaceState(null, "", `#${chunkAnchor(chunkId)}`);
    window.dispatchEvent(new Event(SELECT_EVENT));
  }

  const data = doc.data;
  const blocks = useMemo(() => (data ? layoutChunks(data.text, data.chunks) : []), [data]);
  const chunks = useMemo(() => (data ? [...data.chunks].sort((a, b) => a.ordinal - b.ordinal) : []), [data]);
  const active = activeId ? chunks.find((c) => c.id === activeId) : undefined;

  useEffect(() => {
    if (!data || !activeId || !scrollWanted.current) return;
    const el = document.getElementById(chunkAnchor(activeId));
    if (!el) return;
    scrollWanted.current = false;
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    el.focus({ preventScroll: true });
    document.getElementById(`chunk-link-${activeId}`)?.scrollIntoView({ block: "nearest" });
  }, [data, activeId]);

  if (doc.isError && doc.error instanceof ApiError && doc.error.status === 404) notFound();

  if (!data) {
    return (
      <>
        <PageHeader
          eyebrow={<BackLink />}
          title="Document"
          description={doc.isError ? undefined : "Loading the document and its chunks…"}
        />
        {doc.isError ? <Alert tone="danger">{doc.error.message}</Alert> : <Loading>Loading document…</Loading>}
      </>
    );
  }

  const models = [...new Set(data.chunks.map((c) => c.embeddingModel).filter((m): m is string => Boolean(m)))];
  const quarantined = data.chunks.filter((c) => c.quarantined).length;

  return (
    <>
      <PageHeader
        eyebrow={<BackLink />}
        title={data.title}
        description={`${FORMAT_LABELS[data.sourceFormat]} · version ${data.version} · ${plural(data.chunkCount, "chunk")}`}
        actions={
          canEdit ? (
            <Button variant="secondary" onClick={() => setConfirming(true)} disabled={confirming}>
              <Trash2 aria-hidden="true" />
              Delete
            </Button>
          ) : undefined
        }
      />
      {quarantined ? (
        <Alert tone="warning" className="mb-4" data-testid="document-quarantine">
          {quarantined === 1 ? "One chunk reads" : `${quarantined} chunks read`} like a prompt injection (instructions
          aimed at the model, hidden text or exfiltration links) and{" "}
          {quarantined === 1 ? "is quarantined: it is" : "are quarantined: they are"} kept here but never retrieved into
          a prompt. Edit the source and upload it again to lift the quarantine.
        </Alert>
      ) : null}
      {confirming ? (
        <ConfirmDelete
          className="mb-6"
          title={data.title}
          chunkCount={data.chunkCount}
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onConfirm={() => remove.mutate(data)}
          onCancel={() => {
            setConfirming(false);
            remove.reset();
          }}
        />
      ) : null}

      <Card className="mb-6">
        <CardContent>
          <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-4">
            <Meta label="Source">
              <span className="font-mono text-xs">{data.source}</span>
              <span className="text-muted-foreground block text-xs">{SOURCE_KIND_LABELS[data.sourceKind]}</span>
            </Meta>
            <Meta label="Tags">
              {data.tags.length === 0 ? (
                "—"
              ) : (
                <span className="flex flex-wrap gap-1">
                  {data.tags.map((t) => (
                    <Badge key={t}>{t}</Badge>
                  ))}
                </span>
              )}
            </Meta>
            <Meta label="Effective date">
              <LocalDate value={data.effectiveDate} kind="day" />
            </Meta>
            <Meta label="Size">
              {formatBytes(data.byteSize)} · {formatInt(data.text.length)} characters
            </Meta>
            <Meta label="Added">
              <LocalDate value={data.createdAt} />
            </Meta>
            <Meta label="Updated">
              <LocalDate value={data.updatedAt} />
            </Meta>
            <Meta label="Embedding model">
              {models.length === 0 ? (
                "Not embedded yet"
              ) : (
                <span className="font-mono text-xs">{models.join(", ")}</span>
              )}
              {models.some(isLexicalHashModel) ? (
                <span className="text-muted-foreground block text-xs">Lexical hashing, not a neural model</span>
              ) : null}
            </Meta>
            <Meta label="Content hash">
              <span className="font-mono text-xs" title={data.contentHash}>
                {data.contentHash.slice(0, 16)}
              </span>
            </Meta>
          </dl>
        </CardContent>
      </Card>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_19rem]">
        <section aria-labelledby="document-text-heading" className="min-w-0">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="document-text-heading" className="text-base font-semibold tracking-tight">
              Text
            </h2>
            <p className="text-muted-foreground text-xs" role="status">
              {active
                ? `Chunk ${chunkNumber(active)} selected · characters ${formatInt(active.start)}–${formatInt(active.end)}`
                : "Click a passage to select its chunk; the address then links to it."}
            </p>
          </div>
          <Card>
            <div className="px-4 py-4 text-[13px] leading-6 break-words whitespace-pre-wrap sm:px-5">
              {blocks.map((b, i) =>
                b.owner ? (
                  <ChunkBlock
                    key={b.owner.id}
                    block={b}
                    owner={b.owner}
                    text={data.text}
                    activeId={activeId}
                    onSelect={() => selectChunk(b.owner!.id, false)}
                  />
                ) : (
                  <span key={`gap-${i}`} className="text-muted-foreground">
                    <Segments segments={b.segments} text={data.text} activeId={activeId} />
                  </span>
                ),
              )}
            </div>
          </Card>
        </section>

        <nav aria-labelledby="document-chunks-heading" className="lg:sticky lg:top-20">
          <h2 id="document-chunks-heading" className="mb-3 text-base font-semibold tracking-tight">
            Chunks <span className="text-muted-foreground font-normal">({formatInt(chunks.length)})</span>
          </h2>
          <Card className="overflow-hidden">
            {chunks.length === 0 ? (
              <p className="text-muted-foreground p-4 text-sm">This document has no chunks.</p>
            ) : (
              <ol className="divide-border max-h-[calc(100dvh-9rem)] divide-y overflow-y-auto">
                {chunks.map((c) => {
                  const isActive = c.id === activeId;
                  return (
                    <li key={c.id}>
                      <a
                        id={`chunk-link-${c.id}`}
                        href={`#${chunkAnchor(c.id)}`}
                        aria-current={isActive ? "location" : undefined}
                        onClick={(e) => {
                          e.preventDefault();
                          selectChunk(c.id, true);
                        }}
                        className={cn(
                          "hover:bg-muted/60 block border-l-2 px-3 py-2.5 text-left transition-colors",
                          isActive ? "border-primary bg-accent" : "border-transparent",
                        )}
                      >
                        <span className="flex items-baseline gap-2">
                          <span className="text-muted-foreground text-xs font-semibold tabular-nums">
                            #{chunkNumber(c)}
                          </span>
                          <span className="min-w-0 flex-1 truncate text-[13px] font-medium">{headingLabel(c)}</span>
                        </span>
                        <span className="text-muted-foreground mt-0.5 block text-xs tabular-nums">
                          {plural(c.tokenCount, "token")} · {c.embeddingModel ?? "not embedded"}
                        </span>
                        {c.quarantined ? (
                          <span className="mt-1 block" data-testid="chunk-quarantined">
                            <Badge tone="danger">Quarantined</Badge>{" "}
                            <span className="text-danger text-xs">
                              possible prompt injection (score {c.injectionScore.toFixed(2)}); never retrieved
                            </span>
                          </span>
                        ) : null}
                      </a>
                    </li>
                  );
                })}
              </ol>
            )}
          </Card>
        </nav>
      </div>
    </>
  );
}

function BackLink() {
  return (
    <Link href="/knowledge" className="hover:text-foreground inline-flex items-center gap-1">
      <ArrowLeft aria-hidden="true" className="size-3.5" />
      Knowledge
    </Link>
  );
}

function Segments({ segments, text, activeId }: { segments: Segment[]; text: string; activeId: string | null }) {
  return (
    <>
      {segments.map((s) => {
        const slice = text.slice(s.start, s.end);
        const anchors = s.anchors.map((a) => <span key={a} id={chunkAnchor(a)} tabIndex={-1} />);
        return activeId && s.covering.includes(activeId) ? (
          <mark key={s.start} className="bg-primary/20 text-foreground rounded-[2px] box-decoration-clone">
            {anchors}
            {slice}
          </mark>
        ) : (
          <span key={s.start}>
            {anchors}
            {slice}
          </span>
        );
      })}
    </>
  );
}

function ChunkBlock({
  block,
  owner,
  text,
  activeId,
  onSelect,
}: {
  block: Block;
  owner: ChunkOut;
  text: string;
  activeId: string | null;
  onSelect: () => void;
}) {
  const isActive = owner.id === activeId;
  return (
    // Inline, so the text flows exactly as stored. A click selects the chunk; keyboard users select
    // chunks from the chunk list.
    <span
      id={chunkAnchor(owner.id)}
      data-chunk-id={owner.id}
      aria-current={isActive ? "location" : undefined}
      tabIndex={-1}
      onClick={(e) => {
        // Leave text selection alone: only a plain click selects the chunk.
        if (window.getSelection()?.toString()) return;
        e.stopPropagation();
        onSelect();
      }}
      title={`Chunk ${chunkNumber(owner)} · ${headingLabel(owner)}`}
      className={cn(
        "scroll-mt-24 rounded-sm box-decoration-clone transition-colors outline-none",
        !isActive && "hover:bg-muted",
      )}
    >
      <Segments segments={block.segments} text={text} activeId={activeId} />
    </span>
  );
}

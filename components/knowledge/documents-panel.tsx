"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BookOpen, Plus, SearchX, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CursorPager, useCursorPages } from "@/components/ui/cursor-pager";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Loading } from "@/components/inference/fields";
import { api, queryKeys } from "@/lib/query/client";
import type { DocumentPage, DocumentSummary } from "@/lib/schemas/knowledge";
import { ConfirmDelete } from "./confirm-delete";
import { formatBytes, formatDate, formatDay, formatInt, FORMAT_LABELS, SOURCE_KIND_LABELS } from "./format";

const PAGE_SIZE = 25;
/** Tags shown per row; the rest are summed up as "+N". */
const MAX_TAGS = 3;

export function documentHref(id: string, chunkId?: string): string {
  return `/knowledge/${encodeURIComponent(id)}${chunkId ? `#chunk-${encodeURIComponent(chunkId)}` : ""}`;
}

/** Deletes a document and refreshes everything that listed it. */
export function useDeleteDocument(onDeleted?: (doc: DocumentSummary) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (doc: DocumentSummary) =>
      api<void>(`/api/knowledge/documents/${encodeURIComponent(doc.id)}`, { method: "DELETE" }),
    onSuccess: async (_r, doc) => {
      qc.removeQueries({ queryKey: queryKeys.knowledgeDocument(doc.id) });
      onDeleted?.(doc);
      await Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.knowledgeDocumentLists }),
        qc.invalidateQueries({ queryKey: queryKeys.knowledgeSettings }),
      ]);
    },
  });
}

/** The Documents tab: filters, the table with cursor pages, and delete (editors and admins). */
export function DocumentsPanel({ canEdit, onAdd }: { canEdit: boolean; onAdd: () => void }) {
  const id = useId();
  const [q, setQ] = useState("");
  const [tag, setTag] = useState("");
  const [applied, setApplied] = useState({ q: "", tag: "" });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Filters apply 300 ms after the last keystroke.
  useEffect(() => {
    const t = setTimeout(() => setApplied({ q: q.trim(), tag: tag.trim().toLowerCase() }), 300);
    return () => clearTimeout(t);
  }, [q, tag]);

  const filtered = applied.q !== "" || applied.tag !== "";

  return (
    <Card>
      <CardHeader>
        <CardTitle ref={headingRef} tabIndex={-1} className="outline-none">
          Documents
        </CardTitle>
        <CardDescription>
          What drafts are grounded in. Open a document to see how it was split into chunks.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <form
          role="search"
          aria-label="Filter documents"
          className="flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            setApplied({ q: q.trim(), tag: tag.trim().toLowerCase() });
          }}
        >
          <div className="flex-1 space-y-2">
            <Label htmlFor={`${id}-q`}>Filter by title or source</Label>
            <Input
              id={`${id}-q`}
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder="e.g. boot"
              maxLength={200}
            />
          </div>
          <div className="space-y-2 sm:w-48">
            <Label htmlFor={`${id}-tag`}>Tag</Label>
            <Input
              id={`${id}-tag`}
              type="search"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              placeholder="e.g. product"
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          {filtered || q || tag ? (
            <Button
              variant="ghost"
              onClick={() => {
                setQ("");
                setTag("");
                setApplied({ q: "", tag: "" });
              }}
            >
              Clear filters
            </Button>
          ) : null}
        </form>
        <p role="status" className="sr-only">
          {notice}
        </p>
        <DocumentsTable
          key={`${applied.q}\u0000${applied.tag}`}
          q={applied.q}
          tag={applied.tag}
          canEdit={canEdit}
          onAdd={onAdd}
          onTag={(t) => {
            setTag(t);
            setApplied((a) => ({ ...a, tag: t }));
          }}
          onClear={() => {
            setQ("");
            setTag("");
            setApplied({ q: "", tag: "" });
          }}
          onDeleted={(doc) => {
            setNotice(`Deleted “${doc.title}”.`);
            headingRef.current?.focus();
          }}
        />
      </CardContent>
    </Card>
  );
}

function DocumentsTable({
  q,
  tag,
  canEdit,
  onAdd,
  onTag,
  onClear,
  onDeleted,
}: {
  q: string;
  tag: string;
  canEdit: boolean;
  onAdd: () => void;
  onTag: (tag: string) => void;
  onClear: () => void;
  onDeleted: (doc: DocumentSummary) => void;
}) {
  const router = useRouter();
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const [pendingDelete, setPendingDelete] = useState<DocumentSummary | null>(null);
  const remove = useDeleteDocument((doc) => {
    setPendingDelete(null);
    onDeleted(doc);
  });
  const page = useQuery({
    queryKey: queryKeys.knowledgeDocuments({ q, tag, cursor }),
    queryFn: () => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (cursor) params.set("cursor", cursor);
      if (q) params.set("q", q);
      if (tag) params.set("tag", tag);
      return api<DocumentPage>(`/api/knowledge/documents?${params.toString()}`);
    },
    placeholderData: keepPreviousData,
  });

  function cancelDelete() {
    const docId = pendingDelete?.id;
    setPendingDelete(null);
    remove.reset();
    if (docId) document.getElementById(`delete-document-${docId}`)?.focus();
  }

  const filtered = q !== "" || tag !== "";
  // Format and size sit under the title, so the table fits beside the sidebar on a laptop screen.
  const columns: Column[] = ["Title and format", "Source", "Tags", "Version", "Chunks", "Effective", "Updated"];
  if (canEdit) columns.push({ label: "Actions", hidden: true });

  if (page.isPending) return <Loading>Loading documents…</Loading>;
  if (page.isError) return <Alert tone="danger">{page.error.message}</Alert>;
  if (page.data.items.length === 0 && !pages.hasNewer) {
    return filtered ? (
      <EmptyState
        icon={SearchX}
        headingLevel="h3"
        className="py-8 sm:py-10"
        title="No documents match"
        description={
          q && tag
            ? `No document matches “${q}” with the tag “${tag}”.`
            : q
              ? `No document matches “${q}”.`
              : `No document has the tag “${tag}”.`
        }
        action={
          <Button variant="secondary" onClick={onClear}>
            Clear filters
          </Button>
        }
      />
    ) : (
      <EmptyState
        icon={BookOpen}
        headingLevel="h3"
        title="No documents yet"
        description={
          canEdit
            ? "Add product sheets, policies and price lists. Each is split into chunks and embedded, so drafts can retrieve and cite the exact passage."
            : "Editors and admins add product sheets, policies and price lists here. Ask one of them to add the sources your drafts need."
        }
        action={
          canEdit ? (
            <Button onClick={onAdd}>
              <Plus aria-hidden="true" />
              Add documents
            </Button>
          ) : undefined
        }
      />
    );
  }

  return (
    <div className="space-y-4">
      {pendingDelete ? (
        <ConfirmDelete
          title={pendingDelete.title}
          chunkCount={pendingDelete.chunkCount}
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onConfirm={() => remove.mutate(pendingDelete)}
          onCancel={cancelDelete}
        />
      ) : null}
      <div aria-busy={page.isFetching} className={page.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
        <DataTable caption="Knowledge documents" columns={columns} className="text-[13px]">
          {page.data.items.map((d) => {
            const href = documentHref(d.id);
            return (
              <tr
                key={d.id}
                className="hover:bg-muted/50 cursor-pointer"
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest("a, button, input, select, textarea")) return;
                  router.push(href);
                }}
              >
                <td className="min-w-44 py-2.5 pr-4">
                  <Link href={href} className="text-foreground font-medium break-words hover:underline">
                    {d.title}
                  </Link>
                  <div className="text-muted-foreground text-xs">
                    {FORMAT_LABELS[d.sourceFormat]} · {formatBytes(d.byteSize)}
                  </div>
                </td>
                <td className="max-w-40 py-2.5 pr-4">
                  <div className="truncate font-mono text-xs" title={d.source}>
                    {d.source}
                  </div>
                  <div className="text-muted-foreground text-xs">{SOURCE_KIND_LABELS[d.sourceKind]}</div>
                </td>
                <td className="py-2.5 pr-4">
                  <div className="flex w-36 flex-wrap gap-1">
                    {d.tags.length === 0 ? <span className="text-muted-foreground">—</span> : null}
                    {(d.tags.includes(tag) ? [tag, ...d.tags.filter((t) => t !== tag)] : d.tags)
                      .slice(0, MAX_TAGS)
                      .map((t) => (
                        <button
                          key={t}
                          type="button"
                          onClick={() => onTag(t)}
                          aria-label={`Show documents tagged ${t}`}
                          className="rounded-full"
                        >
                          <Badge tone={t === tag ? "brand" : "neutral"} className="hover:border-primary">
                            {t}
                          </Badge>
                        </button>
                      ))}
                    {d.tags.length > MAX_TAGS ? (
                      <Badge title={d.tags.slice(MAX_TAGS).join(", ")}>
                        +{d.tags.length - MAX_TAGS}
                        <span className="sr-only"> more: {d.tags.slice(MAX_TAGS).join(", ")}</span>
                      </Badge>
                    ) : null}
                  </div>
                </td>
                <td className="py-2.5 pr-4 tabular-nums">v{d.version}</td>
                <td className="py-2.5 pr-4 tabular-nums">{formatInt(d.chunkCount)}</td>
                <td className="py-2.5 pr-4 whitespace-nowrap">{formatDay(d.effectiveDate)}</td>
                <td className="text-muted-foreground py-2.5 pr-4 whitespace-nowrap">{formatDate(d.updatedAt)}</td>
                {canEdit ? (
                  <td className="py-1.5 text-right">
                    <Button
                      id={`delete-document-${d.id}`}
                      size="icon-sm"
                      variant="ghost"
                      aria-label={`Delete ${d.title}`}
                      title="Delete"
                      className="hover:text-danger"
                      onClick={() => {
                        remove.reset();
                        setPendingDelete(d);
                      }}
                    >
                      <Trash2 aria-hidden="true" />
                    </Button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </DataTable>
      </div>
      <CursorPager pages={pages} nextCursor={page.data.nextCursor} />
    </div>
  );
}

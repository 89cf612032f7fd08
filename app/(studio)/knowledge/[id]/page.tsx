import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { DocumentView } from "@/components/knowledge/document-view";
import { isAppError } from "@/lib/errors";
import type { DocumentDetail } from "@/lib/schemas/knowledge";
import { requirePageAccess } from "@/server/auth/context";
import type { WorkspaceCtx } from "@/server/context";
import { db } from "@/server/db";
import { knowledgeDeps } from "@/server/features/rag/runtime";
import { getDocument } from "@/server/features/rag/service";

type Props = { params: Promise<{ id: string }> };

/** The document, read once per request (metadata and page share it); an unknown id is a 404. */
const loadDocument = cache(async (id: string): Promise<DocumentDetail> => {
  const s = await requirePageAccess();
  const ws: WorkspaceCtx = {
    db: db(),
    actor: { type: "user", id: s.user.id, label: s.user.email },
    workspaceId: s.active.id,
    role: s.active.role,
    requestId: randomUUID(),
  };
  try {
    return await getDocument(knowledgeDeps(), ws, id);
  } catch (e) {
    if (isAppError(e) && e.kind === "not_found") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const doc = await loadDocument(id);
  return { title: `${doc.title} · Knowledge · Lectern` };
}

export default async function KnowledgeDocumentPage({ params }: Props) {
  const s = await requirePageAccess();
  const { id } = await params;
  const doc = await loadDocument(id);
  return <DocumentView key={doc.id} id={doc.id} role={s.active.role} initialData={doc} />;
}

/**
 * One click from a rejected draft to a golden case: the newest rejection (or request for
 * changes) recorded for the draft, its reason and flags turned into expectations by
 * `assertionsFromRejection`, stored in the chosen set or in "Regressions" (created on first use).
 */
import { AppError } from "@/lib/errors";
import { DraftContent, DraftFlag, DraftFormat } from "@/lib/schemas/drafts";
import type { Assertion } from "@/lib/schemas/evals";
import {
  DEFAULT_PROMOTION_SET,
  PromoteBody,
  type GoldenCaseOut,
  type PromotionPreview,
} from "@/lib/schemas/golden-sets";
import type { Tx, WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { z } from "zod";
import { assertionsFromRejection } from "./promote";
import { insertCase, insertSet } from "./sets";
import * as repo from "./repository";

const FALLBACK: Assertion = {
  kind: "governor_pass",
  label: "Style governor passes (nothing more specific could be read from the rejection: edit the case to add more)",
};

async function suggestion(tx: Tx, workspaceId: string, draftId: string) {
  const draft = await repo.findDraftTitle(tx, workspaceId, draftId);
  if (!draft) throw new AppError("not_found:draft", "No such draft in this workspace.");
  const c = await repo.latestCandidate(tx, workspaceId, draftId);
  if (!c)
    throw new AppError(
      "conflict:not_rejected",
      "Only a draft that was rejected or sent back for changes can become a golden case: its reason is what the case tests.",
    );
  const format = DraftFormat.parse(c.format);
  const suggested = assertionsFromRejection({
    reason: c.reason,
    flags: z.array(DraftFlag).parse(c.flags),
    content: DraftContent.parse(c.content),
    format,
  });
  const decision = c.decision === "rejected" ? ("rejected" as const) : ("changes_requested" as const);
  return {
    candidate: c,
    preview: {
      draftId,
      decision,
      reason: c.reason,
      name: `${decision === "rejected" ? "Rejected" : "Sent back"}: ${draft.title}`.slice(0, 120),
      brief: c.brief,
      format,
      expectations: suggested.length ? suggested : [FALLBACK],
      promotedCaseIds: (await repo.casesFromDraft(tx, workspaceId, draftId)).map((x) => x.id),
    } satisfies PromotionPreview,
  };
}

export async function previewPromotion(ctx: WorkspaceCtx, draftId: string): Promise<PromotionPreview> {
  requireRole(ctx, "editor", "promote drafts to golden cases");
  return (await suggestion(ctx.db, ctx.workspaceId, draftId)).preview;
}

export async function promoteDraft(
  ctx: WorkspaceCtx,
  draftId: string,
  raw: unknown,
): Promise<GoldenCaseOut & { setName: string }> {
  requireRole(ctx, "editor", "promote drafts to golden cases");
  const body = PromoteBody.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const { candidate, preview } = await suggestion(tx, ctx.workspaceId, draftId);
    let setId = body.setId;
    let setName: string;
    if (setId) {
      const s = await repo.findSet(tx, ctx.workspaceId, setId);
      if (!s) throw new AppError("not_found:golden_set", "No such golden set in this workspace.");
      setName = s.name;
    } else {
      setName = DEFAULT_PROMOTION_SET;
      setId =
        (await repo.findSetByName(tx, ctx.workspaceId, DEFAULT_PROMOTION_SET))?.id ??
        (await insertSet(tx, ctx, {
          name: DEFAULT_PROMOTION_SET,
          description: "Cases promoted from rejected drafts: each checks that the reason for rejecting does not recur.",
        }));
    }
    const created = await insertCase(
      tx,
      ctx,
      setId,
      {
        name: body.name ?? preview.name,
        brief: preview.brief,
        format: preview.format,
        expectations: body.expectations ?? preview.expectations,
      },
      draftId,
    );
    await repo.markPromoted(tx, candidate.id, created.id, new Date());
    return { ...created, setName };
  });
}

/**
 * The queue's keyset: (flagLevel desc, dueAt asc, reviewSince asc, id asc), encoded as an opaque
 * base64url cursor. Pages stay fast at any depth and stable while drafts come and go.
 */
import { AppError } from "@/lib/errors";

export type QueueKey = { flagLevel: number; dueAt: Date; reviewSince: Date; id: string };

export function encodeQueueCursor(k: QueueKey): string {
  return Buffer.from(JSON.stringify([k.flagLevel, k.dueAt.toISOString(), k.reviewSince.toISOString(), k.id])).toString(
    "base64url",
  );
}

export function decodeQueueCursor(cursor: string): QueueKey {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 4) {
      const [flagLevel, due, since, id] = v as unknown[];
      const dueAt = new Date(String(due));
      const reviewSince = new Date(String(since));
      if (
        typeof flagLevel === "number" &&
        Number.isInteger(flagLevel) &&
        typeof id === "string" &&
        !Number.isNaN(dueAt.getTime()) &&
        !Number.isNaN(reviewSince.getTime())
      )
        return { flagLevel, dueAt, reviewSince, id };
    }
  } catch {
    // fall through to the typed error
  }
  throw new AppError("validation:cursor", "That page link is no longer valid; start from the first page of the queue.");
}

/** Prisma `where` for "after this key" in the queue order. */
export function afterKey(k: QueueKey) {
  return {
    OR: [
      { flagLevel: { lt: k.flagLevel } },
      { flagLevel: k.flagLevel, dueAt: { gt: k.dueAt } },
      { flagLevel: k.flagLevel, dueAt: k.dueAt, reviewSince: { gt: k.reviewSince } },
      { flagLevel: k.flagLevel, dueAt: k.dueAt, reviewSince: k.reviewSince, id: { gt: k.id } },
    ],
  };
}

export const QUEUE_ORDER = [
  { flagLevel: "desc" as const },
  { dueAt: "asc" as const },
  { reviewSince: "asc" as const },
  { id: "asc" as const },
];

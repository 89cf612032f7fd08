/** A position in a newest-first list ordered by (createdAt desc, id desc). */
export type Keyset = { createdAt: Date; id: string };

export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/**
 * The rows after `cursor` in newest-first order. The id breaks ties between
 * rows written in the same millisecond, so pages never skip or repeat a row.
 */
export function olderThan(cursor: Keyset | undefined) {
  return cursor
    ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
    : {};
}

/**
 * Query keys of the review pages (queue, settings) and the notifications bell, in one place so
 * invalidation after a decision cannot miss a spelling.
 */
export type QueueFilters = { channel: string; campaignId: string; flagKind: string; assignee: string };

export const reviewKeys = {
  /** Prefix of every review query. */
  all: ["review"] as const,
  /** Prefix of every queue page (invalidate this after a decision, a claim or a bulk approval). */
  queues: ["review", "queue"] as const,
  queue: (workspaceId: string, f: QueueFilters, cursor?: string) =>
    ["review", "queue", workspaceId, f.channel, f.campaignId, f.flagKind, f.assignee, cursor ?? "first"] as const,
  settings: ["review", "settings"] as const,
  /** Prefix of every notifications query. */
  notifications: ["notifications"] as const,
  /** The signed-in person's latest notifications in a workspace (the bell's list and unread count). */
  notificationList: (workspaceId: string) => ["notifications", workspaceId] as const,
};

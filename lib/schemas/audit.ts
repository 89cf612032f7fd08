import { z } from "zod";

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const AuditEventOut = z.object({
  id: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actor: z.object({
    type: z.enum(["user", "api_key", "system"]),
    id: z.string().nullable(),
    label: z.string().nullable(),
  }),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const AuditPage = z.object({ items: z.array(AuditEventOut), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

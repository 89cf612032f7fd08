/**
 * The outbox. `emitEvent` is called inside the transaction that makes the change the event
 * reports (publishing a draft, approving an email): the event and one delivery per subscribed,
 * enabled endpoint commit together with it or not at all. The delivery worker (delivery/) sends
 * them afterwards, at least once, with the event id as the `webhook-id` on every attempt.
 */
import type { Tx } from "@/server/context";
import { newEventId } from "./ids";

export type EmitInput = {
  workspaceId: string;
  type: string;
  data: Record<string, unknown>;
  draftId?: string | null;
  /** Send to these endpoints only, whatever they subscribe to (the test event). */
  endpointIds?: string[];
  now?: Date;
};

export type Emitted = { eventId: string; deliveryIds: string[]; body: string };

/** The exact JSON every delivery of the event carries (and signs). */
export function eventBody(type: string, at: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}

export async function emitEvent(tx: Tx, input: EmitInput): Promise<Emitted> {
  const now = input.now ?? new Date();
  const id = newEventId();
  const body = eventBody(input.type, now, input.data);
  await tx.webhookEvent.create({
    data: {
      id,
      workspaceId: input.workspaceId,
      type: input.type,
      body,
      draftId: input.draftId ?? null,
      createdAt: now,
    },
  });
  const endpoints = await tx.webhookEndpoint.findMany({
    where: input.endpointIds
      ? { workspaceId: input.workspaceId, id: { in: input.endpointIds }, deletedAt: null }
      : {
          workspaceId: input.workspaceId,
          deletedAt: null,
          enabled: true,
          eventTypes: { contains: `,${input.type},` },
        },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const deliveryIds: string[] = [];
  for (const e of endpoints) {
    const d = await tx.webhookDelivery.create({
      data: {
        workspaceId: input.workspaceId,
        eventId: id,
        endpointId: e.id,
        eventType: input.type,
        status: "pending",
        nextAttemptAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    deliveryIds.push(d.id);
  }
  return { eventId: id, deliveryIds, body };
}

/** How event types are stored on an endpoint (`,a,b,`): LIKE-matchable on both databases. */
export function encodeEventTypes(types: readonly string[]): string {
  return `,${[...new Set(types)].sort().join(",")},`;
}

export function decodeEventTypes(stored: string): string[] {
  return stored.split(",").filter(Boolean);
}

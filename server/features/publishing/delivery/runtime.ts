import "server-only";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { createDeliveryWorker, type DeliveryWorker } from "./worker";

/**
 * The process-wide delivery worker, started by instrumentation.ts next to the job runner.
 * Several instances may run one each against the same database: claims are fenced there.
 */
const g = globalThis as unknown as { __lecternDeliveries?: DeliveryWorker };

export function deliveryWorker(): DeliveryWorker {
  g.__lecternDeliveries ??= createDeliveryWorker({
    db: db(),
    secretKey: env().secretKey,
    onError: (deliveryId, err) => log().warn({ deliveryId, err }, "webhook delivery error"),
  });
  return g.__lecternDeliveries;
}

/**
 * Call after committing a transaction that emitted events: the worker looks for them now
 * instead of at its next poll. A no-op where no worker was started (tests, CLI scripts);
 * the events wait in the outbox for whichever worker runs next.
 */
export function kickDeliveries(): void {
  g.__lecternDeliveries?.kick();
}

import { randomBytes } from "node:crypto";

/**
 * A `webhook-id`: `msg_` + 22 url-safe characters (128 random bits). Receivers de-duplicate on
 * it, so it is the event's primary key and never changes across retries or replays.
 */
export function newEventId(): string {
  return `msg_${randomBytes(16).toString("base64url")}`;
}

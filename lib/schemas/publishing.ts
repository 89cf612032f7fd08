/**
 * Publishing's contract: webhook endpoints, events, deliveries and their attempts, publishing and
 * unpublishing drafts, and published pages. One schema per shape, shared by the forms, the
 * internal routes and API v1.
 */
import { z } from "zod";
import { DraftStatus } from "./drafts";

// ---- events ---------------------------------------------------------------------------------

/** Event types an endpoint can subscribe to (dot-separated, per the Standard Webhooks spec). */
export const EVENT_TYPES = [
  "page.published",
  "draft.unpublished",
  "email.approved",
  "ad.approved",
  "page.approved",
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** Sent only by "Send test event", to one endpoint, whatever it subscribes to. */
export const TEST_EVENT_TYPE = "webhook.test";

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  "page.published": "An SEO page is published (or republished)",
  "draft.unpublished": "A published page is taken down",
  "email.approved": "An email is approved",
  "ad.approved": "An ad is approved",
  "page.approved": "An SEO page is approved (before it is published)",
};

// ---- endpoints ------------------------------------------------------------------------------

/** Header names Lectern sets itself; custom headers may not override them. */
export const RESERVED_HEADERS = [
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "content-type",
  "content-length",
  "host",
  "user-agent",
  "connection",
  "transfer-encoding",
] as const;

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;

export const CustomHeaders = z
  .record(
    z.string().regex(HEADER_NAME, "Header names are letters, digits and - _ . only"),
    z
      .string()
      .max(1000, "Keep header values under 1,000 characters")
      .regex(/^[\t\x20-\x7e\x80-\xff]*$/, "Header values cannot contain line breaks or control characters"),
  )
  .refine((h) => Object.keys(h).length <= 20, "At most 20 custom headers")
  .refine(
    (h) => Object.keys(h).every((k) => !(RESERVED_HEADERS as readonly string[]).includes(k.toLowerCase())),
    "Lectern sets webhook-*, content-type, host and user-agent itself; remove them from the custom headers",
  );
export type CustomHeaders = z.infer<typeof CustomHeaders>;

/**
 * The URL as typed: http(s), no credentials. Whether its host resolves to an allowed address is
 * checked by the server (the SSRF guard), not here.
 */
export const EndpointUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL that receives the webhooks")
  .max(2000, "Keep the URL under 2,000 characters")
  .superRefine((raw, ctx) => {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a full URL such as https://cms.example.com/hooks/lectern" });
      return;
    }
    if (u.protocol !== "https:" && u.protocol !== "http:")
      ctx.addIssue({ code: "custom", message: `Use an http(s) URL; "${u.protocol}" URLs cannot receive webhooks` });
    else if (u.username || u.password)
      ctx.addIssue({
        code: "custom",
        message:
          "Remove the user name and password from the URL; send credentials as a custom header (e.g. Authorization) instead",
      });
    else if (u.hash) ctx.addIssue({ code: "custom", message: "Remove the #fragment from the URL" });
  });

const EventTypes = z
  .array(EventType)
  .min(1, "Subscribe to at least one event type")
  .transform((t) => [...new Set(t)].sort());

/** The endpoint's fields without defaults (an edit changes only what it sends). */
const EndpointFields = z.object({
  url: EndpointUrl,
  description: z.string().trim().max(200, "Keep the description under 200 characters"),
  eventTypes: EventTypes,
  enabled: z.boolean(),
  /** Allows private, loopback and link-local addresses (a CMS on the local network; tests). */
  allowPrivate: z.boolean(),
  headers: CustomHeaders,
});

export const EndpointBody = EndpointFields.extend({
  description: EndpointFields.shape.description.default(""),
  enabled: z.boolean().default(true),
  allowPrivate: z.boolean().default(false),
  headers: CustomHeaders.default({}),
});
export type EndpointBody = z.input<typeof EndpointBody>;

/** An edit: the version the admin saw (409 when someone changed it) and only the fields to change. */
export const EndpointPatch = EndpointFields.partial().extend({ version: z.number().int().min(1) });
export type EndpointPatch = z.input<typeof EndpointPatch>;

export const EndpointOut = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(EventType),
  enabled: z.boolean(),
  /** Why it is disabled (by a person, or the receiver answered 410 Gone). */
  disabledReason: z.string().nullable(),
  allowPrivate: z.boolean(),
  headers: z.record(z.string(), z.string()),
  /** The signing secret's last 4 characters (the secret is shown once, or revealed by an admin). */
  secretLast4: z.string(),
  /** While a rotation overlaps: until when the previous secret still signs. */
  previousSecretUntil: z.iso.datetime().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  /** Over the last 24 hours. */
  stats: z.object({
    attempts: z.number().int(),
    succeeded: z.number().int(),
    /** Succeeded / attempts, or null with no attempts. */
    successRate: z.number().nullable(),
    pending: z.number().int(),
    dead: z.number().int(),
    /** 24 hourly buckets, oldest first: success rate (null = no attempts that hour). */
    sparkline: z.array(z.number().nullable()),
  }),
  /** A warning about the URL found when it was saved (e.g. the host does not resolve now). */
  warning: z.string().nullable(),
});
export type EndpointOut = z.infer<typeof EndpointOut>;

export const EndpointList = z.object({ items: z.array(EndpointOut) });
export type EndpointList = z.infer<typeof EndpointList>;

/** Returned by create and rotate: the only responses that carry the secret unasked. */
export const EndpointWithSecret = EndpointOut.extend({ secret: z.string() });
export type EndpointWithSecret = z.infer<typeof EndpointWithSecret>;

export const RotateSecretBody = z.object({
  /** How long the previous secret keeps signing (both signatures are sent). 0 ends it at once. */
  overlapHours: z.number().int().min(0).max(168, "Overlap at most 7 days (168 hours)").default(24),
});
export type RotateSecretBody = z.input<typeof RotateSecretBody>;

export const RevealedSecret = z.object({ secret: z.string() });
export type RevealedSecret = z.infer<typeof RevealedSecret>;

// ---- deliveries and attempts ----------------------------------------------------------------

export const DELIVERY_STATUSES = ["pending", "delivering", "succeeded", "dead"] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const ATTEMPT_OUTCOMES = [
  "success",
  "http_error",
  "redirect",
  "timeout",
  "network",
  "blocked",
  "worker_lost",
  "skipped",
] as const;
export const AttemptOutcome = z.enum(ATTEMPT_OUTCOMES);
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

export const AttemptOut = z.object({
  attempt: z.number().int(),
  startedAt: z.iso.datetime(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  outcome: AttemptOutcome,
  error: z.string().nullable(),
  /** The first bytes of the response (bounded). */
  responseSnippet: z.string().nullable(),
  nextRetryAt: z.iso.datetime().nullable(),
});
export type AttemptOut = z.infer<typeof AttemptOut>;

export const DeliveryOut = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  endpoint: z.object({ id: z.string(), url: z.string(), deleted: z.boolean() }),
  status: DeliveryStatus,
  /** Attempts over the delivery's life. */
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deadReason: z.string().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** The draft the event is about, when it is about one. */
  draft: z.object({ id: z.string(), title: z.string() }).nullable(),
});
export type DeliveryOut = z.infer<typeof DeliveryOut>;

export const DeliveryDetail = DeliveryOut.extend({
  attemptLog: z.array(AttemptOut),
  /** The signed JSON body, as sent. */
  body: z.string(),
});
export type DeliveryDetail = z.infer<typeof DeliveryDetail>;

export const DeliveryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(300).optional(),
  endpointId: z.string().max(100).optional(),
  status: DeliveryStatus.optional(),
  eventType: z.string().max(100).optional(),
  /** Matches the event id (`msg_…`) or the draft's title. */
  q: z.string().trim().max(200).optional(),
});
export type DeliveryQuery = z.input<typeof DeliveryQuery>;

export const DeliveryPage = z.object({
  items: z.array(DeliveryOut),
  nextCursor: z.string().nullable(),
  /** Over the workspace (the filters not applied): for the status chips. */
  counts: z.object({ pending: z.number().int(), succeeded: z.number().int(), dead: z.number().int() }),
});
export type DeliveryPage = z.infer<typeof DeliveryPage>;

/** Replay dead (or delivered) deliveries: by id, or every dead one (optionally of one endpoint). */
export const ReplayBody = z.union([
  z.object({ ids: z.array(z.string().min(1).max(100)).min(1, "Select at least one delivery").max(500) }),
  z.object({ allDead: z.literal(true), endpointId: z.string().max(100).optional() }),
]);
export type ReplayBody = z.infer<typeof ReplayBody>;

export const ReplayResult = z.object({
  replayed: z.array(z.string()),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type ReplayResult = z.infer<typeof ReplayResult>;

export const TestEventResult = z.object({ eventId: z.string(), deliveryId: z.string() });
export type TestEventResult = z.infer<typeof TestEventResult>;

// ---- publishing drafts ----------------------------------------------------------------------

export const PublishBody = z.object({
  /** The version the person saw; a different current version is a 409. */
  version: z.number().int().min(1),
});
export type PublishBody = z.infer<typeof PublishBody>;

export const UnpublishBody = PublishBody.extend({
  reason: z.string().trim().max(500).optional(),
});
export type UnpublishBody = z.input<typeof UnpublishBody>;

export const PublishResult = z.object({
  id: z.string(),
  status: DraftStatus,
  version: z.number().int(),
  /** SEO pages: where Lectern serves it (absolute when the public URL is known). */
  url: z.string().nullable(),
  /** The event written to the outbox, and how many endpoints it goes to. */
  eventId: z.string(),
  deliveries: z.number().int(),
});
export type PublishResult = z.infer<typeof PublishResult>;

/** The publishing side of one draft, for the draft page. */
export const PublicationState = z.object({
  draftId: z.string(),
  status: DraftStatus,
  version: z.number().int(),
  canPublish: z.boolean(),
  canUnpublish: z.boolean(),
  /** Why it cannot be published now (null when it can, or when it is published). */
  blockedReason: z.string().nullable(),
  page: z
    .object({
      slug: z.string(),
      path: z.string(),
      status: z.enum(["live", "unpublished"]),
      revision: z.number().int(),
      publishedAt: z.iso.datetime(),
      unpublishedAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  /** Recent events about this draft and how their deliveries went. */
  events: z.array(
    z.object({
      eventId: z.string(),
      type: z.string(),
      createdAt: z.iso.datetime(),
      deliveries: z.object({
        total: z.number().int(),
        succeeded: z.number().int(),
        pending: z.number().int(),
        dead: z.number().int(),
      }),
    }),
  ),
});
export type PublicationState = z.infer<typeof PublicationState>;

export const PublishedPageOut = z.object({
  draftId: z.string(),
  slug: z.string(),
  title: z.string(),
  path: z.string(),
  status: z.enum(["live", "unpublished"]),
  revision: z.number().int(),
  publishedAt: z.iso.datetime(),
  unpublishedAt: z.iso.datetime().nullable(),
});
export type PublishedPageOut = z.infer<typeof PublishedPageOut>;

export const PublishedPageList = z.object({ items: z.array(PublishedPageOut), nextCursor: z.string().nullable() });
export type PublishedPageList = z.infer<typeof PublishedPageList>;

// ---- the payload receivers get ----------------------------------------------------------------

/** One factual sentence of a page and the knowledge that supports it (empty when unsupported). */
export const ClaimLedgerEntry = z.object({
  sentence: z.string(),
  supported: z.boolean(),
  sources: z.array(
    z.object({
      chunkId: z.string(),
      documentId: z.string(),
      documentTitle: z.string(),
      /** SHA-256 (hex) of the passage text in the knowledge base (null: deleted since the draft was written). */
      contentHash: z.string().nullable(),
    }),
  ),
});
export type ClaimLedgerEntry = z.infer<typeof ClaimLedgerEntry>;

/** The body of every delivery: `{ type, timestamp, data }` (Standard Webhooks' recommended shape). */
export const WebhookPayload = z.object({
  type: z.string(),
  timestamp: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;

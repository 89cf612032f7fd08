import { z } from "zod";
import { AuditPage, AuditQuery, AuditVerifyResult } from "@/lib/schemas/audit";
import { CreatedInvitation, InviteBody, MembersResponse, WorkspaceInfo } from "@/lib/schemas/workspace";
import type { ApiKeyScope } from "@/lib/schemas/api-keys";
import {
  DocumentListQuery,
  DocumentPage,
  GroundBody,
  GroundResult,
  JobOut,
  SearchBody,
  SearchResult,
} from "@/lib/schemas/knowledge";
import { GuardScanBody, GuardScanResult } from "@/lib/schemas/guardrails";
import { CreateDraftBody, DraftDetail, DraftListQuery, DraftPage, ExportQuery } from "@/lib/schemas/drafts";
import { BatchApiBody, BatchOut } from "@/lib/schemas/batches";
import {
  CommentBody,
  CommentList,
  DecisionBody,
  DecisionResult,
  DraftComment,
  QueuePage,
  QueueQuery,
  ReviewState,
} from "@/lib/schemas/review";
import {
  DeliveryDetail,
  DeliveryPage,
  DeliveryQuery,
  EndpointBody,
  EndpointList,
  EndpointOut,
  EndpointPatch,
  EndpointWithSecret,
  PublishBody,
  PublishedPageList,
  PublishResult,
  ReplayBody,
  ReplayResult,
  RotateSecretBody,
  TestEventResult,
  UnpublishBody,
} from "@/lib/schemas/publishing";
import { JSONLD_MAX_BODY_BYTES, JsonLdReport, JsonLdValidateBody } from "@/lib/schemas/jsonld";
import { AssignBody, AssignResult, ExperimentOut, OutcomeBody, OutcomeResult } from "@/lib/schemas/experiments";

const IdParams = z.object({ id: z.string().min(1).max(100) });
const PageListQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/**
 * The public API's contract: one entry per endpoint, used both by the route
 * handlers (validation) and by the OpenAPI document, so the two cannot drift.
 * Later features add their resources here.
 */
export type V1Endpoint = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  scope: ApiKeyScope;
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  status: number;
  /** Body size limit when the endpoint takes more than MAX_BODY_BYTES. */
  maxBodyBytes?: number;
};

export const v1 = {
  getWorkspace: {
    method: "get",
    path: "/api/v1/workspace",
    summary: "The workspace this API key belongs to",
    tag: "Workspace",
    scope: "read",
    response: WorkspaceInfo,
    status: 200,
  },
  listMembers: {
    method: "get",
    path: "/api/v1/members",
    summary: "Members and pending invitations",
    tag: "Members",
    scope: "read",
    response: MembersResponse,
    status: 200,
  },
  createInvitation: {
    method: "post",
    path: "/api/v1/invitations",
    summary: "Invite someone to the workspace; returns a one-time accept URL",
    tag: "Members",
    scope: "write",
    body: InviteBody,
    response: CreatedInvitation,
    status: 201,
  },
  listAuditEvents: {
    method: "get",
    path: "/api/v1/audit-events",
    summary:
      "The workspace audit trail, newest first (cursor pagination), filtered by action, entity, actor and time range",
    tag: "Audit",
    scope: "read",
    query: AuditQuery,
    response: AuditPage,
    status: 200,
  },
  verifyAuditChain: {
    method: "post",
    path: "/api/v1/audit-events/verify",
    summary:
      "Recompute the workspace's audit hash chain: ok, or the problems (edited, deleted or reordered events) with their seq",
    tag: "Audit",
    scope: "read",
    response: AuditVerifyResult,
    status: 200,
  },
  listKnowledgeDocuments: {
    method: "get",
    path: "/api/v1/knowledge/documents",
    summary: "Knowledge-base documents, most recently updated first (cursor pagination)",
    tag: "Knowledge",
    scope: "read",
    query: DocumentListQuery,
    response: DocumentPage,
    status: 200,
  },
  searchKnowledge: {
    method: "post",
    path: "/api/v1/knowledge/search",
    summary:
      "Hybrid search of the knowledge base (BM25 + vectors, Reciprocal Rank Fusion); each hit says why it ranked",
    tag: "Knowledge",
    scope: "read",
    body: SearchBody,
    response: SearchResult,
    status: 200,
  },
  groundText: {
    method: "post",
    path: "/api/v1/knowledge/ground",
    summary:
      "Check a text against the knowledge base: per factual sentence, the supporting chunks or unsupported, and a grounding score",
    tag: "Knowledge",
    scope: "read",
    body: GroundBody,
    response: GroundResult,
    status: 200,
  },
  scanGuardrails: {
    method: "post",
    path: "/api/v1/guardrails/scan",
    summary:
      "Scan a text with the workspace's guardrail policy: PII findings (type, span, score, recognizer), the prompt-injection score and signals, output flags, and the text as an external model would receive it",
    tag: "Guardrails",
    scope: "read",
    body: GuardScanBody,
    response: GuardScanResult,
    status: 200,
  },
  createDraft: {
    method: "post",
    path: "/api/v1/drafts",
    summary:
      "Create a draft from a brief: retrieval, structured generation, channel validation, the governed loop, grounding, guardrails; returns the draft with its full record",
    tag: "Drafts",
    scope: "write",
    body: CreateDraftBody,
    response: DraftDetail,
    status: 201,
  },
  listDrafts: {
    method: "get",
    path: "/api/v1/drafts",
    summary: "Drafts, newest first (cursor pagination), filtered by channel, status, campaign or text",
    tag: "Drafts",
    scope: "read",
    query: DraftListQuery,
    response: DraftPage,
    status: 200,
  },
  getDraft: {
    method: "get",
    path: "/api/v1/drafts/{id}",
    summary:
      "One draft with its full record: steps, prompt version, route, chunk ids, citations, alerts, flags, scores, cost",
    tag: "Drafts",
    scope: "read",
    params: IdParams,
    response: DraftDetail,
    status: 200,
  },
  exportDraft: {
    method: "get",
    path: "/api/v1/drafts/{id}/export",
    summary:
      "Export a draft: `as=csv` (Google Ads Editor layout, formula-safe) or `json` for ads, `eml` or `json` for emails, `html` or `json` for SEO pages",
    tag: "Drafts",
    scope: "read",
    params: IdParams,
    query: ExportQuery,
    status: 200,
  },
  queueDraft: {
    method: "post",
    path: "/api/v1/drafts/jobs",
    summary:
      "Create a draft as a background job (same pipeline); poll GET /api/v1/jobs/{id}, whose result holds the draft id",
    tag: "Drafts",
    scope: "write",
    body: CreateDraftBody,
    response: JobOut,
    status: 202,
  },
  getJob: {
    method: "get",
    path: "/api/v1/jobs/{id}",
    summary: "A background job's status, progress, result or error (drafts, batches, knowledge ingests)",
    tag: "Jobs",
    scope: "read",
    params: IdParams,
    response: JobOut,
    status: 200,
  },
  createBatch: {
    method: "post",
    path: "/api/v1/batches",
    summary:
      "Start a programmatic SEO batch: a page template, the mapping of its {{variables}} to CSV columns, and the CSV as text (up to BATCH_MAX_ROWS rows)",
    tag: "Batches",
    scope: "write",
    body: BatchApiBody,
    response: BatchOut,
    status: 201,
  },
  getBatch: {
    method: "get",
    path: "/api/v1/batches/{id}",
    summary: "A batch's progress: done, flagged, failed and pending rows, rate, ETA, row errors, near-duplicate pairs",
    tag: "Batches",
    scope: "read",
    params: IdParams,
    response: BatchOut,
    status: 200,
  },
  validateJsonLd: {
    method: "post",
    path: "/api/v1/jsonld/validate",
    summary:
      "Validate JSON-LD offline in two layers, schema.org vocabulary and Google rich-result rules: a text (JSON-LD, or HTML whose ld+json script blocks are checked; up to 5 MB) or a parsed document. Findings carry a severity, rule id, JSONPath and, for text, line and column",
    tag: "Structured data",
    scope: "read",
    body: JsonLdValidateBody,
    response: JsonLdReport,
    status: 200,
    maxBodyBytes: JSONLD_MAX_BODY_BYTES,
  },
  listReviewQueue: {
    method: "get",
    path: "/api/v1/review/queue",
    summary:
      "Drafts waiting for review, by priority (error flags first, then campaign deadline, then time in queue), with filters, per-flag-kind counts and SLA state (cursor pagination)",
    tag: "Review",
    scope: "read",
    query: QueueQuery,
    response: QueuePage,
    status: 200,
  },
  getReviewState: {
    method: "get",
    path: "/api/v1/drafts/{id}/review",
    summary:
      "A draft's review state: status, version (send it back with a decision), assignee, SLA, last decision, the actions this key may take",
    tag: "Review",
    scope: "read",
    params: IdParams,
    response: ReviewState,
    status: 200,
  },
  decideDraft: {
    method: "post",
    path: "/api/v1/drafts/{id}/decision",
    summary:
      "Approve, request changes, reject, submit, archive or reopen a draft. `version` must be the current one (409 `conflict:stale_version` otherwise); request_changes and reject need a reason",
    tag: "Review",
    scope: "write",
    params: IdParams,
    body: DecisionBody,
    response: DecisionResult,
    status: 200,
  },
  listDraftComments: {
    method: "get",
    path: "/api/v1/drafts/{id}/comments",
    summary: "Comments on a draft, oldest first, with resolved @mentions",
    tag: "Review",
    scope: "read",
    params: IdParams,
    response: CommentList,
    status: 200,
  },
  addDraftComment: {
    method: "post",
    path: "/api/v1/drafts/{id}/comments",
    summary: "Comment on a draft (plain text; `@name` or `@email` mentions and notifies a member)",
    tag: "Review",
    scope: "write",
    params: IdParams,
    body: CommentBody,
    response: DraftComment,
    status: 201,
  },
  listWebhookEndpoints: {
    method: "get",
    path: "/api/v1/webhooks/endpoints",
    summary: "Webhook endpoints with their subscriptions, state and 24-hour delivery success rate",
    tag: "Webhooks",
    scope: "read",
    response: EndpointList,
    status: 200,
  },
  createWebhookEndpoint: {
    method: "post",
    path: "/api/v1/webhooks/endpoints",
    summary:
      "Add an endpoint. The response carries its signing secret (`whsec_…`) once. URLs must be http(s) without credentials; hosts resolving to private, loopback or link-local addresses are refused unless `allowPrivate` is set (422 `validation:url`)",
    tag: "Webhooks",
    scope: "write",
    body: EndpointBody,
    response: EndpointWithSecret,
    status: 201,
  },
  getWebhookEndpoint: {
    method: "get",
    path: "/api/v1/webhooks/endpoints/{id}",
    summary: "One webhook endpoint",
    tag: "Webhooks",
    scope: "read",
    params: IdParams,
    response: EndpointOut,
    status: 200,
  },
  updateWebhookEndpoint: {
    method: "patch",
    path: "/api/v1/webhooks/endpoints/{id}",
    summary:
      "Change an endpoint (send the `version` you read; 409 `conflict:stale_version` otherwise). Disabling it dead-letters its undelivered events",
    tag: "Webhooks",
    scope: "write",
    params: IdParams,
    body: EndpointPatch,
    response: EndpointOut,
    status: 200,
  },
  deleteWebhookEndpoint: {
    method: "delete",
    path: "/api/v1/webhooks/endpoints/{id}",
    summary: "Delete an endpoint; its undelivered events are dead-lettered with the reason",
    tag: "Webhooks",
    scope: "write",
    params: IdParams,
    status: 204,
  },
  rotateWebhookSecret: {
    method: "post",
    path: "/api/v1/webhooks/endpoints/{id}/rotate-secret",
    summary:
      "A new signing secret (returned once); the previous one keeps signing for `overlapHours` (both signatures are sent meanwhile)",
    tag: "Webhooks",
    scope: "write",
    params: IdParams,
    body: RotateSecretBody,
    response: EndpointWithSecret,
    status: 200,
  },
  sendWebhookTest: {
    method: "post",
    path: "/api/v1/webhooks/endpoints/{id}/test",
    summary: "Queue a `webhook.test` event to this endpoint (delivered like any other event)",
    tag: "Webhooks",
    scope: "write",
    params: IdParams,
    response: TestEventResult,
    status: 202,
  },
  listWebhookDeliveries: {
    method: "get",
    path: "/api/v1/webhooks/deliveries",
    summary:
      "The delivery log, newest first: filter by endpoint, status (`dead` is the dead-letter list), event type, or search an event id or draft title (cursor pagination)",
    tag: "Webhooks",
    scope: "read",
    query: DeliveryQuery,
    response: DeliveryPage,
    status: 200,
  },
  getWebhookDelivery: {
    method: "get",
    path: "/api/v1/webhooks/deliveries/{id}",
    summary: "One delivery with every attempt (status, latency, response snippet, next retry) and the signed body",
    tag: "Webhooks",
    scope: "read",
    params: IdParams,
    response: DeliveryDetail,
    status: 200,
  },
  replayWebhookDeliveries: {
    method: "post",
    path: "/api/v1/webhooks/deliveries/replay",
    summary:
      "Send dead-lettered (or delivered) deliveries again, by id or every dead one (`allDead`), with the same `webhook-id`",
    tag: "Webhooks",
    scope: "write",
    body: ReplayBody,
    response: ReplayResult,
    status: 200,
  },
  publishDraft: {
    method: "post",
    path: "/api/v1/drafts/{id}/publish",
    summary:
      "Publish an approved SEO page: served at /p/{slug} and sent as `page.published` (with HTML, JSON-LD and the claim ledger) in the same transaction",
    tag: "Publishing",
    scope: "write",
    params: IdParams,
    body: PublishBody,
    response: PublishResult,
    status: 200,
  },
  unpublishDraft: {
    method: "post",
    path: "/api/v1/drafts/{id}/unpublish",
    summary: "Take a published page down (410 Gone from then on) and send `draft.unpublished`",
    tag: "Publishing",
    scope: "write",
    params: IdParams,
    body: UnpublishBody,
    response: PublishResult,
    status: 200,
  },
  listPublishedPages: {
    method: "get",
    path: "/api/v1/pages",
    summary: "Pages this workspace publishes (live and taken down), most recently changed first",
    tag: "Publishing",
    scope: "read",
    query: PageListQuery,
    response: PublishedPageList,
    status: 200,
  },
  getExperiment: {
    method: "get",
    path: "/api/v1/experiments/{id}",
    summary:
      "An experiment with per-arm impressions, clicks, conversions, rate, probability of being best and current traffic share",
    tag: "Experiments",
    scope: "read",
    params: IdParams,
    response: ExperimentOut,
    status: 200,
  },
  assignExperimentArm: {
    method: "post",
    path: "/api/v1/experiments/{id}/assign",
    summary:
      "The arm (text) to show a unit: sticky per `unitId`, uniform until every arm has `minSamples` impressions, then Thompson sampling with a per-arm floor. The first assignment counts an impression; 409 `conflict:experiment_stopped` for a new unit once stopped",
    tag: "Experiments",
    scope: "write",
    params: IdParams,
    body: AssignBody,
    response: AssignResult,
    status: 200,
  },
  recordExperimentOutcome: {
    method: "post",
    path: "/api/v1/experiments/{id}/outcomes",
    summary:
      "Post back a click or conversion for an arm. Idempotent on `eventId` (a retry answers `counted: false`); 422 for an unknown arm, 409 once the experiment is stopped",
    tag: "Experiments",
    scope: "write",
    params: IdParams,
    body: OutcomeBody,
    response: OutcomeResult,
    status: 200,
  },
} as const satisfies Record<string, V1Endpoint>;

type SchemaOf<E, K extends string> = E extends { [P in K]: infer S extends z.ZodType } ? S : undefined;

/** Route options for an endpoint: API-key auth with its scope, its schemas and status. */
export function v1Route<E extends V1Endpoint>(e: E) {
  return {
    auth: "api_key" as const,
    scope: e.scope,
    body: e.body as SchemaOf<E, "body">,
    query: e.query as SchemaOf<E, "query">,
    params: e.params as SchemaOf<E, "params">,
    response: e.response as SchemaOf<E, "response">,
    status: e.status,
    maxBodyBytes: e.maxBodyBytes,
  };
}

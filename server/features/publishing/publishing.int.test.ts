import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import type { DraftDetail, DraftStatus } from "@/lib/schemas/drafts";
import { WebhookPayload } from "@/lib/schemas/publishing";
import type { WorkspaceCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { PROVIDERS, ROOT } from "@/server/testing/databases";
import { makeWorkspace, uid, useTestDb } from "@/server/testing/fixtures";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import { saveBrand } from "@/server/features/governor/service";
import { createDraft } from "@/server/features/generation/service";
import { makePipelineDeps } from "@/server/features/generation/testing";
import { NO_DEADLINE } from "@/server/features/review/flag-kinds";
import { decide } from "@/server/features/review/service";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  revealSecret,
  rotateSecret,
  sendTestEvent,
  updateEndpoint,
  type EndpointDeps,
} from "./endpoints";
import { deliveryDetail, listDeliveries, replayDeliveries } from "./log";
import { emitEvent } from "./outbox";
import { listPublishedPages, publicationState, publishDraft, unpublishDraft } from "./publish";
import { openWebhookSecret } from "./secret-store";

const KEY = Buffer.alloc(32, 7);
const publicDns = async () => [{ address: "93.184.215.14", family: 4 }];
const deps: EndpointDeps = { secretKey: KEY, lookup: publicDns };
const pubDeps = { origin: "https://studio.example.com" };

async function expectError(p: Promise<unknown>, code: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(AppError);
  // `forbidden` matches `forbidden:admin`; a full code must match exactly.
  const got = (e as AppError).code;
  expect(code.includes(":") ? got : got.split(":")[0]).toBe(code);
  return e as AppError;
}

describe.each(PROVIDERS)("publishing on %s", (provider) => {
  const getDb = useTestDb(provider);

  async function setup(ctx: Parameters<typeof getDb>[0]) {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin", "editor", "marketer"]);
    const { deps: pipeline, kb } = makePipelineDeps(db);
    await seedDemoKnowledge(kb, w.ws.id, ROOT);
    await saveBrand(w.ctxFor("admin"), { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0 });
    return { db, w, pipeline, admin: w.ctxFor("admin"), editor: w.ctxFor("editor"), marketer: w.ctxFor("marketer") };
  }

  /** A copy of a generated draft in the given state (fast: no pipeline run). */
  async function copyDraft(db: Db, source: DraftDetail, ctx: WorkspaceCtx, status: DraftStatus, slug?: string) {
    const s = slug ?? (source.slug ? `${source.slug}-${uid()}` : null);
    const content = source.content.format === "seo_page" && s ? { ...source.content, slug: s } : source.content;
    const row = await db.draft.create({
      data: {
        workspaceId: ctx.workspaceId,
        channel: source.channel,
        format: source.format,
        title: `${source.title} ${uid()}`,
        brief: source.brief,
        status,
        verdict: "pass",
        content: content as never,
        text: "copy",
        record: source.record as never,
        governanceScore: source.governanceScore,
        slug: s,
        reviewSince: status === "in_review" ? new Date() : null,
        dueAt: NO_DEADLINE,
        createdById: ctx.actor.id ?? null,
      },
    });
    return row;
  }

  async function endpoint(ctx: WorkspaceCtx, eventTypes: string[], extra: Record<string, unknown> = {}) {
    return createEndpoint(ctx, { url: `https://cms-${uid()}.example.com/hooks`, eventTypes, ...extra }, deps);
  }

  it("creates endpoints with a sealed whsec_ secret and refuses bad URLs with clear messages", async (t) => {
    const { db, admin, editor } = await setup(t);
    const e = await endpoint(admin, ["page.published", "email.approved"], { headers: { Authorization: "Bearer x" } });
    expect(e.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(e.secret.slice(6), "base64").length).toBeGreaterThanOrEqual(24);
    expect(e.secretLast4).toBe(e.secret.slice(-4));
    expect(e.eventTypes).toEqual(["email.approved", "page.published"]);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.secretEnc).not.toContain(e.secret.slice(6));
    expect(openWebhookSecret(KEY, admin.workspaceId, row.secretEnc)).toBe(e.secret);
    // The list never carries the secret.
    const list = await listEndpoints(admin);
    expect(JSON.stringify(list)).not.toContain(e.secret);
    expect(list.items[0]?.stats.sparkline).toHaveLength(24);

    for (const [url, fragment] of [
      ["ftp://cms.example.com/hook", "http(s)"],
      ["https://user:pw@cms.example.com/hook", "user name and password"],
      ["not a url", "full URL"],
    ] as const) {
      const err = await createEndpoint(admin, { url, eventTypes: ["page.published"] }, deps).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(ZodError);
      expect(JSON.stringify((err as ZodError).issues)).toContain(fragment);
    }
    // Resolves to a private address: refused unless allowed for this endpoint.
    const privateDns = async () => [{ address: "10.0.0.5", family: 4 }];
    const blocked = await expectError(
      createEndpoint(
        admin,
        { url: "https://cms.internal/hook", eventTypes: ["page.published"] },
        { ...deps, lookup: privateDns },
      ),
      "validation:url",
    );
    expect(blocked.message).toContain("10.0.0.5");
    const allowed = await createEndpoint(
      admin,
      { url: "https://cms.internal/hook", eventTypes: ["page.published"], allowPrivate: true },
      { ...deps, lookup: privateDns },
    );
    expect(allowed.allowPrivate).toBe(true);
    await expectError(
      createEndpoint(admin, { url: "http://127.0.0.1:8080/hook", eventTypes: ["page.published"] }, deps),
      "validation:url",
    );
    // A name that does not resolve now is saved with a warning.
    const nxdomain = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const warned = await createEndpoint(
      admin,
      { url: "https://not-yet.example.com/hook", eventTypes: ["page.published"] },
      { ...deps, lookup: nxdomain },
    );
    expect(warned.warning).toMatch(/resolve/i);
    // Reserved headers cannot be overridden.
    await expect(
      createEndpoint(
        admin,
        { url: "https://a.example.com", eventTypes: ["page.published"], headers: { "Webhook-Id": "x" } },
        deps,
      ),
    ).rejects.toBeInstanceOf(ZodError);
    // Editors do not manage endpoints.
    await expectError(listEndpoints(editor), "forbidden");
    await expectError(endpoint(editor, ["page.published"]), "forbidden");
  });

  it("edits with a version check, rotates with an overlap and reveals the secret (audited)", async (t) => {
    const { db, admin } = await setup(t);
    const e = await endpoint(admin, ["page.published"]);
    const changed = await updateEndpoint(admin, e.id, { version: e.version, description: "Main CMS" }, deps);
    expect(changed.description).toBe("Main CMS");
    expect(changed.version).toBe(e.version + 1);
    // A partial edit changes only what it sends (no defaults fill in the rest).
    const priv = await createEndpoint(
      admin,
      {
        url: "http://127.0.0.1:9/hook",
        eventTypes: ["page.published"],
        allowPrivate: true,
        enabled: false,
        headers: { "X-Key": "k" },
      },
      deps,
    );
    const renamed = await updateEndpoint(admin, priv.id, { version: priv.version, description: "Local CMS" }, deps);
    expect(renamed).toMatchObject({
      allowPrivate: true,
      enabled: false,
      headers: { "X-Key": "k" },
      description: "Local CMS",
    });
    await expectError(
      updateEndpoint(admin, e.id, { version: e.version, description: "late" }, deps),
      "conflict:stale_version",
    );

    const t0 = new Date("2026-11-21T10:00:00Z");
    const rotated = await rotateSecret(admin, e.id, { overlapHours: 24 }, { ...deps, now: () => t0 });
    expect(rotated.secret).not.toBe(e.secret);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: e.id } });
    expect(openWebhookSecret(KEY, admin.workspaceId, row.previousSecretEnc ?? "")).toBe(e.secret);
    expect(row.previousSecretUntil?.toISOString()).toBe("2026-11-22T10:00:00.000Z");
    const revealed = await revealSecret(admin, e.id, deps);
    expect(revealed.secret).toBe(rotated.secret);
    const again = await rotateSecret(admin, e.id, { overlapHours: 0 }, deps);
    const row2 = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: e.id } });
    expect(row2.previousSecretEnc).toBeNull();
    expect(again.previousSecretUntil).toBeNull();
    const actions = (
      await db.auditEvent.findMany({
        where: { workspaceId: admin.workspaceId, entityId: e.id },
        orderBy: { createdAt: "asc" },
      })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "webhook.endpoint_created",
      "webhook.endpoint_updated",
      "webhook.secret_rotated",
      "webhook.secret_revealed",
      "webhook.secret_rotated",
    ]);
    // The trail never holds a secret.
    const trail = JSON.stringify(await db.auditEvent.findMany({ where: { entityId: e.id } }));
    expect(trail).not.toContain(rotated.secret.slice(6));
  });

  it("approving an email writes email.approved to the outbox in the same transaction, only for subscribers", async (t) => {
    const { db, pipeline, admin, editor, marketer } = await setup(t);
    const subscribed = await endpoint(admin, ["email.approved"]);
    const other = await endpoint(admin, ["page.published"]);
    const disabled = await endpoint(admin, ["email.approved"], { enabled: false });
    const source = await createDraft(pipeline, marketer, {
      format: "email",
      brief: "Email about the Stormline jacket for rainy autumn hikes.",
    });
    const d = await copyDraft(db, source, marketer, "in_review");
    await decide(editor, d.id, { action: "approve", version: d.version });
    const events = await db.webhookEvent.findMany({ where: { draftId: d.id } });
    expect(events.map((e) => e.type)).toEqual(["email.approved"]);
    const event = events[0]!;
    const body = WebhookPayload.parse(JSON.parse(event.body));
    expect(body.type).toBe("email.approved");
    expect(body.data.draftId).toBe(d.id);
    expect((body.data.content as { subject: string }).subject).toBe((source.content as { subject: string }).subject);
    const deliveries = await db.webhookDelivery.findMany({ where: { eventId: event.id } });
    expect(deliveries.map((x) => x.endpointId)).toEqual([subscribed.id]);
    expect(deliveries.map((x) => x.endpointId)).not.toContain(other.id);
    expect(deliveries.map((x) => x.endpointId)).not.toContain(disabled.id);
    // The approval's audit event names the event it queued.
    const approval = await db.auditEvent.findFirstOrThrow({ where: { entityId: d.id, action: "draft.approve" } });
    expect(JSON.stringify(approval.after)).toContain(event.id);

    // A change that rolls back leaves no event behind.
    const before = await db.webhookEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await emitEvent(tx, { workspaceId: admin.workspaceId, type: "email.approved", data: { x: 1 } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.webhookEvent.count()).toBe(before);
  });

  it("publishes an approved SEO page with its HTML, JSON-LD and claim ledger; unpublish takes it down", async (t) => {
    const { db, pipeline, admin, editor, marketer } = await setup(t);
    const hook = await endpoint(admin, ["page.published", "draft.unpublished"]);
    const source = await createDraft(pipeline, marketer, {
      format: "seo_page",
      brief: "A page about the Stormline jacket: waterproof rating, weight and warranty.",
      slug: `stormline-${uid()}`,
    });
    const d = await copyDraft(db, source, marketer, "approved");

    // Marketers cannot publish; stale versions and unapproved pages are refused.
    await expectError(publishDraft(marketer, d.id, { version: d.version }, pubDeps), "forbidden");
    await expectError(publishDraft(editor, d.id, { version: d.version + 1 }, pubDeps), "conflict:stale_version");
    const inReview = await copyDraft(db, source, marketer, "in_review");
    await expectError(publishDraft(editor, inReview.id, { version: inReview.version }, pubDeps), "conflict:state");
    const email = await copyDraft(
      db,
      await createDraft(pipeline, marketer, {
        format: "email",
        brief: "Email about the Stormline jacket for rainy autumn hikes.",
      }),
      marketer,
      "approved",
    );
    await expectError(publishDraft(editor, email.id, { version: email.version }, pubDeps), "conflict:format");

    const revalidated: string[] = [];
    let kicked = 0;
    const r = await publishDraft(
      editor,
      d.id,
      { version: d.version },
      {
        ...pubDeps,
        revalidate: (s) => revalidated.push(s),
        onQueued: () => kicked++,
      },
    );
    expect(r.status).toBe("published");
    expect(r.url).toBe(`https://studio.example.com/p/${d.slug}`);
    expect(r.deliveries).toBe(1);
    expect(revalidated).toEqual([d.slug]);
    expect(kicked).toBe(1);
    const page = await db.publishedPage.findUniqueOrThrow({ where: { draftId: d.id } });
    expect(page.status).toBe("live");
    expect(page.html).toContain('<script type="application/ld+json">');
    expect(page.html).toContain(`<link rel="canonical"`);
    expect(page.html).toContain(`property="og:title"`);

    const event = await db.webhookEvent.findUniqueOrThrow({ where: { id: r.eventId } });
    const body = WebhookPayload.parse(JSON.parse(event.body));
    expect(body.type).toBe("page.published");
    expect(body.data.slug).toBe(d.slug);
    expect(body.data.html).toBe(page.html);
    expect(body.data.jsonLd).toEqual((source.content as { jsonLd: unknown }).jsonLd);
    // The claim ledger: every factual sentence, its support and the passages' content hashes.
    const claims = body.data.claims as {
      sentence: string;
      supported: boolean;
      sources: { chunkId: string; contentHash: string | null }[];
    }[];
    const factual = (source.record.grounding?.sentences ?? []).filter((s) => s.factual);
    expect(claims).toHaveLength(factual.length);
    expect(claims.length).toBeGreaterThan(0);
    const withSource = claims.flatMap((c) => c.sources);
    expect(withSource.length).toBeGreaterThan(0);
    for (const s of withSource) {
      const chunk = await db.knowledgeChunk.findUniqueOrThrow({ where: { key: s.chunkId } });
      expect(s.contentHash).toBe(createHash("sha256").update(chunk.text).digest("hex"));
    }
    expect(claims.filter((c) => c.supported).length).toBe(source.record.grounding?.supportedCount);
    await expect(db.webhookDelivery.count({ where: { eventId: r.eventId, endpointId: hook.id } })).resolves.toBe(1);

    const state = await publicationState(editor, d.id);
    expect(state).toMatchObject({ status: "published", canPublish: false, canUnpublish: true });
    expect(state.page).toMatchObject({ path: `/p/${d.slug}`, status: "live", revision: 1 });
    expect(state.events[0]).toMatchObject({
      eventId: r.eventId,
      type: "page.published",
      deliveries: { total: 1, pending: 1 },
    });

    // Unpublish: the page goes (410 on the site), the draft is approved again, draft.unpublished is queued.
    await expectError(unpublishDraft(editor, d.id, { version: d.version }, pubDeps), "conflict:stale_version");
    const down = await unpublishDraft(editor, d.id, { version: r.version, reason: "Product discontinued" }, pubDeps);
    expect(down.status).toBe("approved");
    const gone = await db.publishedPage.findUniqueOrThrow({ where: { draftId: d.id } });
    expect(gone.status).toBe("unpublished");
    const ev = WebhookPayload.parse(
      JSON.parse((await db.webhookEvent.findUniqueOrThrow({ where: { id: down.eventId } })).body),
    );
    expect(ev).toMatchObject({
      type: "draft.unpublished",
      data: { draftId: d.id, slug: d.slug, reason: "Product discontinued" },
    });
    await expectError(unpublishDraft(editor, d.id, { version: down.version }, pubDeps), "conflict:state");

    // Republish: a new revision at the same address.
    const again = await publishDraft(editor, d.id, { version: down.version }, pubDeps);
    expect((await db.publishedPage.findUniqueOrThrow({ where: { draftId: d.id } })).revision).toBe(2);
    expect(again.eventId).not.toBe(r.eventId);
    const pages = await listPublishedPages(editor, {});
    expect(pages.items.map((p) => [p.slug, p.status, p.revision])).toEqual([[d.slug, "live", 2]]);
    const trail = await db.auditEvent.findMany({ where: { entityId: d.id }, orderBy: { createdAt: "asc" } });
    expect(trail.map((a) => a.action)).toEqual(["draft.published", "draft.unpublished", "draft.published"]);
  });

  it("refuses a slug another workspace already publishes", async (t) => {
    const { db, pipeline, editor, marketer } = await setup(t);
    const other = await makeWorkspace(db, ["editor"]);
    const source = await createDraft(pipeline, marketer, {
      format: "seo_page",
      brief: "A page about the Stormline jacket: waterproof rating, weight and warranty.",
      slug: `shared-${uid()}`,
    });
    const shared = `shared-page-${uid()}`;
    const mine = await copyDraft(db, source, marketer, "approved", shared);
    const theirs = await copyDraft(db, source, other.ctxFor("editor"), "approved", shared);
    await publishDraft(other.ctxFor("editor"), theirs.id, { version: theirs.version }, pubDeps);
    const e = await expectError(
      publishDraft(editor, mine.id, { version: mine.version }, pubDeps),
      "conflict:slug_taken",
    );
    expect(e.message).toContain(`/p/${shared}`);
    expect((await db.draft.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("approved");
  });

  it("disabling or deleting an endpoint dead-letters its pending deliveries with the reason; replay brings them back", async (t) => {
    const { db, admin, editor } = await setup(t);
    const a = await endpoint(admin, ["page.published"]);
    const b = await endpoint(admin, ["page.published"]);
    for (let i = 0; i < 3; i++)
      await db.$transaction((tx) =>
        emitEvent(tx, { workspaceId: admin.workspaceId, type: "page.published", data: { i } }),
      );
    expect(await db.webhookDelivery.count({ where: { endpointId: a.id, status: "pending" } })).toBe(3);

    await deleteEndpoint(admin, a.id);
    const deadA = await db.webhookDelivery.findMany({ where: { endpointId: a.id } });
    expect(deadA.every((d) => d.status === "dead" && /deleted/.test(d.deadReason ?? ""))).toBe(true);
    await updateEndpoint(admin, b.id, { version: b.version, enabled: false }, deps);
    const deadB = await db.webhookDelivery.findMany({ where: { endpointId: b.id } });
    expect(deadB.every((d) => d.status === "dead" && /disabled/.test(d.deadReason ?? ""))).toBe(true);
    // New events skip disabled and deleted endpoints.
    const e = await db.$transaction((tx) =>
      emitEvent(tx, { workspaceId: admin.workspaceId, type: "page.published", data: {} }),
    );
    expect(e.deliveryIds).toEqual([]);

    // Replay: a deleted endpoint's deliveries cannot come back; a disabled one's after enabling.
    const first = await replayDeliveries(admin, { ids: [deadA[0]!.id, deadB[0]!.id] });
    expect(first.replayed).toEqual([]);
    expect(first.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/deleted/),
      expect.stringMatching(/disabled/),
    ]);
    const cur = await listEndpoints(admin);
    const bNow = cur.items.find((x) => x.id === b.id)!;
    expect(bNow.stats.dead).toBe(3);
    await updateEndpoint(admin, b.id, { version: bNow.version, enabled: true }, deps);
    await expectError(replayDeliveries(editor, { allDead: true }), "forbidden");
    const all = await replayDeliveries(admin, { allDead: true, endpointId: b.id });
    expect(all.replayed.sort()).toEqual(deadB.map((d) => d.id).sort());
    const back = await db.webhookDelivery.findMany({ where: { endpointId: b.id } });
    expect(back.every((d) => d.status === "pending" && d.attempts === 0 && d.deadReason === null)).toBe(true);
    // Replaying what is already queued is skipped, not doubled.
    const twice = await replayDeliveries(admin, { ids: [back[0]!.id] });
    expect(twice.skipped[0]?.reason).toMatch(/already queued/);
    const audit = await db.auditEvent.findMany({
      where: { workspaceId: admin.workspaceId, action: "webhook.deliveries_replayed" },
    });
    expect(audit).toHaveLength(1);
  });

  it("lists deliveries with filters, search by event id or draft title, cursor pages and attempt detail", async (t) => {
    const { db, pipeline, admin, editor, marketer } = await setup(t);
    const a = await endpoint(admin, ["email.approved", "page.published"]);
    const b = await endpoint(admin, ["page.published"]);
    const source = await createDraft(pipeline, marketer, {
      format: "email",
      brief: "Email about the Stormline jacket for rainy autumn hikes.",
    });
    const d = await copyDraft(db, source, marketer, "in_review");
    await decide(editor, d.id, { action: "approve", version: d.version });
    for (let i = 0; i < 5; i++)
      await db.$transaction((tx) =>
        emitEvent(tx, { workspaceId: admin.workspaceId, type: "page.published", data: { i } }),
      );
    const test = await sendTestEvent(admin, b.id, deps);

    const all = await listDeliveries(editor, { limit: 4 });
    expect(all.counts).toEqual({ pending: 12, succeeded: 0, dead: 0 });
    const seen = [...all.items];
    let cursor = all.nextCursor;
    while (cursor) {
      const p = await listDeliveries(editor, { limit: 4, cursor });
      seen.push(...p.items);
      cursor = p.nextCursor;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen.map((s) => s.id)).size).toBe(12);
    expect((await listDeliveries(editor, { endpointId: b.id })).items).toHaveLength(6);
    expect((await listDeliveries(editor, { eventType: "email.approved" })).items.map((x) => x.endpoint.id)).toEqual([
      a.id,
    ]);
    const byTitle = await listDeliveries(editor, { q: d.title.slice(0, 20) });
    expect(byTitle.items.map((x) => x.draft?.id)).toEqual([d.id]);
    const byId = await listDeliveries(editor, { q: test.eventId });
    expect(byId.items.map((x) => x.id)).toEqual([test.deliveryId]);
    expect(byId.items[0]?.eventType).toBe("webhook.test");
    expect((await listDeliveries(editor, { q: "no such title anywhere" })).items).toEqual([]);
    await expectError(listDeliveries(marketer, {}), "forbidden");

    // Attempts as the worker records them.
    await db.webhookAttempt.create({
      data: {
        deliveryId: test.deliveryId,
        workspaceId: admin.workspaceId,
        endpointId: b.id,
        attempt: 1,
        startedAt: new Date(),
        durationMs: 42,
        statusCode: 500,
        outcome: "http_error",
        error: "The receiver answered 500.",
        responseSnippet: "<h1>oops</h1>",
        nextRetryAt: new Date(Date.now() + 5000),
      },
    });
    const detail = await deliveryDetail(editor, test.deliveryId);
    expect(detail.attemptLog).toMatchObject([
      { attempt: 1, statusCode: 500, outcome: "http_error", responseSnippet: "<h1>oops</h1>" },
    ]);
    expect(JSON.parse(detail.body)).toMatchObject({ type: "webhook.test", data: { endpointId: b.id } });
    await expectError(deliveryDetail(editor, "nope"), "not_found:delivery");
    const stats = (await listEndpoints(admin)).items.find((x) => x.id === b.id)!.stats;
    expect(stats).toMatchObject({ attempts: 1, succeeded: 0, successRate: 0, pending: 6 });
    expect(stats.sparkline.at(-1)).toBe(0);
    expect(stats.sparkline.slice(0, 23).every((v) => v === null)).toBe(true);
    // One endpoint's card reads only its own rows, with the same numbers.
    expect((await getEndpoint(admin, b.id)).stats).toEqual(stats);
    expect((await getEndpoint(admin, a.id)).stats).toMatchObject({ attempts: 0, pending: 6, dead: 0 });
  });

  it("keeps workspaces apart", async (t) => {
    const { db, admin } = await setup(t);
    const e = await endpoint(admin, ["page.published"]);
    const other = await makeWorkspace(db, ["admin"]);
    const them = other.ctxFor("admin");
    await expectError(updateEndpoint(them, e.id, { version: 1, description: "x" }, deps), "not_found:endpoint");
    await expectError(revealSecret(them, e.id, deps), "not_found:endpoint");
    await expectError(deleteEndpoint(them, e.id), "not_found:endpoint");
    await expectError(sendTestEvent(them, e.id, deps), "not_found:endpoint");
    expect((await listEndpoints(them)).items).toEqual([]);
  });
});

/**
 * The generation pipeline: brief → guard the input → retrieve context → generate (structured,
 * per format; N variants) → channel validation → governed loop → keep the best variant →
 * grounding → JSON-LD (SEO pages) → guard the output → save the draft with its full record.
 * Each step is a typed function that reports a `PipelineStep` (the draft page's trace).
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { BrandVoice } from "@/lib/schemas/brand";
import {
  CreateDraftBody,
  FORMAT_CHANNEL,
  type Citation,
  type ChannelIssue,
  type DraftContent,
  type DraftFlag,
  type DraftRecord,
  type FieldAlert,
  type PipelineStep,
} from "@/lib/schemas/drafts";
import type { GroundResult, SearchHit } from "@/lib/schemas/knowledge";
import type { WorkspaceCtx } from "@/server/context";
import type { Gateway, GenerateResult } from "@/server/inference/gateway";
import { activeVoice, type ActiveVoice } from "@/server/features/governor/service";
import { activePolicy } from "@/server/features/guardrails/policy";
import { scanText } from "@/server/features/guardrails/scan";
import { callContext } from "@/server/features/rag/context";
import type { KbDeps } from "@/server/features/rag/deps";
import { groundWithKnowledge } from "@/server/features/rag/ground";
import { search } from "@/server/features/rag/search";
import { KNOWLEDGE_LIMITS } from "@/lib/schemas/knowledge";
import type { DraftJsonLd } from "@/lib/schemas/jsonld";
import { jsonLdForPage } from "@/server/features/schema-org/build";
import type { RouteTarget } from "@/lib/schemas/inference";
import { assertSegmentTargetable, findCampaign } from "./campaigns";
import { channelModule, type ChannelCtx, type ChannelModule } from "./channels";
import { alertFlags, factualFieldsOf, groundingFlags, issueFlags, outputFlags } from "./flags";
import { governContent, problemList, type ContentReviser } from "./govern";
import { insertDraft } from "./repository";
import { generationSettings } from "./settings";

export type PipelineDeps = {
  kb: KbDeps;
  gateway: Gateway;
  /** Key for hashed PII (the guardrails' hash action). */
  hashKey: (workspaceId: string) => string;
  /** Whether the revise route has a real model (the offline engine cannot edit to order). */
  canRevise: (workspaceId: string) => Promise<boolean>;
  now?: () => number;
};

const TOP_K = 6;

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A chunk's text without the heading breadcrumb line the chunker puts first for retrieval
 * (`Summit 45 backpack > Care`, possibly cut with "…"): the heading is context, not a fact.
 */
export function passageText(h: Pick<SearchHit, "text" | "headingPath">): string {
  const nl = h.text.indexOf("\n");
  const path = h.headingPath.join(" > ");
  let text = h.text;
  if (nl >= 0 && path) {
    const first = h.text.slice(0, nl);
    if (first === path || (first.endsWith("…") && path.startsWith(first.slice(0, -1)))) text = h.text.slice(nl + 1);
  }
  return plainProse(text);
}

/**
 * Markdown syntax out of a passage, so copy built from it does not carry "- ", "1." or table
 * pipes: table rows are dropped (their cells are not sentences), list markers, heading marks and
 * emphasis are removed; the words are kept as written.
 */
export function plainProse(text: string): string {
  return text
    .split("\n")
    .filter((l) => !/^\s*\|/.test(l) && !/^\s*[-:| ]{3,}\s*$/.test(l))
    .map((l) =>
      l
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")
        .replace(/^\s*#{1,6}\s+/, "")
        .replace(/(\*\*|__|`)/g, "")
        .trim(),
    )
    .filter(Boolean)
    .join("\n");
}

/** Retrieved passages as quoted data: `<fact id source>text</fact>`, escaped. */
export function factsXml(hits: SearchHit[]): string {
  return hits
    .map(
      (h) =>
        `<fact id="${escapeXml(h.chunkId)}" source="${escapeXml(h.documentTitle)}">${escapeXml(passageText(h))}</fact>`,
    )
    .join("\n");
}

function voiceGuidance(v: BrandVoice): string {
  const parts = [
    v.tone.length ? `Tone: ${v.tone.join(", ")}.` : "",
    v.person === "we_you" ? "Write as “we” to “you”." : v.person === "third" ? "Write in the third person." : "",
    v.maxGrade !== null ? `Keep it readable (grade ${v.maxGrade} or lower).` : "",
    v.bannedWords.length ? `Never use: ${v.bannedWords.map((b) => b.term).join(", ")}.` : "",
    v.bannedClaims.length ? `Never claim: ${v.bannedClaims.map((b) => b.phrase).join(", ")}.` : "",
  ];
  return parts.filter(Boolean).join(" ");
}

type Timer = () => number;

/** Runs one step, timing it and reporting it; a thrown error is reported as a failed step and rethrown. */
async function step<T>(
  name: PipelineStep["name"],
  trace: PipelineStep[],
  onStep: ((s: PipelineStep) => void) | undefined,
  clock: Timer,
  run: () => Promise<{ value: T; status?: PipelineStep["status"]; summary: string }>,
): Promise<T> {
  const started = clock();
  try {
    const r = await run();
    const s: PipelineStep = { name, status: r.status ?? "ok", ms: Math.round(clock() - started), summary: r.summary };
    trace.push(s);
    onStep?.(s);
    return r.value;
  } catch (e) {
    const s: PipelineStep = {
      name,
      status: "failed",
      ms: Math.round(clock() - started),
      summary: e instanceof Error ? e.message : String(e),
    };
    trace.push(s);
    onStep?.(s);
    throw e;
  }
}

type Variant = {
  index: number;
  content: DraftContent;
  issues: ChannelIssue[];
  alerts: FieldAlert[];
  governance: Awaited<ReturnType<typeof governContent>>["result"];
  governSteps: Awaited<ReturnType<typeof governContent>>["steps"];
  errors: number;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Up-front checks: nothing is generated (or paid for) for a request that cannot be saved. The
 * streaming route runs them before it starts the stream, so a refusal is a plain 4xx.
 */
export async function preflightDraft(ctx: WorkspaceCtx, raw: unknown): Promise<void> {
  const body = CreateDraftBody.parse(raw);
  const db = ctx.db;
  if (body.campaignId) await findCampaign(db, ctx.workspaceId, body.campaignId);
  if (body.segmentId && body.format !== "email")
    throw new AppError("validation:segment", "Audience segments apply to emails only.");
  if (body.segmentId) await assertSegmentTargetable(db, ctx.workspaceId, body.segmentId);
  if ((body.jsonLdType || body.pageData) && body.format !== "seo_page")
    throw new AppError("validation:jsonld", "A JSON-LD type and page data apply to SEO pages only.");
  if (
    body.slug &&
    (await db.draft.findUnique({ where: { workspaceId_slug: { workspaceId: ctx.workspaceId, slug: body.slug } } }))
  )
    throw new AppError("conflict:slug", `Another page already uses the slug “${body.slug}”. Choose another.`);
}

/** What an eval run changes about a composition: the prompt version and the model route. */
export type ComposeOverrides = {
  /** The drafting prompt's label or exact version (default: the production label). */
  prompt?: { label?: string; versionId?: string };
  /** One model instead of the workspace's draft route (no fallback). */
  route?: RouteTarget;
  signal?: AbortSignal;
};

export async function runPipeline(
  deps: PipelineDeps,
  ctx: WorkspaceCtx,
  raw: unknown,
  onStep?: (s: PipelineStep) => void,
  /** A batch row's page: the draft is unique on (batch, row). */
  batchRow?: { batchId: string; rowIndex: number },
) {
  const c = await composeDraft(deps, ctx, raw, onStep);
  return step("save", c.trace, onStep, c.clock, async () => {
    const saved = await insertDraft(ctx, {
      format: c.body.format,
      channel: c.channel,
      campaignId: c.body.campaignId,
      segmentId: c.body.segmentId,
      title: c.title,
      brief: c.body.brief,
      content: c.content,
      text: c.copyText,
      record: c.record,
      verdict: c.verdict,
      status: c.autoApprove ? "approved" : "in_review",
      governanceScore: c.governanceScore,
      groundingScore: c.groundingScore,
      flags: c.record.flags,
      costMicros: c.record.costMicros,
      preferredSlug: c.content.format === "seo_page" ? c.content.slug : null,
      slugFixed: Boolean(c.body.slug),
      batchId: batchRow?.batchId ?? null,
      rowIndex: batchRow?.rowIndex ?? null,
    });
    // The stored record's trace ends before this step (the record is written by it); the live
    // progress stream and this function's caller see the save step too.
    return {
      value: saved,
      summary: `${c.autoApprove ? "approved automatically by policy" : c.verdict === "pass" ? "ready for review" : "needs review"}`,
    };
  });
}

/**
 * Every step of the pipeline up to (not including) saving: what a draft would be, with its full
 * record. Eval runs use it as is (they keep results, not drafts); `runPipeline` saves it.
 */
export async function composeDraft(
  deps: PipelineDeps,
  ctx: WorkspaceCtx,
  raw: unknown,
  onStep?: (s: PipelineStep) => void,
  overrides: ComposeOverrides = {},
) {
  const body = CreateDraftBody.parse(raw);
  const clock: Timer = deps.now ?? (() => performance.now());
  const channelMod = channelModule(body.format) as ChannelModule<DraftContent["format"], unknown>;
  const channel = FORMAT_CHANNEL[body.format];
  const db = ctx.db;
  const call = callContext(ctx);

  await preflightDraft(ctx, body);

  const [voice, policy, settings, workspace] = await Promise.all([
    activeVoice(ctx),
    activePolicy(db, ctx.workspaceId),
    generationSettings(db, ctx.workspaceId),
    db.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { name: true } }),
  ]);
  const chCtx: ChannelCtx = {
    brief: body.brief,
    workspaceName: workspace.name,
    siteUrl: settings.siteUrl,
    postalAddress: settings.postalAddress,
    senderName: settings.senderName,
    unsubscribeUrl: settings.siteUrl ? `${settings.siteUrl}/unsubscribe?c={{contact_id}}` : null,
    slug: body.slug,
  };
  const trace: PipelineStep[] = [];
  const flags: DraftFlag[] = [];
  const notes: string[] = [];
  let costMicros = 0;

  // 1. The brief is data: score it for injection (the gateway pseudonymises its PII).
  const briefScan = await step("guard_input", trace, onStep, clock, async () => {
    const r = scanText(policy.policy, body.brief, { kind: "input", hashKey: deps.hashKey(ctx.workspaceId) });
    if (r.quarantine)
      flags.push({
        kind: "injection",
        level: "error",
        message: `The brief reads like a prompt injection (score ${r.injection.score.toFixed(2)}: ${[...new Set(r.injection.signals.map((s) => s.kind))].join(", ")}). It was passed to the model as quoted data only; check the draft carefully.`,
        field: null,
        ruleId: "guardrails.injection",
      });
    const pii = r.pii.length
      ? `, ${plural(r.pii.length, "personal-data value")} (pseudonymised whenever they go to an external model)`
      : "";
    return {
      value: r,
      status: r.quarantine ? "flagged" : "ok",
      summary: `injection score ${r.injection.score.toFixed(2)}${pii}`,
    };
  });

  // 2. Retrieve the workspace's own knowledge.
  const hits = await step("retrieve", trace, onStep, clock, async () => {
    const r = await search(deps.kb, call, {
      query: body.brief.slice(0, KNOWLEDGE_LIMITS.queryMaxChars),
      topK: TOP_K,
      filters: body.tags.length ? { tags: body.tags } : {},
    });
    if (!r.results.length)
      notes.push("No knowledge passage matched the brief: the copy is built from the brief alone and states no facts.");
    return {
      value: r.results,
      status: r.results.length ? "ok" : "flagged",
      summary: r.results.length
        ? `${plural(r.results.length, "passage")} from ${plural(new Set(r.results.map((h) => h.documentId)).size, "document")}`
        : "nothing matched",
    };
  });
  const citations: Citation[] = hits.map((h, i) => ({
    n: i + 1,
    chunkId: h.chunkId,
    documentId: h.documentId,
    documentTitle: h.documentTitle,
    heading: h.headingPath.join(" › "),
    text: passageText(h),
  }));

  // 3. Generate N variants with structured output.
  type Gen = GenerateResult<unknown>;
  const generations = await step("generate", trace, onStep, clock, async () => {
    const out: Gen[] = [];
    for (let i = 0; i < body.variants; i++) {
      const r = await deps.gateway.generate({
        ctx: call,
        role: "draft",
        prompt: {
          key: "draft.channel",
          ...overrides.prompt,
          variables: {
            workspace: workspace.name,
            channel,
            brief:
              body.variants > 1
                ? `${body.brief}\n(Variant ${i + 1} of ${body.variants}: take a different angle.)`
                : body.brief,
            voice: voiceGuidance(voice.voice),
            facts: factsXml(hits),
            instructions: channelMod.instructions,
          },
        },
        schema: channelMod.generationSchema as z.ZodType,
        cache: body.variants > 1 ? "bypass" : "use",
        ...(overrides.route ? { route: overrides.route } : {}),
        ...(overrides.signal ? { signal: overrides.signal } : {}),
      });
      costMicros += r.costMicros;
      out.push(r as Gen);
    }
    const first = out[0]!;
    return {
      value: out,
      summary: `${plural(out.length, "variant")} by ${first.route.offline ? "the offline engine (a deterministic composer, not an LLM)" : `${first.route.model} via ${first.route.provider}`}${first.prompt ? `, prompt ${first.prompt.key} v${first.prompt.version}` : ""}`,
    };
  });

  // 4–5. Channel validation and the governed loop, per variant; the best one is kept.
  const reviser = (await deps.canRevise(ctx.workspaceId))
    ? makeReviser(deps, call, channel, chCtx, (c) => (costMicros += c))
    : null;
  const variants: Variant[] = [];
  await step("validate", trace, onStep, clock, async () => {
    for (const [i, g] of generations.entries()) {
      const content = (await channelMod.toContent(g.output, chCtx)) as DraftContent;
      variants.push({
        index: i,
        content,
        issues: channelMod.validate(content as never, chCtx),
        alerts: [],
        governance: null as never,
        governSteps: [],
        errors: 0,
      });
    }
    const best = variants[0]!.issues;
    const errors = best.filter((x) => x.level === "error").length;
    return {
      value: null,
      status: errors ? "flagged" : "ok",
      summary: `${plural(errors, "error")}, ${plural(best.length - errors, "warning")} against the ${channelMod.format.replace("_", " ")} limits`,
    };
  });

  await step("govern", trace, onStep, clock, async () => {
    for (const v of variants) {
      const g = await governContent(
        voice,
        channelMod,
        v.content,
        chCtx,
        reviser as ContentReviser<DraftContent> | null,
      );
      v.content = g.content;
      v.issues = channelMod.validate(g.content as never, chCtx);
      v.alerts = g.alerts;
      v.governance = g.result;
      v.governSteps = g.steps;
      v.errors =
        g.alerts.filter((a) => a.level === "error").length + v.issues.filter((x) => x.level === "error").length;
    }
    variants.sort(
      (a, b) => a.errors - b.errors || b.governance.score.total - a.governance.score.total || a.index - b.index,
    );
    const best = variants[0]!;
    const fixes = best.governSteps.filter((s) => s.kind === "autofix").map((s) => s.detail);
    if (!reviser && best.governance.alerts.some((a) => a.level === "error"))
      notes.push(
        "Errors remain that need a rewrite; that needs a real model on the revise route (Settings → Models). The offline engine only applies deterministic fixes.",
      );
    return {
      value: null,
      status: best.governance.verdict === "pass" ? "ok" : "flagged",
      summary: `score ${best.governance.score.total}, ${plural(best.alerts.length, "alert")}${fixes.length ? `, ${fixes.join(", ")}` : ""}${variants.length > 1 ? `; kept variant ${best.index + 1} of ${variants.length}` : ""}`,
    };
  });
  const best = variants[0]!;
  let content = best.content;
  const fields = channelMod.fields(content as never);
  const copyText = fields.map((f) => f.text).join("\n\n");
  const factualFields = factualFieldsOf(fields);
  const factualText = factualFields.map((f) => f.text).join("\n\n");

  // 6. Grounding: every factual sentence against the retrieved passages.
  const grounding = await step("ground", trace, onStep, clock, async () => {
    const r = acceptBriefFacts(
      await groundWithKnowledge(deps.kb, call, {
        text: (factualText || copyText).slice(0, KNOWLEDGE_LIMITS.groundMaxChars),
        ...(hits.length ? { chunkIds: hits.map((h) => h.chunkId) } : {}),
      }),
      body.brief,
    );
    flags.push(...groundingFlags(r, factualText ? factualFields : fields));
    return {
      value: r,
      status: r.supportedCount < r.factualCount ? "flagged" : "ok",
      summary: r.factualCount
        ? `${r.supportedCount} of ${r.factualCount} factual sentences supported (score ${r.score.toFixed(2)})`
        : "no checkable facts stated",
    };
  });

  // 7. JSON-LD for SEO pages: built for the page's type from the copy and the page's data (a
  // batch's CSV row), validated against schema.org and Google's rich-result rules; each error
  // and warning is a flag, so a page Google would reject cannot be approved automatically.
  const jsonLd = await step("jsonld", trace, onStep, clock, async () => {
    if (content.format !== "seo_page") return { value: null, status: "skipped", summary: "not an SEO page" };
    const r = jsonLdForPage({
      type: body.jsonLdType ?? "WebPage",
      page: content,
      workspace: { name: workspace.name, url: settings.siteUrl },
      data: body.pageData,
    });
    content = { ...content, jsonLd: r.jsonLd };
    flags.push(...r.flags);
    return {
      value: r.report as DraftJsonLd | null,
      status: r.report.errorCount ? "flagged" : "ok",
      summary: r.summary,
    };
  });

  // 8. Output guardrails: PII not in the sources, links off the allow-list, competitors, profanity.
  const outputScan = await step("guard_output", trace, onStep, clock, async () => {
    const r = scanText(policy.policy, copyText, {
      kind: "output",
      hashKey: deps.hashKey(ctx.workspaceId),
      sources: [body.brief, ...hits.map((h) => h.text)],
    });
    flags.push(...outputFlags(r, fields));
    return {
      value: r,
      status: r.output.length ? "flagged" : "ok",
      summary: r.output.length ? plural(r.output.length, "flag") : "nothing found",
    };
  });

  flags.push(...alertFlags(best.alerts), ...issueFlags(best.issues));

  const hasError = flags.some((f) => f.level === "error");
  const verdict: "pass" | "needs_review" = hasError ? "needs_review" : "pass";
  const autoApprove = best.governance.autoApprove && !hasError;
  const redactions: Record<string, number> = {};
  for (const g of generations)
    for (const [k, n] of Object.entries(g.guard?.redactions ?? {})) redactions[k] = (redactions[k] ?? 0) + n;
  const first = generations[0]!;

  const record: DraftRecord = {
    steps: trace,
    prompt: first.prompt && { key: first.prompt.key, version: first.prompt.version, label: first.prompt.label },
    route: { provider: first.route.provider, model: first.route.model, offline: first.route.offline },
    chunkIds: hits.map((h) => h.chunkId),
    citations,
    alerts: best.alerts,
    channelIssues: best.issues,
    flags,
    governance: {
      score: best.governance.score,
      verdict: best.governance.verdict,
      autoApprove,
      voiceVersion: best.governance.voiceVersion,
    },
    grounding,
    guard: {
      briefInjection: { score: briefScan.injection.score, signals: briefScan.injection.signals },
      redactions,
      outputFlags: outputScan.output,
      pii: briefScan.pii,
    },
    variants: variants
      .map((v) => ({ index: v.index, score: v.governance.score.total, errors: v.errors, kept: v === best }))
      .sort((a, b) => a.index - b.index),
    costMicros,
    notes,
    jsonLd,
    pageData: content.format === "seo_page" ? (body.pageData ?? null) : null,
  };

  return {
    body,
    channel,
    title: channelMod.title(content as never).slice(0, 200) || body.brief.slice(0, 80),
    content,
    copyText,
    record,
    verdict,
    autoApprove,
    governanceScore: best.governance.score.total,
    groundingScore: grounding.factualCount ? grounding.score : null,
    trace,
    clock,
  };
}

/**
 * What the marketer's brief states (a product, a city from a CSV row) is an approved input, not
 * an invented fact: a sentence whose only unsupported facts appear word for word in the brief
 * counts as supported, with that reason.
 */
export function acceptBriefFacts(r: GroundResult, brief: string): GroundResult {
  const inBrief = brief.toLowerCase();
  const sentences = r.sentences.map((s) => {
    if (!s.factual || s.supported !== false) return s;
    const missing = s.facts.filter((f) => !f.supported);
    if (!missing.length || !missing.every((f) => inBrief.includes(f.text.toLowerCase()))) return s;
    return {
      ...s,
      supported: true,
      facts: s.facts.map((f) => ({ ...f, supported: true })),
      reason: `${s.reason} The rest is stated in the brief.`.trim(),
    };
  });
  const supportedCount = sentences.filter((s) => s.factual && s.supported).length;
  return { ...r, sentences, supportedCount, score: r.factualCount ? supportedCount / r.factualCount : 1 };
}

/**
 * The revise role on structured content: the model gets the fields as JSON and the problems,
 * and answers with the same number of texts in the same order.
 */
function makeReviser(
  deps: PipelineDeps,
  call: ReturnType<typeof callContext>,
  channel: string,
  chCtx: ChannelCtx,
  addCost: (micros: number) => void,
): ContentReviser<DraftContent> {
  return async (content, problems) => {
    const channelMod = channelModule(content.format) as ChannelModule<DraftContent["format"], unknown>;
    const fields = channelMod.fields(content as never);
    const schema = z.object({ texts: z.array(z.string()).length(fields.length) });
    const r = await deps.gateway.generate({
      ctx: call,
      role: "revise",
      prompt: {
        key: "revise.content",
        variables: {
          channel,
          content: JSON.stringify({ fields: fields.map((f) => ({ path: f.path, text: f.text })) }),
          problems: `${problems}\nAnswer with {"texts": [...]}: exactly ${fields.length} texts, one per field, in the same order.`,
        },
      },
      schema,
    });
    addCost(r.costMicros);
    return (await channelMod.withFields(content as never, r.output.texts, chCtx)) as DraftContent;
  };
}

export { problemList };
export type { ActiveVoice };

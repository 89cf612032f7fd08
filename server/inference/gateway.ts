import { trace, SpanStatusCode, type Span, type Tracer } from "@opentelemetry/api";
import { embedMany, generateText, NoObjectGeneratedError, Output, streamText, type ModelMessage } from "ai";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ModelRole, RouteTarget } from "@/lib/schemas/inference";
import type { Db } from "@/server/db/client";
import { cacheKey, type ResponseCache } from "./cache";
import type { InferenceConfig, InferenceConfigCache } from "./config";
import { GatewayError, type Attempt, type ErrorClass } from "./errors";
import type { GuardedCall, GuardHook, GuardReport } from "./guard";
import type { Budget as LimitBudget, Limits, RateLimit, RateTicket, Reservation } from "./limits";
import { costMicros, priceFor } from "./pricing";
import { renderPrompt } from "./prompts/render";
import { resolvePrompt, resolvePromptVersion, type ResolvedPrompt } from "./prompts/service";
import type { ModelFactory } from "./models";
import { offersModel, type CallableProvider } from "./registry";
import { insertUsageEvent } from "./repository";
import { runRoute, type Served } from "./routing";

/** Who is calling, for budgets, rate limits and the ledger. */
export type CallContext = { workspaceId: string; userId?: string | null; userLabel?: string; requestId?: string };

export type PromptInput =
  /** A prompt version by label (default production) or, for eval runs, by exact `versionId`. */
  | { key: string; label?: string; versionId?: string; variables: Record<string, string | undefined> }
  /** Ad-hoc text (connection tests, the playground); no prompt version is recorded. */
  | { system?: string; prompt: string };

export type GenerateRequest<S extends z.ZodType | undefined = undefined> = {
  ctx: CallContext;
  role: Exclude<ModelRole, "embed">;
  prompt: PromptInput;
  /** Structured output: the answer must parse with this schema (one corrective retry, then a clear failure). */
  schema?: S;
  maxOutputTokens?: number;
  temperature?: number;
  /** "bypass" skips the cache lookup (the fresh answer is still stored). */
  cache?: "use" | "bypass";
  signal?: AbortSignal;
  /** One model instead of the role's route and fallbacks (eval runs comparing models). */
  route?: RouteTarget;
};

export type ServedRoute = { provider: string; providerKind: string; model: string; offline: boolean };

export type GenerateResult<T> = {
  text: string;
  output: T;
  usage: { inputTokens: number; outputTokens: number };
  costMicros: number;
  route: ServedRoute;
  attempts: Attempt[];
  retries: number;
  fallbackUsed: boolean;
  cacheHit: boolean;
  prompt: { id: string; key: string; version: number; label: string } | null;
  /** Soft-cap warnings and similar notes for the UI; never errors. */
  warnings: string[];
  ledgerId: string;
  /** What the guardrails did on this call (null when the gateway runs without them). */
  guard: GuardReport | null;
};

export type EmbedResult = {
  embeddings: number[][];
  model: string;
  route: ServedRoute;
  usage: { tokens: number };
  ledgerId: string;
};

export type GatewayDeps = {
  db: Db;
  config: InferenceConfigCache;
  models: ModelFactory;
  cache: ResponseCache;
  limits: Limits;
  tracer?: Tracer;
  now?: () => number;
  /** How long a resolved prompt label is reused (ms). Label moves in this process invalidate at once. */
  promptTtlMs?: number;
  /** Guardrails: pseudonymise for external providers, restore answers, score injections. */
  guard?: GuardHook;
};

const DEFAULT_MAX_OUTPUT = 1024;

/** A rough token estimate for reservations (~4 characters a token); the settle uses the provider's real count. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

type Ledger = {
  role: ModelRole;
  route?: ServedRoute;
  prompt?: ResolvedPrompt | null;
  usage?: { inputTokens: number; outputTokens: number };
  costMicros?: number;
  cacheHit?: boolean;
  retries?: number;
  fallbackUsed?: boolean;
  outcome: "ok" | "error" | "refused";
  errorClass?: string | null;
  attempts?: Attempt[];
  guard?: { call: GuardedCall; external: boolean } | null;
};

/**
 * Whether any attempt went to a provider outside this process (its prompt was the guarded one).
 * Pass the attempts the route ran, not the targets it skipped as unusable.
 */
function reachedExternal(cfg: InferenceConfig, attempts: readonly Attempt[]): boolean {
  return attempts.some((a) => cfg.providers.get(a.provider)?.kind !== "offline");
}

/** The caller-supplied parts of a prompt, the ones an injection could hide in. */
function untrustedParts(p: PromptInput): string[] {
  return "key" in p ? Object.values(p.variables).filter((v): v is string => typeof v === "string") : [p.prompt];
}

/**
 * The inference gateway: every model call in Lectern goes through here.
 * One call = resolve the prompt version → route by role → cache → rate limit
 * and budget reservation → run the route (retries, timeouts, fallback) →
 * settle → exactly one ledger row (ok, error or refused) → trace span.
 */
export function createGateway(deps: GatewayDeps) {
  const tracer = deps.tracer ?? trace.getTracer("lectern.inference");
  const now = deps.now ?? Date.now;
  const prompts = new Map<string, { at: number; p: Promise<ResolvedPrompt> }>();
  const schemaJson = new WeakMap<z.ZodType, unknown>();

  function prompt(workspaceId: string, key: string, label: string): Promise<ResolvedPrompt> {
    const k = `${workspaceId}|${key}|${label}`;
    const hit = prompts.get(k);
    if (hit && now() - hit.at < (deps.promptTtlMs ?? 5000)) return hit.p;
    const p = resolvePrompt(deps.db, workspaceId, key, label);
    prompts.set(k, { at: now(), p });
    p.catch(() => prompts.delete(k));
    return p;
  }

  async function writeLedger(ctx: CallContext, started: number, l: Ledger): Promise<string> {
    const row = await insertUsageEvent(deps.db, {
      workspaceId: ctx.workspaceId,
      userId: ctx.userId ?? null,
      role: l.role,
      providerKind: l.route?.providerKind ?? "none",
      providerId: l.route?.provider ?? null,
      model: l.route?.model ?? "none",
      promptKey: l.prompt?.key ?? null,
      promptVersionId: l.prompt?.id ?? null,
      inputTokens: l.usage?.inputTokens ?? 0,
      outputTokens: l.usage?.outputTokens ?? 0,
      costMicros: l.costMicros ?? 0,
      latencyMs: Math.max(0, Math.round(now() - started)),
      cacheHit: l.cacheHit ?? false,
      retries: l.retries ?? 0,
      fallbackUsed: l.fallbackUsed ?? false,
      outcome: l.outcome,
      errorClass: l.errorClass ?? null,
      attempts: l.attempts ?? [],
      requestId: ctx.requestId ?? null,
      redactions: l.guard?.external ? l.guard.call.redactions : null,
      injectionScore: l.guard ? l.guard.call.injectionScore : null,
    });
    return row.id;
  }

  function servedRoute(cfg: InferenceConfig, t: RouteTarget): ServedRoute {
    const p = cfg.providers.get(t.provider);
    return { provider: t.provider, providerKind: p?.kind ?? "unknown", model: t.model, offline: p?.kind === "offline" };
  }

  /** Keeps the targets whose provider exists, is enabled and offers the model; says why the others were skipped. */
  function usableChain(
    cfg: InferenceConfig,
    role: ModelRole,
    chain: RouteTarget[],
  ): { chain: RouteTarget[]; skipped: Attempt[] } {
    const ok: RouteTarget[] = [];
    const skipped: Attempt[] = [];
    for (const t of chain) {
      const p = cfg.providers.get(t.provider);
      if (p?.enabled && offersModel(p, t.model)) ok.push(t);
      else skipped.push({ provider: t.provider, model: t.model, outcome: "error", errorClass: "bad_request", ms: 0 });
    }
    if (!ok.length) {
      throw new GatewayError(
        "bad_request",
        `The ${role} route has no usable model: ${chain.map((t) => `${t.provider}/${t.model}`).join(", ")} ${chain.length > 1 ? "are" : "is"} missing, disabled or not offered by the provider. Fix the route in Settings → Models.`,
        skipped,
      );
    }
    return { chain: ok, skipped };
  }

  function budgetsFor(cfg: InferenceConfig, ctx: CallContext): LimitBudget[] {
    return cfg.budgets
      .filter((b) => b.userId === null || b.userId === ctx.userId)
      .map((b) => ({
        workspaceId: ctx.workspaceId,
        ...(b.userId ? { userId: b.userId } : {}),
        label: b.userId ? (ctx.userLabel ?? "this member") : cfg.workspaceName,
        metric: b.metric,
        period: b.period,
        hardCap: b.hardCap,
        softCap: b.softCap,
      }));
  }

  function rateLimitsFor(cfg: InferenceConfig, ctx: CallContext): RateLimit[] {
    const out: RateLimit[] = [];
    if (cfg.limits.requestsPerMin || cfg.limits.tokensPerMin)
      out.push({
        workspaceId: ctx.workspaceId,
        label: cfg.workspaceName,
        rpm: cfg.limits.requestsPerMin,
        tpm: cfg.limits.tokensPerMin,
      });
    if (ctx.userId && (cfg.limits.userRequestsPerMin || cfg.limits.userTokensPerMin))
      out.push({
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        label: ctx.userLabel ?? "this member",
        rpm: cfg.limits.userRequestsPerMin,
        tpm: cfg.limits.userTokensPerMin,
      });
    return out;
  }

  /**
   * Rate limits, then budgets, before any provider is called. Returns the
   * handles to settle afterwards, or throws a typed refusal (after writing
   * its ledger row).
   */
  async function admit(
    cfg: InferenceConfig,
    ctx: CallContext,
    role: ModelRole,
    chain: RouteTarget[],
    estimate: { input: number; output: number },
    started: number,
    p: ResolvedPrompt | null,
  ) {
    const tokens = estimate.input + estimate.output;
    const cost = Math.max(
      0,
      ...chain.map((t) =>
        costMicros(priceFor(t.model, cfg.prices), { inputTokens: estimate.input, outputTokens: estimate.output }),
      ),
    );
    const rates = rateLimitsFor(cfg, ctx);
    let ticket: RateTicket | undefined;
    if (rates.length) {
      const r = await deps.limits.checkRate({ limits: rates, tokens });
      if (!r.ok) {
        await writeLedger(ctx, started, { role, prompt: p, outcome: "refused", errorClass: "rate_limited" });
        throw new AppError("rate_limited:gateway", r.error.message, {
          headers: { "retry-after": String(Math.max(1, Math.ceil(r.error.retryAfterMs / 1000))) },
        });
      }
      ticket = r.ticket;
    }
    const budgets = budgetsFor(cfg, ctx);
    let reservation: Reservation | undefined;
    const warnings: string[] = [];
    if (budgets.length) {
      const r = await deps.limits.reserve({ budgets, estimate: { tokens, costMicros: cost } });
      if (!r.ok) {
        if (ticket) await deps.limits.cancelRate(ticket);
        await writeLedger(ctx, started, { role, prompt: p, outcome: "refused", errorClass: "budget_exceeded" });
        throw new AppError(
          "rate_limited:budget_exceeded",
          r.error.message,
          r.error.retryAfterMs > 0
            ? { headers: { "retry-after": String(Math.ceil(r.error.retryAfterMs / 1000)) } }
            : undefined,
        );
      }
      reservation = r.reservation;
      warnings.push(...r.warnings.map((w) => w.message));
    }
    return { ticket, reservation, warnings };
  }

  async function settle(
    admitted: Awaited<ReturnType<typeof admit>>,
    actual: { tokens: number; costMicros: number } | null,
  ): Promise<string[]> {
    const warnings: string[] = [];
    if (admitted.reservation) {
      if (actual)
        warnings.push(...(await deps.limits.settle(admitted.reservation, actual)).warnings.map((w) => w.message));
      else await deps.limits.release(admitted.reservation);
    }
    if (admitted.ticket) {
      if (actual) await deps.limits.adjustRate(admitted.ticket, actual.tokens);
      else await deps.limits.cancelRate(admitted.ticket);
    }
    return warnings;
  }

  /** What every text call starts with: configuration, the rendered prompt version, the usable route and the parameters. */
  async function plan(req: Omit<GenerateRequest, "schema">) {
    const cfg = await deps.config.get(req.ctx.workspaceId);
    let resolved: ResolvedPrompt | null = null;
    let system = "";
    let text: string;
    if ("key" in req.prompt) {
      resolved = req.prompt.versionId
        ? await resolvePromptVersion(deps.db, req.ctx.workspaceId, req.prompt.key, req.prompt.versionId)
        : await prompt(req.ctx.workspaceId, req.prompt.key, req.prompt.label ?? "production");
      ({ system, prompt: text } = renderPrompt(resolved, req.prompt.variables));
    } else {
      system = req.prompt.system ?? "";
      text = req.prompt.prompt;
    }
    const routed = cfg.routeFor(req.role);
    const { policy } = routed;
    const usable = usableChain(cfg, req.role, req.route ? [req.route] : routed.chain);
    const params = {
      temperature: req.temperature ?? resolved?.params.temperature,
      maxOutputTokens: req.maxOutputTokens ?? resolved?.params.maxOutputTokens ?? DEFAULT_MAX_OUTPUT,
    };
    return { cfg, resolved, system, text, policy, usable, params };
  }

  /**
   * Runs the guardrails before any provider is called. They fail closed: when they cannot check
   * a call that could reach an external provider, the call is refused (with its ledger row) and
   * nothing leaves Lectern. The offline engine runs in-process and would see the raw text anyway.
   */
  async function guardCall(
    cfg: InferenceConfig,
    req: Omit<GenerateRequest, "schema">,
    chain: RouteTarget[],
    msg: { system: string; text: string },
    started: number,
    resolved: ResolvedPrompt | null,
  ): Promise<GuardedCall | null> {
    if (!deps.guard) return null;
    try {
      return await deps.guard(req.ctx, { system: msg.system, prompt: msg.text, untrusted: untrustedParts(req.prompt) });
    } catch (e) {
      const external = chain.filter((t) => cfg.providers.get(t.provider)?.kind !== "offline");
      if (!external.length) return null;
      await writeLedger(req.ctx, started, {
        role: req.role,
        prompt: resolved,
        outcome: "refused",
        errorClass: "guardrail_failed",
      });
      throw new AppError(
        "unavailable:guardrails",
        `The guardrails could not check this request (${(e as Error).message}), so it was not sent to ${external
          .map((t) => `${t.provider}/${t.model}`)
          .join(", ")}. Nothing left Lectern; try again, or ask an admin to look at Settings → Guardrails.`,
      );
    }
  }

  function report(guarded: GuardedCall | null, external: boolean): GuardReport | null {
    return guarded && { redactions: external ? guarded.redactions : {}, injectionScore: guarded.injectionScore };
  }

  async function generate<S extends z.ZodType | undefined = undefined>(
    req: GenerateRequest<S>,
  ): Promise<GenerateResult<S extends z.ZodType ? z.output<S> : undefined>> {
    type Out = S extends z.ZodType ? z.output<S> : undefined;
    return tracer.startActiveSpan("lectern.inference.generate", async (span) => {
      const started = now();
      span.setAttributes({
        "lectern.workspace_id": req.ctx.workspaceId,
        "lectern.role": req.role,
        "lectern.request_id": req.ctx.requestId ?? "",
      });
      try {
        const { cfg, resolved, system, text, policy, usable, params } = await plan(req);
        const guarded = await guardCall(cfg, req, usable.chain, { system, text }, started, resolved);
        let jsonSchema: unknown;
        if (req.schema) {
          jsonSchema = schemaJson.get(req.schema);
          if (!jsonSchema)
            schemaJson.set(
              req.schema,
              (jsonSchema = z.toJSONSchema(req.schema, { io: "input", unrepresentable: "any" })),
            );
        }
        const key = cacheKey({
          workspaceId: req.ctx.workspaceId,
          chain: usable.chain,
          messages: { system, prompt: text },
          params,
          promptVersionId: resolved?.id ?? null,
          schema: jsonSchema,
        });

        if (req.cache !== "bypass") {
          const hit = await deps.cache.get(key);
          const output = hit && req.schema ? req.schema.safeParse(hit.output) : undefined;
          if (hit && (!req.schema || output?.success)) {
            const route = servedRoute(cfg, hit.target);
            const ledgerId = await writeLedger(req.ctx, started, {
              role: req.role,
              route,
              prompt: resolved,
              cacheHit: true,
              outcome: "ok",
              guard: guarded && { call: guarded, external: false },
            });
            span.setAttributes({ "lectern.cache_hit": true, "gen_ai.request.model": route.model });
            return {
              text: hit.text,
              output: (output?.data ?? undefined) as Out,
              usage: { inputTokens: 0, outputTokens: 0 },
              costMicros: 0,
              route,
              attempts: [],
              retries: 0,
              fallbackUsed: false,
              cacheHit: true,
              prompt: resolved && {
                id: resolved.id,
                key: resolved.key,
                version: resolved.version,
                label: resolved.label,
              },
              warnings: [],
              ledgerId,
              guard: report(guarded, false),
            };
          }
        }

        const estimate = { input: estimateTokens(system) + estimateTokens(text), output: params.maxOutputTokens };
        const admitted = await admit(cfg, req.ctx, req.role, usable.chain, estimate, started, resolved);
        let served: Served<{ text: string; output: unknown; usage: { inputTokens: number; outputTokens: number } }>;
        try {
          served = await runRoute(
            usable.chain,
            policy,
            (t, signal) => {
              const provider = cfg.providers.get(t.provider)!;
              const m = guarded && provider.kind !== "offline" ? guarded.external : { system, prompt: text };
              return callModel(provider, t, { system: m.system, prompt: m.prompt, params, schema: req.schema, signal });
            },
            { signal: req.signal },
          );
        } catch (e) {
          await settle(admitted, null);
          const attempts = [...usable.skipped, ...((e as GatewayError).attempts ?? [])];
          const errorClass: ErrorClass = e instanceof GatewayError ? e.errorClass : "unknown";
          await writeLedger(req.ctx, started, {
            role: req.role,
            prompt: resolved,
            outcome: "error",
            errorClass,
            attempts,
            guard: guarded && {
              call: guarded,
              external: reachedExternal(cfg, (e as GatewayError).attempts ?? []),
            },
            // Same-model retries: attempts beyond the first at each target.
            retries: attempts.length - new Set(attempts.map((a) => `${a.provider}/${a.model}`)).size,
          });
          throw e;
        }
        const route = servedRoute(cfg, served.target);
        // An external model answered about placeholders: put the real values back before anything is stored.
        if (guarded && !route.offline)
          served.value = {
            ...served.value,
            text: guarded.restore(served.value.text),
            output: guarded.restoreDeep(served.value.output),
          };
        const usage = served.value.usage;
        const cost = costMicros(priceFor(route.model, cfg.prices), usage);
        const warnings = [
          ...admitted.warnings,
          ...(await settle(admitted, { tokens: usage.inputTokens + usage.outputTokens, costMicros: cost })),
        ];
        const attempts = [...usable.skipped, ...served.attempts];
        const ledgerId = await writeLedger(req.ctx, started, {
          role: req.role,
          route,
          prompt: resolved,
          usage,
          costMicros: cost,
          retries: served.retries,
          fallbackUsed: served.fallbackUsed || usable.skipped.length > 0,
          outcome: "ok",
          attempts,
          guard: guarded && { call: guarded, external: reachedExternal(cfg, served.attempts) },
        });
        await deps.cache.set(
          key,
          {
            text: served.value.text,
            output: served.value.output,
            usage,
            target: served.target,
            providerKind: route.providerKind,
            storedAt: new Date(now()).toISOString(),
          },
          cfg.cacheTtlSeconds,
        );
        span.setAttributes({
          "gen_ai.request.model": route.model,
          "gen_ai.system": route.providerKind,
          "gen_ai.usage.input_tokens": usage.inputTokens,
          "gen_ai.usage.output_tokens": usage.outputTokens,
          "lectern.cache_hit": false,
          "lectern.fallback_used": served.fallbackUsed,
          "lectern.retries": served.retries,
          "lectern.cost_micros": cost,
        });
        return {
          text: served.value.text,
          output: served.value.output as Out,
          usage,
          costMicros: cost,
          route,
          attempts,
          retries: served.retries,
          fallbackUsed: served.fallbackUsed || usable.skipped.length > 0,
          cacheHit: false,
          prompt: resolved && { id: resolved.id, key: resolved.key, version: resolved.version, label: resolved.label },
          warnings,
          ledgerId,
          guard: report(guarded, reachedExternal(cfg, served.attempts)),
        };
      } catch (e) {
        span.recordException(e as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
        throw e;
      } finally {
        span.end();
      }
    });
  }

  /** One attempt at one model; structured output gets one corrective retry with the validation error. */
  async function callModel(
    provider: CallableProvider,
    t: RouteTarget,
    a: {
      system: string;
      prompt: string;
      params: { temperature?: number; maxOutputTokens: number };
      schema?: z.ZodType;
      signal: AbortSignal;
    },
  ) {
    const model = deps.models.language(provider, t.model);
    const base = {
      model,
      system: a.system || undefined,
      temperature: a.params.temperature,
      maxOutputTokens: a.params.maxOutputTokens,
      abortSignal: a.signal,
      maxRetries: 0,
    };
    if (!a.schema) {
      const r = await generateText({ ...base, prompt: a.prompt });
      return {
        text: r.text,
        output: undefined,
        usage: { inputTokens: r.usage.inputTokens ?? 0, outputTokens: r.usage.outputTokens ?? 0 },
      };
    }
    const output = Output.object({ schema: a.schema });
    try {
      const r = await generateText({ ...base, prompt: a.prompt, output });
      return {
        text: r.text,
        output: r.output,
        usage: { inputTokens: r.usage.inputTokens ?? 0, outputTokens: r.usage.outputTokens ?? 0 },
      };
    } catch (e) {
      if (!NoObjectGeneratedError.isInstance(e)) throw e;
      const messages: ModelMessage[] = [
        { role: "user", content: a.prompt },
        { role: "assistant", content: e.text ?? "" },
        {
          role: "user",
          content: `Your answer did not match the required JSON schema: ${(e.cause as Error | undefined)?.message ?? e.message}. Answer again with only JSON that matches the schema.`,
        },
      ];
      const r = await generateText({ ...base, messages, output });
      const first = e.usage;
      return {
        text: r.text,
        output: r.output,
        usage: {
          inputTokens: (first?.inputTokens ?? 0) + (r.usage.inputTokens ?? 0),
          outputTokens: (first?.outputTokens ?? 0) + (r.usage.outputTokens ?? 0),
        },
      };
    }
  }

  async function embed(req: { ctx: CallContext; values: string[]; signal?: AbortSignal }): Promise<EmbedResult> {
    return tracer.startActiveSpan("lectern.inference.embed", async (span) => {
      const started = now();
      try {
        const cfg = await deps.config.get(req.ctx.workspaceId);
        const { chain, policy } = cfg.routeFor("embed");
        const usable = usableChain(cfg, "embed", chain);
        const input = req.values.reduce((n, v) => n + estimateTokens(v), 0);
        const admitted = await admit(cfg, req.ctx, "embed", usable.chain, { input, output: 0 }, started, null);
        let served: Served<{ embeddings: number[][]; tokens: number }>;
        try {
          served = await runRoute(
            usable.chain,
            policy,
            async (t, signal) => {
              const r = await embedMany({
                model: deps.models.embedding(cfg.providers.get(t.provider)!, t.model),
                values: req.values,
                abortSignal: signal,
                maxRetries: 0,
              });
              return { embeddings: r.embeddings, tokens: r.usage?.tokens ?? input };
            },
            { signal: req.signal },
          );
        } catch (e) {
          await settle(admitted, null);
          await writeLedger(req.ctx, started, {
            role: "embed",
            outcome: "error",
            errorClass: e instanceof GatewayError ? e.errorClass : "unknown",
            attempts: (e as GatewayError).attempts ?? [],
          });
          throw e;
        }
        const route = servedRoute(cfg, served.target);
        const usage = { inputTokens: served.value.tokens, outputTokens: 0 };
        const cost = costMicros(priceFor(route.model, cfg.prices), usage);
        await settle(admitted, { tokens: usage.inputTokens, costMicros: cost });
        const ledgerId = await writeLedger(req.ctx, started, {
          role: "embed",
          route,
          usage,
          costMicros: cost,
          retries: served.retries,
          fallbackUsed: served.fallbackUsed,
          outcome: "ok",
          attempts: served.attempts,
        });
        span.setAttributes({ "gen_ai.request.model": route.model, "gen_ai.usage.input_tokens": usage.inputTokens });
        return {
          embeddings: served.value.embeddings,
          model: `${route.provider}/${route.model}`,
          route,
          usage: { tokens: usage.inputTokens },
          ledgerId,
        };
      } finally {
        span.end();
      }
    });
  }

  /**
   * Streaming for the UI. The route falls back only until the first text
   * arrives (after that, switching models would mix two answers). The ledger
   * row is written when the stream ends, whatever its outcome.
   */
  async function stream(req: Omit<GenerateRequest, "schema">) {
    const span = tracer.startSpan("lectern.inference.stream", {
      attributes: {
        "lectern.workspace_id": req.ctx.workspaceId,
        "lectern.role": req.role,
        "lectern.request_id": req.ctx.requestId ?? "",
      },
    });
    try {
      return await openStream(req, span);
    } catch (e) {
      span.recordException(e as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
      span.end();
      throw e;
    }
  }

  /** The stream's span ends when its text has been read to the end (or the reader gave up). */
  async function openStream(req: Omit<GenerateRequest, "schema">, span: Span) {
    const started = now();
    const { cfg, resolved, system, text, policy, usable, params } = await plan(req);
    const guarded = await guardCall(cfg, req, usable.chain, { system, text }, started, resolved);
    const admitted = await admit(
      cfg,
      req.ctx,
      req.role,
      usable.chain,
      { input: estimateTokens(system) + estimateTokens(text), output: params.maxOutputTokens },
      started,
      resolved,
    );
    let served: Served<{
      first: string;
      rest: AsyncIterator<string>;
      usage: PromiseLike<{ inputTokens?: number; outputTokens?: number }>;
    }>;
    try {
      served = await runRoute(
        usable.chain,
        policy,
        async (t, signal) => {
          const abortSignal = req.signal ? AbortSignal.any([signal, req.signal]) : signal;
          const provider = cfg.providers.get(t.provider)!;
          const m = guarded && provider.kind !== "offline" ? guarded.external : { system, prompt: text };
          const r = streamText({
            model: deps.models.language(provider, t.model),
            system: m.system || undefined,
            prompt: m.prompt,
            ...params,
            abortSignal,
            maxRetries: 0,
            onError: () => {},
          });
          const it = r.fullStream[Symbol.asyncIterator]();
          // Read until the first text (or an error, which fails this attempt and moves down the chain).
          for (;;) {
            const n = await it.next();
            if (n.done) return { first: "", rest: (async function* () {})(), usage: r.totalUsage };
            if (n.value.type === "error") throw n.value.error;
            if (n.value.type === "text-delta") {
              const rest = (async function* () {
                for (let m = await it.next(); !m.done; m = await it.next()) {
                  if (m.value.type === "error") throw m.value.error;
                  if (m.value.type === "text-delta") yield m.value.text;
                }
              })();
              return { first: n.value.text, rest, usage: r.totalUsage };
            }
          }
        },
        { signal: req.signal },
      );
    } catch (e) {
      await settle(admitted, null);
      await writeLedger(req.ctx, started, {
        role: req.role,
        prompt: resolved,
        outcome: "error",
        errorClass: e instanceof GatewayError ? e.errorClass : "unknown",
        attempts: [...usable.skipped, ...((e as GatewayError).attempts ?? [])],
        guard: guarded && {
          call: guarded,
          external: reachedExternal(cfg, (e as GatewayError).attempts ?? []),
        },
      });
      throw e;
    }
    const route = servedRoute(cfg, served.target);
    const value = served.value;
    const restorer = guarded && !route.offline ? guarded.streamRestorer() : null;
    async function* textStream(): AsyncGenerator<string> {
      let ok = false;
      let usage = { inputTokens: 0, outputTokens: 0 };
      try {
        const chunks = (async function* () {
          if (value.first) yield value.first;
          for (let m = await value.rest.next(); !m.done; m = await value.rest.next()) yield m.value;
        })();
        for await (const chunk of chunks) {
          const out = restorer ? restorer.push(chunk) : chunk;
          if (out) yield out;
        }
        const tail = restorer?.flush();
        if (tail) yield tail;
        const u = await value.usage;
        usage = { inputTokens: u.inputTokens ?? 0, outputTokens: u.outputTokens ?? 0 };
        ok = true;
      } finally {
        const cost = costMicros(priceFor(route.model, cfg.prices), usage);
        await settle(admitted, ok ? { tokens: usage.inputTokens + usage.outputTokens, costMicros: cost } : null);
        await writeLedger(req.ctx, started, {
          role: req.role,
          route,
          prompt: resolved,
          usage,
          costMicros: cost,
          retries: served.retries,
          fallbackUsed: served.fallbackUsed,
          outcome: ok ? "ok" : "error",
          errorClass: ok ? null : "stream_interrupted",
          attempts: [...usable.skipped, ...served.attempts],
          guard: guarded && { call: guarded, external: reachedExternal(cfg, served.attempts) },
        });
        span.setAttributes({
          "gen_ai.request.model": route.model,
          "gen_ai.system": route.providerKind,
          "gen_ai.usage.input_tokens": usage.inputTokens,
          "gen_ai.usage.output_tokens": usage.outputTokens,
          "lectern.fallback_used": served.fallbackUsed,
        });
        if (!ok) span.setStatus({ code: SpanStatusCode.ERROR, message: "stream interrupted" });
        span.end();
      }
    }
    return {
      route,
      prompt: resolved && { id: resolved.id, key: resolved.key, version: resolved.version, label: resolved.label },
      textStream: textStream(),
      guard: report(guarded, reachedExternal(cfg, served.attempts)),
    };
  }

  return {
    generate,
    stream,
    embed,
    /** Call after an admin changes a prompt label, so this process serves the new version at once. */
    invalidatePrompts(workspaceId: string) {
      for (const k of prompts.keys()) if (k.startsWith(`${workspaceId}|`)) prompts.delete(k);
    },
  };
}

export type Gateway = ReturnType<typeof createGateway>;

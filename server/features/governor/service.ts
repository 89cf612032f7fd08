/**
 * Brand voice and governed checks: the versioned voice a workspace edits on the Brand page,
 * compiled to a Vale style and run by the engine, plus Lectern's own disclaimer check, scored.
 */
import { strToU8, zipSync } from "fflate";
import { AppError } from "@/lib/errors";
import {
  BrandVoice,
  BrandVoiceBody,
  CheckBody,
  GovernorPolicy,
  type BrandVoiceOut,
  type CheckResult,
  type GovernorAlert,
} from "@/lib/schemas/brand";
import type { WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { audit } from "@/server/features/audit/service";
import { compileBrandVoice } from "./brand/compile";
import { checkDisclaimers } from "./brand/disclaimers";
import { configFromObject, lint, type Alert } from "./engine";
import { categoryOf, governanceScore, verdictOf } from "./score";
import { activeStyles, type ActiveStyle } from "./styles/service";

export type ActiveVoice = {
  version: number;
  voice: BrandVoice;
  policy: GovernorPolicy;
  /** Enabled imported Vale styles, run alongside the Brand style. */
  styles?: ActiveStyle[];
};

const DEFAULTS: ActiveVoice = {
  version: 0,
  voice: BrandVoice.parse({}),
  policy: GovernorPolicy.parse({}),
};

export async function activeVoice(
  ctx: Pick<WorkspaceCtx, "db" | "workspaceId">,
): Promise<ActiveVoice & { row: { note: string | null; createdAt: Date; createdByLabel: string | null } | null }> {
  const row = await ctx.db.brandVoiceVersion.findFirst({
    where: { workspaceId: ctx.workspaceId },
    orderBy: { version: "desc" },
  });
  const styles = await activeStyles(ctx);
  if (!row) return { ...DEFAULTS, styles, row: null };
  return {
    version: row.version,
    voice: BrandVoice.parse(row.voice),
    policy: GovernorPolicy.parse(row.policy),
    styles,
    row: { note: row.note, createdAt: row.createdAt, createdByLabel: row.createdByLabel },
  };
}

export async function getBrand(ctx: WorkspaceCtx): Promise<BrandVoiceOut> {
  const a = await activeVoice(ctx);
  return {
    version: a.version,
    voice: a.voice,
    policy: a.policy,
    note: a.row?.note ?? null,
    updatedAt: a.row?.createdAt.toISOString() ?? null,
    updatedBy: a.row?.createdByLabel ?? null,
    rules: compileBrandVoice(a.voice).summaries,
  };
}

/** Saves a new version on top of `baseVersion`; a stale base is a 409, never an overwrite. */
export async function saveBrand(ctx: WorkspaceCtx, raw: unknown): Promise<BrandVoiceOut> {
  requireRole(ctx, "admin", "change the brand voice");
  const body = BrandVoiceBody.parse(raw);
  // Compile once before saving: a voice whose rules do not load is refused with the reason.
  const style = compileBrandVoice(body.voice);
  const probe = lint("x", {
    format: "text",
    config: configFromObject({ files: style.files, sections: style.sections }),
  });
  if (probe.errors.length)
    throw new AppError(
      "validation:brand_rules",
      `These rules cannot be used: ${probe.errors.map((e) => e.message).join("; ")}`,
    );
  await ctx.db.$transaction(async (tx) => {
    const latest = await tx.brandVoiceVersion.findFirst({
      where: { workspaceId: ctx.workspaceId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const current = latest?.version ?? 0;
    if (current !== body.baseVersion)
      throw new AppError(
        "conflict:brand_version",
        `Someone saved version ${current} of the brand voice after you opened version ${body.baseVersion}. Reload to see their changes, then apply yours again.`,
      );
    const version = current + 1;
    await tx.brandVoiceVersion.create({
      data: {
        workspaceId: ctx.workspaceId,
        version,
        voice: body.voice,
        policy: body.policy,
        note: body.note ?? null,
        createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdByLabel: ctx.actor.label,
      },
    });
    await audit(tx, ctx, {
      action: "brand.voice.saved",
      entityType: "brand_voice",
      entityId: ctx.workspaceId,
      before: { version: current },
      after: { version, note: body.note ?? null, rules: style.summaries.length },
    });
  });
  return getBrand(ctx);
}

export async function listBrandVersions(ctx: WorkspaceCtx) {
  const rows = await ctx.db.brandVoiceVersion.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: { version: "desc" },
    take: 100,
    select: { version: true, note: true, createdAt: true, createdByLabel: true },
  });
  return {
    items: rows.map((r) => ({
      version: r.version,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdByLabel,
    })),
  };
}

function toGovernorAlert(a: Alert): GovernorAlert {
  const fix = a.Action.Name === "replace" ? (a.Action.Params?.[0] ?? null) : a.Action.Name === "remove" ? "" : null;
  return {
    check: a.Check,
    level: a.Severity,
    message: a.Message,
    line: a.Line,
    span: a.Span,
    start: a.start,
    end: a.end,
    match: a.Match,
    link: a.Link || null,
    fix,
    category: categoryOf(a.Check),
  };
}

/** The engine configuration for a voice and its imported styles (the same one the export writes). */
function governorConfig(active: ActiveVoice) {
  const styles = active.styles ?? [];
  const style = compileBrandVoice(
    active.voice,
    styles.map((s) => s.name),
  );
  const files: Record<string, string> = { ...style.files };
  for (const s of styles) Object.assign(files, s.files);
  const vocab = styles.flatMap((s) => s.vocab);
  return {
    files,
    sections: style.sections,
    vocab,
    ini: vocab.length ? `Vocab = ${vocab.join(", ")}\n${style.ini}` : style.ini,
  };
}

/** Lints copy for one channel with the workspace's voice; pure given the voice. */
export function governText(
  active: ActiveVoice,
  input: { text: string; channel: CheckBody["channel"]; format?: "markdown" | "text" },
): CheckResult {
  const config = configFromObject(governorConfig(active));
  const format = input.format ?? "markdown";
  const ext = format === "markdown" ? "md" : "txt";
  const out = lint(input.text, { format, path: `draft.${input.channel}.${ext}`, config });
  const alerts = [...out.alerts, ...checkDisclaimers(input.text, active.voice, input.channel)]
    .sort((x, y) => x.start - y.start || x.Check.localeCompare(y.Check))
    .map(toGovernorAlert);
  const score = governanceScore(alerts);
  return { alerts, score, ...verdictOf(alerts, score.total, active.policy), voiceVersion: active.version };
}

export async function checkCopy(ctx: WorkspaceCtx, raw: unknown): Promise<CheckResult> {
  const body = CheckBody.parse(raw);
  return governText(await activeVoice(ctx), body);
}

/**
 * The voice as a Vale style folder (zip): `.vale.ini` and `styles/<Style>/<Rule>.yml`, with the
 * enabled imported styles (and their vocabularies), so Vale runs exactly what Lectern runs.
 */
export async function exportBrandStyle(ctx: WorkspaceCtx): Promise<Uint8Array> {
  const config = governorConfig(await activeVoice(ctx));
  const files: Record<string, Uint8Array> = { ".vale.ini": strToU8(config.ini) };
  for (const [p, content] of Object.entries(config.files)) files[`styles/${p}`] = strToU8(content);
  return zipSync(files, { level: 6 });
}

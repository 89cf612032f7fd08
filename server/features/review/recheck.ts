/**
 * Re-checking an edited draft: the same checks the pipeline ran on the generated copy, on the
 * person's text — channel limits, the governor's lint (no automatic fixes: a human's wording is
 * theirs to change), grounding against the passages the draft was built from, the output
 * guardrails and, for SEO pages, the JSON-LD. Flags from the brief (injection) are kept.
 */
import {
  FORMAT_CHANNEL,
  type DraftContent,
  type DraftFlag,
  type DraftFormat,
  type DraftRecord,
} from "@/lib/schemas/drafts";
import { KNOWLEDGE_LIMITS } from "@/lib/schemas/knowledge";
import type { WorkspaceCtx } from "@/server/context";
import { activeVoice } from "@/server/features/governor/service";
import { activePolicy } from "@/server/features/guardrails/policy";
import { scanText } from "@/server/features/guardrails/scan";
import { callContext } from "@/server/features/rag/context";
import type { KbDeps } from "@/server/features/rag/deps";
import { groundWithKnowledge } from "@/server/features/rag/ground";
import { channelModule, type ChannelCtx, type ChannelModule } from "@/server/features/generation/channels";
import {
  alertFlags,
  factualFieldsOf,
  groundingFlags,
  issueFlags,
  outputFlags,
} from "@/server/features/generation/flags";
import { lintContent } from "@/server/features/generation/govern";
import { acceptBriefFacts } from "@/server/features/generation/pipeline";
import { generationSettings } from "@/server/features/generation/settings";
import { pageJsonLdCheck } from "./jsonld-check";

export type RecheckDeps = { kb: KbDeps; hashKey: (workspaceId: string) => string };

export type Rechecked = {
  content: DraftContent;
  text: string;
  title: string;
  flags: DraftFlag[];
  record: DraftRecord;
  governanceScore: number;
  groundingScore: number | null;
  verdict: "pass" | "needs_review";
};

/** Flag kinds the re-check recomputes; others (the brief's injection score) stay as recorded. */
const RECOMPUTED = new Set<DraftFlag["kind"]>(["governor", "channel", "unsupported_claim", "pii", "output", "jsonld"]);

export async function recheckContent(
  deps: RecheckDeps,
  ctx: WorkspaceCtx,
  draft: { format: DraftFormat; brief: string; record: DraftRecord },
  edited: DraftContent,
): Promise<Rechecked> {
  const channelMod = channelModule(draft.format) as ChannelModule<DraftContent["format"], unknown>;
  const [voice, policy, settings, workspace] = await Promise.all([
    activeVoice(ctx),
    activePolicy(ctx.db, ctx.workspaceId),
    generationSettings(ctx.db, ctx.workspaceId),
    ctx.db.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { name: true } }),
  ]);
  const chCtx: ChannelCtx = {
    brief: draft.brief,
    workspaceName: workspace.name,
    siteUrl: settings.siteUrl,
    postalAddress: settings.postalAddress,
    senderName: settings.senderName,
    unsubscribeUrl: settings.siteUrl ? `${settings.siteUrl}/unsubscribe?c={{contact_id}}` : null,
    slug: edited.format === "seo_page" ? edited.slug : undefined,
  };

  // Derived parts (an email's HTML and text body) are rebuilt from the edited fields.
  let content = (await channelMod.withFields(
    edited as never,
    channelMod.fields(edited as never).map((f) => f.text),
    chCtx,
  )) as DraftContent;

  const issues = channelMod.validate(content as never, chCtx);
  const lint = lintContent(voice, channelMod, content);
  const fields = lint.fields;
  const copyText = fields.map((f) => f.text).join("\n\n");
  const factual = factualFieldsOf(fields);
  const factualText = factual.map((f) => f.text).join("\n\n");

  const call = callContext(ctx);
  const chunkIds = draft.record.chunkIds;
  const grounding = acceptBriefFacts(
    await groundWithKnowledge(deps.kb, call, {
      text: (factualText || copyText).slice(0, KNOWLEDGE_LIMITS.groundMaxChars),
      ...(chunkIds.length ? { chunkIds } : {}),
    }),
    draft.brief,
  );
  const outputScan = scanText(policy.policy, copyText, {
    kind: "output",
    hashKey: deps.hashKey(ctx.workspaceId),
    sources: [draft.brief, ...draft.record.citations.map((c) => c.text)],
  });

  const flags: DraftFlag[] = draft.record.flags.filter((f) => !RECOMPUTED.has(f.kind));
  flags.push(...groundingFlags(grounding, factualText ? factual : fields));
  flags.push(...outputFlags(outputScan, fields));
  let jsonLd = draft.record.jsonLd ?? null;
  if (content.format === "seo_page") {
    const j = pageJsonLdCheck(content, {
      workspaceName: workspace.name,
      siteUrl: settings.siteUrl,
      previous: draft.record,
    });
    content = j.content;
    jsonLd = j.summary;
    flags.push(...j.flags);
  }
  flags.push(...alertFlags(lint.alerts));
  flags.push(...issueFlags(issues));

  const hasError = flags.some((f) => f.level === "error");
  const record: DraftRecord = {
    ...draft.record,
    alerts: lint.alerts,
    channelIssues: issues,
    flags,
    governance: {
      score: lint.result.score,
      verdict: lint.result.verdict,
      // A person edited it: whatever the policy says, it is their decision now, not the robot's.
      autoApprove: false,
      voiceVersion: lint.result.voiceVersion,
    },
    grounding,
    guard: { ...draft.record.guard, outputFlags: outputScan.output },
    jsonLd,
  };
  return {
    content,
    text: copyText,
    title: channelMod.title(content as never).slice(0, 200) || draft.brief.slice(0, 80),
    flags,
    record,
    governanceScore: lint.result.score.total,
    groundingScore: grounding.factualCount ? grounding.score : null,
    verdict: hasError ? "needs_review" : "pass",
  };
}

export { FORMAT_CHANNEL };

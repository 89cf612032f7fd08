import "server-only";
import { CheckBody, type GovernResult, type GovernorAlert } from "@/lib/schemas/brand";
import type { WorkspaceCtx } from "@/server/context";
import { inference, primaryModelFor } from "@/server/inference";
import { governDraft, type Reviser } from "./loop";
import { activeVoice } from "./service";

function problemList(alerts: GovernorAlert[]): string {
  return alerts
    .map(
      (a) =>
        `- line ${a.line}, column ${a.span[0]}: “${a.match}” — ${a.message}${a.fix !== null ? ` (suggested: “${a.fix}”)` : ""} [${a.check}]`,
    )
    .join("\n");
}

/**
 * The governed loop with the gateway's `revise` role. The offline engine composes copy from a
 * brief and cannot edit a text to order, so with it only the deterministic fixes run (and the
 * result says so).
 */
export async function governCopy(ctx: WorkspaceCtx, raw: unknown): Promise<GovernResult> {
  const body = CheckBody.parse(raw);
  const active = await activeVoice(ctx);
  const model = await primaryModelFor(ctx.workspaceId, "revise");
  const notes: string[] = [];
  let reviser: Reviser | null = null;
  if (model && !model.offline) {
    reviser = async (text, alerts) => {
      const r = await inference().gateway.generate({
        ctx: {
          workspaceId: ctx.workspaceId,
          userId: ctx.actor.type === "user" ? ctx.actor.id : null,
          userLabel: ctx.actor.label,
          requestId: ctx.requestId,
        },
        role: "revise",
        prompt: {
          key: "revise.generic",
          variables: { channel: body.channel, draft: text, problems: problemList(alerts) },
        },
      });
      return r.text;
    };
  }
  const out = await governDraft(active, body, reviser);
  if (!reviser && out.result.alerts.some((a) => a.level === "error"))
    notes.push(
      "The remaining errors need a rewrite, which needs a real model on the revise route (Settings → Models); the offline engine only applies deterministic fixes.",
    );
  return { ...out, revisedWith: reviser ? (model?.key ?? null) : null, notes };
}

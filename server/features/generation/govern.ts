/**
 * The governed loop on structured content. Every text field is checked as one document (so
 * rules that look at the whole copy — a required disclaimer, a repetition — see all of it);
 * alerts are then placed in the field they fall in. Deterministic fixes apply per field; while
 * error-level alerts remain and a real model is on the revise route, it gets the content as
 * JSON with exactly those problems and answers in the same structure (bounded rounds; a
 * revision that does not reduce the problems is discarded).
 */
import type { CheckResult, GovernorAlert } from "@/lib/schemas/brand";
import { FORMAT_CHANNEL, type ChannelIssue, type DraftContent, type FieldAlert } from "@/lib/schemas/drafts";
import { applyAlertFixes } from "@/server/features/governor/loop";
import { governText, type ActiveVoice } from "@/server/features/governor/service";
import type { ChannelCtx, ChannelModule, ContentField } from "./channels";

/** Fields joined with a blank line: paragraph scopes stay per field. */
const SEP = "\n\n";

export type GovernStep = { kind: "lint" | "autofix" | "revise"; detail: string; errors: number; score: number };

export type GovernedContent<C extends DraftContent> = {
  content: C;
  result: CheckResult;
  alerts: FieldAlert[];
  steps: GovernStep[];
};

/** Returns new content for a revision request, or throws. */
export type ContentReviser<C extends DraftContent> = (content: C, problems: string) => Promise<C>;

function document(fields: ContentField[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = "";
  for (const f of fields) {
    if (text) text += SEP;
    starts.push(text.length);
    text += f.text;
  }
  return { text, starts };
}

/** The field an offset falls in (a boundary belongs to the field that starts there). */
function fieldAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function placeAlerts(fields: ContentField[], alerts: GovernorAlert[]): FieldAlert[] {
  const { starts } = document(fields);
  return alerts.map((a) => {
    const i = fieldAt(starts, a.start);
    const base = starts[i] ?? 0;
    const len = fields[i]?.text.length ?? 0;
    return {
      ...a,
      field: fields[i]?.path ?? "",
      start: Math.min(len, Math.max(0, a.start - base)),
      end: Math.min(len, Math.max(0, a.end - base)),
    };
  });
}

const errorCount = (r: CheckResult) => r.alerts.filter((a) => a.level === "error").length;

export function problemList(alerts: FieldAlert[], issues: ChannelIssue[] = []): string {
  return [
    ...alerts.map(
      (a) =>
        `- ${a.field}: “${a.match}” — ${a.message}${a.fix !== null ? ` (suggested: “${a.fix}”)` : ""} [${a.check}]`,
    ),
    ...issues.map((i) => `- ${i.field}: ${i.message} [${i.code}]`),
  ].join("\n");
}

/** Lints every text field of the content as one document (no fixes): alerts placed per field. */
export function lintContent<C extends DraftContent>(
  active: ActiveVoice,
  channelMod: ChannelModule<C["format"], unknown>,
  content: C,
): { fields: ContentField[]; result: CheckResult; alerts: FieldAlert[] } {
  const fields = channelMod.fields(content as never);
  const r = governText(active, {
    text: document(fields).text,
    channel: FORMAT_CHANNEL[channelMod.format],
    format: "text",
  });
  return { fields, result: r, alerts: placeAlerts(fields, r.alerts) };
}

export async function governContent<C extends DraftContent>(
  active: ActiveVoice,
  channelMod: ChannelModule<C["format"], unknown>,
  content: C,
  ctx: ChannelCtx,
  revise: ContentReviser<C> | null,
): Promise<GovernedContent<C>> {
  const check = (c: C) => lintContent(active, channelMod, c);
  const steps: GovernStep[] = [];
  let current = content;
  let state = check(current);
  steps.push({
    kind: "lint",
    detail: `${state.result.alerts.length} alerts`,
    errors: errorCount(state.result),
    score: state.result.score.total,
  });

  const autofix = async () => {
    let applied = 0;
    const texts = state.fields.map((f) => {
      const own = state.alerts.filter((a) => a.field === f.path && a.end <= f.text.length);
      const r = applyAlertFixes(f.text, own);
      applied += r.applied;
      return r.text;
    });
    if (!applied) return;
    current = (await channelMod.withFields(current as never, texts, ctx)) as unknown as C;
    state = check(current);
    steps.push({
      kind: "autofix",
      detail: `${applied} deterministic ${applied === 1 ? "fix" : "fixes"}`,
      errors: errorCount(state.result),
      score: state.result.score.total,
    });
  };
  await autofix();

  for (let round = 1; revise && round <= active.policy.maxReviseRounds && errorCount(state.result); round++) {
    let candidate: C;
    try {
      candidate = await revise(current, problemList(state.alerts.filter((a) => a.level === "error")));
    } catch (e) {
      steps.push({
        kind: "revise",
        detail: `round ${round}: the revise model failed (${(e as Error).message})`,
        errors: errorCount(state.result),
        score: state.result.score.total,
      });
      break;
    }
    const next = check(candidate);
    const better =
      errorCount(next.result) < errorCount(state.result) ||
      (errorCount(next.result) === errorCount(state.result) && next.result.score.total > state.result.score.total);
    steps.push({
      kind: "revise",
      detail: `round ${round}: ${better ? "accepted" : "discarded (did not reduce the problems)"}`,
      errors: errorCount(next.result),
      score: next.result.score.total,
    });
    if (!better) break;
    current = candidate;
    state = next;
    await autofix();
  }
  return { content: current, result: state.result, alerts: state.alerts, steps };
}

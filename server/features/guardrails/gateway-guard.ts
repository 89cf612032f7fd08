/**
 * The guardrails as the inference gateway's hook: every call's rendered prompt is scanned for
 * PII under the workspace policy and pseudonymised (or masked, hashed, replaced) for external
 * providers; the caller-supplied parts are scored for injection. Answers are restored by the
 * gateway through the returned functions.
 */
import type { GuardHook } from "@/server/inference/guard";
import { anonymize, streamRestorer } from "./anonymize/anonymize";
import { scanInjection } from "./injection";
import type { ActivePolicy } from "./policy";
import { findPii } from "./scan";

export function createGatewayGuard(deps: {
  policy: (workspaceId: string) => Promise<ActivePolicy>;
  hashKey: (workspaceId: string) => string;
}): GuardHook {
  return async (ctx, input) => {
    const { policy } = await deps.policy(ctx.workspaceId);
    const texts = [input.system, input.prompt];
    const anon = anonymize(
      texts,
      texts.map((t) => findPii(policy, t)),
      policy.entities,
      { hashKey: deps.hashKey(ctx.workspaceId) },
    );
    const injectionScore = input.untrusted.reduce((max, t) => Math.max(max, scanInjection(t).score), 0);
    return {
      external: { system: anon.texts[0]!, prompt: anon.texts[1]! },
      restore: anon.restore,
      restoreDeep: anon.restoreDeep,
      streamRestorer: () => streamRestorer(anon.restore),
      redactions: anon.counts as Record<string, number>,
      injectionScore,
    };
  };
}

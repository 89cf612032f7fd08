/**
 * One scan of one text under a workspace policy: PII findings, the injection score, output
 * filters for generated copy, and the text as an external model would receive it. Pure.
 */
import type { GuardrailPolicy, GuardScanResult, PiiFinding } from "@/lib/schemas/guardrails";
import { ENTITY_TYPES } from "@/lib/schemas/guardrails";
import { anonymize } from "./anonymize/anonymize";
import { scanInjection } from "./injection";
import { filterOutput } from "./output";
import { analyzePii, type AnalyzeContext } from "./pii";

export function analyzeContext(policy: GuardrailPolicy): AnalyzeContext {
  return {
    people: policy.people,
    denyList: policy.denyList,
    entities: ENTITY_TYPES.filter((t) => policy.entities[t].enabled),
    minScore: policy.minScore,
  };
}

export function findPii(policy: GuardrailPolicy, text: string): PiiFinding[] {
  return analyzePii(text, analyzeContext(policy));
}

export function scanText(
  policy: GuardrailPolicy,
  text: string,
  opts: { kind: "input" | "output"; hashKey: string; sources?: string[] },
): Omit<GuardScanResult, "policyVersion"> {
  const pii = findPii(policy, text);
  const injection = scanInjection(text);
  const output =
    opts.kind === "output"
      ? filterOutput(text, {
          sources: opts.sources ?? [],
          allowedDomains: policy.allowedDomains,
          competitors: policy.competitors,
          profanity: policy.profanity,
          findPii: (t) => findPii(policy, t),
        })
      : [];
  const anon = anonymize([text], [pii], policy.entities, { hashKey: opts.hashKey });
  return {
    pii,
    injection,
    quarantine: injection.score >= policy.injectionThreshold,
    output,
    anonymized: anon.texts[0]!,
    redactions: anon.counts,
  };
}

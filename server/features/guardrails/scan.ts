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

/** Findings per policy object (the active policy is cached), per text: knowledge passages repeat across drafts. */
const memo = new WeakMap<GuardrailPolicy, Map<string, PiiFinding[]>>();
const MEMO_ENTRIES = 2000;
const MEMO_MAX_CHARS = 20_000;

export function findPii(policy: GuardrailPolicy, text: string): PiiFinding[] {
  if (text.length > MEMO_MAX_CHARS) return analyzePii(text, analyzeContext(policy));
  let m = memo.get(policy);
  if (!m) memo.set(policy, (m = new Map()));
  const hit = m.get(text);
  if (hit) return hit;
  const found = analyzePii(text, analyzeContext(policy));
  if (m.size >= MEMO_ENTRIES) m.delete(m.keys().next().value!);
  m.set(text, found);
  return found;
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

/**
 * Prompt-injection detector: `scanInjection(text)` → `{ score, signals }`.
 *
 * Pure, offline and linear in the input. Heuristics reduce the risk of planted instructions in
 * briefs, knowledge passages and imported rows reaching the model; they do not remove it — a
 * paraphrased instruction without any of the patterns below scores low.
 */
import type { InjectionResult, InjectionSignal } from "@/lib/schemas/guardrails";
import { scanCharStats } from "./char-stats";
import { scanDelimiters } from "./delimiter";
import { EXFILTRATION_RULES, scanExfiltrationStructure } from "./exfiltration";
import { type HiddenPayload, scanHiddenText } from "./hidden-text";
import { normalizeForMatching } from "./normalize";
import { OVERRIDE_RULES } from "./override";
import { type PhraseRule, runPhraseRules } from "./phrase";
import { ROLE_PLAY_RULES } from "./role-play";
import { combineScore } from "./score";
import { makeSignal, tidySignals } from "./signal";
import { spacedLetterPayloads } from "./spaced-letters";
import { SYSTEM_PROMPT_RULES } from "./system-prompt";

export { DEFAULT_INJECTION_THRESHOLD, combineScore } from "./score";
export { normalizeForMatching, toOriginal } from "./normalize";

export const PHRASE_RULES: readonly PhraseRule[] = [
  ...OVERRIDE_RULES,
  ...ROLE_PLAY_RULES,
  ...SYSTEM_PROMPT_RULES,
  ...EXFILTRATION_RULES,
];

const MAX_PAYLOADS = 10;
const MAX_PAYLOAD_CHARS = 20_000;

/**
 * Phrase rules over text a reader (or the folded text) does not show directly: base64, text
 * reversed by a bidi override, letter-spaced words.
 */
function scanPayloads(payloads: readonly HiddenPayload[], original: string): InjectionSignal[] {
  const out: InjectionSignal[] = [];
  for (const p of payloads.slice(0, MAX_PAYLOADS)) {
    const inner = p.text.slice(0, MAX_PAYLOAD_CHARS);
    const hits = runPhraseRules(normalizeForMatching(inner), inner, PHRASE_RULES);
    for (const h of hits) {
      out.push(
        makeSignal(
          h.kind,
          original,
          p.start,
          p.end,
          h.weight * 0.9,
          `${h.detail} (hidden as ${p.via}: "${h.text.slice(0, 80)}")`,
        ),
      );
    }
  }
  return out;
}

export function scanInjection(text: string): InjectionResult {
  const input = typeof text === "string" ? text : "";
  if (input.length === 0) return { score: 0, signals: [] };
  const norm = normalizeForMatching(input);
  const hidden = scanHiddenText(input);
  const stats = scanCharStats(input, norm);
  const signals = tidySignals([
    ...runPhraseRules(norm, input, PHRASE_RULES),
    ...hidden.signals,
    ...scanExfiltrationStructure(input),
    ...scanDelimiters(input),
    ...stats.signals,
    ...scanPayloads([...hidden.payloads, ...stats.payloads, ...spacedLetterPayloads(input)], input),
  ]);
  return { score: combineScore(signals), signals };
}

/**
 * Phrase rules: regular expressions over the folded text (see normalize.ts), with spans mapped back
 * to the original.
 *
 * Pattern notation, to keep rule files readable:
 * - a literal space means "a separator": 1–4 characters that are neither letters nor digits
 *   (space, punctuation, markdown emphasis, apostrophes); " ?" makes it optional;
 * - `~N ` (tilde, digit, space) means "up to N filler words", each followed by a separator;
 * - rules are anchored on word boundaries unless `bounded: false` (CJK, which has no spaces).
 *
 * Linear time: every quantifier is bounded or runs over a class disjoint from what follows it, so a
 * failed attempt costs a constant number of steps per start position. Write real spaces inside
 * character classes as `\s`.
 */
import type { InjectionSignal, InjectionSignalKind } from "@/lib/schemas/guardrails";
import { foldPattern, type NormalizedText, toOriginal } from "./normalize";
import { MAX_SIGNALS_PER_KIND, makeSignal } from "./signal";

/**
 * Separator characters of the folded text: ASCII and Latin-1 punctuation, general punctuation,
 * symbols, CJK punctuation, full-width punctuation, U+FFFD and surrogate halves (emoji). Everything
 * else counts as a word character. Explicit ranges instead of `\p{L}` keep the compiled regexes
 * small and fast to compile (the engine does not need the `u` flag for them).
 */
const SEP_CHARS =
  "\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\xbf\\xd7\\xf7\\u2000-\\u206f\\u20a0-\\u20cf\\u2100-\\u2bff\\u3000-\\u303f\\ufe30-\\ufe4f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\ufffd\\ud800-\\udfff";
const SEP_CLASS = `[${SEP_CHARS}]`;
const WORD_CLASS = `[^${SEP_CHARS}]`;
const SEP = `${SEP_CLASS}{1,4}`;
const FILLER_WORD = `${WORD_CLASS}+${SEP}`;

/** Rewrite Unicode-property classes into the explicit separator/word classes above. */
export function liteClasses(source: string): string {
  return source
    .replaceAll("[^\\p{L}\\p{N}]", SEP_CLASS)
    .replaceAll("[\\p{L}\\p{N}]", WORD_CLASS)
    .replaceAll("\\p{L}", WORD_CLASS)
    .replaceAll("\\p{N}", "[0-9]");
}

export type MatchContext = {
  /** The folded match. */
  match: string;
  groups: Record<string, string | undefined>;
  /** Up to 60 folded characters before and 80 after the match. */
  before: string;
  after: string;
};

export type PhraseRule = {
  kind: InjectionSignalKind;
  pattern: RegExp;
  weight: number;
  detail: string;
  /** Adjust the weight from the match and its surroundings; 0 drops the match. */
  refine?: (ctx: MatchContext) => number;
};

export function compilePhrase(source: string, bounded = true): RegExp {
  let src = foldPattern(source).replace(/~(\d) /g, (_, n: string) => `(?:${FILLER_WORD}){0,${n}}?`);
  src = src.replace(/ \?/g, `(?:${SEP})?`).replace(/ /g, SEP);
  if (bounded) src = `(?<!${WORD_CLASS})(?:${src})(?!${WORD_CLASS})`;
  return new RegExp(liteClasses(src), "g");
}

export function phraseRule(
  kind: InjectionSignalKind,
  weight: number,
  detail: string,
  source: string,
  options: { refine?: PhraseRule["refine"]; bounded?: boolean } = {},
): PhraseRule {
  return { kind, weight, detail, pattern: compilePhrase(source, options.bounded ?? true), refine: options.refine };
}

/** `(?:a|b|c)` from a list of alternatives (each may contain spaces = separators). */
export const anyOf = (...words: string[]) => `(?:${words.join("|")})`;

const URL_IN_FOLDED = /(?:https?:\/\/|www\.)[^\s]+/g;

/** Sorted [start, end) ranges of URLs in the folded text: words inside a URL are not prose. */
function urlRanges(text: string): number[] {
  const ranges: number[] = [];
  for (const m of text.matchAll(URL_IN_FOLDED)) ranges.push(m.index, m.index + m[0].length);
  return ranges;
}

function insideRange(ranges: readonly number[], pos: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos < ranges[2 * mid]!) hi = mid - 1;
    else if (pos >= ranges[2 * mid + 1]!) lo = mid + 1;
    else return pos > ranges[2 * mid]!;
  }
  return false;
}

/** Run rules over the folded text; spans point into the original. */
export function runPhraseRules(
  norm: NormalizedText,
  original: string,
  rules: readonly PhraseRule[],
): InjectionSignal[] {
  const out: InjectionSignal[] = [];
  const text = norm.text;
  const urls = urlRanges(text);
  for (const rule of rules) {
    const re = rule.pattern;
    re.lastIndex = 0;
    let hits = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const from = m.index;
      const to = from + m[0].length;
      if (insideRange(urls, from)) continue;
      const weight = rule.refine
        ? rule.refine({
            match: m[0],
            groups: m.groups ?? {},
            before: text.slice(Math.max(0, from - 60), from),
            after: text.slice(to, to + 80),
          })
        : rule.weight;
      if (weight <= 0) continue;
      const span = toOriginal(norm, from, to);
      out.push(makeSignal(rule.kind, original, span.start, span.end, weight, rule.detail));
      if (++hits >= MAX_SIGNALS_PER_KIND) break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shared vocabulary (folded: lower case, no diacritics).

/** Words that name the model being addressed. */
export const AI_NOUN = anyOf(
  "ai",
  "ais",
  "ia",
  "ki",
  "llm",
  "llms",
  "gpt",
  "chatgpt",
  "claude",
  "gemini",
  "copilot",
  "chatbot",
  "chatbots",
  "bot",
  "bots",
  "assistant",
  "assistants",
  "assistent",
  "assistente",
  "asistente",
  "ai agents?",
  "automated agents?",
  "summari[sz]ers?",
  "language models?",
  "large language models?",
  "ai models?",
  "ai assistants?",
  "sprachmodell",
  "ki modell",
  "taalmodel",
  "modele de langage",
  "modelo de lenguaje",
  "modello linguistico",
  "modelo de linguagem",
);

/** "The AI", "du bist", "respond"… within a window makes a restriction-free phrase a persona hijack. */
export const AI_CONTEXT = new RegExp(
  foldPattern(
    "(?<![\\p{L}\\p{N}])(?:ai|ia|ki|llm|gpt|chatgpt|claude|gemini|copilot|chatbot|bot|assistant|assistent|assistente|asistente|language model|sprachmodell|taalmodel|you are|you're|you re|du bist|tu es|vous etes|eres|estas|sei|voce e|voce esta|je bent|respond|responds|response|responses|reply|replies|answer|answers|antwort\\p{L}*|reponds|responde|rispondi|responda|antwoord)(?![\\p{L}\\p{N}])",
  ),
  "u",
);

/** Nouns for the limits a jailbreak wants gone (several languages). */
export const RESTRICTION_NOUN = anyOf(
  "restrictions?",
  "rules",
  "filters?",
  "limits",
  "limitations",
  "guidelines",
  "censorship",
  "ethics",
  "morals",
  "moral guidelines",
  "ethical guidelines",
  "boundaries",
  "polic(?:y|ies)",
  "content polic(?:y|ies)",
  "safety (?:guidelines|rules|filters|measures)",
  "guardrails",
  "constraints",
  "einschrankungen",
  "beschrankungen",
  "regeln",
  "filter",
  "zensur",
  "richtlinien",
  "grenzen",
  "regles?",
  "filtres?",
  "limites?",
  "censure",
  "contraintes?",
  "restricciones",
  "filtros",
  "reglas",
  "censura",
  "limitaciones",
  "normas",
  "restrizioni",
  "filtri",
  "regole",
  "limiti",
  "limitazioni",
  "restricoes",
  "regras",
  "limitacoes",
  "beperkingen",
  "restricties",
  "regels",
  "censuur",
);

/** "without", "no", "ohne", "sans", "sin", "senza", "sem", "zonder". */
export const WITHOUT = anyOf(
  "without",
  "with no",
  "no",
  "free from",
  "free of",
  "not bound by",
  "ohne",
  "keine",
  "sans",
  "aucune?",
  "sin",
  "ningun[ao]?",
  "senza",
  "alcun[ao]?",
  "nessun[ao]?",
  "sem",
  "nenhum[ao]?",
  "zonder",
  "geen",
);

/** The preceding words that make a verb non-imperative ("chatbots that ignore your instructions"). */
const NON_IMPERATIVE =
  /(?:^|[^\p{L}\p{N}])(?:that|which|who|they|it|will|would|can|could|may|might|never|not|to|doesn'?t|don'?t|won'?t|didn'?t|cannot|can'?t|models|bots|chatbots|agents|assistants|ais|tools|we|he|she|die|qui|que|che|dat)[^\p{L}\p{N}]{1,4}$/u;

/** "I authorise you to …", "we want the assistant to …": still an order. */
const ORDER_TO =
  /(?:authori[sz]e|allow|permit|want|need|ask|instruct|order|command|tell|require|urge|get|free)[^\p{L}\p{N}]{1,4}(?:you|the (?:assistant|ai|model))[^\p{L}\p{N}]{1,4}to[^\p{L}\p{N}]{1,4}$|(?:allowed|permitted|free|authori[sz]ed)[^\p{L}\p{N}]{1,4}to[^\p{L}\p{N}]{1,4}$/u;

export function isNonImperative(before: string): boolean {
  return NON_IMPERATIVE.test(before) && !ORDER_TO.test(before);
}

/**
 * The deterministic composer: turns a brief, a brand voice and retrieved facts into
 * channel-shaped copy WITHOUT any language model.
 *
 * Guarantees (see README.md):
 * - Facts are quoted verbatim, sentence by sentence. A sentence that is too long for a slot is
 *   shortened at a clause or word boundary and marked with "…"; words are never rewritten.
 * - Template text contains no digits, so every digit sequence in the output comes from the input.
 * - Template choice is driven by a hash of the whole input: the same input always yields
 *   byte-identical output; different briefs read differently. There is no randomness.
 * - Templates are claim-free connectives ("Meet …", "A closer look at …"); a template that implies
 *   newness ("Introducing …") is only used when the brief itself says new/launch/introduce.
 */
import { stableHash } from "./hash";
import type { Channel, Fact } from "./prompt-blocks";

export type Tone = "neutral" | "warm" | "bold" | "formal";

export interface ComposeInput {
  channel: Channel;
  brief: string;
  brandVoice?: string;
  facts?: readonly Fact[];
  instructions?: string;
  /** System message text (only used for the template hash). */
  system?: string;
}

export interface FactSentence {
  factId: string;
  source: string | undefined;
  text: string;
}

export interface ComposedSection {
  heading: string;
  body: string;
  sentences: string[];
  factIds: string[];
}

export interface ComposedCopy {
  channel: Channel;
  /** The rendered, channel-shaped text returned by the language model. */
  text: string;
  /** True when there was neither a brief nor facts. */
  empty: boolean;
  tone: Tone;
  /** Topic phrase for headline starts ("New TrailMax boots"); "" when the brief gives none. */
  topic: string;
  /** Topic phrase for mid-sentence use ("our new TrailMax boots"). */
  topicInline: string;
  audience: string;
  highlights: string[];
  headlines: string[];
  descriptions: string[];
  subjects: string[];
  preheaders: string[];
  greeting: string;
  paragraphs: string[];
  titles: string[];
  intro: string;
  metaDescription: string;
  sections: ComposedSection[];
  questions: string[];
  ctas: string[];
  summary: string;
  keywords: string[];
  slug: string;
  factSentences: FactSentence[];
  /** Fact ids whose text appears in `text`, in order of first use. */
  usedFactIds: string[];
  /** Template selection seed (hash of the input). */
  seed: number;
}

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

export const AD_HEADLINE_MAX = 30;
export const AD_DESCRIPTION_MAX = 90;
export const EMAIL_SUBJECT_MAX = 60;
export const EMAIL_PREHEADER_MAX = 100;
export const SEO_TITLE_MAX = 60;
export const META_DESCRIPTION_MAX = 160;

const MAX_TOPIC_WORDS = 6;
const MAX_AUDIENCE_WORDS = 6;

// ---------------------------------------------------------------------------------------------
// Text utilities (exported for json-fill and tests)
// ---------------------------------------------------------------------------------------------

const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|prof|inc|ltd|co|st|no|approx|incl|fig)\.$/i;

/** Splits text into sentences at `.`, `!`, `?` or `…` followed by whitespace and an upper-case letter, digit or quote. */
export function splitSentences(text: string): string[] {
  const normalised = text.replace(/\s+/g, " ").trim();
  if (!normalised) return [];
  const parts = normalised.split(/(?<=[.!?…]["”’)\]]?)\s+(?=["“‘(\[]?[\p{Lu}\p{N}$€£¥])/u);
  const out: string[] = [];
  for (const part of parts) {
    const previous = out[out.length - 1];
    if (previous !== undefined && ABBREVIATIONS.test(previous)) {
      out[out.length - 1] = `${previous} ${part}`;
    } else {
      out.push(part);
    }
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

const DANGLING_WORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "but",
  "by",
  "for",
  "from",
  "in",
  "into",
  "of",
  "on",
  "or",
  "our",
  "the",
  "their",
  "to",
  "with",
  "your",
]);

function stripDangling(text: string): string {
  let out = text.replace(/[\s,;:–—\-/&+(]+$/u, "");
  for (;;) {
    const m = /\s(\S+)$/.exec(out);
    if (!m || !DANGLING_WORDS.has((m[1] ?? "").toLowerCase())) break;
    out = out.slice(0, m.index).replace(/[\s,;:–—\-/&+(]+$/u, "");
  }
  return out;
}

/**
 * Truncates at a word boundary so the result is at most `max` characters (UTF-16 length),
 * dropping dangling connectors and trailing punctuation. A single word longer than `max` is cut
 * hard, but never inside a digit run (the digit run is dropped instead).
 */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  if (max <= 0) return "";
  const window = clean.slice(0, max + 1);
  const lastSpace = window.lastIndexOf(" ");
  if (lastSpace > 0) {
    const cut = stripDangling(clean.slice(0, lastSpace));
    if (cut.length > 0) return cut;
  }
  let cut = clean.slice(0, max);
  while (cut.length > 0 && /\p{N}$/u.test(cut) && /^\p{N}/u.test(clean.slice(cut.length))) cut = cut.slice(0, -1);
  return cut.replace(/[\s,;:–—\-]+$/u, "");
}

/**
 * Shortens a sentence to `max` characters: unchanged if it fits, otherwise cut at the last clause
 * boundary (", ", "; ", " – ", " — ", ": ") that keeps at least 40% of the room, else at a word
 * boundary; the cut is marked with "…".
 */
export function shortenSentence(sentence: string, max: number): string {
  const clean = sentence.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const room = max - 1;
  const boundary = /(?:,|;|:|\s[–—-])\s/g;
  let best = -1;
  for (const m of clean.matchAll(boundary)) {
    if (m.index !== undefined && m.index <= room && m.index >= room * 0.4) best = m.index;
  }
  const head = best > 0 ? stripDangling(clean.slice(0, best)) : truncateAtWord(clean, room);
  return head ? `${head}…` : "";
}

export function capitalise(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  return ch.toUpperCase() + text.slice(ch.length);
}

function decapitalise(text: string): string {
  // Only lower-case an ordinary capitalised word ("Waterproof"), never acronyms or brand casing.
  return /^\p{Lu}\p{Ll}+(?:\s|$)/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function stripEndPunctuation(text: string): string {
  return text.replace(/[\s.!?,;:…]+$/u, "").trim();
}

function ensurePeriod(text: string): string {
  return /[.!?…]["”’)]?$/u.test(text) ? text : `${text}.`;
}

export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-+$/g, "");
}

function uniq(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const v = value.trim();
    const key = v.toLowerCase();
    if (!v || seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Deterministic selection
// ---------------------------------------------------------------------------------------------

function pickIndex(seed: number, slot: string, length: number): number {
  return length <= 0 ? 0 : stableHash(`${seed}:${slot}`) % length;
}

/** Returns `items` rotated to start at a seed-chosen offset (all items kept, order otherwise stable). */
function rotate<T>(seed: number, slot: string, items: readonly T[]): T[] {
  const start = pickIndex(seed, slot, items.length);
  return [...items.slice(start), ...items.slice(0, start)];
}

function pick<T>(seed: number, slot: string, items: readonly [T, ...T[]]): T {
  return items[pickIndex(seed, slot, items.length)] ?? items[0];
}

// ---------------------------------------------------------------------------------------------
// Brief analysis
// ---------------------------------------------------------------------------------------------

const PREFIX_WORDS = new Set(
  (
    "please kindly write create draft generate compose produce craft prepare make build give me us we i need want " +
    "an a some short quick brief punchy catchy compelling engaging simple clear concise " +
    "ad ads advert adverts advertisement advertisements email emails e-mail newsletter landing seo search social " +
    "page pages post posts blog article articles copy campaign headline headlines variant variants version " +
    "versions option options description descriptions text content piece series set " +
    "promote promoting promotional announce announcing introduce introducing launch launching highlight " +
    "highlighting showcase showcasing feature featuring explain explaining describe describing sell selling market " +
    "marketing advertise advertising about on of that to for " +
    "one two three four five six seven eight nine ten google meta facebook linkedin instagram tiktok x twitter"
  ).split(" "),
);

const CHANNEL_LEAD =
  /\b(?:ads?|adverts?|advertisements?|e-?mails?|newsletters?|pages?|posts?|articles?|copy|campaigns?|headlines?|descriptions?)\s+(?:about|for|on|announcing|promoting|introducing|featuring|covering|that (?:promotes|announces|introduces|covers))\s+/i;

const CLAUSE_CUT =
  /\s(?:to|for|aimed at|targeting|targeted at|that|which|who|with|highlighting|focusing on|emphasi[sz]ing|featuring|showcasing|mentioning|by|so|because|in order to|ahead of|before|during|while|and highlight|and mention|and emphasi[sz]e)\s|[,;:()—–!?]|\.\s|\.$|\s-\s/i;

const DETERMINERS = /^(?:the|a|an|our|my|your|their|its|this|these|those)\s+/i;
const POSSESSIVE_OR_THE = /^(?:the|our|my|your|their|its|this|these|those)\s+/i;

interface BriefAnalysis {
  topic: string;
  topicInline: string;
  audience: string;
  highlights: string[];
  cta: string | undefined;
  mentionsNew: boolean;
}

function labelled(brief: string, labels: string): string | undefined {
  const re = new RegExp(`^\\s*(?:${labels})\\s*[:=-]\\s*(.+)$`, "im");
  const m = re.exec(brief);
  return m?.[1]?.trim() || undefined;
}

function limitWords(text: string, max: number): string {
  const words = wordsOf(text);
  return words.length <= max ? text.trim() : words.slice(0, max).join(" ");
}

function topicForms(raw: string, strippedPrefix: boolean): { topic: string; topicInline: string } {
  let phrase = stripEndPunctuation(raw.replace(/^["“'‘]+|["”'’]+$/g, ""));
  const cut = CLAUSE_CUT.exec(` ${phrase}`);
  if (cut && cut.index > 0) phrase = ` ${phrase}`.slice(0, cut.index).trim();
  phrase = stripDangling(limitWords(phrase, MAX_TOPIC_WORDS + 1));
  const bare = limitWords(phrase.replace(DETERMINERS, ""), MAX_TOPIC_WORDS);
  if (!bare || !/[\p{L}\p{N}]/u.test(bare)) return { topic: "", topicInline: "" };
  const det = POSSESSIVE_OR_THE.exec(phrase)?.[0];
  const aDet = /^(?:a|an)\s+/i.test(phrase);
  const inlineBare = strippedPrefix ? bare : decapitalise(bare);
  const topicInline = det ? `${det.trim().toLowerCase()} ${inlineBare}` : aDet ? `the ${inlineBare}` : inlineBare;
  return { topic: capitalise(bare), topicInline };
}

function analyseBrief(brief: string, instructions: string): BriefAnalysis {
  const text = brief.trim();
  const mentionsNew = /\b(new|launch(?:es|ed|ing)?|introduc(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|debut)\b/i.test(text);
  const labelledTopic = labelled(text, "product|topic|subject|offer|campaign|name|service|event");
  let topic = "";
  let topicInline = "";
  let afterTopic = text;
  if (labelledTopic) {
    ({ topic, topicInline } = topicForms(labelledTopic, true));
  } else {
    const firstSentence = splitSentences(text.split("\n")[0] ?? "")[0] ?? "";
    let start = 0;
    let stripped = false;
    const lead = CHANNEL_LEAD.exec(firstSentence);
    if (lead) {
      start = lead.index + lead[0].length;
      stripped = true;
    } else {
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(firstSentence)) !== null) {
        const word = m[0].toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (word && (PREFIX_WORDS.has(word) || /^\d+$/.test(word))) {
          start = m.index + m[0].length;
          stripped = true;
          continue;
        }
        break;
      }
    }
    const rest = firstSentence.slice(start).trim();
    ({ topic, topicInline } = topicForms(rest, stripped));
    afterTopic = text.slice(text.indexOf(rest) + Math.min(rest.length, topic.length));
  }

  const labelledAudience = labelled(text, "audience|target audience|target|for|persona|segment");
  let audience = labelledAudience ?? "";
  if (!audience) {
    const m = /\b(?:aimed at|targeting|targeted at|targeted to|geared towards?|for)\s+([^.,;:\n()!?]+)/i.exec(
      afterTopic,
    );
    audience = m?.[1] ?? "";
  }
  if (audience) {
    const cut = CLAUSE_CUT.exec(` ${audience} `);
    if (cut && cut.index > 0) audience = ` ${audience}`.slice(0, cut.index);
    audience = stripDangling(
      limitWords(stripEndPunctuation(audience).replace(/^(?:our|my|your)\s+/i, ""), MAX_AUDIENCE_WORDS),
    );
    if (audience.toLowerCase() === topic.toLowerCase()) audience = "";
  }

  const highlights: string[] = [];
  const labelledHighlights = labelled(text, "key messages?|key points?|highlights?|focus|usps?|benefits?|features?");
  const highlightSources = labelledHighlights ? [labelledHighlights] : [];
  for (const m of text.matchAll(
    /\b(?:highlight(?:ing)?|emphasi[sz](?:e|ing)|mention(?:ing)?|focus(?:ing)? on|stress(?:ing)?|call(?:ing)? out|showcas(?:e|ing))\s+([^.;\n!?]+)/gi,
  )) {
    highlightSources.push(m[1] ?? "");
  }
  for (const source of highlightSources) {
    for (const item of source.split(/,\s*|\s+and\s+|\s*&\s*/)) {
      const cleaned = stripDangling(stripEndPunctuation(item).replace(DETERMINERS, "")).trim();
      if (cleaned && /[\p{L}\p{N}]/u.test(cleaned) && wordsOf(cleaned).length <= 8)
        highlights.push(capitalise(cleaned));
    }
  }

  const ctaMatch = /\b(?:cta|call to action|call-to-action)\s*[:=-]\s*["“]?([^"”\n.;]+)/i.exec(
    `${text}\n${instructions}`,
  );
  const cta = ctaMatch?.[1] ? stripEndPunctuation(ctaMatch[1]).slice(0, 40).trim() || undefined : undefined;

  return { topic, topicInline, audience, highlights: uniq(highlights), cta, mentionsNew };
}

function detectTone(voice: string): { tone: Tone; noExclaim: boolean } {
  const v = voice.toLowerCase();
  let tone: Tone = "neutral";
  if (/\b(formal|professional|authoritative|corporate|expert|precise|measured|serious)\b/.test(v)) tone = "formal";
  else if (/\b(bold|energetic|punchy|exciting|dynamic|confident|loud|daring)\b/.test(v)) tone = "bold";
  else if (/\b(warm|friendly|approachable|conversational|casual|human|kind|playful|fun|cheerful)\b/.test(v))
    tone = "warm";
  const noExclaim =
    tone === "formal" ||
    /\b(no|avoid|without|never use|don'?t use|minimal)\s+(?:using\s+)?exclamation/.test(v) ||
    /exclamation (?:marks?|points?) (?:are )?(?:banned|forbidden|not allowed)/.test(v);
  return { tone, noExclaim };
}

// ---------------------------------------------------------------------------------------------
// Templates (no digits anywhere in this section!)
// ---------------------------------------------------------------------------------------------

interface Forms {
  T: string;
  t: string;
  a: string;
}

type Template = (f: Forms) => string;

const HEADLINES: Record<Tone, Template[]> = {
  neutral: [
    (f) => f.T,
    (f) => `Meet ${f.t}`,
    (f) => `Discover ${f.t}`,
    (f) => `${f.T}, explained`,
    (f) => `A closer look at ${f.t}`,
  ],
  warm: [
    (f) => `Say hello to ${f.t}`,
    (f) => `Meet ${f.t}`,
    (f) => `Get to know ${f.t}`,
    (f) => `${f.T}, up close`,
    (f) => f.T,
  ],
  bold: [(f) => f.T, (f) => `Meet ${f.t}!`, (f) => `Spotlight: ${f.t}`, (f) => `Discover ${f.t}`, (f) => `See ${f.t}`],
  formal: [
    (f) => f.T,
    (f) => `About ${f.t}`,
    (f) => `${f.T}: an overview`,
    (f) => `${f.T} in detail`,
    (f) => `Presenting ${f.t}`,
  ],
};

const BRIEF_DESCRIPTIONS: Record<Tone, Template[]> = {
  neutral: [
    (f) => `Take a closer look at ${f.t}.`,
    (f) => `Discover ${f.t}.`,
    (f) => `Here is a quick look at ${f.t}.`,
  ],
  warm: [(f) => `Come take a look at ${f.t}.`, (f) => `Get to know ${f.t}.`, (f) => `Here's a quick look at ${f.t}.`],
  bold: [(f) => `Discover ${f.t}!`, (f) => `See ${f.t} for yourself.`, (f) => `Take a look at ${f.t}.`],
  formal: [(f) => `An overview of ${f.t}.`, (f) => `Read about ${f.t}.`, (f) => `Learn about ${f.t}.`],
};

const SUBJECTS: Record<Tone, Template[]> = {
  neutral: [
    (f) => `${f.T}: a closer look`,
    (f) => `A closer look at ${f.t}`,
    (f) => `About ${f.t}`,
    (f) => `${f.T}, explained`,
  ],
  warm: [
    (f) => `Say hello to ${f.t}`,
    (f) => `Have you met ${f.t}?`,
    (f) => `${f.T}: a quick look`,
    (f) => `Get to know ${f.t}`,
  ],
  bold: [(f) => `Meet ${f.t}`, (f) => `Spotlight on ${f.t}`, (f) => `${f.T}: take a look`, (f) => `See ${f.t}`],
  formal: [
    (f) => `${f.T}: an overview`,
    (f) => `Information about ${f.t}`,
    (f) => `${f.T}: key details`,
    (f) => `About ${f.t}`,
  ],
};

const GREETINGS: Record<Tone, string> = { neutral: "Hello,", warm: "Hi there,", bold: "Hi there!", formal: "Hello," };

const OPENERS: Record<Tone, Template[]> = {
  neutral: [
    (f) => `Here is a quick look at ${f.t}.`,
    (f) => `This note is about ${f.t}.`,
    (f) => `We want to tell you about ${f.t}.`,
  ],
  warm: [
    (f) => `We'd love to tell you about ${f.t}.`,
    (f) => `Here's a quick look at ${f.t}.`,
    (f) => `We thought you'd like to hear about ${f.t}.`,
  ],
  bold: [(f) => `Meet ${f.t}.`, (f) => `Take a look at ${f.t}!`, (f) => `All eyes on ${f.t}.`],
  formal: [
    (f) => `We are writing to share information about ${f.t}.`,
    (f) => `This message provides an overview of ${f.t}.`,
    (f) => `Please find below the key details about ${f.t}.`,
  ],
};

const AUDIENCE_LINES: Record<Tone, Template[]> = {
  neutral: [(f) => `We put this together for ${f.a}.`, (f) => `This one is for ${f.a}.`],
  warm: [(f) => `We put this together with ${f.a} in mind.`, (f) => `This one is for ${f.a}.`],
  bold: [(f) => `This one's for ${f.a}.`, (f) => `Calling all ${f.a}!`],
  formal: [(f) => `This note is intended for ${f.a}.`, (f) => `It has been prepared for ${f.a}.`],
};

const FACT_LEADS: Record<Tone, string[]> = {
  neutral: ["Here are the details.", "A few details:", "Here's what to know."],
  warm: ["Here's what we can share.", "A few things to know:", "Here are the details."],
  bold: ["The highlights:", "Here's the rundown.", "The details:"],
  formal: ["Key details:", "The relevant details are as follows.", "Please note the following."],
};

const CTAS: Record<Tone, [string, ...string[]]> = {
  neutral: ["Learn more", "See the details", "Find out more"],
  warm: ["Take a look", "Come see for yourself", "Find out more"],
  bold: ["Check it out", "See it now", "Take a look"],
  formal: ["Learn more", "Read the details", "View details"],
};

const TITLES: Record<Tone, Template[]> = {
  neutral: [
    (f) => `${f.T}: What to Know`,
    (f) => `${f.T}, Explained`,
    (f) => `A Guide to ${f.T}`,
    (f) => `${f.T}: Key Details`,
  ],
  warm: [(f) => `Getting to Know ${f.T}`, (f) => `${f.T}: A Friendly Guide`, (f) => `${f.T}: What to Know`],
  bold: [(f) => `${f.T}: The Essentials`, (f) => `${f.T}, Explained`, (f) => `All About ${f.T}`],
  formal: [(f) => `${f.T}: An Overview`, (f) => `${f.T}: Key Information`, (f) => `About ${f.T}`],
};

const INTRO_OPENERS: Record<Tone, Template[]> = {
  neutral: [
    (f) => `This page covers ${f.t}.`,
    (f) => `Here is what to know about ${f.t}.`,
    (f) => `An overview of ${f.t}.`,
  ],
  warm: [
    (f) => `Here's what to know about ${f.t}.`,
    (f) => `Welcome to our guide to ${f.t}.`,
    (f) => `Let's take a look at ${f.t}.`,
  ],
  bold: [(f) => `Everything on this page is about ${f.t}.`, (f) => `Meet ${f.t}.`, (f) => `Here's a guide to ${f.t}.`],
  formal: [
    (f) => `This page provides an overview of ${f.t}.`,
    (f) => `The following sets out key information about ${f.t}.`,
  ],
};

const SECTION_HEADINGS = [
  "Key details",
  "What to know",
  "Good to know",
  "The essentials",
  "At a glance",
  "In brief",
] as const;

const GENERIC_OPENERS: Record<Tone, Template[]> = {
  neutral: [(f) => `A short overview of ${f.t}.`, (f) => `Here is a quick look at ${f.t}.`, (f) => `${f.T}, in brief.`],
  warm: [(f) => `Here's a quick look at ${f.t}.`, (f) => `Let's talk about ${f.t}.`, (f) => `${f.T}, in a nutshell.`],
  bold: [(f) => `Meet ${f.t}.`, (f) => `${f.T}, at a glance.`, (f) => `Spotlight on ${f.t}.`],
  formal: [(f) => `An overview of ${f.t}.`, (f) => `${f.T}: a summary.`, (f) => `The following summarises ${f.t}.`],
};

// Phrased so that verb agreement never depends on the topic ("What is boots?").
const QUESTIONS: Template[] = [
  (f) => `What should I know about ${f.t}?`,
  (f) => `What are the key details of ${f.t}?`,
  (f) => `Who should consider ${f.t}?`,
  (f) => `Where can I learn more about ${f.t}?`,
];

const EMPTY_NOTICE = "No brief or facts were provided, so the offline composer has nothing to write about.";

// ---------------------------------------------------------------------------------------------
// Composition
// ---------------------------------------------------------------------------------------------

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

function requestedCount(text: string, nouns: string): number | undefined {
  const re = new RegExp(
    `\\b(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:\\w+\\s+)?(?:${nouns})\\b`,
    "i",
  );
  const m = re.exec(text);
  if (!m?.[1]) return undefined;
  const raw = m[1].toLowerCase();
  const n = NUMBER_WORDS[raw] ?? Number.parseInt(raw, 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 15) : undefined;
}

export function composeCopy(input: ComposeInput): ComposedCopy {
  const brief = input.brief.trim();
  const voice = (input.brandVoice ?? "").trim();
  const instructions = (input.instructions ?? "").trim();
  const facts = (input.facts ?? []).filter((f) => f.text.trim());
  const channel = input.channel;
  const seed = stableHash(
    JSON.stringify([
      channel,
      brief,
      voice,
      facts.map((f) => [f.id, f.source ?? "", f.text]),
      instructions,
      input.system ?? "",
    ]),
  );

  const { tone, noExclaim } = detectTone(voice);
  const tidy = (s: string) => (noExclaim ? s.replace(/!/g, ".").replace(/\.\./g, ".") : s);
  const analysis = analyseBrief(brief, instructions);
  const { topic, topicInline, audience, highlights } = analysis;
  const forms: Forms = { T: topic, t: topicInline, a: audience };
  const hasTopic = topic.length > 0;
  const variants = topicVariants(topic, topicInline, audience);
  /** Applies templates (seed-rotated); with `max`, uses the longest topic variant that fits. */
  const apply = (templates: Template[], slot: string, max = Infinity): string[] => {
    if (!hasTopic) return [];
    const out: string[] = [];
    for (const template of rotate(seed, slot, templates)) {
      const fit = variants.map((v) => tidy(template(v))).find((x) => x.length <= max);
      if (fit) out.push(fit);
    }
    return out;
  };

  const factSentences: FactSentence[] = [];
  for (const fact of facts) {
    for (const sentence of splitSentences(fact.text))
      factSentences.push({ factId: fact.id, source: fact.source, text: sentence });
  }
  const sentencesText = factSentences.map((s) => s.text);
  const empty = !brief && factSentences.length === 0;

  // Headlines: topic templates, brief highlights, and short fact sentences/clauses.
  const headlineTemplates = [...HEADLINES[tone]];
  if (analysis.mentionsNew) headlineTemplates.push((f) => `Introducing ${f.t}`);
  if (audience) headlineTemplates.push((f) => `${f.T} for ${f.a}`);
  const factHeadlines = sentencesText.flatMap((s) => {
    const bare = stripEndPunctuation(s);
    const clause = stripEndPunctuation(bare.split(/[,;:–—]\s/)[0] ?? "");
    return [bare, clause].filter((x) => x.length >= 3 && x.length <= AD_HEADLINE_MAX);
  });
  const headlineCandidates = uniq([
    ...interleave(apply(headlineTemplates, "headline", AD_HEADLINE_MAX), highlights, factHeadlines),
    ...apply(headlineTemplates, "headline"),
  ]);
  let headlines = headlineCandidates.filter((h) => h.length <= AD_HEADLINE_MAX);
  const longHeadlines = headlineCandidates.filter((h) => h.length > AD_HEADLINE_MAX);
  if (headlines.length === 0) {
    const fallback = [...longHeadlines, ...sentencesText, brief].find((x) => x.trim());
    headlines = fallback ? [truncateAtWord(stripEndPunctuation(fallback), AD_HEADLINE_MAX)].filter(Boolean) : [];
  }
  headlines = uniq([...headlines, ...longHeadlines]);

  // Descriptions: verbatim fact sentences that fit, then shortened ones, then brief-derived lines.
  const fitting = sentencesText.filter((s) => s.length <= AD_DESCRIPTION_MAX);
  const shortened = sentencesText
    .filter((s) => s.length > AD_DESCRIPTION_MAX)
    .map((s) => shortenSentence(s, AD_DESCRIPTION_MAX));
  const briefDescriptions = [
    ...(hasTopic && audience ? [`${topic} for ${audience}.`] : []),
    ...(hasTopic ? highlights.map((h) => `${topic}: ${decapitalise(h)}.`) : []),
    ...apply(BRIEF_DESCRIPTIONS[tone], "description", AD_DESCRIPTION_MAX),
  ].filter((d) => d.length <= AD_DESCRIPTION_MAX);
  const descriptions = uniq([...fitting, ...shortened, ...briefDescriptions]);

  // Calls to action.
  const ctas = uniq([...(analysis.cta ? [analysis.cta] : []), ...rotate(seed, "cta", CTAS[tone]).map(tidy)]);
  const cta = ctas[0] ?? pick(seed, "cta", CTAS[tone]);

  // Email pieces.
  const subjects = uniq([
    ...apply(SUBJECTS[tone], "subject", EMAIL_SUBJECT_MAX),
    ...(hasTopic ? highlights.map((h) => `${topic}: ${decapitalise(h)}`) : []),
    ...headlines,
  ]).filter((s) => s.length <= EMAIL_SUBJECT_MAX);
  if (subjects.length === 0 && headlines[0]) subjects.push(truncateAtWord(headlines[0], EMAIL_SUBJECT_MAX));
  const preheaders = uniq([
    ...sentencesText.map((s) => shortenSentence(s, EMAIL_PREHEADER_MAX)),
    ...(audience && hasTopic ? [`${topic} for ${audience}.`] : []),
    ...apply(BRIEF_DESCRIPTIONS[tone], "preheader"),
  ]);
  const greeting = tidy(GREETINGS[tone]);

  const openers = apply(OPENERS[tone], "opener");
  const audienceLines = audience && hasTopic ? apply(AUDIENCE_LINES[tone], "audience") : [];
  const factLead = tidy(pick(seed, "factlead", FACT_LEADS[tone] as [string, ...string[]]));

  // SEO pieces.
  const titles = uniq([...apply(TITLES[tone], "title", SEO_TITLE_MAX), ...headlines]).filter(
    (t) => t.length <= SEO_TITLE_MAX,
  );
  if (titles.length === 0 && headlines[0]) titles.push(truncateAtWord(headlines[0], SEO_TITLE_MAX));
  const introOpener = apply(INTRO_OPENERS[tone], "intro")[0] ?? "";
  const introAudience =
    audience && hasTopic
      ? tidy(pick(seed, "introaudience", [`It is written for ${audience}.`, `It is meant for ${audience}.`]))
      : "";
  const introFact = sentencesText[0] ?? "";
  const intro = [introOpener, introAudience, introFact].filter(Boolean).join(" ");
  const metaDescription = shortenSentence(intro || brief, META_DESCRIPTION_MAX);
  const sections = buildSections(factSentences.slice(introFact ? 1 : 0), seed, topic, titles[0] ?? "");

  const questions = hasTopic ? QUESTIONS.map((q) => q(forms)).filter((q) => !q.startsWith("Who") || audience) : [];

  // Generic summary paragraph.
  const genericOpener = apply(GENERIC_OPENERS[tone], "generic")[0] ?? "";
  const summary =
    [genericOpener, ...sentencesText.slice(0, 3)].filter(Boolean).join(" ") || shortenSentence(brief, 240);

  const keywords = uniq([
    ...(hasTopic ? [topic.toLowerCase()] : []),
    ...highlights.map((h) => h.toLowerCase()),
    ...wordsOf(topic)
      .map((w) => w.replace(/[^\p{L}\p{N}-]/gu, "").toLowerCase())
      .filter((w) => w.length > 3 && !PREFIX_WORDS.has(w) && !DANGLING_WORDS.has(w)),
    ...(audience ? [audience.toLowerCase()] : []),
    ...facts.map((f) => f.source?.toLowerCase() ?? ""),
  ]);
  const slug = slugify(topic || headlines[0] || "");

  // Channel rendering.
  let text: string;
  let paragraphs: string[];
  if (empty) {
    text = EMPTY_NOTICE;
    paragraphs = [EMPTY_NOTICE];
  } else {
    switch (channel) {
      case "ad": {
        const nHeadlines = Math.min(
          headlines.length,
          requestedCount(`${instructions}\n${brief}`, "headlines?|variants?|versions?|options?|ads?") ?? 3,
        );
        const nDescriptions = Math.min(
          descriptions.length,
          requestedCount(`${instructions}\n${brief}`, "descriptions?") ?? 2,
        );
        const lines = [
          ...headlines.slice(0, Math.max(1, nHeadlines)).map((h) => `Headline: ${h}`),
          ...descriptions.slice(0, Math.max(1, nDescriptions)).map((d) => `Description: ${d}`),
          `CTA: ${cta}`,
        ];
        paragraphs = descriptions.slice(0, Math.max(1, nDescriptions));
        text = lines.join("\n");
        break;
      }
      case "email": {
        paragraphs = [];
        const first = [openers[0] ?? "", audienceLines[0] ?? ""].filter(Boolean).join(" ");
        if (first) paragraphs.push(first);
        const bodyFacts = sentencesText.slice(0, 4);
        for (let i = 0; i < bodyFacts.length; i += 2) {
          const chunk = bodyFacts.slice(i, i + 2).join(" ");
          paragraphs.push(i === 0 ? `${factLead} ${chunk}` : chunk);
        }
        paragraphs.push(ensurePeriod(cta));
        const subject = subjects[0] ?? "";
        const preheader = preheaders[0] ?? "";
        text = [`Subject: ${subject}`, `Preheader: ${preheader}`, "", greeting, "", paragraphs.join("\n\n")].join("\n");
        break;
      }
      case "seo_page": {
        paragraphs = [intro || shortenSentence(brief, 240), ...sections.map((s) => s.body)].filter(Boolean);
        const parts = [`# ${titles[0] ?? topic}`, intro || shortenSentence(brief, 240)];
        for (const section of sections) parts.push(`## ${section.heading}`, section.body);
        text = parts.filter(Boolean).join("\n\n");
        break;
      }
      default: {
        paragraphs = [summary];
        text = summary;
      }
    }
  }

  const usedFactIds = uniq(factSentences.filter((s) => text.includes(s.text)).map((s) => s.factId));

  return {
    channel,
    text,
    empty,
    tone,
    topic,
    topicInline,
    audience,
    highlights,
    headlines,
    descriptions,
    subjects,
    preheaders,
    greeting,
    paragraphs,
    titles,
    intro,
    metaDescription,
    sections,
    questions,
    ctas,
    summary: empty ? EMPTY_NOTICE : summary,
    keywords,
    slug,
    factSentences,
    usedFactIds,
    seed,
  };
}

/**
 * Topic variants for tight slots: the full phrase, then shorter tails that keep the head noun
 * ("New TrailMax waterproof hiking boots" → "Waterproof hiking boots" → "Hiking boots").
 */
function topicVariants(topic: string, topicInline: string, audience: string): Forms[] {
  const out: Forms[] = [{ T: topic, t: topicInline, a: audience }];
  const words = wordsOf(topic);
  const det = POSSESSIVE_OR_THE.exec(topicInline)?.[0] ?? "";
  const inlineWords = wordsOf(topicInline.slice(det.length));
  for (let drop = 1; drop < words.length; drop++) {
    const tail = words.slice(drop);
    if (tail.length < 2 && (tail[0]?.length ?? 0) < 5) break;
    const inlineTail = inlineWords.slice(drop).join(" ");
    out.push({ T: capitalise(tail.join(" ")), t: `${det}${inlineTail}`, a: audience });
  }
  return out;
}

function interleave(...lists: string[][]): string[] {
  const out: string[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) {
      const item = list[i];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}

function buildSections(sentences: FactSentence[], seed: number, topic: string, title: string): ComposedSection[] {
  const groups = new Map<string, FactSentence[]>();
  for (const sentence of sentences) {
    const key = sentence.source?.trim() || `\u0000${sentence.factId}`;
    const group = groups.get(key);
    if (group) group.push(sentence);
    else groups.set(key, [sentence]);
  }
  const generic: string[] = rotate<string>(seed, "sections", SECTION_HEADINGS);
  if (topic) generic.push(`More about ${topic}`);
  const used = new Set<string>([title.toLowerCase()]);
  const sections: ComposedSection[] = [];
  for (const [key, group] of groups) {
    let heading = key.startsWith("\u0000") ? "" : key;
    if (!heading || used.has(heading.toLowerCase())) heading = generic.find((h) => !used.has(h.toLowerCase())) ?? "";
    if (!heading) {
      const last = sections[sections.length - 1];
      if (last) {
        last.sentences.push(...group.map((s) => s.text));
        last.body = last.sentences.join(" ");
        last.factIds = uniq([...last.factIds, ...group.map((s) => s.factId)]);
        continue;
      }
      heading = "Details";
    }
    used.add(heading.toLowerCase());
    const texts = group.map((s) => s.text);
    sections.push({ heading, body: texts.join(" "), sentences: texts, factIds: uniq(group.map((s) => s.factId)) });
  }
  return sections;
}

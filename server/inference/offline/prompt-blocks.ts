/**
 * Parsing of the tagged prompt convention understood by the offline composer.
 *
 * The last user message may contain these blocks (tag names are case-insensitive):
 *
 *   <channel>ad|email|seo_page|generic</channel>
 *   <brief>…</brief>
 *   <brand_voice>…</brand_voice>
 *   <facts>
 *     <fact id="chunk-id" source="Document title">text</fact>
 *   </facts>
 *   <instructions>…</instructions>
 *
 * Text outside any block counts as (additional) brief. HTML entities in block text and
 * attribute values are decoded. A block whose closing tag is missing ends at the next
 * known opening tag (or at the end of the message). See README.md for the full convention.
 */
import type { LanguageModelV3Prompt } from "@ai-sdk/provider";

export type Channel = "ad" | "email" | "seo_page" | "generic";

export const CHANNELS: readonly Channel[] = ["ad", "email", "seo_page", "generic"];

export interface Fact {
  /** The `id` attribute (a retrieval chunk id), or `fact-<n>` (1-based) when missing. */
  id: string;
  /** The `source` attribute (document title), if any. */
  source: string | undefined;
  /** Decoded, whitespace-normalised fact text. */
  text: string;
}

export interface PromptBlocks {
  channel: Channel;
  /** How the channel was determined. */
  channelSource: "tag" | "inferred" | "default";
  /** `<brief>` content followed by any untagged text. */
  brief: string;
  brandVoice: string;
  facts: Fact[];
  instructions: string;
}

export interface OfflinePromptInput extends PromptBlocks {
  /** All system messages joined with blank lines. */
  system: string;
  /** Raw text of the last user message (all text parts joined). */
  userText: string;
}

const TOP_LEVEL_TAGS = ["channel", "brief", "brand_voice", "brand-voice", "brandvoice", "facts", "instructions"];
const TOP_TAG_ALTERNATION = "channel|brief|brand[_-]?voice|facts|instructions";

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  copy: "©",
  reg: "®",
  trade: "™",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  deg: "°",
  times: "×",
  middot: "·",
  bull: "•",
};

/** Decodes named (common subset), decimal and hexadecimal HTML character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body.startsWith("#")) {
      const isHex = body[1] === "x" || body[1] === "X";
      const code = Number.parseInt(body.slice(isHex ? 2 : 1), isHex ? 16 : 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Collapses horizontal whitespace, trims lines, keeps single line breaks between non-empty lines. */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[\t\f\v \u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

function cleanBlockText(raw: string): string {
  // Strip any stray markup that is not ours (e.g. <b>, <p>) before decoding entities, so that
  // encoded "&lt;b&gt;" survives as literal text while real tags disappear.
  const withoutTags = raw.replace(/<\/?[a-z][\w:-]*(?:\s[^<>]*)?\/?>/gi, " ");
  return normaliseWhitespace(decodeEntities(withoutTags));
}

function parseAttributes(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([a-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
  for (const m of raw.matchAll(re)) {
    const name = (m[1] ?? "").toLowerCase();
    const value = m[2] ?? m[3] ?? m[4] ?? "";
    if (!(name in attrs)) attrs[name] = normaliseWhitespace(decodeEntities(value)).replace(/\n/g, " ");
  }
  return attrs;
}

interface RawBlock {
  tag: string;
  attrs: string;
  body: string;
  start: number;
  end: number;
}

function findTopLevelBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const open = new RegExp(`<(${TOP_TAG_ALTERNATION})\\b([^<>]*)>`, "gi");
  let match: RegExpExecArray | null;
  while ((match = open.exec(text)) !== null) {
    const tag = (match[1] ?? "").toLowerCase().replace(/[-]/g, "_");
    const canonical = tag === "brandvoice" ? "brand_voice" : tag;
    const bodyStart = match.index + match[0].length;
    const close = new RegExp(`</\\s*${escapeRegExp(match[1] ?? "")}\\s*>`, "i");
    const nextOpen = new RegExp(`<(?:${TOP_TAG_ALTERNATION})\\b[^<>]*>`, "i");
    const rest = text.slice(bodyStart);
    const closeMatch = close.exec(rest);
    const nextOpenMatch = nextOpen.exec(rest);
    let bodyEnd: number;
    let blockEnd: number;
    if (closeMatch && (!nextOpenMatch || closeMatch.index <= nextOpenMatch.index)) {
      bodyEnd = bodyStart + closeMatch.index;
      blockEnd = bodyEnd + closeMatch[0].length;
    } else if (nextOpenMatch) {
      bodyEnd = bodyStart + nextOpenMatch.index;
      blockEnd = bodyEnd;
    } else {
      bodyEnd = text.length;
      blockEnd = text.length;
    }
    blocks.push({
      tag: canonical,
      attrs: match[2] ?? "",
      body: text.slice(bodyStart, bodyEnd),
      start: match.index,
      end: blockEnd,
    });
    open.lastIndex = blockEnd;
  }
  return blocks;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Parses `<fact>` entries; free text lines inside `<facts>` without any `<fact>` become facts too. */
function parseFacts(body: string, startIndex: number): Fact[] {
  const facts: Fact[] = [];
  const re = /<fact\b([^<>]*)>([\s\S]*?)(?:<\/\s*fact\s*>|(?=<fact\b)|(?=<\/\s*facts\s*>)|$)/gi;
  let sawTag = false;
  for (const m of body.matchAll(re)) {
    sawTag = true;
    const attrs = parseAttributes(m[1] ?? "");
    const text = cleanBlockText(m[2] ?? "").replace(/\n/g, " ");
    if (!text) continue;
    facts.push({
      id: attrs.id || attrs["chunk-id"] || attrs.chunk_id || `fact-${startIndex + facts.length + 1}`,
      source: attrs.source || attrs.title || attrs.document || undefined,
      text,
    });
  }
  if (!sawTag) {
    for (const line of cleanBlockText(body).split("\n")) {
      const text = line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim();
      if (text) facts.push({ id: `fact-${startIndex + facts.length + 1}`, source: undefined, text });
    }
  }
  return facts;
}

const CHANNEL_ALIASES: Record<string, Channel> = {
  ad: "ad",
  ads: "ad",
  advert: "ad",
  advertisement: "ad",
  email: "email",
  "e-mail": "email",
  mail: "email",
  newsletter: "email",
  seo_page: "seo_page",
  "seo-page": "seo_page",
  "seo page": "seo_page",
  seopage: "seo_page",
  seo: "seo_page",
  landing_page: "seo_page",
  "landing page": "seo_page",
  page: "seo_page",
  generic: "generic",
  text: "generic",
};

/** Maps a channel tag value (with common aliases) to a {@link Channel}; unknown → undefined. */
export function normaliseChannel(value: string): Channel | undefined {
  const key = value.trim().toLowerCase().replace(/\s+/g, " ");
  return CHANNEL_ALIASES[key];
}

/**
 * Channel inference when there is no `<channel>` tag: keyword match on the system message
 * and instructions (email → seo page → ad), otherwise "generic".
 */
export function inferChannel(text: string): Channel | undefined {
  const t = text.toLowerCase();
  if (/\b(e-?mail|newsletter|subject line)s?\b/.test(t)) return "email";
  if (/\b(seo|landing page|web ?page|meta description)s?\b/.test(t)) return "seo_page";
  if (/\b(ad|ads|advert|advertisement|ad copy|headlines)\b/.test(t)) return "ad";
  return undefined;
}

/**
 * Parses the tagged blocks out of a user message. `context` (e.g. the system message) is only
 * used to infer the channel when no `<channel>` block is present.
 */
export function parsePromptBlocks(text: string, context = ""): PromptBlocks {
  const blocks = findTopLevelBlocks(text);
  let channel: Channel | undefined;
  const briefs: string[] = [];
  const voices: string[] = [];
  const instructions: string[] = [];
  const facts: Fact[] = [];
  let untagged = "";
  let cursor = 0;
  for (const block of blocks) {
    untagged += `${text.slice(cursor, block.start)}\n`;
    cursor = block.end;
    switch (block.tag) {
      case "channel":
        channel ??= normaliseChannel(cleanBlockText(block.body));
        break;
      case "brief":
        briefs.push(cleanBlockText(block.body));
        break;
      case "brand_voice":
        voices.push(cleanBlockText(block.body));
        break;
      case "instructions":
        instructions.push(cleanBlockText(block.body));
        break;
      case "facts":
        facts.push(...parseFacts(block.body, facts.length));
        break;
    }
  }
  untagged += text.slice(cursor);
  // Loose <fact> entries outside a <facts> wrapper still count as facts.
  if (/<fact\b/i.test(untagged)) {
    const loose = /<fact\b[^<>]*>[\s\S]*?(?:<\/\s*fact\s*>|(?=<fact\b)|$)/gi;
    for (const m of untagged.matchAll(loose)) facts.push(...parseFacts(m[0], facts.length));
    untagged = untagged.replace(loose, " ");
  }
  // Drop stray closing tags of our own vocabulary (e.g. an orphan </brief>).
  untagged = untagged.replace(new RegExp(`</\\s*(?:${TOP_TAG_ALTERNATION}|fact)\\s*>`, "gi"), " ");
  const untaggedText = cleanBlockText(untagged);
  if (untaggedText) briefs.push(untaggedText);

  const instructionText = instructions.filter(Boolean).join("\n");
  let channelSource: PromptBlocks["channelSource"] = "tag";
  if (!channel) {
    channel = inferChannel(`${context}\n${instructionText}`);
    channelSource = channel ? "inferred" : "default";
  }
  return {
    channel: channel ?? "generic",
    channelSource,
    brief: briefs.filter(Boolean).join("\n"),
    brandVoice: voices.filter(Boolean).join("\n"),
    facts: dedupeFacts(facts),
    instructions: instructionText,
  };
}

function dedupeFacts(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const fact of facts) {
    const key = fact.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(fact);
  }
  return out;
}

function textOfParts(parts: ReadonlyArray<{ type: string; text?: string }>): string {
  return parts
    .filter((p): p is { type: "text"; text: string } => p.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .join("\n");
}

/** Extracts the composer input from an AI SDK v3 prompt (system messages + last user message). */
export function extractPromptInput(prompt: LanguageModelV3Prompt): OfflinePromptInput {
  const system = prompt
    .filter((m) => m.role === "system")
    .map((m) => (m.role === "system" ? m.content : ""))
    .join("\n\n");
  let userText = "";
  for (let i = prompt.length - 1; i >= 0; i--) {
    const message = prompt[i];
    if (message && message.role === "user") {
      userText = textOfParts(message.content);
      break;
    }
  }
  return { ...parsePromptBlocks(userText, system), system, userText };
}

/** Exposed for tests: the tag names recognised at top level. */
export const RECOGNISED_TAGS: readonly string[] = TOP_LEVEL_TAGS;

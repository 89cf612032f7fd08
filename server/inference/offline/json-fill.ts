/**
 * Schema-driven JSON fill: produces a value that validates against a JSON Schema (draft-07 as
 * emitted by the AI SDK for zod schemas), using the composed copy for string content.
 *
 * - Strings are chosen by field-name semantics (headline, subject, body, cta, slug, …) from the
 *   composed copy and truncated at word boundaries to `maxLength`.
 * - Numbers are quoted from the facts when the field name matches the words around a number in a
 *   fact ("warrantyYears" ↔ "2-year warranty"); otherwise they are PLACEHOLDERS: the schema's
 *   `default`, else its minimum, else 0 (clamped into the bounds). Booleans are placeholders too
 *   (`default`, else false).
 * - Formats without matching input (email, uri, date-time, uuid, …) get fixed placeholders
 *   (`hello@example.com`, `https://example.com/…`, `1970-01-01T00:00:00Z`, nil UUID).
 * - anyOf/oneOf pick the first branch whose generated value validates; `$ref` into
 *   `definitions`/`$defs` (including recursive ones) is followed with a depth limit.
 */
import type { JSONSchema7, JSONSchema7Definition, JSONValue } from "@ai-sdk/provider";
import { slugify, truncateAtWord, type ComposedCopy } from "./composer";
import type { Fact } from "./prompt-blocks";

type Schema = JSONSchema7 & {
  $defs?: Record<string, JSONSchema7Definition>;
  nullable?: boolean;
  prefixItems?: JSONSchema7Definition[];
};

export interface JsonFillOptions {
  /** Facts (for numbers, ids and sources). */
  facts?: readonly Fact[];
  /** Full input text (brief, voice, instructions, facts) — used to match enum values, emails and URLs. */
  inputText?: string;
}

const DEFAULT_ARRAY_CAP = 5;
const MAX_REF_DEPTH = 3;
const MAX_DEPTH = 24;

// ---------------------------------------------------------------------------------------------
// Field-name semantics
// ---------------------------------------------------------------------------------------------

type Role =
  | "headline"
  | "title"
  | "heading"
  | "subject"
  | "preheader"
  | "description"
  | "metaDescription"
  | "body"
  | "intro"
  | "summary"
  | "cta"
  | "slug"
  | "url"
  | "topic"
  | "audience"
  | "keyword"
  | "fact"
  | "question"
  | "answer"
  | "factId"
  | "source"
  | "tone"
  | "channel"
  | "greeting"
  | "email"
  | "date"
  | "generic";

type Container = "section" | "faq" | "none";

/** Splits a property name into lower-case, singularised tokens: "metaDescriptions" → ["meta", "description"], "path1" → ["path"]. */
export function nameTokens(name: string): string[] {
  return (
    name
      .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      // "path1", "headline2": a numbered field means what its word means ("h2" stays a heading level).
      .map((t) => singular(t.toLowerCase().replace(/(\p{L}{2,})\p{N}+$/u, "$1")))
  );
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

const ROLE_RULES: Array<[Role, (t: Set<string>, joined: string) => boolean]> = [
  ["metaDescription", (t, j) => j.includes("metadesc") || (t.has("meta") && (t.has("description") || t.has("desc")))],
  ["title", (t, j) => j.includes("seotitle") || j.includes("metatitle") || j.includes("pagetitle")],
  [
    "factId",
    (t, j) =>
      /(fact|chunk|source|evidence|doc|document)id/.test(j) || t.has("citation") || t.has("reference") || t.has("ref"),
  ],
  ["subject", (t) => t.has("subject")],
  ["preheader", (t, j) => t.has("preheader") || j.includes("previewtext") || t.has("preview") || t.has("snippet")],
  ["heading", (t) => t.has("heading") || t.has("subheading") || t.has("subhead") || t.has("h2") || t.has("h3")],
  ["headline", (t) => ["headline", "tagline", "hook", "slogan", "label", "caption", "alt"].some((w) => t.has(w))],
  ["title", (t) => t.has("title")],
  [
    "cta",
    (t, j) =>
      t.has("cta") ||
      j.includes("calltoaction") ||
      t.has("button") ||
      t.has("action") ||
      t.has("signoff") ||
      t.has("closing"),
  ],
  ["slug", (t) => ["slug", "handle", "permalink", "path"].some((w) => t.has(w))],
  ["url", (t) => ["url", "link", "href", "uri", "website", "canonical"].some((w) => t.has(w))],
  ["email", (t, j) => j === "email" || j === "emailaddress" || (t.has("email") && t.has("address"))],
  ["date", (t) => ["date", "time", "datetime", "timestamp", "at"].some((w) => t.has(w))],
  ["intro", (t) => ["intro", "introduction", "lede", "lead", "opening"].some((w) => t.has(w))],
  ["summary", (t) => ["summary", "abstract", "overview", "excerpt", "tldr", "synopsis", "gist"].some((w) => t.has(w))],
  ["question", (t) => t.has("question")],
  ["answer", (t) => t.has("answer")],
  [
    "fact",
    (t) =>
      [
        "quote",
        "fact",
        "claim",
        "evidence",
        "statement",
        "point",
        "highlight",
        "bullet",
        "benefit",
        "feature",
        "reason",
        "detail",
        "usp",
        "sentence",
      ].some((w) => t.has(w)),
  ],
  ["description", (t) => t.has("description") || t.has("desc") || t.has("blurb")],
  [
    "body",
    (t) =>
      ["body", "content", "text", "copy", "message", "paragraph", "html", "markdown", "prose"].some((w) => t.has(w)),
  ],
  ["keyword", (t) => ["keyword", "tag", "keyphrase", "hashtag", "topic"].some((w) => t.has(w))],
  ["source", (t) => ["source", "document", "doc"].some((w) => t.has(w))],
  ["topic", (t) => ["name", "product", "offer", "brand", "service", "item"].some((w) => t.has(w))],
  ["audience", (t) => ["audience", "persona", "segment", "target", "customer"].some((w) => t.has(w))],
  ["tone", (t) => ["tone", "voice", "style", "mood"].some((w) => t.has(w))],
  ["channel", (t) => ["channel", "medium", "kind", "type", "format", "platform"].some((w) => t.has(w))],
  ["greeting", (t) => t.has("greeting") || t.has("salutation")],
  ["factId", (t) => t.has("id")],
];

function roleOf(name: string | undefined): Role {
  if (!name) return "generic";
  const tokens = nameTokens(name);
  const set = new Set(tokens);
  const joined = tokens.join("");
  for (const [role, test] of ROLE_RULES) if (test(set, joined)) return role;
  return "generic";
}

function containerOf(name: string | undefined): Container {
  if (!name) return "none";
  const t = new Set(nameTokens(name));
  if (["section", "block", "part", "chapter", "module"].some((w) => t.has(w))) return "section";
  if (["faq", "qa", "question", "qna"].some((w) => t.has(w))) return "faq";
  return "none";
}

// ---------------------------------------------------------------------------------------------
// Pools of distinct content per role
// ---------------------------------------------------------------------------------------------

interface Pools {
  get(role: Role, container: Container, containerIndex: number): string[];
  /** Number of distinct primary entries for a string array of `role` (inside a section: that section's). */
  primarySize(role: Role, container: Container, containerIndex: number): number;
  /** Number of items a container array (sections, faqs) can fill. */
  containerSize(container: Container): number;
}

function uniq(values: Iterable<string | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const v = value?.trim();
    if (!v) continue;
    const key = v.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

function buildPools(copy: ComposedCopy, facts: readonly Fact[], inputText: string): Pools {
  const factTexts = copy.factSentences.map((s) => s.text);
  const factIds = uniq([...copy.usedFactIds, ...facts.map((f) => f.id)]);
  const sources = uniq(facts.map((f) => f.source));
  const emails = uniq(inputText.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []);
  const urls = uniq(inputText.match(/https?:\/\/[^\s<>"')]+/g) ?? []);
  const fullBody =
    copy.channel === "email"
      ? [copy.greeting, ...copy.paragraphs].join("\n\n")
      : copy.channel === "seo_page"
        ? [copy.intro, ...copy.sections.map((s) => s.body)].filter(Boolean).join("\n\n")
        : copy.channel === "ad"
          ? (copy.descriptions[0] ?? copy.summary)
          : copy.summary;
  const seoFirst = copy.channel === "seo_page";
  const primary: Record<Role, string[]> = {
    headline: copy.headlines,
    title: seoFirst ? copy.titles : uniq([...copy.headlines, ...copy.titles]),
    heading: copy.sections.map((s) => s.heading),
    subject: copy.subjects,
    preheader: copy.preheaders,
    description: seoFirst ? uniq([copy.metaDescription, ...copy.descriptions]) : copy.descriptions,
    metaDescription: uniq([copy.metaDescription]),
    body: uniq([fullBody, ...copy.paragraphs]),
    intro: uniq([copy.intro || copy.paragraphs[0]]),
    summary: uniq([copy.summary]),
    cta: copy.ctas,
    slug: uniq([copy.slug, ...copy.headlines.map((h) => slugify(h))]),
    url: urls.length > 0 ? urls : copy.slug ? [`/${copy.slug}`] : [],
    topic: uniq([copy.topic]),
    audience: uniq([copy.audience]),
    keyword: copy.keywords,
    fact: factTexts,
    question: copy.questions,
    answer: factTexts,
    factId: factIds,
    source: sources,
    tone: uniq([copy.tone]),
    channel: [copy.channel],
    greeting: [copy.greeting],
    email: emails,
    date: [],
    generic: uniq([copy.summary]),
  };
  const fallbacks: Record<Role, Role[]> = {
    headline: ["subject", "title", "keyword"],
    title: ["headline", "subject"],
    heading: ["headline", "title", "keyword"],
    subject: ["headline", "title"],
    preheader: ["description", "fact", "summary"],
    description: ["preheader", "fact", "summary"],
    metaDescription: ["description", "summary"],
    body: ["fact", "summary", "description"],
    intro: ["summary", "body"],
    summary: ["description", "body"],
    cta: [],
    slug: ["keyword"],
    url: [],
    topic: ["headline", "keyword"],
    audience: ["keyword", "topic"],
    keyword: ["topic", "headline"],
    fact: ["description", "summary"],
    question: ["headline"],
    answer: ["description", "summary"],
    factId: [],
    source: ["title"],
    tone: [],
    channel: [],
    greeting: [],
    email: [],
    date: [],
    generic: ["description", "headline", "fact", "body"],
  };
  return {
    get(role, container, containerIndex) {
      if (container === "section") {
        const section = copy.sections[containerIndex % Math.max(1, copy.sections.length)];
        if (section) {
          if (role === "heading" || role === "title" || role === "headline" || role === "topic") {
            return uniq([section.heading, ...primary.heading, ...primary.headline]);
          }
          if (["body", "description", "summary", "generic", "intro"].includes(role)) {
            return uniq([section.body, ...section.sentences, ...primary.body]);
          }
          if (role === "fact") return uniq([...section.sentences, ...factTexts]);
          if (role === "factId") return uniq([...section.factIds, ...factIds]);
        }
      }
      if (container === "faq" && (role === "generic" || role === "body" || role === "description")) {
        return uniq([...primary.answer, ...primary.summary]);
      }
      const chain = uniq([primary[role], ...fallbacks[role].map((r) => primary[r])].flat());
      // Outside a specific section, items of a container array still get distinct content.
      const offset = container === "none" || chain.length === 0 ? 0 : containerIndex % chain.length;
      return [...chain.slice(offset), ...chain.slice(0, offset)];
    },
    primarySize(role, container, containerIndex) {
      const section =
        container === "section" ? copy.sections[containerIndex % Math.max(1, copy.sections.length)] : undefined;
      if (section) {
        if (role === "fact" || role === "body" || role === "generic" || role === "description")
          return section.sentences.length;
        if (role === "factId") return section.factIds.length;
      }
      return primary[role].length;
    },
    containerSize(container) {
      if (container === "section") return copy.sections.length;
      if (container === "faq") return Math.min(primary.question.length, Math.max(1, factTexts.length));
      return 1;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Numbers quoted from facts
// ---------------------------------------------------------------------------------------------

interface FactNumber {
  value: number;
  context: Set<string>;
}

const NUMBER_RE = /(?:([$€£¥])\s?)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(\s?%|\s?percent\b)?/gu;

function extractFactNumbers(facts: readonly Fact[]): FactNumber[] {
  const out: FactNumber[] = [];
  for (const fact of facts) {
    const text = fact.text;
    for (const m of text.matchAll(NUMBER_RE)) {
      const index = m.index ?? 0;
      const before = text.slice(Math.max(0, index - 40), index);
      if (/[\p{L}\p{N}.]$/u.test(before) && !m[1]) continue; // part of a word or decimal, e.g. "X5" or ".5"
      const after = text.slice(index + m[0].length, index + m[0].length + 40);
      const words = [
        ...before
          .toLowerCase()
          .split(/[^\p{L}]+/u)
          .filter(Boolean)
          .slice(-3),
        ...after
          .toLowerCase()
          .split(/[^\p{L}]+/u)
          .filter(Boolean)
          .slice(0, 3),
      ].map(singular);
      const context = new Set(words);
      if (m[1]) ["price", "cost", "currency", "amount", "fee"].forEach((w) => context.add(w));
      if (m[3]) ["percent", "percentage", "pct", "rate", "discount"].forEach((w) => context.add(w));
      const value = Number((m[2] ?? "").replace(/,/g, ""));
      if (Number.isFinite(value)) out.push({ value, context });
    }
  }
  return out;
}

const NUMBER_SYNONYMS: Record<string, string[]> = {
  price: ["retail", "cost", "priced", "costs", "price"],
  cost: ["price", "retail", "priced"],
  discount: ["off", "save", "saving", "percent"],
  weight: ["weigh", "gram", "g", "kg", "lb", "ounce", "oz"],
  duration: ["hour", "minute", "day", "week", "month", "year"],
  rating: ["star", "rated", "score"],
  capacity: ["litre", "liter", "l", "ml", "gb", "tb"],
};

function matchFactNumber(fieldName: string | undefined, numbers: readonly FactNumber[]): number[] {
  if (!fieldName) return [];
  const tokens = nameTokens(fieldName).filter(
    (t) => t.length >= 3 && !["number", "value", "num", "count", "total"].includes(t),
  );
  if (tokens.length === 0) return [];
  const matches: number[] = [];
  for (const n of numbers) {
    const hit = tokens.some((token) => {
      const wanted = [token, ...(NUMBER_SYNONYMS[token] ?? [])];
      return wanted.some((w) =>
        [...n.context].some((c) => c === w || (c.length >= 3 && w.length >= 3 && (c.startsWith(w) || w.startsWith(c)))),
      );
    });
    if (hit) matches.push(n.value);
  }
  return matches;
}

// ---------------------------------------------------------------------------------------------
// Validation (small draft-07 subset; used for anyOf/oneOf branch choice and by tests)
// ---------------------------------------------------------------------------------------------

const FORMAT_CHECKS: Record<string, RegExp> = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  url: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  "uri-reference": /^\S*$/,
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  ipv4: /^(?:\d{1,3}\.){3}\d{1,3}$/,
  hostname: /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i,
};

const FORMAT_PLACEHOLDERS: Record<string, string> = {
  email: "hello@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  "uri-reference": "/",
  "date-time": "1970-01-01T00:00:00Z",
  date: "1970-01-01",
  time: "00:00:00Z",
  uuid: "00000000-0000-0000-0000-000000000000",
  ipv4: "127.0.0.1",
  ipv6: "::1",
  hostname: "example.com",
  duration: "P1D",
};

function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return undefined;
    }
  }
}

function typeOfValue(value: JSONValue | undefined): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeMatches(type: string, value: JSONValue | undefined): boolean {
  const actual = typeOfValue(value);
  return type === actual || (type === "number" && actual === "integer");
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith("#")) return undefined;
  const parts = ref
    .slice(1)
    .split("/")
    .filter(Boolean)
    .map((p) => decodeURIComponent(p.replace(/~1/g, "/").replace(/~0/g, "~")));
  let node: unknown = root;
  for (const part of parts) {
    if (node && typeof node === "object" && part in (node as Record<string, unknown>)) {
      node = (node as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
  }
  return asSchema(node as JSONSchema7Definition);
}

function asSchema(def: JSONSchema7Definition | undefined): Schema {
  if (def === undefined || def === true) return {};
  if (def === false) return { not: {} };
  return def as Schema;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Validates `value` against `schema` (draft-07 subset). Returns the list of problems; empty = valid. */
export function validateJsonSchema(schema: JSONSchema7Definition, value: JSONValue, root?: JSONSchema7): string[] {
  const errors: string[] = [];
  const rootSchema = (root ?? (typeof schema === "object" ? schema : {})) as Schema;
  check(asSchema(schema), value, "$", 0);
  return errors;

  function check(s: Schema, v: JSONValue | undefined, at: string, depth: number): void {
    if (depth > 64) return;
    if (s.not && typeof s.not === "object" && Object.keys(s.not).length === 0) {
      errors.push(`${at}: schema is false`);
      return;
    }
    if (s.$ref) {
      const target = resolveRef(rootSchema, s.$ref);
      if (!target) errors.push(`${at}: unresolved $ref ${s.$ref}`);
      else check(target, v, at, depth + 1);
    }
    if (s.allOf) for (const sub of s.allOf) check(asSchema(sub), v, at, depth + 1);
    if (s.anyOf && !s.anyOf.some((sub) => validateJsonSchema(sub, v ?? null, rootSchema).length === 0)) {
      errors.push(`${at}: matches no anyOf branch`);
    }
    if (s.oneOf && s.oneOf.filter((sub) => validateJsonSchema(sub, v ?? null, rootSchema).length === 0).length !== 1) {
      errors.push(`${at}: must match exactly one oneOf branch`);
    }
    if (s.const !== undefined && !deepEqual(s.const, v)) errors.push(`${at}: must equal const`);
    if (s.enum && !s.enum.some((e) => deepEqual(e, v))) errors.push(`${at}: not in enum`);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      const allowed = s.nullable ? [...types, "null"] : types;
      if (!allowed.some((t) => typeMatches(t, v))) {
        errors.push(`${at}: expected ${allowed.join("|")}, got ${typeOfValue(v)}`);
        return;
      }
    }
    if (typeof v === "string") {
      const length = v.length;
      if (s.minLength !== undefined && length < s.minLength) errors.push(`${at}: shorter than ${s.minLength}`);
      if (s.maxLength !== undefined && length > s.maxLength) errors.push(`${at}: longer than ${s.maxLength}`);
      if (s.pattern) {
        const re = compilePattern(s.pattern);
        if (re && !re.test(v)) errors.push(`${at}: does not match pattern`);
      }
      if (s.format && FORMAT_CHECKS[s.format] && !FORMAT_CHECKS[s.format]?.test(v))
        errors.push(`${at}: bad ${s.format}`);
    }
    if (typeof v === "number") {
      if (s.minimum !== undefined && v < s.minimum) errors.push(`${at}: below minimum`);
      if (s.maximum !== undefined && v > s.maximum) errors.push(`${at}: above maximum`);
      if (typeof s.exclusiveMinimum === "number" && v <= s.exclusiveMinimum)
        errors.push(`${at}: not above exclusiveMinimum`);
      if (typeof s.exclusiveMaximum === "number" && v >= s.exclusiveMaximum)
        errors.push(`${at}: not below exclusiveMaximum`);
      if (s.multipleOf !== undefined && Math.abs(v / s.multipleOf - Math.round(v / s.multipleOf)) > 1e-9) {
        errors.push(`${at}: not a multiple of ${s.multipleOf}`);
      }
    }
    if (Array.isArray(v)) {
      if (s.minItems !== undefined && v.length < s.minItems) errors.push(`${at}: fewer than ${s.minItems} items`);
      if (s.maxItems !== undefined && v.length > s.maxItems) errors.push(`${at}: more than ${s.maxItems} items`);
      if (s.uniqueItems && new Set(v.map((x) => JSON.stringify(x))).size !== v.length)
        errors.push(`${at}: items not unique`);
      const tuple = s.prefixItems ?? (Array.isArray(s.items) ? s.items : undefined);
      v.forEach((item, i) => {
        if (tuple) {
          const sub = tuple[i];
          if (sub !== undefined) check(asSchema(sub), item, `${at}[${i}]`, depth + 1);
          else if (s.additionalItems === false) errors.push(`${at}: unexpected item ${i}`);
          else if (s.additionalItems && typeof s.additionalItems === "object") {
            check(asSchema(s.additionalItems), item, `${at}[${i}]`, depth + 1);
          }
        } else if (s.items !== undefined && !Array.isArray(s.items)) {
          check(asSchema(s.items), item, `${at}[${i}]`, depth + 1);
        }
      });
    }
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const props = s.properties ?? {};
      for (const key of s.required ?? []) if (!(key in v)) errors.push(`${at}: missing ${key}`);
      const keys = Object.keys(v);
      if (s.minProperties !== undefined && keys.length < s.minProperties) errors.push(`${at}: too few properties`);
      if (s.maxProperties !== undefined && keys.length > s.maxProperties) errors.push(`${at}: too many properties`);
      for (const key of keys) {
        const sub = props[key];
        if (sub !== undefined) check(asSchema(sub), v[key], `${at}.${key}`, depth + 1);
        else if (s.additionalProperties === false) errors.push(`${at}: unexpected property ${key}`);
        else if (s.additionalProperties && typeof s.additionalProperties === "object") {
          check(asSchema(s.additionalProperties), v[key], `${at}.${key}`, depth + 1);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

interface Ctx {
  name: string | undefined;
  /** True when the value is a direct array element. */
  inArray: boolean;
  index: number;
  container: Container;
  containerIndex: number;
  depth: number;
  refDepth: number;
  /** True once recursion is deep: only required properties and minItems are generated. */
  minimal: boolean;
}

class Filler {
  private readonly pools: Pools;
  private readonly numbers: FactNumber[];
  private readonly inputLower: string;

  constructor(
    private readonly root: Schema,
    private readonly copy: ComposedCopy,
    facts: readonly Fact[],
    inputText: string,
  ) {
    this.pools = buildPools(copy, facts, inputText);
    this.numbers = extractFactNumbers(facts);
    this.inputLower = inputText.toLowerCase();
  }

  fill(def: JSONSchema7Definition | undefined, ctx: Ctx): JSONValue {
    let s = asSchema(def);
    if (ctx.depth > MAX_DEPTH) return this.minimalValue(s);
    let refDepth = ctx.refDepth;
    for (let hops = 0; s.$ref && hops < 16; hops++) {
      const target = resolveRef(this.root, s.$ref);
      if (!target) break;
      const { $ref: _ref, ...rest } = s;
      s = { ...target, ...rest };
      refDepth++;
    }
    if (!s.$ref && refDepth !== ctx.refDepth)
      ctx = { ...ctx, refDepth, minimal: ctx.minimal || refDepth > MAX_REF_DEPTH };
    if (s.allOf && s.allOf.length > 0) s = mergeAllOf(s);

    if (s.const !== undefined) return s.const as JSONValue;
    if (s.enum && s.enum.length > 0) return this.pickEnum(s.enum as JSONValue[], ctx);

    const branches = s.anyOf ?? s.oneOf;
    if (branches && branches.length > 0) return this.fillBranches(s, branches, ctx, Boolean(s.oneOf));

    const type = this.chooseType(s);
    switch (type) {
      case "null":
        return null;
      case "boolean":
        return typeof s.default === "boolean" ? s.default : false;
      case "integer":
      case "number":
        return this.fillNumber(s, type === "integer", ctx);
      case "array":
        return this.fillArray(s, ctx);
      case "object":
        return this.fillObject(s, ctx);
      default:
        return this.fillString(s, ctx);
    }
  }

  private chooseType(s: Schema): string {
    const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
    const nonNull = types.filter((t) => t !== "null");
    if (nonNull.length > 0) return nonNull[0] ?? "string";
    if (types.includes("null")) return "null";
    if (s.properties || s.required || s.additionalProperties !== undefined) return "object";
    if (s.items || s.prefixItems || s.minItems !== undefined) return "array";
    if (s.minimum !== undefined || s.maximum !== undefined || s.multipleOf !== undefined) return "number";
    return "string";
  }

  private fillBranches(s: Schema, branches: JSONSchema7Definition[], ctx: Ctx, exactlyOne: boolean): JSONValue {
    const { anyOf: _a, oneOf: _o, ...base } = s;
    const merged = branches.map((b) => ({ ...base, ...asSchema(b) }) as Schema);
    const order = [...merged.keys()].sort((a, b) => Number(isNullSchema(merged[a])) - Number(isNullSchema(merged[b])));
    let first: JSONValue | undefined;
    for (const i of order) {
      const branch = merged[i];
      if (!branch) continue;
      const value = this.fill(branch, ctx);
      first ??= value;
      if (validateJsonSchema(branch, value, this.root).length > 0) continue;
      if (exactlyOne) {
        const matching = merged.filter((b) => validateJsonSchema(b, value, this.root).length === 0).length;
        if (matching !== 1) continue;
      }
      return value;
    }
    return first ?? null;
  }

  private pickEnum(values: JSONValue[], ctx: Ctx): JSONValue {
    const role = roleOf(ctx.name);
    const strings = values.filter((v): v is string => typeof v === "string");
    const preferred: JSONValue[] = [];
    const wanted = role === "channel" ? [this.copy.channel] : role === "tone" ? [this.copy.tone] : [];
    for (const w of wanted) {
      const norm = (x: string) => x.toLowerCase().replace(/[^a-z]/g, "");
      const hit = strings.find(
        (v) => norm(v) === norm(w) || norm(v).startsWith(norm(w)) || norm(w).startsWith(norm(v)),
      );
      if (hit) preferred.push(hit);
    }
    for (const v of strings) {
      const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(v.toLowerCase())}(?:$|[^\\p{L}\\p{N}])`, "u");
      if (v && re.test(this.inputLower)) preferred.push(v);
    }
    const ordered = [...new Set([...preferred, ...values].map((v) => JSON.stringify(v)))].map(
      (v) => JSON.parse(v) as JSONValue,
    );
    return ordered[(ctx.inArray ? ctx.index : 0) % ordered.length] ?? values[0] ?? null;
  }

  private fillNumber(s: Schema, integer: boolean, ctx: Ctx): number {
    const lower = bound(s.minimum, s.exclusiveMinimum, integer, 1);
    const upper = bound(s.maximum, s.exclusiveMaximum, integer, -1);
    const fits = (n: number) =>
      (!integer || Number.isInteger(n)) &&
      (lower === undefined || n >= lower) &&
      (upper === undefined || n <= upper) &&
      (s.multipleOf === undefined || Math.abs(n / s.multipleOf - Math.round(n / s.multipleOf)) < 1e-9);
    const fromFacts = matchFactNumber(ctx.name, this.numbers).filter(fits);
    if (fromFacts.length > 0) return fromFacts[ctx.index % fromFacts.length] ?? fromFacts[0] ?? 0;
    if (typeof s.default === "number" && fits(s.default)) return s.default;
    let n = lower ?? (upper !== undefined && upper < 0 ? upper : 0);
    if (integer) n = Math.ceil(n);
    if (s.multipleOf !== undefined && s.multipleOf > 0) {
      n = Math.ceil(n / s.multipleOf - 1e-9) * s.multipleOf;
      if (integer) n = Math.round(n);
    }
    if (upper !== undefined && n > upper) n = upper;
    return n;
  }

  private fillArray(s: Schema, ctx: Ctx): JSONValue[] {
    const tuple = s.prefixItems ?? (Array.isArray(s.items) ? s.items : undefined);
    const ownContainer = containerOf(ctx.name);
    // Items of a container array (sections, faqs) select their section/question by
    // `containerIndex`; items of any other array select pool entries by `index`.
    const itemCtx = (i: number): Ctx =>
      ownContainer !== "none"
        ? { ...ctx, inArray: true, index: 0, depth: ctx.depth + 1, container: ownContainer, containerIndex: i }
        : { ...ctx, inArray: true, index: i, depth: ctx.depth + 1 };
    if (tuple) {
      const out = tuple.map((sub, i) => this.fill(sub, itemCtx(i)));
      const min = s.minItems ?? 0;
      const extra = s.additionalItems && typeof s.additionalItems === "object" ? s.additionalItems : {};
      for (let i = out.length; i < min; i++) out.push(this.fill(extra, itemCtx(i)));
      return out;
    }
    const itemSchema = asSchema(Array.isArray(s.items) ? undefined : s.items);
    const min = s.minItems ?? 0;
    const max = s.maxItems ?? Math.max(min, DEFAULT_ARRAY_CAP);
    const available = ctx.minimal ? 0 : this.availableItems(itemSchema, ctx);
    const count = Math.max(min, Math.min(max, available));
    const out: JSONValue[] = [];
    const seen = new Set<string>();
    for (let i = 0, attempts = 0; out.length < count && attempts < count * 4 + 8; attempts++, i++) {
      const value = this.fill(itemSchema, itemCtx(i));
      const key = JSON.stringify(value);
      const mustBeUnique = s.uniqueItems || typeof value === "string";
      if (mustBeUnique && seen.has(key) && attempts < count * 4) continue;
      seen.add(key);
      out.push(value);
    }
    return out;
  }

  private availableItems(itemDef: Schema, ctx: Ctx): number {
    let item = itemDef;
    for (let hops = 0; item.$ref && hops < 8; hops++) item = resolveRef(this.root, item.$ref) ?? {};
    const container = containerOf(ctx.name);
    if (container !== "none") return this.pools.containerSize(container);
    if (item.enum) return Math.min(item.enum.length, 3);
    const type = this.chooseType(item);
    if (type === "object") {
      const props = Object.keys(item.properties ?? {});
      const sizes = props.map((p) => this.pools.primarySize(roleOf(p), "none", 0));
      return Math.min(DEFAULT_ARRAY_CAP, Math.max(1, ...sizes));
    }
    if (type === "string") return this.pools.primarySize(roleOf(ctx.name), ctx.container, ctx.containerIndex);
    if (type === "number" || type === "integer") return Math.min(1, matchFactNumber(ctx.name, this.numbers).length);
    return 1;
  }

  private fillObject(s: Schema, ctx: Ctx): Record<string, JSONValue> {
    const out: Record<string, JSONValue> = {};
    const required = new Set(s.required ?? []);
    const props = s.properties ?? {};
    for (const [key, sub] of Object.entries(props)) {
      if (ctx.minimal && !required.has(key)) continue;
      out[key] = this.fill(sub, { ...ctx, name: key, inArray: false, depth: ctx.depth + 1 });
    }
    for (const key of required) {
      if (!(key in out)) {
        const extra =
          s.additionalProperties && typeof s.additionalProperties === "object" ? s.additionalProperties : {};
        out[key] = this.fill(extra, { ...ctx, name: key, inArray: false, depth: ctx.depth + 1 });
      }
    }
    const minProps = s.minProperties ?? 0;
    if (Object.keys(out).length < minProps && s.additionalProperties !== false) {
      const extra = typeof s.additionalProperties === "object" ? s.additionalProperties : {};
      const keys = uniq([...this.copy.keywords.map((k) => slugify(k, 40)), "item", "entry", "detail", "note", "extra"]);
      for (const key of keys) {
        if (Object.keys(out).length >= minProps) break;
        if (key in out) continue;
        out[key] = this.fill(extra, { ...ctx, name: key, inArray: false, depth: ctx.depth + 1 });
      }
    }
    return out;
  }

  private fillString(s: Schema, ctx: Ctx): string {
    const role = roleOf(ctx.name);
    const maxLength = s.maxLength ?? Infinity;
    const minLength = s.minLength ?? 0;
    const pattern = s.pattern ? compilePattern(s.pattern) : undefined;
    const format = s.format;
    const formatCheck = format ? FORMAT_CHECKS[format] : undefined;
    const ok = (v: string) =>
      v.length >= minLength &&
      v.length <= maxLength &&
      (!pattern || pattern.test(v)) &&
      (!formatCheck || formatCheck.test(v));

    const index = ctx.index;
    let pool = this.pools.get(role, ctx.container, ctx.containerIndex);
    if (format === "email") pool = this.pools.get("email", "none", 0);
    else if (format === "uri" || format === "url")
      pool = this.pools.get("url", "none", 0).filter((u) => /^[a-z]+:/i.test(u));
    else if (format === "date-time" || format === "date" || format === "time") pool = [];
    if (pool.length === 0 && !format) pool = this.pools.get("generic", "none", 0);

    // 1. Pool entries that satisfy every constraint as they are (rotated by array index).
    const fitting = pool.filter(ok);
    if (fitting.length > 0) return fitting[index % fitting.length] ?? "";

    // 2. Format placeholders (documented: not facts).
    if (format && FORMAT_PLACEHOLDERS[format] !== undefined) {
      let placeholder = FORMAT_PLACEHOLDERS[format] ?? "";
      if ((format === "uri" || format === "url") && this.copy.slug)
        placeholder = `https://example.com/${this.copy.slug}`;
      if (ok(placeholder)) return placeholder;
      if (ok(FORMAT_PLACEHOLDERS[format] ?? "")) return FORMAT_PLACEHOLDERS[format] ?? "";
    }

    // 3. Truncate/extend pool entries to the length bounds.
    const rotated =
      pool.length > 0 ? [...pool.slice(index % pool.length), ...pool.slice(0, index % pool.length)] : [""];
    for (const base of rotated) {
      const adjusted = this.fitLength(base, rotated, minLength, maxLength);
      if (ok(adjusted)) return adjusted;
    }

    // 4. Pattern-driven candidates (slugs, lower-case keywords, single words).
    if (pattern) {
      const words = uniq(pool.flatMap((p) => p.split(/[^\p{L}\p{N}]+/u)));
      const candidates = uniq([
        this.copy.slug,
        ...this.copy.keywords.map((k) => slugify(k)),
        ...this.copy.keywords,
        ...words,
        ...words.map((w) => w.toLowerCase()),
        ...words.map((w) => w.toUpperCase()),
        ...Object.values(FORMAT_PLACEHOLDERS),
      ]);
      for (const c of candidates) {
        const adjusted = this.fitLength(c, candidates, minLength, maxLength);
        if (ok(adjusted)) return adjusted;
      }
    }
    // Best effort (documented limit: arbitrary regex patterns cannot always be satisfied).
    return this.fitLength(rotated[0] ?? "", rotated, minLength, maxLength);
  }

  private fitLength(base: string, extras: readonly string[], minLength: number, maxLength: number): string {
    let value = base;
    if (value.length < minLength) {
      for (const extra of extras) {
        if (value.length >= minLength) break;
        if (extra && extra !== base && !value.includes(extra)) value = value ? `${value} ${extra}` : extra;
      }
      const seedText = value || this.copy.summary || this.copy.topic || "copy";
      while (value.length < minLength) value = value ? `${value} ${seedText}` : seedText;
    }
    if (value.length > maxLength) value = truncateAtWord(value, maxLength);
    return value;
  }

  private minimalValue(def: Schema): JSONValue {
    let s = def;
    for (let hops = 0; s.$ref && hops < 8; hops++) s = resolveRef(this.root, s.$ref) ?? {};
    if (s.const !== undefined) return s.const as JSONValue;
    if (s.enum && s.enum.length > 0) return (s.enum[0] as JSONValue) ?? null;
    const type = this.chooseType(s);
    if (type === "array") return [];
    if (type === "object") return {};
    if (type === "null") return null;
    if (type === "boolean") return false;
    if (type === "number" || type === "integer") return s.minimum ?? 0;
    return "";
  }
}

function isNullSchema(s: Schema | undefined): boolean {
  return s?.type === "null";
}

function bound(
  inclusive: number | undefined,
  exclusive: unknown,
  integer: boolean,
  direction: 1 | -1,
): number | undefined {
  const values: number[] = [];
  if (inclusive !== undefined) values.push(inclusive);
  if (typeof exclusive === "number") {
    const step = integer ? 1 : Math.max(Math.abs(exclusive) * 1e-9, 1e-6);
    values.push(
      integer ? (direction === 1 ? Math.floor(exclusive) + 1 : Math.ceil(exclusive) - 1) : exclusive + direction * step,
    );
  }
  if (values.length === 0) return undefined;
  const pickBound = direction === 1 ? Math.max(...values) : Math.min(...values);
  return integer ? (direction === 1 ? Math.ceil(pickBound) : Math.floor(pickBound)) : pickBound;
}

function mergeAllOf(s: Schema): Schema {
  const { allOf, ...base } = s;
  let merged: Schema = { ...base };
  for (const def of allOf ?? []) {
    const sub = asSchema(def);
    const properties = { ...(merged.properties ?? {}) };
    for (const [key, value] of Object.entries(sub.properties ?? {})) {
      const existing = properties[key];
      properties[key] = existing === undefined ? value : { allOf: [existing, value] };
    }
    merged = {
      ...sub,
      ...merged,
      properties: Object.keys(properties).length > 0 ? properties : undefined,
      required: [...new Set([...(merged.required ?? []), ...(sub.required ?? [])])],
      minLength: maxDefined(merged.minLength, sub.minLength),
      maxLength: minDefined(merged.maxLength, sub.maxLength),
      minimum: maxDefined(merged.minimum, sub.minimum),
      maximum: minDefined(merged.maximum, sub.maximum),
      minItems: maxDefined(merged.minItems, sub.minItems),
      maxItems: minDefined(merged.maxItems, sub.maxItems),
    };
  }
  for (const key of Object.keys(merged) as Array<keyof Schema>) if (merged[key] === undefined) delete merged[key];
  return merged;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Fills `schema` from the composed copy. Without a schema, returns {@link defaultJsonObject}. */
export function fillJsonSchema(
  schema: JSONSchema7 | undefined,
  copy: ComposedCopy,
  options: JsonFillOptions = {},
): JSONValue {
  if (!schema || (typeof schema === "object" && Object.keys(schema).filter((k) => k !== "$schema").length === 0)) {
    return defaultJsonObject(copy);
  }
  const filler = new Filler(schema as Schema, copy, options.facts ?? [], options.inputText ?? "");
  return filler.fill(schema, {
    name: undefined,
    inArray: false,
    index: 0,
    container: "none",
    containerIndex: 0,
    depth: 0,
    refDepth: 0,
    minimal: false,
  });
}

/** The JSON object returned when JSON output is requested without a schema (shape depends on channel). */
export function defaultJsonObject(copy: ComposedCopy): Record<string, JSONValue> {
  const base = { channel: copy.channel, factIds: copy.usedFactIds };
  switch (copy.channel) {
    case "ad":
      return {
        ...base,
        headlines: copy.headlines.filter((h) => h.length <= 30).slice(0, 3),
        descriptions: copy.descriptions.slice(0, 2),
        cta: copy.ctas[0] ?? "",
      };
    case "email":
      return {
        ...base,
        subject: copy.subjects[0] ?? "",
        preheader: copy.preheaders[0] ?? "",
        body: copy.paragraphs.join("\n\n"),
      };
    case "seo_page":
      return {
        ...base,
        title: copy.titles[0] ?? "",
        metaDescription: copy.metaDescription,
        intro: copy.intro,
        sections: copy.sections.map((s) => ({ heading: s.heading, body: s.body })),
      };
    default:
      return { ...base, text: copy.text };
  }
}

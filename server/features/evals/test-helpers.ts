/** Fixtures shared by the eval tests (not used at runtime): real content and record shapes, parsed by their schemas. */
import { DraftContent, DraftRecord, type DraftFlag } from "@/lib/schemas/drafts";
import type { GroundResult } from "@/lib/schemas/knowledge";
import type { EvalSubject } from "./assertions";

export const RSA = DraftContent.parse({
  format: "google_rsa",
  headlines: [
    { text: "Northwind Flask for Commuters", pin: 1 },
    { text: "Keeps Coffee Hot for 12 Hours" },
    { text: "Lifetime Warranty Included" },
  ],
  descriptions: [
    { text: "A leak-proof steel flask that fits every cup holder. Order today." },
    { text: "Double-walled, dishwasher-safe and built for the daily commute." },
  ],
  path1: "flasks",
  path2: "",
  finalUrl: "https://www.northwind.example",
});

export const META = DraftContent.parse({
  format: "meta_ad",
  variants: [
    { primaryText: "Your commute deserves hot coffee.", headline: "Northwind Flask", description: "Free shipping" },
    { primaryText: "Twelve hours hot, zero leaks.", headline: "Built for commuters", description: "Shop now" },
  ],
  finalUrl: "https://www.northwind.example",
});

export const EMAIL = DraftContent.parse({
  format: "email",
  subject: "Meet the Northwind Flask: hot coffee all the way to the office",
  preheader: "Twelve hours hot, leak-proof, and it fits your cup holder.",
  paragraphs: [
    "Hi there, your morning coffee should survive the commute.",
    "The Northwind Flask keeps drinks hot for 12 hours and comes with free shipping this week.",
  ],
  cta: { label: "Shop the flask", url: "https://www.northwind.example/flask" },
  html: "<table><tr><td>…</td></tr></table>",
  textBody: "…",
  headers: {},
});

export const SEO = DraftContent.parse({
  format: "seo_page",
  title: "Northwind Flask | Hot Coffee for 12 Hours",
  metaDescription: "The Northwind Flask keeps coffee hot for 12 hours, never leaks and fits every cup holder.",
  h1: "The Northwind Flask",
  slug: "northwind-flask",
  canonicalUrl: "https://www.northwind.example/p/northwind-flask",
  intro: "A steel flask for commuters.",
  sections: [{ heading: "Hot for 12 hours", body: "Double walls keep heat in." }],
  faq: [{ question: "Is it dishwasher safe?", answer: "Yes, on the top rack." }],
  internalLinks: [],
  jsonLd: { "@context": "https://schema.org", "@type": "Product", name: "Northwind Flask" },
});

export function grounding(over: Partial<GroundResult> = {}): GroundResult {
  return {
    score: 1,
    factualCount: 2,
    supportedCount: 2,
    sentences: [],
    chunksConsidered: 4,
    method: "lexical",
    warnings: [],
    ...over,
  };
}

export function flag(over: Partial<DraftFlag> & Pick<DraftFlag, "kind">): DraftFlag {
  return { level: "error", message: "A problem.", field: null, ruleId: null, ...over };
}

type RecordOver = Partial<Omit<DraftRecord, "governance">> & { verdict?: "pass" | "needs_review"; score?: number };

export function record(over: RecordOver = {}): DraftRecord {
  const { verdict = "pass", score = 96, ...rest } = over;
  return DraftRecord.parse({
    steps: [],
    prompt: { key: "draft.ad", version: 3, label: "production" },
    route: { provider: "offline", model: "offline-draft", offline: true },
    chunkIds: [],
    citations: [],
    alerts: [],
    channelIssues: [],
    flags: [],
    governance: {
      score: { total: score, categories: { terminology: 100, claims: 100, tone: 100, channel: 100 } },
      verdict,
      autoApprove: verdict === "pass",
      voiceVersion: 1,
    },
    grounding: grounding(),
    guard: { briefInjection: { score: 0, signals: [] }, redactions: {}, outputFlags: [], pii: [] },
    variants: [],
    costMicros: 0,
    notes: [],
    jsonLd: null,
    ...rest,
  });
}

export function subject(content: DraftContent, over: RecordOver = {}): EvalSubject {
  return { content, record: record(over) };
}

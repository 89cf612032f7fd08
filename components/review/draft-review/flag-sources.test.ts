import { describe, expect, it } from "vitest";
import type { DraftFlag, DraftRecord, SeoPageContent } from "@/lib/schemas/drafts";
import type { GroundSentence } from "@/lib/schemas/knowledge";
import { flagTarget, markTerms } from "./flag-sources";

const content: SeoPageContent = {
  format: "seo_page",
  title: "Summit 45",
  metaDescription: "",
  h1: "Summit 45",
  slug: "summit-45",
  canonicalUrl: "",
  intro: "The Summit 45 weighs 1.2 kg. It costs €129 with free returns.",
  sections: [],
  faq: [],
  internalLinks: [],
  jsonLd: null,
};

function sentence(p: Partial<GroundSentence> & Pick<GroundSentence, "text">): GroundSentence {
  return {
    index: 0,
    start: 0,
    end: p.text.length,
    factual: true,
    supported: true,
    facts: [],
    support: [],
    method: "lexical",
    reason: "",
    ...p,
  };
}

const support = (chunkId: string, score: number, matchedFacts: string[]) => ({
  chunkId,
  score,
  matchedFacts,
  documentId: "d1",
  documentTitle: "Catalogue",
  start: 0,
  end: 10,
});

const record = {
  citations: [
    { n: 1, chunkId: "c1", documentId: "d1", documentTitle: "Catalogue", heading: "", text: "Summit 45: 1.2 kg." },
    { n: 2, chunkId: "c2", documentId: "d1", documentTitle: "Prices", heading: "", text: "Summit 45 costs €139." },
  ],
  grounding: {
    score: 0.5,
    factualCount: 2,
    supportedCount: 1,
    chunksConsidered: 2,
    method: "lexical",
    warnings: [],
    sentences: [
      sentence({ text: "The Summit 45 weighs 1.2 kg.", support: [support("c1", 0.9, ["1.2 kg"])] }),
      sentence({
        index: 1,
        text: "It costs €129 with free returns.",
        supported: false,
        facts: [
          { kind: "price", text: "€129", normalized: "129 EUR", start: 9, end: 13, supported: false },
          { kind: "claim", text: "free returns", normalized: "free returns", start: 19, end: 31, supported: true },
        ],
        support: [support("c2", 0.4, ["Summit 45"])],
      }),
    ],
  },
} as unknown as DraftRecord;

const flag = (p: Partial<DraftFlag>): DraftFlag => ({
  kind: "governor",
  level: "warning",
  message: "",
  field: "intro",
  ruleId: null,
  ...p,
});

describe("what a flag points at", () => {
  it("links an unsupported claim to its closest passage and names the missing facts", () => {
    const t = flagTarget(
      flag({
        kind: "unsupported_claim",
        level: "error",
        message: "Not supported by the knowledge base: “It costs €129 with free returns.” (€129).",
      }),
      record,
      content,
    );
    expect(t.claim).toEqual({ sentence: "It costs €129 with free returns.", missing: ["€129"] });
    expect(t.sources).toEqual([{ n: 2, title: "Prices", terms: ["Summit 45"] }]);
  });

  it("links any other flag to the sources of the supported sentences in its field", () => {
    const t = flagTarget(flag({ message: "Price without VAT note" }), record, content);
    expect(t.claim).toBeNull();
    expect(t.sources.map((s) => s.n)).toEqual([1]);
    expect(flagTarget(flag({ field: null }), record, content).sources).toEqual([]);
  });

  it("marks matched terms in a passage, case-insensitively", () => {
    expect(markTerms("The summit 45 weighs 1.2 kg", ["Summit 45", "1.2 kg"])).toEqual([
      { text: "The ", hit: false },
      { text: "summit 45", hit: true },
      { text: " weighs ", hit: false },
      { text: "1.2 kg", hit: true },
    ]);
  });
});

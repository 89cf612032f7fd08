import type { BrandVoiceInput } from "@/lib/schemas/brand";

/** Northwind Outdoor's rules, taken from its brand book (knowledge/brand-book.md). */
export const NORTHWIND_BRAND_VOICE: BrandVoiceInput = {
  tone: ["warm", "plain", "practical", "confident, not loud", "honest about limits"],
  maxGrade: 9,
  person: "we_you",
  preferredTerms: [
    { use: "Trail Club member", avoid: ["VIP", "loyalty customer", "subscriber"] },
    { use: "gear", avoid: ["merch", "stuff"] },
    { use: "water-resistant", avoid: ["water-repellent pack", "rainproof"] },
    { use: "made with recycled nylon", avoid: ["eco-friendly", "green", "planet-friendly"] },
    { use: "repair", avoid: ["fix-it scheme"] },
    { use: "two-year warranty", avoid: ["lifetime warranty", "guaranteed for life"] },
    { use: "lightweight", avoid: ["ultralight", "featherweight"] },
    { use: "durable", avoid: ["indestructible", "bulletproof", "unbreakable"] },
    { use: "good value", avoid: ["cheap", "bargain", "budget"] },
  ],
  bannedWords: [
    { term: "exclusive", reason: "Trail Club membership is free and open to everyone." },
    { term: "carbon neutral", reason: "We are not carbon neutral and must never imply it." },
    { term: "climate positive", reason: "" },
    { term: "zero impact", reason: "" },
  ],
  productNames: ["Trailhead Boot", "Stormline Jacket", "Summit 45", "Ridgeline 2", "NorthDry", "Vibram"],
  bannedClaims: [
    { phrase: "100% waterproof", reason: "Waterproof only with a tested rating.", level: "error" },
    { phrase: "totally waterproof", reason: "", level: "error" },
    { phrase: "best in the world", reason: "", level: "error" },
    { phrase: "ever made", reason: "", level: "error" },
    { phrase: "guaranteed", reason: "", level: "warning" },
  ],
  disclaimers: [
    { id: "Vat", text: "Prices include VAT.", channels: ["email", "seo_page"], trigger: { kind: "price" } },
    {
      id: "FreeShipping",
      text: "Free standard shipping on EU orders of €75 or more. Trail Club members ship free with no minimum.",
      channels: ["ad", "email", "seo_page"],
      trigger: { kind: "words", words: ["free shipping", "ships free"] },
    },
    {
      id: "Impact",
      text: "Figures from the Northwind Outdoor Impact Report 2025.",
      channels: ["ad", "email", "seo_page"],
      trigger: { kind: "words", words: ["recycled", "emissions", "CO2"] },
    },
  ],
  channels: {
    ad: { maxExclamations: 1, maxSentenceWords: 20 },
    email: { maxExclamations: 1, maxSentenceWords: 25 },
    seo_page: { maxExclamations: 0, maxSentenceWords: 30 },
  },
};

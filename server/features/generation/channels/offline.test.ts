/**
 * Each generation schema through the built-in offline engine (the default model without API
 * keys): the output parses, toContent works, and validation finds no errors for a reasonable
 * brief with a few facts.
 */
import { generateText, Output } from "ai";
import { describe, expect, it } from "vitest";
import { DRAFT_FORMATS, DraftContent, FORMAT_CHANNEL, type DraftFormat } from "@/lib/schemas/drafts";
import { createOfflineLanguageModel } from "@/server/inference/offline";
import { CHANNEL_MODULES, channelModule } from "./index";
import { codes, CTX } from "./test-helpers";

const BRIEF = "Promote the Northwind Flask, our insulated water bottle for commuters; highlight the lifetime warranty.";
const FACTS = [
  {
    id: "c1",
    source: "Product sheet",
    text: "The Northwind Flask keeps drinks cold for 24 hours. It is made from recycled stainless steel.",
  },
  { id: "c2", source: "Warranty", text: "Every flask comes with a lifetime warranty." },
  { id: "c3", source: "Shipping", text: "Orders over $40 ship free." },
];

function prompt(format: DraftFormat): string {
  const facts = FACTS.map((f) => `<fact id="${f.id}" source="${f.source}">${f.text}</fact>`).join("");
  return (
    `<channel>${FORMAT_CHANNEL[format]}</channel><brief>${BRIEF}</brief><facts>${facts}</facts>` +
    `<instructions>${channelModule(format).instructions}</instructions>`
  );
}

async function generate<F extends DraftFormat>(format: F) {
  const mod = channelModule(format);
  const result = await generateText({
    model: createOfflineLanguageModel(),
    system: "You write marketing copy for Northwind Outfitters.",
    prompt: prompt(format),
    output: Output.object({ schema: mod.generationSchema }),
  });
  const content = await mod.toContent(result.output, CTX);
  return { mod, output: result.output, content, issues: mod.validate(content, CTX) };
}

describe("generation schemas with the offline engine", () => {
  it.each(DRAFT_FORMATS)("%s: output parses and toContent gives stored content", async (format) => {
    const { mod, output, content } = await generate(format);
    expect(mod.generationSchema.safeParse(output).success).toBe(true);
    expect(content.format).toBe(format);
    expect(DraftContent.safeParse(content).success).toBe(true);
    expect(mod.fields(content).length).toBeGreaterThan(2);
    expect(mod.fields(content).every((f) => f.text.trim() !== "")).toBe(true);
    expect(mod.title(content).length).toBeGreaterThan(0);
  });

  it.each(["meta_ad", "email", "seo_page"] as const)("%s: validation finds no errors", async (format) => {
    const { issues } = await generate(format);
    expect(codes(issues, "error")).toEqual([]);
  });

  it("google_rsa: headlines and descriptions are valid (only the display paths fail, see below)", async () => {
    const { content, issues } = await generate("google_rsa");
    expect(content.headlines.length).toBeGreaterThanOrEqual(3);
    expect(content.descriptions.length).toBeGreaterThanOrEqual(2);
    expect(content.headlines.map((h) => h.text)).toContain("Lifetime warranty");
    expect(codes(issues, "error").filter((c) => !c.startsWith("path"))).toEqual([]);
  });

  // Known gap (reported): the offline engine has no role for `path1`/`path2` (it fills unknown
  // names with its summary paragraph) and, as the schema has no maxLength by design, it does not
  // cut them to 15 characters. When the engine learns display paths, this starts passing: turn
  // it into a plain `it`.
  it("google_rsa: display paths fit 15 characters", async () => {
    const { issues } = await generate("google_rsa");
    expect(codes(issues, "error")).toEqual([]);
  });

  it("email: paragraphs are distinct and the CTA label is a call to action", async () => {
    const { content } = await generate("email");
    expect(new Set(content.paragraphs).size).toBe(content.paragraphs.length);
    expect(content.paragraphs.some((p) => p.includes("\n"))).toBe(false);
    expect(content.paragraphs.join(" ")).toContain("lifetime warranty");
    expect(content.cta.label.split(" ").length).toBeLessThanOrEqual(5);
    expect(content.html).toContain(content.cta.label);
  });

  it("seo_page: the h1 is a heading (not the summary) and sections come from the facts", async () => {
    const { content } = await generate("seo_page");
    expect(content.h1.length).toBeLessThanOrEqual(60);
    expect(content.h1).not.toContain(". ");
    expect(content.sections.length).toBeGreaterThanOrEqual(2);
    expect(content.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe("CHANNEL_MODULES", () => {
  it("has one module per draft format, keyed by its format", () => {
    expect(Object.keys(CHANNEL_MODULES).sort()).toEqual([...DRAFT_FORMATS].sort());
    for (const format of DRAFT_FORMATS) {
      expect(CHANNEL_MODULES[format].format).toBe(format);
      expect(channelModule(format)).toBe(CHANNEL_MODULES[format]);
      expect(channelModule(format).instructions.length).toBeGreaterThan(80);
    }
    expect(() => channelModule("fax" as DraftFormat)).toThrow(/Unknown draft format/);
  });

  it("puts the limits into the schema descriptions and instructions (no hard max lengths)", () => {
    const rsa = JSON.stringify(CHANNEL_MODULES.google_rsa.generationSchema.toJSONSchema());
    expect(rsa).toContain("at most 30 characters");
    expect(rsa).toContain("at most 90 characters");
    expect(rsa).not.toContain("maxLength");
    expect(CHANNEL_MODULES.google_rsa.instructions).toContain("at most 30 characters");
    expect(CHANNEL_MODULES.email.instructions).toContain("40–130 characters");
    expect(CHANNEL_MODULES.seo_page.instructions).toContain("70–160 characters");
    for (const format of DRAFT_FORMATS) {
      expect(JSON.stringify(CHANNEL_MODULES[format].generationSchema.toJSONSchema())).not.toMatch(/maxLength|maxItems/);
    }
  });
});

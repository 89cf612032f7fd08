import { describe, expect, it } from "vitest";
import type { LanguageModelV3Prompt } from "@ai-sdk/provider";
import { decodeEntities, extractPromptInput, inferChannel, normaliseChannel, parsePromptBlocks } from "./prompt-blocks";

describe("parsePromptBlocks", () => {
  it("parses all tagged blocks", () => {
    const blocks = parsePromptBlocks(`
      <channel> Email </channel>
      <brief>Announce the   spring sale.</brief>
      <brand_voice>Warm, plain English.</brand_voice>
      <facts>
        <fact id="doc-1#3" source="Sale terms">The sale runs for 10 days.</fact>
        <fact source='FAQ' id='doc-2#1'>Orders over $50 ship free.</fact>
      </facts>
      <instructions>Keep it short.</instructions>`);
    expect(blocks.channel).toBe("email");
    expect(blocks.channelSource).toBe("tag");
    expect(blocks.brief).toBe("Announce the spring sale.");
    expect(blocks.brandVoice).toBe("Warm, plain English.");
    expect(blocks.instructions).toBe("Keep it short.");
    expect(blocks.facts).toEqual([
      { id: "doc-1#3", source: "Sale terms", text: "The sale runs for 10 days." },
      { id: "doc-2#1", source: "FAQ", text: "Orders over $50 ship free." },
    ]);
  });

  it("treats untagged text as brief and tolerates missing blocks", () => {
    const blocks = parsePromptBlocks("Promote our new hiking boots to weekend hikers.");
    expect(blocks.brief).toBe("Promote our new hiking boots to weekend hikers.");
    expect(blocks.facts).toEqual([]);
    expect(blocks.brandVoice).toBe("");
    expect(blocks.channel).toBe("generic");
    expect(blocks.channelSource).toBe("default");
  });

  it("appends untagged text to the <brief> block", () => {
    const blocks = parsePromptBlocks("Write it well.\n<brief>Spring sale</brief>\nMention the dates.");
    expect(blocks.brief).toBe("Spring sale\nWrite it well.\nMention the dates.");
  });

  it("decodes HTML entities in block text and attributes", () => {
    const blocks = parsePromptBlocks(
      `<brief>Fish &amp; chips &lt;deluxe&gt; &#8212; &#x2603; &quot;hot&quot;</brief>` +
        `<facts><fact id="a&amp;b" source="Menu &amp; prices">Costs &pound;9 &amp; more.</fact></facts>`,
    );
    expect(blocks.brief).toBe('Fish & chips <deluxe> — ☃ "hot"');
    expect(blocks.facts[0]).toEqual({ id: "a&b", source: "Menu & prices", text: "Costs £9 & more." });
  });

  it("ends an unclosed block at the next known tag", () => {
    const blocks = parsePromptBlocks("<brief>Boots for rain\n<brand_voice>Calm</brand_voice><channel>ad");
    expect(blocks.brief).toBe("Boots for rain");
    expect(blocks.brandVoice).toBe("Calm");
    expect(blocks.channel).toBe("ad");
  });

  it("gives facts without ids generated ids and accepts plain lines inside <facts>", () => {
    expect(
      parsePromptBlocks("<facts><fact>One fact.</fact><fact>Two facts.</fact></facts>").facts.map((f) => f.id),
    ).toEqual(["fact-1", "fact-2"]);
    const lines = parsePromptBlocks("<facts>\n- First line.\n- Second line.\n</facts>").facts;
    expect(lines.map((f) => f.text)).toEqual(["First line.", "Second line."]);
  });

  it("accepts loose <fact> tags, strips foreign markup, de-duplicates facts", () => {
    const blocks = parsePromptBlocks(
      'Brief text <fact id="x">A <b>bold</b> fact.</fact><fact id="y">A bold fact.</fact>',
    );
    expect(blocks.brief).toBe("Brief text");
    expect(blocks.facts).toEqual([{ id: "x", source: undefined, text: "A bold fact." }]);
  });

  it("is case-insensitive for tag names and accepts brand-voice spelling variants", () => {
    const blocks = parsePromptBlocks("<BRIEF>Tea</BRIEF><Brand-Voice>Dry wit</Brand-Voice><CHANNEL>SEO</CHANNEL>");
    expect(blocks).toMatchObject({ brief: "Tea", brandVoice: "Dry wit", channel: "seo_page" });
  });
});

describe("channels", () => {
  it("normalises aliases", () => {
    expect(normaliseChannel("seo-page")).toBe("seo_page");
    expect(normaliseChannel("Ads")).toBe("ad");
    expect(normaliseChannel("e-mail")).toBe("email");
    expect(normaliseChannel("podcast")).toBeUndefined();
  });

  it("infers the channel from the system message when untagged", () => {
    expect(inferChannel("You write marketing emails.")).toBe("email");
    expect(inferChannel("You write SEO landing pages.")).toBe("seo_page");
    expect(inferChannel("You write search ads.")).toBe("ad");
    expect(inferChannel("You are helpful.")).toBeUndefined();
    const blocks = parsePromptBlocks("Spring sale", "Write a newsletter email.");
    expect(blocks).toMatchObject({ channel: "email", channelSource: "inferred" });
  });
});

describe("decodeEntities", () => {
  it("keeps unknown entities and invalid code points as-is", () => {
    expect(decodeEntities("&bogus; &#xD800; &amp;amp;")).toBe("&bogus; &#xD800; &amp;");
  });
});

describe("extractPromptInput", () => {
  it("uses the system messages and the LAST user message", () => {
    const prompt: LanguageModelV3Prompt = [
      { role: "system", content: "You write ads." },
      { role: "user", content: [{ type: "text", text: "<brief>Old brief</brief>" }] },
      { role: "assistant", content: [{ type: "text", text: "Headline: Old" }] },
      {
        role: "user",
        content: [
          { type: "text", text: "<brief>New brief</brief>" },
          { type: "text", text: "<facts><fact id='f'>A fact.</fact></facts>" },
        ],
      },
    ];
    const input = extractPromptInput(prompt);
    expect(input.system).toBe("You write ads.");
    expect(input.brief).toBe("New brief");
    expect(input.facts.map((f) => f.id)).toEqual(["f"]);
    expect(input.channel).toBe("ad");
  });
});

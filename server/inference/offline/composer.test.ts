import { describe, expect, it } from "vitest";
import {
  AD_DESCRIPTION_MAX,
  AD_HEADLINE_MAX,
  composeCopy,
  shortenSentence,
  slugify,
  splitSentences,
  truncateAtWord,
} from "./composer";
import { CHANNELS, parsePromptBlocks, type Channel } from "./prompt-blocks";
import { BOOTS_FACTS, BOOTS_PROMPT, digitRuns, seededRandom, tagged } from "./test-helpers";

function compose(message: string, system = "") {
  return composeCopy({ ...parsePromptBlocks(message, system), system });
}

describe("text utilities", () => {
  it("splits sentences without breaking abbreviations or decimals", () => {
    expect(splitSentences("It weighs 1.5 kg. It is red, e.g. Crimson. Done!")).toEqual([
      "It weighs 1.5 kg.",
      "It is red, e.g. Crimson.",
      "Done!",
    ]);
  });

  it("truncates at word boundaries without dangling connectors or split numbers", () => {
    expect(truncateAtWord("Waterproof boots and jackets for everyone", 20)).toBe("Waterproof boots");
    expect(truncateAtWord("SKU123456789", 8)).toBe("SKU");
    expect(truncateAtWord("short", 10)).toBe("short");
  });

  it("shortens long sentences at clause boundaries and marks the cut", () => {
    const s = "The membrane keeps feet dry in heavy rain, and the sole grips wet rock on steep mountain trails.";
    const short = shortenSentence(s, 60);
    expect(short).toBe("The membrane keeps feet dry in heavy rain…");
    expect(short.length).toBeLessThanOrEqual(60);
  });

  it("slugifies", () => {
    expect(slugify("Crème brûlée & Co. — 2024 edition")).toBe("creme-brulee-and-co-2024-edition");
  });
});

describe("composeCopy", () => {
  it("is deterministic: same input gives byte-identical output", () => {
    for (const channel of CHANNELS) {
      const message = BOOTS_PROMPT.replace("<channel>ad</channel>", `<channel>${channel}</channel>`);
      expect(compose(message).text).toBe(compose(message).text);
      expect(JSON.stringify(compose(message))).toBe(JSON.stringify(compose(message)));
    }
  });

  it("different briefs read differently", () => {
    const briefs = [
      "Promote our spring sale on garden furniture.",
      "Announce the new espresso machine for home baristas.",
      "Write an ad for the winter yoga retreat.",
      "Promote the cycling club membership.",
      "Introduce our vegan cookbook.",
    ];
    for (const channel of CHANNELS) {
      const texts = briefs.map((brief) => compose(tagged({ channel, brief })).text);
      expect(new Set(texts).size).toBe(briefs.length);
    }
    // Same facts, slightly different brief → different template choices too.
    const a = compose(tagged({ channel: "email", brief: "Promote TrailMax boots.", facts: BOOTS_FACTS })).text;
    const b = compose(tagged({ channel: "email", brief: "Promote TrailMax boots!", facts: BOOTS_FACTS })).text;
    expect(a).not.toBe(b);
  });

  it("quotes facts verbatim", () => {
    const copy = compose(BOOTS_PROMPT.replace("<channel>ad</channel>", "<channel>seo_page</channel>"));
    expect(copy.text).toContain("Every TrailMax boot comes with a 2-year warranty covering seams and soles.");
    expect(copy.text).toContain("Each boot weighs 540 g.");
    expect(copy.usedFactIds).toEqual(["spec-1", "warranty-1", "price-1"]);
    const email = compose(BOOTS_PROMPT.replace("<channel>ad</channel>", "<channel>email</channel>"));
    expect(email.text).toContain(
      "TrailMax boots use a Gore-Tex membrane that keeps feet dry in rain for up to 8 hours.",
    );
  });

  it("ads: headline lines fit 30 chars and description lines 90 chars", () => {
    const copy = compose(BOOTS_PROMPT);
    const lines = copy.text.split("\n");
    const headlines = lines.filter((l) => l.startsWith("Headline: ")).map((l) => l.slice("Headline: ".length));
    const descriptions = lines.filter((l) => l.startsWith("Description: ")).map((l) => l.slice("Description: ".length));
    expect(headlines.length).toBe(3);
    expect(descriptions.length).toBe(2);
    for (const h of headlines) expect(h.length).toBeLessThanOrEqual(AD_HEADLINE_MAX);
    for (const d of descriptions) expect(d.length).toBeLessThanOrEqual(AD_DESCRIPTION_MAX);
    expect(lines.at(-1)).toMatch(/^CTA: \S/);
    // The voice says no exclamation marks.
    expect(copy.text).not.toContain("!");
  });

  it("ads: honours a requested headline count from the instructions", () => {
    const message = tagged({
      channel: "ad",
      brief: "Promote TrailMax boots.",
      facts: BOOTS_FACTS,
      instructions: "Give 5 headlines.",
    });
    const headlines = compose(message)
      .text.split("\n")
      .filter((l) => l.startsWith("Headline: "));
    expect(headlines.length).toBe(5);
  });

  it("email: subject, preheader and short paragraphs", () => {
    const copy = compose(BOOTS_PROMPT.replace("<channel>ad</channel>", "<channel>email</channel>"));
    expect(copy.text).toMatch(/^Subject: .+\nPreheader: .+\n\n/);
    expect(copy.subjects[0]?.length).toBeLessThanOrEqual(60);
    const body = copy.text.split("\n\n").slice(1);
    expect(body.length).toBeGreaterThanOrEqual(3);
  });

  it("seo_page: title, intro and sections from facts", () => {
    const copy = compose(BOOTS_PROMPT.replace("<channel>ad</channel>", "<channel>seo_page</channel>"));
    expect(copy.text.startsWith("# ")).toBe(true);
    expect(copy.sections.map((s) => s.heading)).toEqual(["TrailMax spec sheet", "Warranty policy", "Price list"]);
    expect(copy.text).toContain("## Warranty policy");
    expect(copy.metaDescription.length).toBeLessThanOrEqual(160);
  });

  it("generic: one concise paragraph", () => {
    const copy = compose(BOOTS_PROMPT.replace("<channel>ad</channel>", "<channel>generic</channel>"));
    expect(copy.text).not.toContain("\n");
    expect(copy.text).toContain("TrailMax boots use a Gore-Tex membrane");
  });

  it("without facts, writes from the brief only (and says less)", () => {
    for (const channel of CHANNELS) {
      const copy = compose(tagged({ channel, brief: "Promote the autumn cider festival to local families." }));
      expect(copy.text.toLowerCase()).toContain("cider festival");
      expect(copy.usedFactIds).toEqual([]);
      expect(digitRuns(copy.text)).toEqual([]);
    }
  });

  it("says so when there is nothing to write about", () => {
    const copy = compose("<channel>ad</channel>");
    expect(copy.empty).toBe(true);
    expect(copy.text).toMatch(/nothing to write about/);
  });

  it("uses newness templates only when the brief mentions newness", () => {
    const plain = compose(
      tagged({ channel: "ad", brief: "Promote hiking boots.", instructions: "Give 10 headlines." }),
    );
    expect(plain.headlines.join(" ")).not.toMatch(/Introducing|New/);
  });
});

// Property-style: every digit run in the output must occur as a digit run in the input.
const TOPICS = ["hiking boots", "espresso machine", "garden furniture", "yoga retreat", "running socks", "city bike"];
const UNITS = ["hours", "days", "% off", "g", "km", "year warranty", "colours", "reviews"];
const VOICES = ["", "Warm and friendly.", "Bold and energetic!", "Formal and precise.", "Calm. No exclamation marks."];

function generateInput(rand: () => number, i: number): { message: string; channel: Channel } {
  const int = (max: number) => Math.floor(rand() * max);
  const num = () => String(int(5) === 0 ? int(100000) : int(1000));
  const channel = CHANNELS[int(CHANNELS.length)] ?? "generic";
  const topic = TOPICS[int(TOPICS.length)] ?? "boots";
  const facts = Array.from({ length: int(5) }, (_, k) => ({
    id: `chunk-${i}-${k}`,
    source: int(2) ? `Doc ${num()}` : undefined,
    text:
      `The ${topic} lasts ${num()} ${UNITS[int(UNITS.length)]}. ` +
      (int(2) ? `It costs $${num()}.${num()} and comes in ${num()} sizes, including ${num()}-${num()} ranges. ` : "") +
      (int(2) ? `Rated ${num()} by ${num()},${String(int(900) + 100)} customers in ${1990 + int(35)}.` : ""),
  }));
  const message = tagged({
    channel,
    brief: `${int(2) ? "Write an ad for" : "Promote"} our ${topic} ${num()} edition for ${num()} members; highlight the ${num()}-day trial.`,
    voice: VOICES[int(VOICES.length)],
    facts,
    instructions: int(2) ? `Give ${int(6) + 1} headlines.` : undefined,
  });
  return { message, channel };
}

describe("no invented digits (property over 60 generated inputs)", () => {
  it("every digit run in the output occurs in the input", () => {
    const rand = seededRandom(20240611);
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const { message } = generateInput(rand, i);
      const copy = compose(message);
      const inputRuns = new Set(digitRuns(message.replace(/id="[^"]*"/g, "")));
      const pieces = [
        copy.text,
        ...copy.headlines,
        ...copy.descriptions,
        ...copy.subjects,
        ...copy.titles,
        copy.summary,
      ];
      for (const piece of pieces) {
        for (const run of digitRuns(piece)) {
          expect(inputRuns.has(run), `"${run}" in ${JSON.stringify(piece)} not in input:\n${message}`).toBe(true);
          checked++;
        }
      }
    }
    // The generated inputs really do put numbers into the output.
    expect(checked).toBeGreaterThan(200);
  });
});

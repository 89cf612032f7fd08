import { generateText, Output, streamText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { validateJsonSchema } from "./json-fill";
import {
  OFFLINE_LANGUAGE_MODEL_ID,
  OFFLINE_PROVIDER_ID,
  createOfflineLanguageModel,
  splitIntoDeltas,
} from "./language-model";
import { BOOTS_FACTS, BOOTS_PROMPT, digitRuns, tagged } from "./test-helpers";

const globals = globalThis as { AI_SDK_LOG_WARNINGS?: unknown };
let previousLogSetting: unknown;
beforeAll(() => {
  previousLogSetting = globals.AI_SDK_LOG_WARNINGS;
  globals.AI_SDK_LOG_WARNINGS = false;
});
afterAll(() => {
  globals.AI_SDK_LOG_WARNINGS = previousLogSetting;
});

const model = createOfflineLanguageModel();
const SYSTEM = "You are Lectern's copywriter.";
const emailPrompt = BOOTS_PROMPT.replace("<channel>ad</channel>", "<channel>email</channel>");

function callOptions(text: string, extra: Partial<LanguageModelV3CallOptions> = {}): LanguageModelV3CallOptions {
  return { prompt: [{ role: "user", content: [{ type: "text", text }] }], ...extra };
}

async function readAll(stream: ReadableStream<LanguageModelV3StreamPart>): Promise<LanguageModelV3StreamPart[]> {
  const parts: LanguageModelV3StreamPart[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts;
    parts.push(value);
  }
}

describe("OfflineLanguageModel identity", () => {
  it("declares itself as a deterministic composer", async () => {
    expect(model.specificationVersion).toBe("v3");
    expect(model.provider).toBe(OFFLINE_PROVIDER_ID);
    expect(model.modelId).toBe(OFFLINE_LANGUAGE_MODEL_ID);
    expect(model.supportedUrls).toEqual({});
    const result = await model.doGenerate(callOptions(BOOTS_PROMPT));
    expect(result.providerMetadata?.lectern).toMatchObject({
      engine: "offline-composer",
      kind: "deterministic-composer",
      notAnLlm: true,
      channel: "ad",
    });
    expect(result.finishReason).toEqual({ unified: "stop", raw: "stop" });
    expect(result.response?.modelId).toBe(OFFLINE_LANGUAGE_MODEL_ID);
  });
});

describe("through the AI SDK", () => {
  it("generateText and streamText produce the same text and report usage", async () => {
    const generated = await generateText({ model, system: SYSTEM, prompt: emailPrompt });
    const streamed = streamText({ model, system: SYSTEM, prompt: emailPrompt });
    let text = "";
    let deltas = 0;
    for await (const delta of streamed.textStream) {
      text += delta;
      deltas++;
    }
    expect(generated.text.length).toBeGreaterThan(100);
    expect(text).toBe(generated.text);
    expect(deltas).toBeGreaterThan(20);
    expect(generated.finishReason).toBe("stop");
    expect(await streamed.finishReason).toBe("stop");
    const usage = await streamed.usage;
    expect(generated.usage.inputTokens).toBeGreaterThan(0);
    expect(generated.usage.outputTokens).toBeGreaterThan(0);
    expect(usage.inputTokens).toBe(generated.usage.inputTokens);
    expect(usage.outputTokens).toBe(generated.usage.outputTokens);
    expect(usage.totalTokens).toBe((generated.usage.inputTokens ?? 0) + (generated.usage.outputTokens ?? 0));
    expect(generated.providerMetadata?.lectern?.notAnLlm).toBe(true);
    expect((await streamed.providerMetadata)?.lectern?.notAnLlm).toBe(true);
  });

  it("is deterministic across calls and ignores temperature (with a warning)", async () => {
    const a = await generateText({ model, prompt: BOOTS_PROMPT, temperature: 0 });
    const b = await generateText({ model, prompt: BOOTS_PROMPT, temperature: 1.5, topP: 0.3 });
    expect(b.text).toBe(a.text);
    expect(b.warnings?.map((w) => (w.type === "unsupported" ? w.feature : w.type))).toEqual(["temperature", "topP"]);
    const quiet = createOfflineLanguageModel({ warnOnIgnoredSettings: false });
    expect((await generateText({ model: quiet, prompt: BOOTS_PROMPT, temperature: 1 })).warnings).toEqual([]);
  });

  it("different briefs give different text", async () => {
    const a = await generateText({ model, prompt: tagged({ channel: "ad", brief: "Promote the harbour boat tour." }) });
    const b = await generateText({
      model,
      prompt: tagged({ channel: "ad", brief: "Promote the rooftop cinema nights." }),
    });
    expect(a.text).not.toBe(b.text);
  });

  it("uses only the last user message as the brief in a chat", async () => {
    const result = await generateText({
      model,
      messages: [
        { role: "user", content: "<brief>Promote sandals.</brief>" },
        { role: "assistant", content: "Headline: Sandals" },
        { role: "user", content: "<channel>ad</channel><brief>Promote wool scarves.</brief>" },
      ],
    });
    expect(result.text.toLowerCase()).toContain("wool scarves");
    expect(result.text.toLowerCase()).not.toContain("sandals");
  });

  it("respects maxOutputTokens (finish reason length) and stop sequences", async () => {
    const full = await generateText({ model, prompt: emailPrompt });
    const short = await generateText({ model, prompt: emailPrompt, maxOutputTokens: 10 });
    expect(short.finishReason).toBe("length");
    expect(short.usage.outputTokens).toBeLessThanOrEqual(10);
    expect(full.text.startsWith(short.text)).toBe(true);
    const stopped = await generateText({ model, prompt: emailPrompt, stopSequences: ["\n"] });
    expect(stopped.text).toBe(full.text.split("\n")[0]);
  });
});

describe("structured output", () => {
  const input = tagged({
    channel: "seo_page",
    brief: "Write a landing page for our new TrailMax waterproof hiking boots aimed at weekend hikers.",
    voice: "Calm, helpful.",
    facts: BOOTS_FACTS,
  });

  const schemas = {
    adSet: z.object({
      headlines: z.array(z.string().max(30)).min(3).max(5),
      descriptions: z.array(z.string().max(90)).min(1).max(2),
      cta: z.string().max(25),
      channel: z.enum(["search", "social", "display"]),
    }),
    email: z.object({
      subject: z.string().min(5).max(50),
      preheader: z.string().max(80).optional(),
      body: z.string().min(40),
      footnote: z.string().optional(),
      citations: z.array(z.string()).min(1),
    }),
    seoPage: z.object({
      title: z.string().max(60),
      metaDescription: z.string().min(50).max(160),
      slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
      sections: z
        .array(z.object({ heading: z.string().max(70), body: z.string(), sourceIds: z.array(z.string()).min(1) }))
        .min(1)
        .max(6),
      faq: z.array(z.object({ question: z.string().endsWith("?"), answer: z.string() })).max(2),
    }),
    numbers: z.object({
      priceUsd: z.number().positive(),
      warrantyYears: z.number().int().min(1).max(10),
      batteryHours: z.number().int().min(0).max(100),
      rating: z.number().min(1).max(5),
      discountPercent: z.number().min(5).max(50).multipleOf(5),
      isFeatured: z.boolean(),
    }),
    unions: z.object({
      value: z.union([z.number().min(10), z.string().max(5)]),
      maybe: z.string().max(20).nullable(),
      link: z.string().url(),
      contact: z.string().email(),
      at: z.string().datetime(),
      pair: z.tuple([z.string().max(30), z.number().int()]),
      nested: z.object({ deeper: z.object({ keywords: z.array(z.string()).min(2).max(3) }) }),
    }),
  };

  const schemaList: Array<[string, z.ZodType]> = Object.entries(schemas);
  for (const [name, schema] of schemaList) {
    it(`parses via Output.object: ${name}`, async () => {
      const result = await generateText({ model, prompt: input, output: Output.object({ schema }) });
      expect(schema.safeParse(result.output).success).toBe(true);
      // Same input → identical JSON.
      const again = await generateText({ model, prompt: input, output: Output.object({ schema }) });
      expect(again.text).toBe(result.text);
    });
  }

  it("fills fields with real content and quotes numbers from facts", async () => {
    const seo = await generateText({ model, prompt: input, output: Output.object({ schema: schemas.seoPage }) });
    expect(seo.output.sections.map((s) => s.heading)).toContain("Warranty policy");
    expect(seo.output.sections.flatMap((s) => s.sourceIds)).toContain("warranty-1");
    expect(seo.output.slug).toBe("new-trailmax-waterproof-hiking-boots");
    const nums = await generateText({ model, prompt: input, output: Output.object({ schema: schemas.numbers }) });
    expect(nums.output.priceUsd).toBe(149);
    expect(nums.output.warrantyYears).toBe(2);
    expect(nums.output.rating).toBe(1); // placeholder: the schema minimum
    expect(nums.output.discountPercent).toBe(5); // placeholder: the schema minimum
    const ads = await generateText({ model, prompt: input, output: Output.object({ schema: schemas.adSet }) });
    expect(new Set(ads.output.headlines).size).toBe(ads.output.headlines.length);
  });

  it("JSON strings never contain digits that are not in the input", async () => {
    const inputRuns = new Set(digitRuns(input.replace(/id="[^"]*"/g, "")));
    const list: z.ZodType[] = [schemas.adSet, schemas.email, schemas.seoPage];
    for (const schema of list) {
      const result = await generateText({ model, prompt: input, output: Output.object({ schema }) });
      const strings = JSON.stringify(result.output).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
      for (const s of strings) {
        if (/^"(?:spec|warranty|price)-1"$/.test(s)) continue; // fact ids
        for (const run of digitRuns(s)) expect(inputRuns.has(run), s).toBe(true);
      }
    }
  });

  it("supports Output.array and Output.choice", async () => {
    const arr = await generateText({
      model,
      prompt: input,
      output: Output.array({ element: z.object({ headline: z.string().max(30), description: z.string() }) }),
    });
    expect(arr.output.length).toBeGreaterThan(0);
    const choice = await generateText({
      model,
      prompt: "<channel>generic</channel><brief>Should the boots launch go out by email?</brief>",
      output: Output.choice({ options: ["ad", "email", "seo_page"] }),
    });
    expect(choice.output).toBe("email");
  });

  it("streams structured output (same JSON as generate)", async () => {
    const generated = await generateText({ model, prompt: input, output: Output.object({ schema: schemas.seoPage }) });
    const streamed = streamText({ model, prompt: input, output: Output.object({ schema: schemas.seoPage }) });
    const partials: unknown[] = [];
    for await (const partial of streamed.partialOutputStream) partials.push(partial);
    expect(partials.length).toBeGreaterThan(3);
    expect(await streamed.output).toEqual(generated.output);
    expect(await streamed.text).toBe(generated.text);
  });

  it("returns a channel-shaped object when JSON is requested without a schema", async () => {
    const result = await model.doGenerate(callOptions(emailPrompt, { responseFormat: { type: "json" } }));
    const part = result.content[0];
    expect(part?.type).toBe("text");
    const value = JSON.parse(part?.type === "text" ? part.text : "{}") as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["channel", "factIds", "subject", "preheader", "body"]);
  });

  it("validates against recursive $ref schemas handed over directly", async () => {
    const tree: z.ZodType<{ name: string; children: unknown[] }> = z.lazy(() =>
      z.object({ name: z.string().max(40), children: z.array(tree).max(2) }),
    );
    const schema = z.object({ root: tree });
    const result = await generateText({ model, prompt: input, output: Output.object({ schema }) });
    expect(schema.safeParse(result.output).success).toBe(true);
    const jsonSchema = z.toJSONSchema(schema, { target: "draft-7" }) as Parameters<typeof validateJsonSchema>[0];
    const direct = await model.doGenerate(
      callOptions(input, {
        responseFormat: { type: "json", schema: jsonSchema as Exclude<typeof jsonSchema, boolean> },
      }),
    );
    const text = direct.content[0]?.type === "text" ? direct.content[0].text : "";
    expect(validateJsonSchema(jsonSchema, JSON.parse(text))).toEqual([]);
  });
});

describe("streaming", () => {
  it("emits stream-start, text parts and finish with usage", async () => {
    const { stream } = await model.doStream(callOptions(BOOTS_PROMPT));
    const parts = await readAll(stream);
    expect(parts[0]?.type).toBe("stream-start");
    expect(parts.map((p) => p.type)).toContain("response-metadata");
    const finish = parts.at(-1);
    expect(finish?.type).toBe("finish");
    if (finish?.type === "finish") {
      expect(finish.finishReason).toEqual({ unified: "stop", raw: "stop" });
      expect(finish.usage.outputTokens.total).toBeGreaterThan(0);
    }
    const text = parts.map((p) => (p.type === "text-delta" ? p.delta : "")).join("");
    const generated = await model.doGenerate(callOptions(BOOTS_PROMPT));
    expect(generated.content).toEqual([{ type: "text", text }]);
  });

  it("splits into word-sized deltas that concatenate exactly", () => {
    const text = "Subject: Hi\n\n  Two  words \n";
    expect(splitIntoDeltas(text).join("")).toBe(text);
    expect(splitIntoDeltas("")).toEqual([]);
  });
});

describe("abort", () => {
  it("generateText rejects with an aborted signal", async () => {
    const controller = new AbortController();
    controller.abort(new Error("user cancelled"));
    await expect(generateText({ model, prompt: BOOTS_PROMPT, abortSignal: controller.signal })).rejects.toThrow();
    await expect(model.doGenerate(callOptions(BOOTS_PROMPT, { abortSignal: controller.signal }))).rejects.toThrow(
      "user cancelled",
    );
  });

  it("doStream rejects up front, and errors the stream when aborted mid-way", async () => {
    const pre = new AbortController();
    pre.abort();
    await expect(model.doStream(callOptions(BOOTS_PROMPT, { abortSignal: pre.signal }))).rejects.toMatchObject({
      name: "AbortError",
    });

    const controller = new AbortController();
    const { stream } = await model.doStream(callOptions(BOOTS_PROMPT, { abortSignal: controller.signal }));
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    controller.abort(new Error("stop now"));
    await expect(reader.read()).rejects.toThrow("stop now");
  });

  it("a paced stream stops promptly when aborted", async () => {
    const slow = createOfflineLanguageModel({ streamDelayMs: 5 });
    const controller = new AbortController();
    const result = streamText({ model: slow, prompt: emailPrompt, abortSignal: controller.signal });
    let received = "";
    let aborted = false;
    try {
      for await (const delta of result.textStream) {
        received += delta;
        if (received.length > 20) controller.abort();
      }
    } catch {
      aborted = true;
    }
    const full = (await generateText({ model, prompt: emailPrompt })).text;
    expect(received.length).toBeLessThan(full.length);
    expect(aborted || controller.signal.aborted).toBe(true);
  });
});

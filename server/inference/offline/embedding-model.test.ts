import { cosineSimilarity, embed, embedMany } from "ai";
import { describe, expect, it } from "vitest";
import { TooManyEmbeddingValuesForCallError } from "@ai-sdk/provider";
import {
  OFFLINE_EMBEDDING_DIMENSIONS,
  OFFLINE_EMBEDDING_MODEL_ID,
  OfflineEmbeddingModel,
  createOfflineEmbeddingModel,
  embedText,
  lexicalFeatures,
} from "./embedding-model";

const model = createOfflineEmbeddingModel();
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("OfflineEmbeddingModel", () => {
  it("declares its interface", () => {
    expect(model.specificationVersion).toBe("v3");
    expect(model.provider).toBe("lectern.offline");
    expect(model.modelId).toBe(OFFLINE_EMBEDDING_MODEL_ID);
    expect(model.maxEmbeddingsPerCall).toBe(512);
    expect(model.supportsParallelCalls).toBe(true);
  });

  it("embeds to 512 unit-norm dimensions, deterministically", async () => {
    const a = await embed({ model, value: "Waterproof hiking boots" });
    const b = await embed({ model, value: "Waterproof hiking boots" });
    expect(a.embedding).toHaveLength(OFFLINE_EMBEDDING_DIMENSIONS);
    expect(norm(a.embedding)).toBeCloseTo(1, 10);
    expect(b.embedding).toEqual(a.embedding);
    expect(a.usage.tokens).toBeGreaterThan(0);
  });

  it("related texts score clearly higher than unrelated ones", async () => {
    const { embeddings } = await embedMany({
      model,
      values: ["waterproof hiking boots", "boots for hiking in the rain", "quarterly tax filing"],
    });
    const [boots, rain, tax] = embeddings as [number[], number[], number[]];
    const related = cosineSimilarity(boots, rain);
    expect(related).toBeGreaterThan(0.35);
    expect(related).toBeGreaterThan(cosineSimilarity(boots, tax) + 0.25);
    expect(related).toBeGreaterThan(cosineSimilarity(rain, tax) + 0.25);
  });

  it("normalises case and Unicode (NFKC) and shares sub-word features", () => {
    expect(embedText("ＨＩＫＩＮＧ Boots")).toEqual(embedText("hiking boots"));
    const morphology = cosineSimilarity(embedText("hiker"), embedText("hikers"));
    expect(morphology).toBeGreaterThan(0.2);
    expect(morphology).toBeGreaterThan(cosineSimilarity(embedText("hiker"), embedText("filing")) + 0.15);
    expect([...lexicalFeatures("Boots, boots").entries()]).toContainEqual(["w:boots", 1 + Math.log(2)]);
  });

  it("empty or word-less text embeds to the zero vector", () => {
    for (const text of ["", "   ", "!!! ---"]) {
      const v = embedText(text);
      expect(v).toHaveLength(OFFLINE_EMBEDDING_DIMENSIONS);
      expect(v.every((x) => x === 0)).toBe(true);
      expect(cosineSimilarity(v, embedText("boots"))).toBe(0);
    }
  });

  it("embedMany batches more than maxEmbeddingsPerCall values", async () => {
    const values = Array.from({ length: 1100 }, (_, i) => `product note number ${i} about boots`);
    let calls = 0;
    const counting = new OfflineEmbeddingModel();
    const original = counting.doEmbed.bind(counting);
    counting.doEmbed = async (options) => {
      calls++;
      expect(options.values.length).toBeLessThanOrEqual(512);
      return original(options);
    };
    const result = await embedMany({ model: counting, values, maxParallelCalls: 2 });
    expect(calls).toBe(3);
    expect(result.embeddings).toHaveLength(1100);
    expect(result.embeddings[1099]).toEqual(embedText(values[1099] ?? ""));
    expect(result.usage.tokens).toBeGreaterThan(1100);
  });

  it("doEmbed rejects too many values and aborted signals", async () => {
    await expect(model.doEmbed({ values: Array.from({ length: 513 }, () => "x") })).rejects.toSatisfy((e) =>
      TooManyEmbeddingValuesForCallError.isInstance(e),
    );
    const controller = new AbortController();
    controller.abort();
    await expect(model.doEmbed({ values: ["x"], abortSignal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});

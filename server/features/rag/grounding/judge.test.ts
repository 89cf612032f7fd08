import { describe, expect, it } from "vitest";
import { groundText, type Entailment } from "./index";
import { CHUNKS, scriptedJudge } from "./test-helpers";

const SOFT = "Trailhead 2 is the most comfortable boot we have ever made.";

describe("groundText with an entailment judge", () => {
  it("lets the judge confirm a soft claim whose names all match", async () => {
    const judge = scriptedJudge((_, id) => ({ entailed: id === "th2-overview", confidence: 0.82 }));
    const r = await groundText(SOFT, CHUNKS, { entail: judge.entail });
    const v = r.sentences[0]!;
    expect(v.supported).toBe(true);
    expect(v.method).toBe("lexical+judge");
    expect(v.support.map((s) => s.chunkId)).toEqual(["th2-overview"]);
    expect(v.facts.every((f) => f.supported)).toBe(true);
    expect(v.reason).toBe(
      "The judge confirmed 'Trailhead 2 boots' supports it (confidence 0.82), and Trailhead 2 matches exactly",
    );
    // Only chunks that state every hard fact are shown, at most three.
    expect(judge.calls).toEqual([{ claim: SOFT, chunkIds: ["th2-overview", "th2-specs"] }]);
    expect(r.score).toBe(1);
  });

  it("sends the chunk's title and heading path with its text", async () => {
    let seen = "";
    const entail: Entailment = async (_, passages) => {
      seen = passages[0]!.text;
      return passages.map((p) => ({ chunkId: p.chunkId, entailed: true, confidence: 0.9 }));
    };
    await groundText("Trailhead 2 costs $149.", CHUNKS, { entail });
    expect(seen.startsWith("Trailhead 2 boots\nTrailhead 2 > Overview\nThe Trailhead 2 is")).toBe(true);
  });

  it("lets the judge veto a lexical match", async () => {
    const judge = scriptedJudge(() => ({ entailed: false, confidence: 0.9 }));
    const r = await groundText("Trailhead 2 costs $149.", CHUNKS, { entail: judge.entail });
    const v = r.sentences[0]!;
    expect(v.supported).toBe(false);
    expect(v.method).toBe("lexical+judge");
    expect(v.support).toEqual([]);
    expect(v.reason).toBe(
      "The judge found no passage that entails it, although Trailhead 2 and price $149 appear in 'Trailhead 2 boots'",
    );
    expect(r.unsupported).toHaveLength(1);
  });

  it("keeps a lexical match the judge agrees with", async () => {
    const judge = scriptedJudge(() => ({ entailed: true, confidence: 0.97 }));
    const v = (await groundText("Trailhead 2 costs $149.", CHUNKS, { entail: judge.entail })).sentences[0]!;
    expect(v.supported).toBe(true);
    expect(v.method).toBe("lexical+judge");
    expect(v.reason).toBe(
      "Trailhead 2 and price $149 appear in 'Trailhead 2 boots', and the judge agrees (confidence 0.97)",
    );
  });

  it("ignores low-confidence or unknown-chunk answers", async () => {
    const entail: Entailment = async () => [
      { chunkId: "th2-overview", entailed: true, confidence: 0.3 },
      { chunkId: "not-shown", entailed: true, confidence: 0.99 },
    ];
    const v = (await groundText(SOFT, CHUNKS, { entail })).sentences[0]!;
    expect(v.supported).toBe(false);
    expect(v.reason).toBe("No source states “most comfortable”, and the judge did not confirm it");
    const lenient = (await groundText(SOFT, CHUNKS, { entail, minJudgeConfidence: 0.25 })).sentences[0]!;
    expect(lenient.supported).toBe(true);
  });

  it("falls back to the lexical verdict when the judge throws", async () => {
    const entail: Entailment = async () => {
      throw new Error("model timeout\nafter 30 s");
    };
    const r = await groundText(["Trailhead 2 costs $149.", SOFT].join(" "), CHUNKS, { entail });
    const [priced, soft] = r.sentences;
    expect(priced!.supported).toBe(true);
    expect(priced!.method).toBe("lexical");
    expect(priced!.reason).toBe(
      "Trailhead 2 and price $149 appear in 'Trailhead 2 boots' (judge failed: model timeout after 30 s; lexical result used)",
    );
    expect(soft!.supported).toBe(false);
    expect(soft!.method).toBe("lexical");
    expect(soft!.reason).toMatch(/judge failed/);
  });

  it("falls back when the judge answers malformed data", async () => {
    const entail = (async () => [{ chunkId: "th2-overview", entailed: "yes" }]) as unknown as Entailment;
    const v = (await groundText("Trailhead 2 costs $149.", CHUNKS, { entail })).sentences[0]!;
    expect(v.supported).toBe(true);
    expect(v.method).toBe("lexical");
    expect(v.reason).toMatch(/\(judge failed: malformed judge answer; lexical result used\)$/);
  });

  it("can never make a wrong number pass, and is not even asked", async () => {
    const judge = scriptedJudge(() => ({ entailed: true, confidence: 1 }));
    const r = await groundText("Trailhead 2 costs $129. It weighs 1.1 lb. Free returns within 60 days.", CHUNKS, {
      entail: judge.entail,
    });
    expect(r.sentences.map((s) => s.supported)).toEqual([false, false, false]);
    expect(r.sentences.map((s) => s.method)).toEqual(["lexical", "lexical", "lexical"]);
    expect(judge.calls).toEqual([]);
    expect(r.score).toBe(0);
  });

  it("does not ask about non-factual sentences", async () => {
    const judge = scriptedJudge(() => ({ entailed: true, confidence: 1 }));
    const r = await groundText("Shop now.\nYour next adventure starts here.", CHUNKS, { entail: judge.entail });
    expect(judge.calls).toEqual([]);
    expect(r.sentences.every((s) => s.supported === null && s.method === "lexical")).toBe(true);
  });

  it("confirms a pair of chunks from one document as a pair", async () => {
    const judge = scriptedJudge(() => ({ entailed: true, confidence: 0.8 }));
    const v = (
      await groundText("Trailhead 2 launched on March 3, 2026 and costs $149.", CHUNKS, { entail: judge.entail })
    ).sentences[0]!;
    expect(v.supported).toBe(true);
    expect(v.support.map((s) => s.chunkId).sort()).toEqual(["th2-overview", "th2-specs"]);
  });
});

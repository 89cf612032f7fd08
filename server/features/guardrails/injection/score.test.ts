import { describe, expect, it } from "vitest";
import type { InjectionSignal } from "@/lib/schemas/guardrails";
import { combineScore, DEFAULT_INJECTION_THRESHOLD, kindScores } from "./score";

const sig = (kind: InjectionSignal["kind"], weight: number): InjectionSignal => ({
  kind,
  start: 0,
  end: 1,
  text: "x",
  weight,
  detail: "",
});

describe("injection score", () => {
  it("is 0 without signals and a strong override alone clears the threshold", () => {
    expect(combineScore([])).toBe(0);
    expect(combineScore([sig("override", 0.85)])).toBe(0.85);
    expect(combineScore([sig("override", 0.85)])).toBeGreaterThanOrEqual(DEFAULT_INJECTION_THRESHOLD);
  });

  it("combines kinds by noisy-OR", () => {
    expect(combineScore([sig("hidden_text", 0.5), sig("exfiltration", 0.4)])).toBe(0.7);
  });

  it("lets repeats within a kind add at most 0.1", () => {
    const many = Array.from({ length: 50 }, () => sig("override", 0.6));
    expect(kindScores(many).get("override")).toBe(0.7);
    expect(combineScore(many)).toBe(0.7);
  });

  it("caps character statistics at 0.3", () => {
    expect(combineScore([sig("char_stats", 0.3), sig("char_stats", 0.25), sig("char_stats", 0.2)])).toBe(0.3);
    expect(combineScore([sig("char_stats", 0.3), sig("delimiter", 0.3)])).toBe(0.51);
  });

  it("clamps out-of-range weights", () => {
    expect(combineScore([sig("role_play", 2)])).toBe(1);
    expect(combineScore([sig("role_play", -1)])).toBe(0);
  });
});

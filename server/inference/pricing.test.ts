import { describe, expect, it } from "vitest";
import { BUILTIN_PRICES, costMicros, formatUsd, priceFor } from "./pricing";

describe("pricing", () => {
  it("computes cost = input × input price + output × output price per 1M tokens, rounded up", () => {
    // 1,000 in + 500 out on gpt-4o-mini: 1000*0.15/1M + 500*0.60/1M = $0.00045 = 450 micros
    expect(costMicros(BUILTIN_PRICES["gpt-4o-mini"], { inputTokens: 1000, outputTokens: 500 })).toBe(450);
    expect(costMicros({ inputMicrosPer1M: 1, outputMicrosPer1M: 0 }, { inputTokens: 1, outputTokens: 0 })).toBe(1);
    expect(costMicros(undefined, { inputTokens: 1000, outputTokens: 1000 })).toBe(0);
    expect(costMicros(BUILTIN_PRICES["offline-composer-v1"], { inputTokens: 10_000, outputTokens: 10_000 })).toBe(0);
  });

  it("lets a workspace override the built-in table", () => {
    const overrides = new Map([["gpt-4o-mini", { inputMicrosPer1M: 1_000_000, outputMicrosPer1M: 2_000_000 }]]);
    expect(priceFor("gpt-4o-mini", overrides)).toEqual({ inputMicrosPer1M: 1_000_000, outputMicrosPer1M: 2_000_000 });
    expect(priceFor("gpt-4o", overrides)).toEqual(BUILTIN_PRICES["gpt-4o"]);
    expect(priceFor("my-local-llama", overrides)).toBeUndefined();
  });

  it("formats micro-dollars", () => {
    expect(formatUsd(450)).toBe("$0.000450");
    expect(formatUsd(49_800_000)).toBe("$49.80");
  });
});

/**
 * Prices per 1M tokens in micro-dollars (1 USD = 1,000,000 micros), as data.
 * Source: the providers' public list prices as known when this table was
 * written (2026-11); they change. Admins override any model per workspace in
 * Settings → Models (ModelPrice rows). A model with no known price is recorded
 * at cost 0 rather than a guess, so cost budgets cannot limit it until an
 * admin adds its price (token budgets still do).
 */
export type Price = { inputMicrosPer1M: number; outputMicrosPer1M: number };

export const BUILTIN_PRICES: Readonly<Record<string, Price>> = {
  // OpenAI
  "gpt-4o-mini": { inputMicrosPer1M: 150_000, outputMicrosPer1M: 600_000 },
  "gpt-4o": { inputMicrosPer1M: 2_500_000, outputMicrosPer1M: 10_000_000 },
  "gpt-4.1-mini": { inputMicrosPer1M: 400_000, outputMicrosPer1M: 1_600_000 },
  "gpt-4.1": { inputMicrosPer1M: 2_000_000, outputMicrosPer1M: 8_000_000 },
  "text-embedding-3-small": { inputMicrosPer1M: 20_000, outputMicrosPer1M: 0 },
  "text-embedding-3-large": { inputMicrosPer1M: 130_000, outputMicrosPer1M: 0 },
  // Anthropic
  "claude-3-5-haiku-latest": { inputMicrosPer1M: 800_000, outputMicrosPer1M: 4_000_000 },
  "claude-sonnet-4-5": { inputMicrosPer1M: 3_000_000, outputMicrosPer1M: 15_000_000 },
  // The built-in offline engine runs in-process: free.
  "offline-composer-v1": { inputMicrosPer1M: 0, outputMicrosPer1M: 0 },
  "lexical-hash-v1": { inputMicrosPer1M: 0, outputMicrosPer1M: 0 },
};

/** Workspace override first, then the built-in table; undefined when nobody knows the price. */
export function priceFor(model: string, overrides: ReadonlyMap<string, Price>): Price | undefined {
  return overrides.get(model) ?? BUILTIN_PRICES[model];
}

/** Cost of a call in micro-dollars, rounded up so many tiny calls never add up to less than they cost. */
export function costMicros(price: Price | undefined, usage: { inputTokens: number; outputTokens: number }): number {
  if (!price) return 0;
  return Math.ceil(
    (usage.inputTokens * price.inputMicrosPer1M + usage.outputTokens * price.outputMicrosPer1M) / 1_000_000,
  );
}

export function formatUsd(micros: number): string {
  return `$${(micros / 1_000_000).toFixed(micros < 10_000 ? 6 : 2)}`;
}

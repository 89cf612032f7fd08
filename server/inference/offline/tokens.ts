/**
 * Deterministic token counting for the offline engine.
 *
 * This is an approximation, not a real tokenizer. The rule:
 *
 * - every run of letters/digits/combining marks counts as `ceil(length / 6)` tokens (at least 1),
 *   which lands close to BPE tokenizers for English prose (most common words are one token,
 *   long words split into a few);
 * - every other non-whitespace character (punctuation, symbols, emoji) counts as 1 token;
 * - whitespace is free.
 *
 * For prompts, each message adds a fixed framing overhead of {@link MESSAGE_OVERHEAD_TOKENS}.
 */
import type { LanguageModelV3Prompt } from "@ai-sdk/provider";

/** Tokens added per prompt message for role framing (mirrors chat-format overhead). */
export const MESSAGE_OVERHEAD_TOKENS = 3;

/** Characters per token for letter/digit runs. */
const CHARS_PER_WORD_TOKEN = 6;

const TOKEN_PIECE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Approximate token count of a string (see module docs for the rule). */
export function countTokens(text: string): number {
  let total = 0;
  for (const match of text.matchAll(TOKEN_PIECE)) {
    const piece = match[0];
    if (/^[\p{L}\p{M}\p{N}]/u.test(piece)) {
      total += Math.max(1, Math.ceil([...piece].length / CHARS_PER_WORD_TOKEN));
    } else {
      total += 1;
    }
  }
  return total;
}

/**
 * Approximate token count of a whole prompt: text of every message part (system, user,
 * assistant, reasoning, tool calls/results serialised as JSON) plus per-message overhead.
 * File parts count only their file name and media type (the engine cannot read files).
 */
export function countPromptTokens(prompt: LanguageModelV3Prompt): number {
  let total = 0;
  for (const message of prompt) {
    total += MESSAGE_OVERHEAD_TOKENS;
    if (message.role === "system") {
      total += countTokens(message.content);
      continue;
    }
    for (const part of message.content) {
      switch (part.type) {
        case "text":
        case "reasoning":
          total += countTokens(part.text);
          break;
        case "file":
          total += countTokens(`${part.filename ?? ""} ${part.mediaType}`);
          break;
        case "tool-call":
          total += countTokens(`${part.toolName} ${safeJson(part.input)}`);
          break;
        case "tool-result":
          total += countTokens(`${part.toolName} ${safeJson(part.output)}`);
          break;
        default:
          total += countTokens(safeJson(part));
      }
    }
  }
  return total;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

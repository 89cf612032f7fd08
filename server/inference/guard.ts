/**
 * The gateway's guardrail hook. The gateway knows nothing about PII or injections: it hands the
 * rendered prompt to the hook before any provider is called, sends external providers the text
 * the hook returns, and passes their answers back through `restore`. The offline engine runs in
 * this process and sees the raw text. Implemented by server/features/guardrails/gateway-guard.ts.
 */
import type { CallContext } from "./gateway";

export type GuardInput = {
  system: string;
  prompt: string;
  /** The caller-supplied parts (prompt variables, or an ad-hoc prompt), scanned for injection. */
  untrusted: string[];
};

export type GuardedCall = {
  /** What an external provider receives. */
  external: { system: string; prompt: string };
  /** Puts pseudonymised values back into an external model's text. */
  restore(text: string): string;
  /** The same on every string inside a structured answer. */
  restoreDeep<T>(value: T): T;
  /** Placeholder-aware restore for streamed text. */
  streamRestorer(): { push(chunk: string): string; flush(): string };
  /** Counts per entity type of values changed in `external`; never the values. */
  redactions: Record<string, number>;
  /** Highest injection score among the untrusted parts (0–1). */
  injectionScore: number;
};

export type GuardHook = (ctx: CallContext, input: GuardInput) => Promise<GuardedCall>;

/** What the caller learns about the guardrails' work on a call. */
export type GuardReport = {
  /** Counts of values pseudonymised/redacted for the external provider (empty when offline served). */
  redactions: Record<string, number>;
  injectionScore: number;
};

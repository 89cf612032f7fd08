import vm from "node:vm";

/**
 * Runs rules with a time bound per rule per document, even when a single regular-expression
 * execution never returns. All rules run inside one `vm` script call whose watchdog terminates
 * execution after `budgetMs` (V8 interrupts regex backtracking too). On termination we know which
 * rule was running and since when: if it ran for the whole budget it is reported as timed out,
 * otherwise the window simply closed on it and it is restarted from scratch in a new window.
 * Rules also check the clock between matches (`tick`) and give up cooperatively.
 */

export class RuleTimeout extends Error {
  constructor() {
    super("rule exceeded its time budget");
    this.name = "RuleTimeout";
  }
}

export interface SandboxOutcome<T> {
  results: (T | undefined)[];
  timedOut: number[];
  failed: { index: number; error: unknown }[];
}

interface DriverState {
  next: number;
  current: number;
  startedAt: number;
}

let context: vm.Context | null = null;
let script: vm.Script | null = null;

function sandbox(): { context: vm.Context; script: vm.Script } {
  if (!context || !script) {
    context = vm.createContext({ __drive: null });
    script = new vm.Script("__drive()", { filename: "governor-rules.vm" });
  }
  return { context, script };
}

export function runBounded<T>(
  count: number,
  runOne: (index: number, deadline: () => boolean) => T,
  budgetMs: number,
): SandboxOutcome<T> {
  const results: (T | undefined)[] = new Array(count);
  const timedOut: number[] = [];
  const failed: { index: number; error: unknown }[] = [];
  if (count === 0) return { results, timedOut, failed };
  const state: DriverState = { next: 0, current: -1, startedAt: 0 };
  const restarts = new Map<number, number>();
  const expired = () => performance.now() - state.startedAt > budgetMs;
  const drive = () => {
    for (; state.next < count; state.next++) {
      const i = state.next;
      state.current = i;
      state.startedAt = performance.now();
      try {
        results[i] = runOne(i, expired);
      } catch (e) {
        if (e instanceof RuleTimeout) timedOut.push(i);
        else failed.push({ index: i, error: e });
      }
      state.current = -1;
    }
  };
  const { context: ctx, script: s } = sandbox();
  for (;;) {
    ctx.__drive = drive;
    try {
      s.runInContext(ctx, { timeout: Math.max(1, Math.ceil(budgetMs)) });
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== "ERR_SCRIPT_EXECUTION_TIMEOUT") throw e;
      const i = state.current;
      if (i < 0) continue; // between rules: just resume
      const elapsed = performance.now() - state.startedAt;
      const n = (restarts.get(i) ?? 0) + 1;
      restarts.set(i, n);
      if (elapsed >= budgetMs * 0.9 || n > 2) {
        timedOut.push(i);
        results[i] = undefined;
        state.next = i + 1;
      } else {
        state.next = i; // the window closed on a rule that had just started: run it again
      }
      state.current = -1;
    } finally {
      ctx.__drive = null;
    }
  }
  return { results, timedOut, failed };
}

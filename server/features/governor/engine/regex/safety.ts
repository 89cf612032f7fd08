import { createRequire } from "node:module";

/**
 * Load-time safety checks for third-party patterns:
 *  - exponential backtracking (ReDoS), decided by `recheck`'s pure-JS backend (no native binary,
 *    no worker download). Only patterns whose structure can backtrack badly (a repetition around
 *    other repetitions or alternations) are sent to it; the others cannot be exponential.
 *  - patterns that match the empty string or match any text entirely (`.*`), which would flag
 *    everything.
 */

export type SafetyVerdict =
  { ok: true; note?: string } | { ok: false; reason: "exponential" | "empty" | "everything"; message: string };

interface RecheckDiagnostics {
  status: "safe" | "vulnerable" | "unknown";
  complexity?: { type: string; summary?: string };
  attack?: { pattern?: string; string?: string };
}
type CheckSync = (source: string, flags: string, params?: Record<string, unknown>) => RecheckDiagnostics;

let checkSync: CheckSync | null | undefined;

function loadRecheck(): CheckSync | null {
  if (checkSync !== undefined) return checkSync;
  // The pure Scala.js backend runs in-process: no native binary, no Java, no worker thread.
  process.env.RECHECK_SYNC_BACKEND = "pure";
  try {
    const require = createRequire(import.meta.url);
    const mod = require("recheck") as { checkSync: CheckSync };
    checkSync = mod.checkSync;
  } catch {
    checkSync = null;
  }
  return checkSync;
}

const verdictCache = new Map<string, { status: string; type?: string }>();

/** Budget for one recheck analysis; an undecided pattern is accepted (the run-time bound still applies). */
export const RECHECK_TIMEOUT_MS = 1500;

export function checkBacktracking(source: string, flags: string, suspicious: boolean): SafetyVerdict {
  if (!suspicious) return { ok: true };
  const key = `${flags}/${source}`;
  let cached = verdictCache.get(key);
  if (!cached) {
    const check = loadRecheck();
    if (!check) return { ok: true, note: "ReDoS checker unavailable; relying on the run-time bound" };
    try {
      const d = check(source, flags.replace(/[gy]/g, ""), { timeout: RECHECK_TIMEOUT_MS, randomSeed: 1 });
      cached = { status: d.status, type: d.complexity?.type };
    } catch (e) {
      cached = { status: "unknown", type: e instanceof Error ? e.message : String(e) };
    }
    verdictCache.set(key, cached);
  }
  if (cached.status === "vulnerable" && cached.type === "exponential") {
    return {
      ok: false,
      reason: "exponential",
      message: "pattern can backtrack exponentially (catastrophic backtracking / ReDoS); rewrite it",
    };
  }
  return { ok: true };
}

const EMPTY_PROBES = ["", "a", "word", " ", "Hello, world. This is fine!", "x y\nz"];
const EVERYTHING_PROBES = [
  "Lorem ipsum dolor sit amet, consectetur adipiscing.",
  "zqxj 1234 ÄÖü — (!?)",
  "The quick brown fox jumps over the lazy dog",
];

/**
 * A pattern that matches the empty string reports zero-width alerts everywhere; one that matches
 * any text from start to end flags every block. Both are rejected at load time.
 */
export function checkMatchesEverything(re: RegExp): SafetyVerdict {
  const probe = new RegExp(re.source, re.flags.replace(/[gy]/g, ""));
  let all = true;
  for (const p of EVERYTHING_PROBES) {
    const m = probe.exec(p);
    if (!m || m.index !== 0 || m[0].length !== p.length) {
      all = false;
      break;
    }
  }
  if (all)
    return {
      ok: false,
      reason: "everything",
      message: "pattern matches any text (e.g. '.*'); it would flag everything",
    };
  for (const p of EMPTY_PROBES) {
    const m = probe.exec(p);
    if (m && m[0].length === 0) {
      return { ok: false, reason: "empty", message: "pattern matches the empty string" };
    }
  }
  return { ok: true };
}

import { ENTITY_TYPES } from "@/lib/schemas/guardrails";
import { applyContext } from "./context";
import { addressRecognizer } from "./recognizers/address";
import { creditCardRecognizer } from "./recognizers/credit-card";
import { deTaxIdRecognizer } from "./recognizers/de-tax-id";
import { denyListRecognizer } from "./recognizers/deny-list";
import { emailRecognizer } from "./recognizers/email";
import { ibanRecognizer } from "./recognizers/iban";
import { ipRecognizer } from "./recognizers/ip";
import { peopleRecognizer } from "./recognizers/people";
import { personTitleRecognizer } from "./recognizers/person-title";
import { phoneRecognizer } from "./recognizers/phone";
import { ukNinoRecognizer } from "./recognizers/uk-nino";
import { urlCredentialsRecognizer } from "./recognizers/url-credentials";
import { usSsnRecognizer } from "./recognizers/us-ssn";
import type { AnalyzeContext, EntityType, PiiFinding, Recognizer } from "./types";
import { foldForScan } from "./util";

export const DEFAULT_MIN_SCORE = 0.5;

export const RECOGNIZERS: readonly Recognizer[] = [
  emailRecognizer,
  urlCredentialsRecognizer,
  phoneRecognizer,
  ibanRecognizer,
  creditCardRecognizer,
  ipRecognizer,
  peopleRecognizer,
  denyListRecognizer,
  personTitleRecognizer,
  addressRecognizer,
  usSsnRecognizer,
  deTaxIdRecognizer,
  ukNinoRecognizer,
];

/**
 * Finds PII in `text`, Presidio-style: every enabled recognizer proposes findings with a base
 * score, context words before each finding raise or lower it, findings under `minScore` are
 * dropped, and overlaps are resolved (higher score wins, then the longer span; a URL with
 * credentials always wins over an email address inside it). Results are sorted by start.
 *
 * Offsets are UTF-16 code units into `text`. Every pattern is bounded (no nested unbounded
 * quantifiers, every repetition capped), so the scan is linear in the input length; the whole
 * input is scanned. Malformed Unicode (lone surrogates), mixed scripts and RTL text are fine.
 */
export function analyzePii(text: string, ctx: AnalyzeContext = {}): PiiFinding[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const enabled = new Set<EntityType>(ctx.entities ?? ENTITY_TYPES);
  const minScore = ctx.minScore ?? DEFAULT_MIN_SCORE;
  const scan = foldForScan(text);

  const found: PiiFinding[] = [];
  for (const r of RECOGNIZERS) {
    if (!r.entities.some((e) => enabled.has(e))) continue;
    for (const f of r.analyze(scan, ctx)) {
      if (!enabled.has(f.entity) || f.end <= f.start) continue;
      const scored = r.skipContext ? f : applyContext(scan, f);
      if (scored.score < minScore) continue;
      found.push({ ...scored, text: text.slice(scored.start, scored.end) });
    }
  }
  return resolveOverlaps(found);
}

function outranks(a: PiiFinding, b: PiiFinding): number {
  return b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

function overlaps(a: PiiFinding, b: PiiFinding): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Keeps a set of non-overlapping findings. Findings are swept in start order into clusters of
 * mutually reachable overlaps; within a cluster the best-ranked finding is kept first.
 * O(k log k) in the number of findings.
 */
export function resolveOverlaps(findings: PiiFinding[]): PiiFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PiiFinding[] = [];
  let cluster: PiiFinding[] = [];
  let clusterEnd = -1;
  const flush = () => {
    if (cluster.length === 0) return;
    if (cluster.length === 1) {
      kept.push(cluster[0]!);
    } else {
      const urls = cluster.filter((f) => f.entity === "URL_CREDENTIALS");
      const candidates = cluster
        .filter((f) => !(f.entity === "EMAIL_ADDRESS" && urls.some((u) => overlaps(u, f))))
        .sort(outranks);
      const chosen: PiiFinding[] = [];
      for (const f of candidates) if (!chosen.some((c) => overlaps(c, f))) chosen.push(f);
      kept.push(...chosen);
    }
    cluster = [];
  };
  for (const f of sorted) {
    if (f.start >= clusterEnd) {
      flush();
      clusterEnd = f.end;
    } else {
      clusterEnd = Math.max(clusterEnd, f.end);
    }
    cluster.push(f);
  }
  flush();
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Guardrail evaluation on the labelled files next to this module (dataset.pii.jsonl,
 * dataset.injection.jsonl): precision and recall per PII entity type, and injection recall and
 * false-positive rate at the policy threshold. `npm run eval:guardrails`.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ENTITY_TYPES, EntityType, type PiiFinding } from "@/lib/schemas/guardrails";
import { scanInjection } from "../injection";
import { analyzePii } from "../pii";

export const EVAL_PEOPLE = ["Dana Whitfield", "Marcus Oyelaran", "Priya Raman", "Jonas Bergmann", "Elif Kaya"];

const Line = z.object({
  id: z.string(),
  text: z.string(),
  pii: z.array(z.object({ type: EntityType, value: z.string() })),
  injection: z.boolean(),
});
export type EvalLine = z.infer<typeof Line>;

export function loadDataset(dir = __dirname): EvalLine[] {
  const out: EvalLine[] = [];
  for (const file of ["dataset.pii.jsonl", "dataset.injection.jsonl"]) {
    const lines = fs.readFileSync(path.join(dir, file), "utf8").split("\n");
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      const parsed = Line.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      for (const p of parsed.data.pii)
        if (!parsed.data.text.includes(p.value)) throw new Error(`${file}:${i + 1}: “${p.value}” is not in the text`);
      out.push(parsed.data);
    });
  }
  return out;
}

type Counts = { tp: number; fp: number; fn: number };
export type EvalReport = {
  lines: number;
  pii: Record<EntityType, Counts & { precision: number; recall: number }>;
  injection: {
    threshold: number;
    positives: number;
    negatives: number;
    tp: number;
    fp: number;
    recall: number;
    fpr: number;
    precision: number;
  };
  misses: { id: string; kind: string; detail: string }[];
};

/** Every labelled occurrence of a value (a value may appear twice in a line). */
function labelledSpans(line: EvalLine) {
  const spans: { type: EntityType; start: number; end: number }[] = [];
  for (const p of line.pii)
    for (let i = line.text.indexOf(p.value); i !== -1; i = line.text.indexOf(p.value, i + 1))
      spans.push({ type: p.type, start: i, end: i + p.value.length });
  return spans;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

export function evaluate(lines: EvalLine[], opts: { threshold?: number } = {}): EvalReport {
  const threshold = opts.threshold ?? 0.5;
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    EntityType,
    Counts
  >;
  const inj = { positives: 0, negatives: 0, tp: 0, fp: 0 };
  const misses: EvalReport["misses"] = [];
  for (const line of lines) {
    const found: PiiFinding[] = analyzePii(line.text, { people: EVAL_PEOPLE });
    const gold = labelledSpans(line);
    const matched = new Set<number>();
    for (const f of found) {
      const g = gold.findIndex((s, i) => !matched.has(i) && s.type === f.entity && overlaps(s, f));
      if (g >= 0) {
        matched.add(g);
        counts[f.entity].tp++;
      } else if (!gold.some((s) => s.type === f.entity && overlaps(s, f))) {
        counts[f.entity].fp++;
        misses.push({ id: line.id, kind: `fp ${f.entity}`, detail: f.text });
      }
    }
    gold.forEach((s, i) => {
      if (matched.has(i)) return;
      counts[s.type].fn++;
      misses.push({ id: line.id, kind: `fn ${s.type}`, detail: line.text.slice(s.start, s.end) });
    });
    const score = scanInjection(line.text).score;
    if (line.injection) {
      inj.positives++;
      if (score >= threshold) inj.tp++;
      else misses.push({ id: line.id, kind: "fn injection", detail: `${score.toFixed(2)} ${line.text.slice(0, 80)}` });
    } else {
      inj.negatives++;
      if (score >= threshold) {
        inj.fp++;
        misses.push({ id: line.id, kind: "fp injection", detail: `${score.toFixed(2)} ${line.text.slice(0, 80)}` });
      }
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    lines: lines.length,
    pii: Object.fromEntries(
      ENTITY_TYPES.map((t) => {
        const c = counts[t];
        return [t, { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) }];
      }),
    ) as EvalReport["pii"],
    injection: {
      threshold,
      ...inj,
      recall: ratio(inj.tp, inj.positives),
      fpr: inj.negatives ? inj.fp / inj.negatives : 0,
      precision: ratio(inj.tp, inj.tp + inj.fp),
    },
    misses,
  };
}

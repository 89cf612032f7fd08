/**
 * `npm run eval:guardrails [-- --json] [-- --threshold 0.5] [-- --misses]`: PII precision and
 * recall per entity type and prompt-injection recall / false-positive rate on the labelled files
 * in server/features/guardrails/eval.
 */
import { evaluate, loadDataset } from "@/server/features/guardrails/eval/evaluate";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const lines = loadDataset();
const report = evaluate(lines, { threshold: Number(arg("--threshold") ?? 0.5) });
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`Guardrails on ${report.lines} labelled lines\n`);
  console.log("entity type         support   TP   FP   FN   precision   recall");
  for (const [t, c] of Object.entries(report.pii)) {
    const support = c.tp + c.fn;
    if (!support && !c.fp) continue;
    console.log(
      `${t.padEnd(18)} ${String(support).padStart(8)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}   ${c.precision.toFixed(3).padStart(9)}   ${c.recall.toFixed(3)}`,
    );
  }
  const i = report.injection;
  console.log(
    `\ninjection at threshold ${i.threshold}: recall ${i.recall.toFixed(3)} (${i.tp}/${i.positives}), false positives ${(i.fpr * 100).toFixed(1)} % (${i.fp}/${i.negatives} clean lines), precision ${i.precision.toFixed(3)}`,
  );
  if (process.argv.includes("--misses"))
    for (const m of report.misses) console.log(`  ${m.id}  ${m.kind}: ${m.detail}`);
}

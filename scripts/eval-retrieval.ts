/**
 * `npm run eval:retrieval [-- --json]`: retrieval quality of the knowledge base on the labelled
 * Northwind query set (server/features/rag/eval), offline embedder, embedded index, SQLite.
 */
import path from "node:path";
import { evaluateRetrieval } from "@/server/features/rag/eval/run";

async function main() {
  const report = await evaluateRetrieval({ root: path.resolve(__dirname, "..") });
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const n = report.hybrid.queries.length;
  console.log(`Retrieval quality on ${n} labelled Northwind queries (k = 10, offline lexical embedder)\n`);
  console.log("mode      Recall@10   MRR     nDCG@10");
  for (const [mode, r] of Object.entries(report))
    console.log(
      `${mode.padEnd(9)} ${r.mean.recall.toFixed(3).padStart(9)}   ${r.mean.rr.toFixed(3)}   ${r.mean.ndcg.toFixed(3)}`,
    );
  const misses = report.hybrid.queries.filter((q) => q.rr === 0);
  if (misses.length) console.log(`\nhybrid: no relevant chunk in the top 10 for ${misses.map((q) => q.id).join(", ")}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

/**
 * Benchmark of the offline JSON-LD validator: cold vocabulary load, throughput (documents/s) on a
 * typical product page for parsed JSON (`validateJsonLd`) and HTML text (`validateJsonLdText`),
 * and the time for a 5 MB document. Targets: load ≤ 300 ms, ≥ 2,000 docs/s.
 *
 *   npm run bench:jsonld
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { loadVocabulary, validateJsonLd, validateJsonLdText } from "../server/features/schema-org";
import { largeDocument, productGraph, productPageHtml } from "../server/features/schema-org/testing/fixtures";

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

type Throughput = { perSecond: number; cpuPerSecond: number; p50: number; p95: number };

/**
 * Runs `fn` over `inputs` for about `ms` milliseconds. Reports wall-clock docs/s and docs per
 * CPU-second (steadier when other processes share the 2 cores), plus per-call latencies.
 */
function throughput<T>(inputs: T[], fn: (input: T) => unknown, ms: number): Throughput {
  for (let i = 0; i < 200; i++) fn(inputs[i % inputs.length]!); // warm-up (JIT)
  const times: number[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < ms) {
    const t = performance.now();
    fn(inputs[n % inputs.length]!);
    times.push(performance.now() - t);
    n++;
  }
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  return {
    perSecond: (n / elapsed) * 1000,
    cpuPerSecond: n / ((used.user + used.system) / 1e6),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
  };
}

function describe(r: Throughput): string {
  return (
    `${r.perSecond.toFixed(0)} docs/s wall (${r.cpuPerSecond.toFixed(0)} per CPU-second), ` +
    `p50 ${(r.p50 * 1000).toFixed(0)} µs, p95 ${(r.p95 * 1000).toFixed(0)} µs`
  );
}

function main(): void {
  const load = os.loadavg();
  console.log(`jsonld bench — ${os.cpus().length} cpus, load average ${load.map((l) => l.toFixed(2)).join(" ")}`);

  // Cold: the first call in this process reads and compiles the vocabulary.
  let t = performance.now();
  const vocab = loadVocabulary();
  const loadMs = performance.now() - t;
  console.log(
    `vocabulary ${vocab.release}: ${vocab.classes.size} types, ${vocab.properties.size} properties, ` +
      `${vocab.enumMembers.size} enumeration members; cold load ${loadMs.toFixed(0)} ms (target ≤ 300 ms)`,
  );

  const docs = Array.from({ length: 50 }, (_, i) => productGraph(i + 1));
  const check = validateJsonLd(docs[0]);
  if (!check.valid || check.warningCount > 0)
    throw new Error(`bench document is not clean: ${JSON.stringify(check.findings)}`);
  const json = throughput(docs, (d) => validateJsonLd(d), 3000);
  console.log(
    `validateJsonLd, product page @graph (${check.types.length} types): ${describe(json)} (target ≥ 2,000 docs/s)`,
  );

  const pages = docs.map((_, i) => productPageHtml(i + 1));
  const kb = pages.reduce((s, p) => s + p.length, 0) / pages.length / 1000;
  const html = throughput(pages, (p) => validateJsonLdText(p), 3000);
  console.log(
    `validateJsonLdText, product page HTML (~${kb.toFixed(1)} kB): ${describe(html)} (target ≥ 2,000 docs/s)`,
  );

  // The same page with findings (typo'd property, missing recommended fields) pays for positions.
  const flawed = pages.map((p) => p.replace('"sku"', '"skuu"').replace('"description"', '"descripton"'));
  const withFindings = throughput(flawed, (p) => validateJsonLdText(p), 2000);
  const sample = validateJsonLdText(flawed[0]!);
  console.log(
    `validateJsonLdText, same page with ${sample.findings.length} findings (line/column mapped): ${describe(withFindings)}`,
  );

  const big = JSON.stringify(largeDocument(5_000_000));
  const mb = big.length / 1e6;
  const bigDoc = JSON.parse(big) as unknown;
  t = performance.now();
  const bigReport = validateJsonLd(bigDoc);
  const bigParsedMs = performance.now() - t;
  t = performance.now();
  const bigTextReport = validateJsonLdText(big);
  const bigTextMs = performance.now() - t;
  console.log(
    `large document ${mb.toFixed(1)} MB (${bigReport.types.length} types, ${bigReport.findings.length} findings): ` +
      `validateJsonLd ${bigParsedMs.toFixed(0)} ms, validateJsonLdText ${bigTextMs.toFixed(0)} ms ` +
      `(${bigTextReport.findings.length} findings)`,
  );
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

main();

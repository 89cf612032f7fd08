// Adds up the vitest and Playwright JSON reports into one closing line.
import fs from "node:fs";

const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : null);
const v = read("test-results/vitest-report.json");
const p = read("test-results/e2e-report.json");
let passed = 0,
  failed = 0,
  skipped = 0;
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
if (p) {
  passed += p.stats.expected + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
}
const missing = [!v && "vitest", !p && "playwright"].filter(Boolean);
const seconds = Math.round(Date.now() / 1000 - Number(process.argv[2] ?? Date.now() / 1000));
console.log(
  `\nvitest: ${v ? `${v.numPassedTests} passed, ${v.numFailedTests} failed` : "no report"} · playwright: ${p ? `${p.stats.expected} passed, ${p.stats.unexpected} failed` : "no report"} · ${seconds}s`,
);
if (missing.length) console.log(`missing reports: ${missing.join(", ")}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length ? 1 : 0);

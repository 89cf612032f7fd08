/**
 * Benchmark of the style-governor engine: a deterministic Markdown corpus linted with a
 * 100-rule style mixing every supported rule type. Prints throughput (MB/s) on a large
 * document and latency (p50/p95) for 1,000-word drafts.
 *
 *   npm run bench:governor
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { configFromObject, lint } from "../server/features/governor/engine";
import { mulberry32 } from "../lib/random";

const WORDS = (
  "the a of to and in is it that for on with as was at by be this are from or have an they which one you " +
  "were all we when your can there use each how their if will up other about out many then them these so " +
  "some would make like into time has look two more write go see number way could people than first water " +
  "been call who now find long down day did get come made may part product customer launch campaign email " +
  "audience brand message content draft review team editor publish channel conversion landing page offer " +
  "subscriber newsletter headline story value feature pricing trial partner platform workflow insight"
).split(" ");
const TRIGGERS = [
  "very",
  "really",
  "e-mail",
  "utilize",
  "in order to",
  "TODO",
  "synergy",
  "cannot",
  "leverage",
  "basically",
];
/** Terms style guides flag: a few occur in the corpus (as triggers), most do not. */
const STYLE_TERMS = (
  "very|really|basically|utilize|leverage|synergy|just|simply|easy|obviously|clearly|actually|literally|" +
  "whitelist|blacklist|sanity check|dummy|crazy|insane|lame|guys|manpower|chairman|mankind|" +
  "abort|kill|execute|terminate|hit|click here|please note that|in order to|at this point in time|" +
  "due to the fact that|a number of|the majority of|prior to|subsequent to|with regard to|in terms of|" +
  "paradigm|holistic|disrupt|ideate|learnings|onboarding|deep dive|low-hanging fruit|circle back|bandwidth|" +
  "world-class|best-in-class|cutting-edge|next-generation|game-changer|seamless|robust|scalable|turnkey|" +
  "value-add|mission-critical|empower|unlock|supercharge|revolutionize|delightful|awesome|amazing|" +
  "impactful|actionable|incentivize|operationalize|monetize|productize|socialize|strategize"
).split("|");

function sentence(rnd: () => number): string {
  const n = 6 + Math.floor(rnd() * 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    words.push(
      rnd() < 0.03 ? TRIGGERS[Math.floor(rnd() * TRIGGERS.length)]! : WORDS[Math.floor(rnd() * WORDS.length)]!,
    );
  }
  if (rnd() < 0.05) words.push("NASA");
  const s = words.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rnd: () => number): string {
  const n = 2 + Math.floor(rnd() * 4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(sentence(rnd));
  let p = parts.join(" ");
  if (rnd() < 0.3) p += " See [the guide](https://example.com/guide/e-mail) and `inline code`.";
  return p;
}

/** A deterministic Markdown document of about `words` words. */
function corpus(seed: number, words: number): string {
  const rnd = mulberry32(seed);
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const r = rnd();
    let block: string;
    if (r < 0.08) block = `## ${sentence(rnd).slice(0, -1)}`;
    else if (r < 0.16) block = [sentence(rnd), sentence(rnd), sentence(rnd)].map((s) => `- ${s}`).join("\n");
    else if (r < 0.19) block = "```js\nconst x = 'the the TODO e-mail';\nconsole.log(x);\n```";
    else if (r < 0.21) block = `> ${paragraph(rnd)}`;
    else if (r < 0.22) block = "| Term | Meaning |\n| --- | --- |\n| e-mail | mail |";
    else block = paragraph(rnd);
    out.push(block);
    count += block.split(/\s+/).length;
  }
  return `${out.join("\n\n")}\n`;
}

/** A 100-rule style covering every supported rule type. */
function style(): Record<string, string> {
  const files: Record<string, string> = {};
  const rnd = mulberry32(7);
  const pick = (n: number) => [
    ...new Set(Array.from({ length: n }, () => STYLE_TERMS[Math.floor(rnd() * STYLE_TERMS.length)]!)),
  ];
  for (let i = 0; i < 40; i++) {
    const tokens = [...pick(8), ...(i % 10 === 0 ? ["very", "really", "basically"] : [])];
    files[`Bench/Existence${i}.yml`] =
      `extends: existence\nmessage: "Avoid '%s'."\nlevel: ${i % 3 === 0 ? "error" : "warning"}\nignorecase: ${i % 2 === 0}\n` +
      `tokens:\n${tokens.map((t) => `  - ${t}`).join("\n")}\n`;
  }
  for (let i = 0; i < 30; i++) {
    const pairs = pick(8).map((w, k) => `  ${w}: ${w.split("").reverse().join("")}${k}`);
    if (i === 0) pairs.push("  '(?:e-mail|E-mail)': email", "  utilize: use", "  in order to: to", "  cannot: can't");
    files[`Bench/Substitution${i}.yml`] =
      `extends: substitution\nmessage: "Use '%s' instead of '%s'."\nlevel: warning\nignorecase: ${i % 2 === 1}\n` +
      `action:\n  name: replace\nswap:\n${pairs.join("\n")}\n`;
  }
  for (let i = 0; i < 5; i++) {
    files[`Bench/Occurrence${i}.yml`] =
      `extends: occurrence\nmessage: "Too long (%s)."\nscope: sentence\nlevel: suggestion\nmax: ${20 + i}\ntoken: '${["\\b(\\w+)\\b", "[^\\s]+", "\\w+", "\\b\\w+\\b", "[A-Za-z0-9]+"][i]}'\n`;
  }
  for (let i = 0; i < 5; i++) {
    files[`Bench/Repetition${i}.yml`] =
      `extends: repetition\nmessage: "'%s' is repeated!"\nlevel: error\nalpha: true\nignorecase: true\n` +
      `scope: ${i === 0 ? "text" : "paragraph"}\ntokens:\n  - '${["[^\\s.!?]+", "\\b\\w+\\b", "[^\\s]+", "\\w+", "[A-Za-z]+"][i]}'\n`;
  }
  for (let i = 0; i < 5; i++) {
    files[`Bench/Consistency${i}.yml`] =
      `extends: consistency\nmessage: "Inconsistent spelling of '%s'."\nlevel: error\nignorecase: true\n` +
      `either:\n  advisor${i}: adviser${i}\n  centre${i}: center${i}\n  email: e-mail\n`;
  }
  for (let i = 0; i < 5; i++) {
    files[`Bench/Conditional${i}.yml`] =
      `extends: conditional\nmessage: "Spell out '%s'."\nlevel: suggestion\nfirst: '\\b([A-Z]{3,5})\\b'\n` +
      `second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\nexceptions:\n  - API\n  - TODO\n`;
  }
  for (let i = 0; i < 5; i++) {
    files[`Bench/Capitalization${i}.yml`] =
      `extends: capitalization\nmessage: "'%s' should use ${i % 2 ? "title" : "sentence"} case."\nlevel: warning\n` +
      `scope: heading\nmatch: ${["$title", "$sentence", "$title", "$sentence", "'^[A-Z]'"][i]}\n`;
  }
  for (let i = 0; i < 3; i++) {
    files[`Bench/Metric${i}.yml`] =
      `extends: metric\nmessage: "Grade %s."\nformula: (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59\ncondition: "> ${6 + i}"\n`;
  }
  for (let i = 0; i < 2; i++) {
    files[`Bench/Readability${i}.yml`] =
      `extends: readability\nmessage: "Grade level (%s) too high!"\ngrade: ${8 + i}\nmetrics:\n  - Flesch-Kincaid\n  - Gunning Fog\n`;
  }
  return files;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function main(): void {
  const load = os.loadavg();
  console.log(`governor bench — ${os.cpus().length} cpus, load average ${load.map((l) => l.toFixed(2)).join(" ")}`);
  const files = style();
  let t = performance.now();
  const config = configFromObject({ files, sections: { "*": { BasedOnStyles: "Bench" } } });
  const loadMs = performance.now() - t;
  if (config.errors.length > 0) throw new Error(`bench style failed to load: ${JSON.stringify(config.errors[0])}`);
  console.log(`loaded ${config.rules.length} rules in ${loadMs.toFixed(0)} ms`);

  // Throughput on a large document.
  const big = corpus(1, 800_000);
  const mb = Buffer.byteLength(big) / 1e6;
  lint(corpus(2, 20_000), { format: "markdown", path: "warmup.md", config });
  const runs: number[] = [];
  const cpu: number[] = [];
  let alerts = 0;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const c = process.cpuUsage();
    const r = lint(big, { format: "markdown", path: "big.md", config });
    const used = process.cpuUsage(c);
    runs.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    alerts = r.alerts.length;
    if (r.errors.length > 0) throw new Error(`lint errors: ${JSON.stringify(r.errors[0])}`);
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = runs[2]!;
  console.log(
    `large document: ${mb.toFixed(2)} MB, ${alerts} alerts; wall median ${median.toFixed(0)} ms (best ${runs[0]!.toFixed(0)}) -> ` +
      `${(mb / (median / 1000)).toFixed(2)} MB/s (best ${(mb / (runs[0]! / 1000)).toFixed(2)} MB/s); ` +
      `CPU time median ${cpu[2]!.toFixed(0)} ms -> ${(mb / (cpu[2]! / 1000)).toFixed(2)} MB/s`,
  );

  // Latency of 1,000-word drafts.
  const drafts = Array.from({ length: 200 }, (_, i) => corpus(100 + i, 1000));
  for (const d of drafts.slice(0, 20)) lint(d, { format: "markdown", path: "d.md", config });
  const times: number[] = [];
  for (const d of drafts) {
    t = performance.now();
    lint(d, { format: "markdown", path: "d.md", config });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const avgKb = drafts.reduce((s, d) => s + d.length, 0) / drafts.length / 1000;
  console.log(
    `1,000-word drafts (${drafts.length}, ~${avgKb.toFixed(1)} kB each): p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`,
  );
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

main();

/** `lectern lint`: Vale-compatible style checks from a terminal or CI. */
import fs from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import {
  ConfigError,
  SEVERITIES,
  exitCodeFor,
  formatCli,
  formatJson,
  formatLine,
  lintFiles,
  type Severity,
} from "@/server/features/governor/engine";

/** Like Vale: the nearest `.vale.ini` (or `_vale.ini`) from the working directory up. */
export function findConfig(from: string): string | null {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    for (const name of [".vale.ini", "_vale.ini"]) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
    if (path.dirname(dir) === dir) return null;
  }
}

/** Thrown for exit code 2: the configuration cannot be used. */
export class LintConfigError extends Error {}

export function registerLintCommand(program: Command): void {
  program
    .command("lint")
    .description("Check files against Vale-compatible styles (exit 1 on an error-level alert, 2 on bad configuration)")
    .argument("<files...>", "Markdown, HTML or text files, or folders")
    .option("--config <path>", "a .vale.ini (default: the nearest one from the working directory up)")
    .addOption(new Option("--output <format>", "output format").choices(["line", "json", "cli"]).default("cli"))
    .addOption(new Option("--min-alert-level <level>", "lowest severity to report").choices([...SEVERITIES]))
    .action((files: string[], o: { config?: string; output: "line" | "json" | "cli"; minAlertLevel?: Severity }) => {
      const config = o.config ?? findConfig(process.cwd());
      if (!config) throw new LintConfigError("No .vale.ini found here or in any parent folder; pass --config PATH.");
      for (const f of files) if (!fs.existsSync(f)) throw new LintConfigError(`No such file or folder: ${f}`);
      let results;
      try {
        results = lintFiles(files, config, { minAlertLevel: o.minAlertLevel });
      } catch (e) {
        if (e instanceof ConfigError) throw new LintConfigError(e.message);
        throw e;
      }
      const out =
        o.output === "json" ? formatJson(results) : o.output === "line" ? formatLine(results) : formatCli(results);
      if (out) console.log(out.replace(/\n$/, ""));
      // Problems with the styles themselves (a rule that failed to load, timed out…) go to stderr once.
      const seen = new Set<string>();
      let configProblem = false;
      for (const r of results)
        for (const d of [...r.errors, ...r.warnings]) {
          if (d.kind === "input") continue;
          const line = `${d.severity}: ${d.message}`;
          if (!seen.has(line)) console.error(line);
          seen.add(line);
          if (d.severity === "error" && (d.kind === "config" || d.kind === "rule")) configProblem = true;
        }
      for (const r of results)
        for (const d of r.errors.filter((x) => x.kind === "input")) console.error(`error: ${d.message}`);
      process.exitCode = configProblem ? 2 : exitCodeFor(results);
    });
}

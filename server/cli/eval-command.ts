/**
 * Registers `lectern eval`. The command needs the whole drafting pipeline, so it is loaded only
 * when `eval` runs: every other command starts without it.
 */
import type { Command } from "commander";
import type { EvalOptions } from "./eval";

export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description(
      "Run a golden set (suite) against a prompt version and model; exit 1 when the pass rate is below the threshold, 2 on usage errors",
    )
    // A usage error must not exit 1, which would read as "the suite failed": let main() map it to 2.
    .exitOverride()
    .requiredOption("--suite <name>", "the golden set's name")
    .option("--workspace <slug>", "workspace slug (default: the instance's only workspace)")
    .option("--prompt-label <label>", "the prompt version a label points at now (default: production)")
    .option("--prompt-version <n>", "a prompt version by number, instead of a label")
    .option("--model <provider/model>", "force one model (default: the workspace's draft route with its fallbacks)")
    .option("--fail-under <rate>", "pass rate (0–1) below which the command exits 1 (default: the set's threshold)")
    .option("--junit <path>", "write the results as JUnit XML to this file")
    .action(async (o: EvalOptions) => (await import("./eval")).evalAction(o));
}

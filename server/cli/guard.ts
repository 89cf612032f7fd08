/** `lectern guard scan`: the guardrails from a terminal or CI (PII, prompt injection, output filters). */
import fs from "node:fs";
import { Option, type Command } from "commander";
import type { GuardrailPolicy, GuardScanResult } from "@/lib/schemas/guardrails";
import { activePolicy, DEFAULT_POLICY } from "@/server/features/guardrails/policy";
import { scanText } from "@/server/features/guardrails/scan";
import { hashKeyFor } from "@/server/features/guardrails/service";
import { cliContext } from "./knowledge";

type FileScan = { path: string; error?: string; result?: Omit<GuardScanResult, "policyVersion"> };

/** 1-based line and column (in code points, like `lectern lint`) of a UTF-16 offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: [...text.slice(lineStart, offset)].length + 1 };
}

function readUtf8(path: string): string {
  const bytes = fs.readFileSync(path);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new Error(`${path} is not UTF-8 text`);
  }
}

export function formatText(scans: FileScan[], texts: Map<string, string>): string {
  const lines: string[] = [];
  for (const s of scans) {
    if (s.error) {
      lines.push(`${s.path}: error: ${s.error}`);
      continue;
    }
    const r = s.result!;
    const text = texts.get(s.path)!;
    for (const f of r.pii) {
      const { line, col } = lineCol(text, f.start);
      lines.push(`${s.path}:${line}:${col}:${f.entity}:${f.score.toFixed(2)}:${f.recognizer}`);
    }
    for (const f of r.output) {
      const { line, col } = lineCol(text, f.start);
      lines.push(`${s.path}:${line}:${col}:${f.kind}:${f.message}`);
    }
    const signals = [...new Set(r.injection.signals.map((x) => x.kind))].join(", ");
    lines.push(
      `${s.path}: injection ${r.injection.score.toFixed(2)}${r.quarantine ? " QUARANTINE" : ""}${signals ? ` (${signals})` : ""}`,
    );
  }
  return lines.join("\n");
}

export function registerGuardCommands(program: Command): void {
  program
    .command("guard")
    .description("Guardrails")
    .command("scan")
    .description(
      "Scan files for PII, prompt injection and (with --kind output) unsafe output; exit 1 when PII, a quarantine-level injection or an output flag is found",
    )
    .argument("<files...>", "text, Markdown, HTML or CSV files")
    .option("--workspace <slug>", "use this workspace's guardrail policy (default: the built-in default policy)")
    .addOption(
      new Option("--kind <kind>", "input (briefs, sources) or output (generated copy)")
        .choices(["input", "output"])
        .default("input"),
    )
    .addOption(new Option("--output <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (files: string[], o: { workspace?: string; kind: "input" | "output"; output: "text" | "json" }) => {
      let policy: GuardrailPolicy = DEFAULT_POLICY;
      let hashKey = "lectern-cli";
      if (o.workspace) {
        const ctx = await cliContext(o.workspace);
        policy = (await activePolicy(ctx.db, ctx.workspaceId)).policy;
        hashKey = hashKeyFor(ctx.workspaceId);
      }
      const texts = new Map<string, string>();
      const scans: FileScan[] = files.map((path) => {
        try {
          const text = readUtf8(path);
          texts.set(path, text);
          return { path, result: scanText(policy, text, { kind: o.kind, hashKey }) };
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          return {
            path,
            error: err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "is a folder" : err.message,
          };
        }
      });
      if (o.output === "json") {
        const out: Record<string, unknown> = {};
        for (const s of scans)
          out[s.path] = s.error
            ? { error: s.error }
            : {
                pii: s.result!.pii.map((f) => ({
                  type: f.entity,
                  span: [f.start, f.end],
                  ...lineCol(texts.get(s.path)!, f.start),
                  score: Number(f.score.toFixed(3)),
                  recognizer: f.recognizer,
                })),
                injection: {
                  score: Number(s.result!.injection.score.toFixed(3)),
                  quarantine: s.result!.quarantine,
                  signals: s.result!.injection.signals,
                },
                output: s.result!.output,
              };
        console.log(JSON.stringify(out, null, 2));
      } else console.log(formatText(scans, texts));
      const failed = scans.some((s) => s.error);
      const found = scans.some(
        (s) => s.result && (s.result.pii.length || s.result.quarantine || s.result.output.length),
      );
      process.exitCode = failed ? 2 : found ? 1 : 0;
    });
}

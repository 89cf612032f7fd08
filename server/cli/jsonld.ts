/** `lectern jsonld validate`: JSON-LD files or HTML pages against schema.org and Google's rich-result rules. */
import fs from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import { jsonLdScriptBlocks, lineColumn, looksLikeHtml, pathRange } from "@/lib/jsonld-path";
import { validateJsonLdText, type JsonLdFinding, type JsonLdReport } from "@/server/features/schema-org";

type Kind = "json" | "html" | "auto";
type FileReport = { path: string; error?: string; report?: JsonLdReport };

/** `.html/.htm` are pages, `.json/.jsonld` are documents; anything else is told apart by its first character. */
export function kindOf(file: string): Kind {
  const ext = path.extname(file).toLowerCase();
  return ext === ".html" || ext === ".htm" ? "html" : ext === ".json" || ext === ".jsonld" ? "json" : "auto";
}

function readUtf8(file: string): string {
  const bytes = fs.readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new Error("not UTF-8 text");
  }
}

/**
 * Where a finding is in the file: its own line and column when the validator knows them, else
 * the position of its path (inside its script block for HTML), else the block or file start.
 */
export function positionOf(text: string, kind: Kind, f: JsonLdFinding): { line: number; column: number } {
  if (f.line !== undefined) return { line: f.line, column: f.column ?? 1 };
  const html = kind === "html" || (kind === "auto" && looksLikeHtml(text));
  const block = html ? jsonLdScriptBlocks(text)[f.block ?? 0] : { start: 0, end: text.length };
  if (!block) return { line: 1, column: 1 };
  const inner = text.slice(block.start, block.end);
  const r = pathRange(inner, f.path);
  const lead = inner.length - inner.trimStart().length;
  return lineColumn(text, block.start + (r ? (r.keyStart ?? r.start) : lead));
}

export function formatText(files: FileReport[], texts: Map<string, string>): string {
  const lines: string[] = [];
  for (const r of files) {
    if (r.error) {
      lines.push(`${r.path}: error: ${r.error}`);
      continue;
    }
    const text = texts.get(r.path)!;
    // In file order, like a compiler or Vale.
    const placed = r.report!.findings.map((f) => ({ f, ...positionOf(text, kindOf(r.path), f) }));
    placed.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const { f, line, column } of placed)
      lines.push(`${r.path}:${line}:${column}: ${f.severity} ${f.rule} ${f.message}${f.term ? ` (${f.term})` : ""}`);
  }
  return lines.join("\n");
}

export function registerJsonLdCommands(program: Command): void {
  program
    .command("jsonld")
    .description("Structured data (schema.org JSON-LD)")
    .command("validate")
    .description(
      "Validate JSON-LD files or the ld+json blocks of HTML pages against schema.org and Google's rich-result rules; exit 1 when an error is found, 2 when a file cannot be read",
    )
    .argument("<files...>", ".json/.jsonld documents, .html/.htm pages (others: detected)")
    .addOption(new Option("--output <format>", "output format").choices(["text", "json"]).default("text"))
    .action((files: string[], o: { output: "text" | "json" }) => {
      const texts = new Map<string, string>();
      const reports: FileReport[] = files.map((file) => {
        try {
          const text = readUtf8(file);
          texts.set(file, text);
          return { path: file, report: validateJsonLdText(text, { kind: kindOf(file) }) };
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          return {
            path: file,
            error: err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "is a folder" : err.message,
          };
        }
      });
      if (o.output === "json") {
        const out: Record<string, unknown> = {};
        for (const r of reports)
          out[r.path] = r.error
            ? { error: r.error }
            : {
                ...r.report!,
                findings: r.report!.findings.map((f) => ({
                  ...f,
                  ...positionOf(texts.get(r.path)!, kindOf(r.path), f),
                })),
              };
        console.log(JSON.stringify(out, null, 2));
      } else {
        const out = formatText(reports, texts);
        if (out) console.log(out);
        const errors = reports.reduce((n, r) => n + (r.report?.errorCount ?? 0), 0);
        const warnings = reports.reduce((n, r) => n + (r.report?.warningCount ?? 0), 0);
        console.error(
          `${reports.length} ${reports.length === 1 ? "file" : "files"}: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}`,
        );
      }
      const unreadable = reports.some((r) => r.error);
      const invalid = reports.some((r) => r.report && !r.report.valid);
      process.exitCode = unreadable ? 2 : invalid ? 1 : 0;
    });
}

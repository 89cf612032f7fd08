import fs from "node:fs";
import path from "node:path";
import { type EngineConfig, loadConfig } from "./config/config";
import { InputError } from "./errors";
import { type LintOptions, lint } from "./lint/lint";
import type { DocumentFormat, FileResult, Severity } from "./types";

const FORMAT_BY_EXT: Record<string, DocumentFormat> = {
  md: "markdown",
  markdown: "markdown",
  mdown: "markdown",
  mkd: "markdown",
  mdx: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  txt: "text",
  text: "text",
};

/** Document format for a path, honouring `[formats]` mappings (`mdx = md`). */
export function formatForPath(filePath: string, formats: Readonly<Record<string, string>> = {}): DocumentFormat {
  const ext = path.extname(filePath).slice(1).toLowerCase();
  const mapped = formats[ext] ?? ext;
  return FORMAT_BY_EXT[mapped] ?? "text";
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Reads a document as strict UTF-8 (a BOM is dropped). Throws `InputError` naming the file. */
export function readDocument(filePath: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(filePath);
  } catch (e) {
    throw new InputError(`${filePath}: cannot read file (${e instanceof Error ? e.message : String(e)})`, filePath);
  }
  try {
    return decoder.decode(buf).replace(/^\ufeff/, "");
  } catch {
    throw new InputError(`${filePath}: not valid UTF-8 text; convert it to UTF-8 before linting`, filePath);
  }
}

const SKIP_DIRS = new Set(["node_modules", ".git"]);

function expand(p: string, config: EngineConfig, out: string[]): void {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) {
    out.push(p); // reported as unreadable
    return;
  }
  if (!stat.isDirectory()) {
    out.push(p);
    return;
  }
  for (const e of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(p, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith(".")) expand(full, config, out);
    } else {
      const ext = path.extname(e.name).slice(1).toLowerCase();
      if (FORMAT_BY_EXT[config.formats[ext] ?? ext]) out.push(full);
    }
  }
}

export interface LintFilesOptions {
  minAlertLevel?: Severity;
  ruleTimeoutMs?: number;
  lintFrontMatter?: boolean;
}

/**
 * Lints files and folders with a `.vale.ini` (for the CLI). Throws `ConfigError` when the
 * configuration is unusable; a file that cannot be read or decoded gets an `input` error instead
 * of alerts, and the other files are still linted.
 */
export function lintFiles(paths: readonly string[], configPath: string, opts: LintFilesOptions = {}): FileResult[] {
  const config = loadConfig(configPath);
  const files: string[] = [];
  for (const p of paths) expand(p, config, files);
  return files.map((file): FileResult => {
    let text: string;
    try {
      text = readDocument(file);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { path: file, alerts: [], errors: [{ kind: "input", severity: "error", message, file }], warnings: [] };
    }
    const lintOpts: LintOptions = {
      format: formatForPath(file, config.formats),
      path: file,
      config,
      minAlertLevel: opts.minAlertLevel,
      ruleTimeoutMs: opts.ruleTimeoutMs,
      lintFrontMatter: opts.lintFrontMatter,
    };
    return { path: file, ...lint(text, lintOpts) };
  });
}

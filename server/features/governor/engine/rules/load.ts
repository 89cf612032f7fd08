import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../types";
import { type CompileEnv, type CompiledRule } from "./common";
import { compileRule } from "./compile";
import { parseRuleFile } from "./parse";

export interface LoadedStyles {
  rules: CompiledRule[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export interface LoadStylesOptions {
  /** Only load these styles (directory names under StylesPath). Default: all. */
  styles?: readonly string[];
  /** Accepted vocabulary terms (exceptions for rules with `vocab: true`). */
  vocab?: readonly string[];
  wordTemplate?: string;
}

/** A rule file found in a styles tree: `Style/Rule.yml` -> `Style.Rule`; subfolders join with dots. */
export interface RuleSource {
  name: string;
  file: string;
  read(): string;
}

/** Directories under StylesPath that hold configuration, not styles. */
export const NON_STYLE_DIRS = new Set(["config", "Vocab", ".vale-config"]);

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a file as strict UTF-8; throws an Error naming the file otherwise. */
export function readUtf8(file: string): string {
  const buf = fs.readFileSync(file);
  try {
    return utf8.decode(buf).replace(/^\ufeff/, "");
  } catch {
    throw new Error(`${file}: not valid UTF-8 text`);
  }
}

function isRuleFile(name: string): boolean {
  return name.endsWith(".yml") && !name.endsWith("_test.yml") && !name.endsWith(".test.yml");
}

function walkStyle(dir: string, style: string, prefix: string[], out: RuleSource[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
      walkStyle(full, style, [...prefix, entry.name], out);
    } else if (isRuleFile(entry.name)) {
      const base = entry.name.slice(0, -4);
      out.push({ name: [style, ...prefix, base].join("."), file: full, read: () => readUtf8(full) });
    }
  }
}

/** Lists the rule files of a styles tree on disk. */
export function ruleSourcesFromDir(stylesPath: string, styles?: readonly string[]): RuleSource[] {
  const out: RuleSource[] = [];
  const names =
    styles ??
    fs
      .readdirSync(stylesPath, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !NON_STYLE_DIRS.has(e.name) && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
  for (const style of names) {
    const dir = path.join(stylesPath, style);
    if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) walkStyle(dir, style, [], out);
  }
  return out;
}

/** Lists the rule files of an in-memory styles tree (`{"Style/Rule.yml": "..."}`). */
export function ruleSourcesFromFiles(
  files: Readonly<Record<string, string>>,
  styles?: readonly string[],
): RuleSource[] {
  const out: RuleSource[] = [];
  for (const key of Object.keys(files).sort()) {
    const parts = key.replace(/\\/g, "/").replace(/^\.\//, "").split("/");
    if (parts.length < 2 || NON_STYLE_DIRS.has(parts[0]!)) continue;
    const fileName = parts[parts.length - 1]!;
    if (!isRuleFile(fileName)) continue;
    if (parts.slice(1, -1).some((p) => p.startsWith(".") || p.startsWith("_"))) continue;
    if (styles && !styles.includes(parts[0]!)) continue;
    const name = [...parts.slice(0, -1), fileName.slice(0, -4)].join(".");
    out.push({ name, file: key, read: () => files[key]! });
  }
  return out;
}

/** Parses, validates and compiles rule files. Bad rules become diagnostics; the others load. */
export function loadRuleSources(sources: readonly RuleSource[], env: CompileEnv): LoadedStyles {
  const result: LoadedStyles = { rules: [], errors: [], warnings: [] };
  for (const src of sources) {
    let text: string;
    try {
      text = src.read();
    } catch (e) {
      result.errors.push({
        kind: "rule",
        severity: "error",
        message: e instanceof Error ? e.message : String(e),
        file: src.file,
        rule: src.name,
      });
      continue;
    }
    const parsed = parseRuleFile(src.name, src.file, text);
    if (parsed.ok === false) {
      result.errors.push(parsed.diagnostic);
      continue;
    }
    if (parsed.ok === "unsupported") {
      result.warnings.push(parsed.diagnostic);
      continue;
    }
    const compiled = compileRule(parsed.rule, env);
    if ("run" in compiled) result.rules.push(compiled);
    else result.errors.push(compiled);
  }
  return result;
}

/**
 * Loads styles from a StylesPath directory, or from an in-memory map of files keyed by their
 * path relative to StylesPath (`"Brand/Avoid.yml"`). Never throws for a bad rule: it is reported
 * in `errors` (file, line, field) and skipped.
 */
export function loadStyles(
  source: string | Readonly<Record<string, string>>,
  opts: LoadStylesOptions = {},
): LoadedStyles {
  const sources =
    typeof source === "string" ? ruleSourcesFromDir(source, opts.styles) : ruleSourcesFromFiles(source, opts.styles);
  return loadRuleSources(sources, { accepted: opts.vocab ?? [], wordTemplate: opts.wordTemplate });
}

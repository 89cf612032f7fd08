import fs from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { ConfigError } from "../errors";
import type { CompiledRule } from "../rules/common";
import { compileRule } from "../rules/compile";
import {
  type LoadedStyles,
  NON_STYLE_DIRS,
  loadRuleSources,
  readUtf8,
  ruleSourcesFromDir,
  ruleSourcesFromFiles,
} from "../rules/load";
import type { ParsedRule } from "../rules/parse";
import { ruleSchema } from "../rules/schema";
import { type Diagnostic, SEVERITIES, type Severity } from "../types";
import { parseIni, splitList } from "./ini";

/** Plain-object form of a `.vale.ini` (what `configFromObject` accepts). */
export interface ConfigInput {
  /** Directory holding the styles; relative paths resolve against `baseDir`. */
  stylesPath?: string;
  /** In-memory StylesPath: files keyed by relative path (`"Brand/Avoid.yml"`, `"config/vocabularies/Brand/accept.txt"`). */
  files?: Readonly<Record<string, string>>;
  minAlertLevel?: string;
  /** Vocabulary names (`Vocab = Brand`). */
  vocab?: readonly string[];
  wordTemplate?: string;
  /** HTML block tags to skip (Vale `SkippedScopes`). */
  skippedScopes?: readonly string[];
  /** Inline tags to mask (Vale `IgnoredScopes`). */
  ignoredScopes?: readonly string[];
  /** `[formats]`: extension mapping, e.g. `{ mdx: "md" }`. */
  formats?: Readonly<Record<string, string>>;
  /**
   * Glob sections in order, `"*"` being the global one. Keys: `BasedOnStyles` (comma list),
   * `TokenIgnores`/`BlockIgnores` (comma lists of patterns), and `Style.Rule` or `Style` set to
   * `YES`, `NO`, `suggestion`, `warning` or `error`.
   */
  sections?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Directory paths are matched relative to (default: the ini's folder, or cwd). */
  baseDir?: string;
}

export interface ConfigSection {
  pattern: string;
  match: (relPath: string) => boolean;
  basedOnStyles?: string[];
  checks: Map<string, boolean>;
  levels: Map<string, Severity>;
  tokenIgnores: string[];
  blockIgnores: string[];
}

/** A loaded configuration: compiled rules plus what applies to which file. */
export interface EngineConfig {
  file?: string;
  stylesPath?: string;
  baseDir: string;
  minAlertLevel: Severity;
  rules: CompiledRule[];
  /** Rule files that failed to load (skipped) and other non-fatal problems. */
  errors: Diagnostic[];
  warnings: Diagnostic[];
  vocab: { accept: string[]; reject: string[] };
  global: ConfigSection;
  sections: ConfigSection[];
  formats: Record<string, string>;
  skippedScopes?: string[];
  ignoredScopes?: string[];
}

type Where = (section: string, key: string) => { file?: string; line?: number };

const CORE_KEYS = new Set([
  "StylesPath",
  "MinAlertLevel",
  "Vocab",
  "WordTemplate",
  "IgnoredScopes",
  "SkippedScopes",
  "IgnoredClasses",
  "NLPEndpoint",
  "Packages",
]);
const SYNTAX_KEYS = new Set([
  "BasedOnStyles",
  "IgnorePatterns",
  "BlockIgnores",
  "TokenIgnores",
  "CommentDelimiters",
  "Transform",
  "Lang",
  "View",
]);
const UNSUPPORTED_SYNTAX_KEYS = new Set(["CommentDelimiters", "Transform", "Lang", "View"]);

function matcher(pattern: string): (p: string) => boolean {
  const isMatch = picomatch(pattern, { dot: true, basename: !pattern.includes("/") });
  return (p) => isMatch(p);
}

/** Reads a vocabulary word list: one term a line, blank lines and `# ` comments skipped. */
function wordList(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("# "));
}

function loadVocab(
  name: string,
  input: ConfigInput,
  stylesPath: string | undefined,
  where: Where,
): { accept: string[]; reject: string[] } {
  const dirs = [`config/vocabularies/${name}`, `Vocab/${name}`];
  const tried: string[] = [];
  for (const d of dirs) {
    if (input.files) {
      const acc = input.files[`${d}/accept.txt`];
      const rej = input.files[`${d}/reject.txt`];
      tried.push(d);
      if (acc !== undefined || rej !== undefined) return { accept: wordList(acc ?? ""), reject: wordList(rej ?? "") };
    }
    if (stylesPath) {
      const full = path.join(stylesPath, d);
      tried.push(full);
      if (fs.existsSync(full) && fs.statSync(full).isDirectory()) {
        const read = (f: string) => {
          const p = path.join(full, f);
          if (!fs.existsSync(p)) return "";
          try {
            return readUtf8(p);
          } catch (e) {
            throw new ConfigError(e instanceof Error ? e.message : String(e), { file: p });
          }
        };
        return { accept: wordList(read("accept.txt")), reject: wordList(read("reject.txt")) };
      }
    }
  }
  throw new ConfigError(`'${name}' vocabulary not found; searched: ${tried.join(", ")}`, where("", "Vocab"));
}

function styleExists(style: string, input: ConfigInput, stylesPath: string | undefined): boolean {
  if (input.files && Object.keys(input.files).some((k) => k.replace(/\\/g, "/").startsWith(`${style}/`))) return true;
  if (!stylesPath) return false;
  const dir = path.join(stylesPath, style);
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory();
}

function builtin(name: string, def: Record<string, unknown>): ParsedRule {
  return { name, file: "<built-in>", def: ruleSchema.parse(def), lineOf: () => 1 };
}

function buildConfig(input: ConfigInput, where: Where, file?: string): EngineConfig {
  const baseDir = input.baseDir ?? (file ? path.dirname(file) : process.cwd());
  const stylesPath = input.stylesPath === undefined ? undefined : path.resolve(baseDir, input.stylesPath);
  if (stylesPath !== undefined && !input.files && !fs.existsSync(stylesPath)) {
    throw new ConfigError(`The path '${stylesPath}' does not exist.`, {
      ...where("", "StylesPath"),
      field: "StylesPath",
    });
  }
  const level = input.minAlertLevel ?? "suggestion";
  if (!(SEVERITIES as readonly string[]).includes(level)) {
    throw new ConfigError("MinAlertLevel must be 'suggestion', 'warning', or 'error'.", {
      ...where("", "MinAlertLevel"),
      field: "MinAlertLevel",
    });
  }
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];

  // Sections.
  const makeSection = (pattern: string, values: Readonly<Record<string, string>>): ConfigSection => {
    const sec: ConfigSection = {
      pattern,
      match: pattern === "*" ? () => true : matcher(pattern),
      checks: new Map(),
      levels: new Map(),
      tokenIgnores: [],
      blockIgnores: [],
    };
    for (const [key, value] of Object.entries(values)) {
      if (CORE_KEYS.has(key)) {
        throw new ConfigError(
          `'${key}' is a core option; it should be defined above any syntax-specific options (\`[...]\`).`,
          { ...where(pattern, key), field: key },
        );
      }
      if (key === "BasedOnStyles") sec.basedOnStyles = splitList(value);
      else if (key === "TokenIgnores") sec.tokenIgnores = splitList(value);
      else if (key === "BlockIgnores" || key === "IgnorePatterns") sec.blockIgnores = splitList(value);
      else if (UNSUPPORTED_SYNTAX_KEYS.has(key)) {
        warnings.push({
          kind: "unsupported",
          severity: "warning",
          message: `'${key}' is not supported; ignored.`,
          ...where(pattern, key),
          field: key,
        });
      } else {
        const v = value.trim();
        const on = v === "YES" || (SEVERITIES as readonly string[]).includes(v);
        sec.checks.set(key, on);
        if ((SEVERITIES as readonly string[]).includes(v)) sec.levels.set(key, v as Severity);
        if (!on && v !== "NO") {
          warnings.push({
            kind: "config",
            severity: "warning",
            message: `'${key} = ${v}': expected YES, NO, suggestion, warning or error; treated as NO.`,
            ...where(pattern, key),
            field: key,
          });
        }
      }
    }
    return sec;
  };
  const entries = Object.entries(input.sections ?? {}).filter(([name]) => name !== "formats");
  const globalValues = entries.find(([name]) => name === "*")?.[1] ?? {};
  const global = makeSection("*", globalValues);
  const sections = entries.filter(([name]) => name !== "*").map(([name, values]) => makeSection(name, values));

  // Vocabularies.
  const vocab = { accept: [] as string[], reject: [] as string[] };
  for (const name of input.vocab ?? []) {
    const v = loadVocab(name, input, stylesPath, where);
    vocab.accept.push(...v.accept);
    vocab.reject.push(...v.reject);
  }

  // Styles that are needed anywhere.
  const needed = new Set<string>();
  const needFrom = (sec: ConfigSection) => {
    for (const s of sec.basedOnStyles ?? []) needed.add(s);
    for (const key of sec.checks.keys()) {
      const style = key.split(".")[0]!;
      if (sec.checks.get(key)) needed.add(style);
    }
  };
  needFrom(global);
  sections.forEach(needFrom);

  const env = { accepted: vocab.accept, wordTemplate: input.wordTemplate };
  const loaded: LoadedStyles = { rules: [], errors: [], warnings: [] };
  for (const style of [...needed].sort()) {
    if (style === "Vale") continue;
    if (NON_STYLE_DIRS.has(style) || !styleExists(style, input, stylesPath)) {
      const sec = [global, ...sections].find(
        (s) => s.basedOnStyles?.includes(style) || [...s.checks.keys()].some((k) => k.split(".")[0] === style),
      );
      throw new ConfigError(`style '${style}' does not exist on StylesPath${stylesPath ? ` (${stylesPath})` : ""}`, {
        ...where(sec?.pattern ?? "*", sec?.basedOnStyles?.includes(style) ? "BasedOnStyles" : style),
        field: "BasedOnStyles",
      });
    }
    const sources = input.files ? ruleSourcesFromFiles(input.files, [style]) : ruleSourcesFromDir(stylesPath!, [style]);
    const r = loadRuleSources(sources, env);
    loaded.rules.push(...r.rules);
    loaded.errors.push(...r.errors);
    loaded.warnings.push(...r.warnings);
  }

  // Vale's built-in style.
  if (needed.has("Vale")) {
    const builtins: ParsedRule[] = [
      builtin("Vale.Repetition", {
        extends: "repetition",
        message: "'%s' is repeated!",
        level: "error",
        scope: "text",
        ignorecase: true,
        alpha: true,
        action: { name: "edit", params: ["truncate", " "] },
        tokens: ["[^\\s.!?]+"],
      }),
    ];
    if (vocab.accept.length > 0) {
      const swap: Record<string, string> = {};
      for (const term of vocab.accept) swap[term.toLowerCase()] = term;
      builtins.push(
        builtin("Vale.Terms", {
          extends: "substitution",
          message: "Use '%s' instead of '%s'.",
          level: "error",
          scope: "text",
          ignorecase: true,
          swap,
          vocab: false,
        }),
      );
    }
    if (vocab.reject.length > 0) {
      builtins.push(
        builtin("Vale.Avoid", {
          extends: "existence",
          message: "Avoid using '%s'.",
          level: "error",
          scope: "text",
          ignorecase: false,
          tokens: vocab.reject,
        }),
      );
    }
    for (const b of builtins) {
      const c = compileRule(b, env);
      if ("run" in c) loaded.rules.push(c);
      else loaded.errors.push(c);
    }
    warnings.push({
      kind: "unsupported",
      severity: "warning",
      message: "Vale.Spelling is not supported (no dictionaries); skipped. Other Vale rules run.",
      rule: "Vale.Spelling",
      ...where("*", "BasedOnStyles"),
    });
  }

  const skipped = input.skippedScopes;
  const ignored = input.ignoredScopes;
  return {
    file,
    stylesPath,
    baseDir,
    minAlertLevel: level as Severity,
    rules: loaded.rules,
    errors: [...errors, ...loaded.errors],
    warnings: [...warnings, ...loaded.warnings],
    vocab,
    global,
    sections,
    formats: { ...(input.formats ?? {}) },
    skippedScopes: skipped ? [...skipped] : undefined,
    ignoredScopes: ignored ? [...ignored] : undefined,
  };
}

/** Builds a configuration from a plain object (same semantics as a `.vale.ini`). Throws `ConfigError`. */
export function configFromObject(input: ConfigInput): EngineConfig {
  return buildConfig(input, () => ({}));
}

/** Loads a `.vale.ini` (StylesPath relative to the ini's folder). Throws `ConfigError` with file and line. */
export function loadConfig(iniPath: string): EngineConfig {
  const file = path.resolve(iniPath);
  let text: string;
  try {
    text = readUtf8(file);
  } catch (e) {
    throw new ConfigError(e instanceof Error ? e.message.replace(`${file}: `, "") : String(e), { file });
  }
  const parsed = parseIni(text, file);
  const lineOf = new Map<string, number>();
  const input: ConfigInput = { sections: {} };
  const sections: Record<string, Record<string, string>> = {};
  for (const sec of parsed) {
    for (const e of sec.entries) lineOf.set(`${sec.name}\u0000${e.key}`, e.line);
    if (sec.name === "") {
      for (const e of sec.entries) {
        switch (e.key) {
          case "StylesPath":
            input.stylesPath = e.value;
            break;
          case "MinAlertLevel":
            input.minAlertLevel = e.value;
            break;
          case "Vocab":
            input.vocab = splitList(e.value);
            break;
          case "WordTemplate":
            input.wordTemplate = e.value;
            break;
          case "SkippedScopes":
            input.skippedScopes = splitList(e.value);
            break;
          case "IgnoredScopes":
            input.ignoredScopes = splitList(e.value);
            break;
          default:
            if (SYNTAX_KEYS.has(e.key)) {
              throw new ConfigError(`'${e.key}' is a syntax-specific option`, { file, line: e.line, field: e.key });
            }
        }
      }
      continue;
    }
    if (sec.name === "formats") {
      input.formats = Object.fromEntries(sec.entries.map((e) => [e.key, e.value]));
      continue;
    }
    const values: Record<string, string> = sections[sec.name] ?? {};
    for (const e of sec.entries) {
      // Shadowed keys: BasedOnStyles accumulate (as Vale merges shadows); others: last wins.
      values[e.key] = e.key === "BasedOnStyles" && values[e.key] ? `${values[e.key]}, ${e.value}` : e.value;
    }
    sections[sec.name] = values;
  }
  input.sections = sections;
  return buildConfig(input, (section, key) => ({ file, line: lineOf.get(`${section}\u0000${key}`) }), file);
}

/** The rules that apply to a file, with their effective levels (`.vale.ini` sections resolved). */
export function rulesForPath(config: EngineConfig, filePath?: string): { rule: CompiledRule; level: Severity }[] {
  const rel = filePath
    ? path.relative(config.baseDir, path.resolve(config.baseDir, filePath)).split(path.sep).join("/")
    : undefined;
  const matching =
    rel === undefined ? [] : config.sections.filter((s) => s.match(rel) || s.match(filePath!.replace(/\\/g, "/")));
  let base = config.global.basedOnStyles ?? [];
  for (const s of matching) if (s.basedOnStyles) base = s.basedOnStyles;
  const checks = new Map(config.global.checks);
  const levels = new Map(config.global.levels);
  for (const s of matching) {
    for (const [k, v] of s.checks) checks.set(k, v);
    for (const [k, v] of s.levels) levels.set(k, v);
  }
  const out: { rule: CompiledRule; level: Severity }[] = [];
  for (const rule of config.rules) {
    const setting = checks.get(rule.name) ?? checks.get(rule.style);
    if (setting === false) continue;
    if (setting === undefined && !base.includes(rule.style)) continue;
    out.push({ rule, level: levels.get(rule.name) ?? levels.get(rule.style) ?? rule.level });
  }
  return out;
}

/** Token/block ignore patterns that apply to a file. */
export function ignoresForPath(config: EngineConfig, filePath?: string): { tokens: string[]; blocks: string[] } {
  const rel = filePath
    ? path.relative(config.baseDir, path.resolve(config.baseDir, filePath)).split(path.sep).join("/")
    : undefined;
  const secs = [config.global, ...(rel === undefined ? [] : config.sections.filter((s) => s.match(rel)))];
  return { tokens: secs.flatMap((s) => s.tokenIgnores), blocks: secs.flatMap((s) => s.blockIgnores) };
}

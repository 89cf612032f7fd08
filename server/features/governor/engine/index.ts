/**
 * Lectern's style-governor engine: runs Vale styles (YAML rules + `.vale.ini`) on Markdown, HTML
 * and plain text, with Vale's alert shape. See README.md in this folder.
 */
export type {
  Alert,
  AlertAction,
  Diagnostic,
  DiagnosticKind,
  DocumentFormat,
  FileResult,
  LintOutput,
  Severity,
} from "./types";
export { SEVERITIES } from "./types";
export { ConfigError, InputError } from "./errors";
export { loadStyles, type LoadStylesOptions, type LoadedStyles } from "./rules/load";
export type { CompiledRule } from "./rules/common";
export {
  configFromObject,
  loadConfig,
  rulesForPath,
  type ConfigInput,
  type ConfigSection,
  type EngineConfig,
} from "./config/config";
export { lint, defaultRuleTimeoutMs, type LintOptions } from "./lint/lint";
export { lintFiles, readDocument, formatForPath, type LintFilesOptions } from "./files";
export { formatCli, formatJson, formatLine, exitCodeFor } from "./format";
export { applyFixes, type FixResult } from "./fixes";

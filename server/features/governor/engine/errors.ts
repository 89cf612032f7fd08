import type { Diagnostic } from "./types";

/**
 * A configuration problem that makes linting impossible (unreadable `.vale.ini`, missing
 * `StylesPath`, unknown style, bad `MinAlertLevel`...). The CLI maps it to exit code 2.
 */
export class ConfigError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(message: string, where: { file?: string; line?: number; field?: string } = {}) {
    super(formatWhere(message, where.file, where.line));
    this.name = "ConfigError";
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}

/** Thrown by `readDocument` when an input file cannot be decoded as UTF-8. */
export class InputError extends Error {
  readonly file: string;

  constructor(message: string, file: string) {
    super(message);
    this.name = "InputError";
    this.file = file;
  }
}

export function formatWhere(message: string, file?: string, line?: number): string {
  if (!file) return message;
  return `${file}${line !== undefined ? `:${line}` : ""}: ${message}`;
}

export function describeDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line !== undefined ? `:${d.line}` : ""}: ` : "";
  return `${where}${d.message}`;
}

import { ConfigError } from "../errors";

/**
 * A small INI parser for `.vale.ini`. The `ini` npm package cannot be used: it nests sections on
 * dots (`[*.md]` becomes `{"*": {"md": ...}}`) and keeps no line numbers. Semantics follow the
 * go-ini options Vale uses: `#`/`;` comment lines, inline comments only after whitespace, quoted
 * values, repeated keys kept ("shadows"), keys before any section in the root section.
 */

export interface IniEntry {
  key: string;
  value: string;
  line: number;
}

export interface IniSection {
  /** "" for the root section. */
  name: string;
  line: number;
  entries: IniEntry[];
}

export function parseIni(text: string, file: string): IniSection[] {
  const root: IniSection = { name: "", line: 0, entries: [] };
  const sections: IniSection[] = [root];
  let current = root;
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  lines.forEach((rawLine, idx) => {
    const line = idx + 1;
    const t = rawLine.trim();
    if (t === "" || t.startsWith("#") || t.startsWith(";")) return;
    if (t.startsWith("[")) {
      const close = t.lastIndexOf("]");
      if (close <= 0) throw new ConfigError(`unterminated section header '${t}'`, { file, line });
      const name = t.slice(1, close).trim();
      if (name === "") throw new ConfigError("empty section name '[]'", { file, line });
      const existing = sections.find((s) => s.name === name);
      if (existing) current = existing;
      else {
        current = { name, line, entries: [] };
        sections.push(current);
      }
      return;
    }
    const eq = t.indexOf("=");
    if (eq <= 0) throw new ConfigError(`expected 'key = value', found '${t}'`, { file, line });
    const key = t.slice(0, eq).trim();
    let value = t.slice(eq + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === "`") && value.indexOf(quote, 1) > 0) {
      value = value.slice(1, value.indexOf(quote, 1));
    } else {
      const comment = /\s[#;]/.exec(value);
      if (comment) value = value.slice(0, comment.index).trim();
    }
    current.entries.push({ key, value, line });
  });
  return sections;
}

/** Splits a comma-separated list, trimmed, without empties or duplicates. */
export function splitList(value: string): string[] {
  const out: string[] = [];
  for (const v of value.split(",")) {
    const t = v.trim();
    if (t !== "" && !out.includes(t)) out.push(t);
  }
  return out;
}

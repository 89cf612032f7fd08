/**
 * Reads a Vale style folder from a zip: the shapes Vale packages and teams use —
 * `Microsoft/*.yml` at the top, `styles/Microsoft/*.yml` next to a `.vale.ini`, a GitHub
 * "Download ZIP" with one extra root folder, or a zip of one style's rule files (named after the
 * zip). Vocabularies (`config/vocabularies/<Name>/accept.txt`, or the older `Vocab/<Name>/`) come
 * along. Every rule file is loaded by the engine: rules that do not load are reported with their
 * file and line and left out; the others are kept.
 */
import { unzipSync } from "fflate";
import { AppError } from "@/lib/errors";
import { loadStyles, type Diagnostic } from "../engine";
import { BRAND_STYLE, channelStyle } from "../brand/compile";
import { CHANNELS } from "@/lib/schemas/brand";

export const STYLE_ZIP_LIMITS = {
  /** Compressed upload. */
  maxZipBytes: 5 * 1024 * 1024,
  maxEntries: 2000,
  /** One rule or vocabulary file, uncompressed. */
  maxFileBytes: 512 * 1024,
  /** Everything kept, uncompressed. */
  maxTotalBytes: 10 * 1024 * 1024,
};

const RESERVED = new Set([BRAND_STYLE, ...CHANNELS.map(channelStyle), "Vale", "config", "Vocab"]);
const STYLE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const VOCAB = /(?:^|\/)(?:config\/vocabularies|Vocab)\/([^/]+)\/(accept|reject)\.txt$/;

export type ParsedRule = { check: string; kind: string; level: string; message: string; file: string };

export type ParsedStyle = {
  name: string;
  /** `{ "<Name>/<Rule>.yml": yaml, "config/vocabularies/<V>/accept.txt": words }` — only what loads. */
  files: Record<string, string>;
  rules: ParsedRule[];
  vocab: string[];
};

export type StyleZip = {
  styles: ParsedStyle[];
  /** Rule files left out, and other problems that did not stop the import (file and line when known). */
  problems: Diagnostic[];
};

function decode(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new AppError("validation:style_encoding", `${file} is not UTF-8 text; save it as UTF-8 and import again.`);
  }
}

function normalise(path: string): string | null {
  const p = path.replace(/\\/g, "/").replace(/^\.\//, "");
  if (p.endsWith("/")) return null;
  const parts = p.split("/");
  if (parts.some((s) => s === ".." || s === "__MACOSX" || s === ".DS_Store" || s === "")) return null;
  return p;
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  if (bytes.byteLength > STYLE_ZIP_LIMITS.maxZipBytes)
    throw new AppError("payload_too_large:style_zip", "The style zip is larger than 5 MB.");
  let entries = 0;
  let declared = 0;
  try {
    return unzipSync(bytes, {
      filter(f) {
        entries++;
        if (entries > STYLE_ZIP_LIMITS.maxEntries)
          throw new AppError("validation:style_zip", `The zip has more than ${STYLE_ZIP_LIMITS.maxEntries} files.`);
        const p = normalise(f.name);
        if (!p || !(/\.ya?ml$/i.test(p) || VOCAB.test(p))) return false;
        if (f.originalSize > STYLE_ZIP_LIMITS.maxFileBytes)
          throw new AppError(
            "validation:style_zip",
            `${p} is larger than ${STYLE_ZIP_LIMITS.maxFileBytes / 1024} KB uncompressed; a rule file never needs that.`,
          );
        declared += f.originalSize;
        if (declared > STYLE_ZIP_LIMITS.maxTotalBytes)
          throw new AppError("validation:style_zip", "The zip's rule files add up to more than 10 MB uncompressed.");
        return true;
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("validation:style_zip", "The file could not be read as a zip archive.");
  }
}

/** `Foo Bar-1.2.zip` → `FooBar-1` style name for a zip of bare rule files. */
function nameFromZip(zipName: string): string {
  const base = zipName.replace(/\.zip$/i, "").replace(/[^A-Za-z0-9_-]/g, "");
  return /^[A-Za-z]/.test(base) ? base.slice(0, 64) : `Style${base}`.slice(0, 64);
}

export function parseStyleZip(bytes: Uint8Array, zipName = "Imported.zip"): StyleZip {
  const raw = unzip(bytes);
  const problems: Diagnostic[] = [];
  const byStyle = new Map<string, Record<string, string>>();
  const vocabFiles: Record<string, string> = {};

  for (const [path, data] of Object.entries(raw)) {
    const p = normalise(path)!;
    const vocab = VOCAB.exec(p);
    if (vocab) {
      vocabFiles[`config/vocabularies/${vocab[1]}/${vocab[2]}.txt`] = decode(data, p);
      continue;
    }
    const parts = p.split("/");
    // Vale reads a style's rules from the style folder itself, not from sub-folders of it; the
    // folder holding the rule files is the style.
    const style = parts.length >= 2 ? parts[parts.length - 2]! : nameFromZip(zipName);
    if (parts.slice(0, -1).some((s) => s.startsWith(".") || s.startsWith("_"))) continue;
    if (!STYLE_NAME.test(style)) {
      problems.push({
        kind: "rule",
        severity: "error",
        file: p,
        message: `“${style}” is not a usable style name (letters, digits, - and _, starting with a letter); ${p} was left out.`,
      });
      continue;
    }
    const files = byStyle.get(style) ?? {};
    files[`${style}/${parts[parts.length - 1]!.replace(/\.yaml$/i, ".yml")}`] = decode(data, p);
    byStyle.set(style, files);
  }

  if (!byStyle.size)
    throw new AppError(
      "validation:style_zip",
      "No Vale rules found: the zip needs a style folder with .yml rule files (e.g. MyStyle/Avoid.yml).",
    );

  const vocabNames = [...new Set(Object.keys(vocabFiles).map((k) => k.split("/")[2]!))];
  const styles: ParsedStyle[] = [];
  for (const [name, files] of [...byStyle].sort(([a], [b]) => a.localeCompare(b))) {
    if (RESERVED.has(name)) {
      problems.push({
        kind: "rule",
        severity: "error",
        message: `The style name “${name}” is reserved for Lectern's own rules; rename the folder and import again.`,
      });
      continue;
    }
    const loaded = loadStyles(files);
    problems.push(...loaded.errors, ...loaded.warnings);
    const good = new Set(loaded.rules.map((r) => r.file));
    if (!loaded.rules.length) {
      problems.push({ kind: "rule", severity: "error", message: `No rule of the style “${name}” could be loaded.` });
      continue;
    }
    const kept: Record<string, string> = {};
    for (const [k, v] of Object.entries(files)) if (good.has(k)) kept[k] = v;
    const stylesVocab = vocabNames.filter((v) => v === name);
    for (const v of stylesVocab)
      for (const [k, text] of Object.entries(vocabFiles)) if (k.startsWith(`config/vocabularies/${v}/`)) kept[k] = text;
    styles.push({
      name,
      files: kept,
      vocab: stylesVocab,
      rules: loaded.rules
        .map((r) => ({ check: r.name, kind: r.kind, level: r.level, message: r.message, file: r.file }))
        .sort((a, b) => a.check.localeCompare(b.check)),
    });
  }
  if (!styles.length)
    throw new AppError(
      "validation:style_rules",
      `No style in the zip could be imported: ${problems.slice(0, 5).map(describe).join("; ")}`,
    );
  return { styles, problems };
}

export function describe(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ""}: ` : "";
  return `${where}${d.message}`;
}

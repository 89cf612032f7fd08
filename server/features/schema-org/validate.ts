/**
 * Orchestration: parse (for text input), walk every block with the vocabulary layer, resolve
 * references across blocks, run the Google layer, decide rich-result eligibility, and map
 * findings back to line/column for text input. Synchronous by design (per-page hot path).
 */
import { extractJsonLdBlocks, looksLikeHtml } from "./extract";
import { finding, type RuleId } from "./findings";
import { buildGraph, checkGoogle, richResults } from "./google/check";
import { LineIndex, parseJson, PathLocator } from "./locate";
import type { JsonLdFinding, JsonLdReport, RichResultEligibility } from "./types";
import { resolveReferences } from "./validate/references";
import { newWalkResult, walkDocument } from "./validate/walk";
import { loadVocabulary } from "./vocabulary";

export type ValidateOptions = {
  /** Run the Google rich-result layer (default true). */
  google?: boolean;
};

export type ValidateTextOptions = ValidateOptions & {
  /** `auto` (default) treats text whose first non-space character is `<` as HTML. */
  kind?: "json" | "html" | "auto";
};

type Analysis = { findings: JsonLdFinding[]; types: string[]; richResults: RichResultEligibility[] };

function analyse(docs: readonly { doc: unknown; block?: number }[], opts: ValidateOptions | undefined): Analysis {
  const vocab = loadVocabulary();
  const walk = newWalkResult();
  for (const { doc, block } of docs) walkDocument(vocab, doc, walk, block);
  resolveReferences(vocab, walk);
  let rich: RichResultEligibility[] = [];
  if (opts?.google !== false) {
    const graph = buildGraph(vocab, walk);
    const candidates = checkGoogle(graph, walk.nodes, walk.findings);
    rich = richResults(graph, candidates, walk.findings);
  }
  return { findings: walk.findings, types: [...walk.types], richResults: rich };
}

function report(analysis: Analysis, blocks: number): JsonLdReport {
  let errorCount = 0;
  let warningCount = 0;
  for (const f of analysis.findings) {
    if (f.severity === "error") errorCount++;
    else if (f.severity === "warning") warningCount++;
  }
  return {
    valid: errorCount === 0,
    errorCount,
    warningCount,
    findings: analysis.findings,
    types: analysis.types,
    richResults: analysis.richResults,
    blocks,
  };
}

/** Validates an already-parsed JSON-LD document (object, or array of documents). */
export function validateJsonLd(doc: unknown, opts?: ValidateOptions): JsonLdReport {
  return report(analyse([{ doc }], opts), 1);
}

function syntaxFinding(rule: RuleId, message: string, line: number, column: number, block?: number): JsonLdFinding {
  const f = finding(rule, "$", message, undefined, { line, column });
  if (block !== undefined) f.block = block;
  return f;
}

/** Adds line/column to findings of one JSON text that starts at `base` in the source. */
function locate(
  findings: readonly JsonLdFinding[],
  text: string,
  base: number,
  lines: LineIndex,
  block?: number,
): void {
  let locator: PathLocator | null = null;
  for (const f of findings) {
    if (f.block !== block || f.line !== undefined) continue;
    locator ??= new PathLocator(text);
    const range = locator.range(f.path);
    if (!range) continue;
    const lc = lines.at(base + range.start);
    f.line = lc.line;
    f.column = lc.column;
  }
}

/**
 * Validates JSON-LD given as text: a JSON document (object or array of documents) or an HTML
 * page with `<script type="application/ld+json">` blocks. Never throws on bad input: syntax
 * problems are findings with line and column.
 */
export function validateJsonLdText(text: string, opts?: ValidateTextOptions): JsonLdReport {
  const kind = opts?.kind ?? "auto";
  const html = kind === "html" || (kind === "auto" && looksLikeHtml(text));
  return html ? validateHtml(text, opts) : validateJsonText(text, opts);
}

function validateJsonText(text: string, opts: ValidateOptions | undefined): JsonLdReport {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const f = syntaxFinding("syntax.invalid-json", parsed.message, parsed.line, parsed.column);
    return report({ findings: [f], types: [], richResults: [] }, 1);
  }
  const analysis = analyse([{ doc: parsed.value }], opts);
  if (analysis.findings.length > 0) locate(analysis.findings, text, 0, new LineIndex(text));
  return report(analysis, 1);
}

function validateHtml(text: string, opts: ValidateOptions | undefined): JsonLdReport {
  const blocks = extractJsonLdBlocks(text);
  if (blocks.length === 0) {
    const f = finding("syntax.no-jsonld-blocks", "$", 'No <script type="application/ld+json"> block found in the HTML');
    return report({ findings: [f], types: [], richResults: [] }, 0);
  }
  let lines: LineIndex | null = null;
  const lineIndex = (): LineIndex => (lines ??= new LineIndex(text));
  const syntax: JsonLdFinding[] = [];
  const docs: { doc: unknown; block: number }[] = [];
  blocks.forEach((block, i) => {
    const parsed = parseJson(block.text);
    if (parsed.ok) {
      docs.push({ doc: parsed.value, block: i });
      return;
    }
    const lc = lineIndex().at(block.offset + parsed.offset);
    syntax.push(syntaxFinding("syntax.invalid-json", `Block ${i}: ${parsed.message}`, lc.line, lc.column, i));
  });
  const analysis = analyse(docs, opts);
  if (analysis.findings.length > 0) {
    for (const { block } of docs) {
      const source = blocks[block] as (typeof blocks)[number];
      locate(analysis.findings, source.text, source.offset, lineIndex(), block);
    }
  }
  analysis.findings.unshift(...syntax);
  return report(analysis, blocks.length);
}

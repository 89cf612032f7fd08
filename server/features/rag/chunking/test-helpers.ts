import { readFileSync } from "node:fs";
import path from "node:path";
import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";
import type { Chunk } from "./chunk";
import type { SourceFormat } from "./types";

export function fixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
}

/** Letters/digits words, lower-cased. */
export function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

/** Visible text of an HTML slice (tags dropped, entities decoded), for word comparisons. */
export function htmlVisible(html: string): string {
  const out: string[] = [];
  const walk = (n: DefaultTreeAdapterTypes.Node) => {
    if (n.nodeName === "#text" && "value" in n) out.push(n.value);
    if ("childNodes" in n) for (const c of n.childNodes) walk(c);
  };
  walk(parseFragment(html));
  return out.join(" ");
}

/**
 * Words of the chunk text that do not come from the chunk's source slice (from overlapStart when
 * there is an overlap), its heading path or the extra allowed text (e.g. a repeated table header).
 */
export function foreignWords(source: string, format: SourceFormat, chunk: Chunk, extra = ""): string[] {
  const slice = source.slice(chunk.overlapStart ?? chunk.start, chunk.end);
  const allowed = new Set([
    ...words(format === "html" ? htmlVisible(slice) : slice),
    ...words(chunk.headingPath.join(" ")),
    ...words(extra),
  ]);
  return words(chunk.text).filter((w) => !allowed.has(w));
}

/** Deterministic PRNG (mulberry32, `lib/random.ts`). */
export { mulberry32 as rng } from "@/lib/random";

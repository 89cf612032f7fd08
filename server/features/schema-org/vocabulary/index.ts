/**
 * The process-wide schema.org vocabulary. Loading is explicit and cached so the first validation
 * (or the benchmark) pays the parse (tens of milliseconds) once and every later call reuses it.
 */
import { loadVocabularyFromFile } from "./load";
import type { Vocabulary } from "./types";

export type { ClassInfo, EnumMemberInfo, PropertyInfo, Vocabulary } from "./types";

let cached: Vocabulary | null = null;

export function loadVocabulary(): Vocabulary {
  if (!cached) cached = loadVocabularyFromFile();
  return cached;
}

type SuggestionIndex = { lower: Map<string, string>; names: string[]; cache: Map<string, string | null> };
const suggestionIndexes = new WeakMap<Vocabulary, Record<"type" | "property", SuggestionIndex>>();

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string alignment: "nmae" is
 * one edit from "name"), with an early exit once a whole row exceeds `max`.
 */
function distanceAtMost(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, (before[j - 2] as number) + 1);
      }
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * Closest type or property name, used only to suggest a fix in a message ("did you mean
 * Product?"): same name in another case, else within two edits. Built lazily on the first miss
 * and memoised per name, so a document full of one typo pays once.
 */
export function suggestTerm(vocab: Vocabulary, name: string, kind: "type" | "property"): string | undefined {
  let indexes = suggestionIndexes.get(vocab);
  if (!indexes) {
    const build = (names: Iterable<string>): SuggestionIndex => {
      const list = [...names];
      return { lower: new Map(list.map((n) => [n.toLowerCase(), n])), names: list, cache: new Map() };
    };
    indexes = { type: build(vocab.classes.keys()), property: build(vocab.properties.keys()) };
    suggestionIndexes.set(vocab, indexes);
  }
  const index = indexes[kind];
  const cached = index.cache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let hit = index.lower.get(name.toLowerCase());
  if (!hit && name.length >= 4 && name.length <= 60) {
    let best = 3;
    for (const candidate of index.names) {
      const d = distanceAtMost(name.toLowerCase(), candidate.toLowerCase(), 2);
      if (d < best) {
        best = d;
        hit = candidate;
      }
    }
  }
  const result = hit && hit !== name ? hit : undefined;
  if (index.cache.size < 1000) index.cache.set(name, result ?? null);
  return result;
}

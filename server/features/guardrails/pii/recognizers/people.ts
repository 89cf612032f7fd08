import type { AnalyzeContext, PiiFinding, Recognizer } from "../types";
import { makeFinding } from "../util";

/**
 * PERSON from the workspace CRM list (`ctx.people`, e.g. "Dana Whitfield"). Matching is
 * case-sensitive on whole words:
 *   - a listed full name ("Dana Whitfield")                          → 0.9
 *   - a listed first name followed by a listed surname ("Dana Kaya") → 0.85
 *   - a listed surname alone ("Whitfield", "Whitfield's")            → 0.7
 *   - a listed first name alone ("Hi Dana,")                         → 0.4 (needs a context word)
 * The text is tokenised once (linear); names are looked up in maps, so long lists cost nothing
 * per character.
 */

const TOKEN_RE = /[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*/gu;
const POSSESSIVE_RE = /['’]s$/u;

interface Token {
  word: string;
  start: number;
  end: number;
}

interface PeopleIndex {
  /** First word → full names (as word lists), longest first. */
  full: Map<string, string[][]>;
  surnames: Set<string>;
  firstNames: Set<string>;
  maxWords: number;
}

const cache = new WeakMap<readonly string[], PeopleIndex>();

export function buildPeopleIndex(people: readonly string[]): PeopleIndex {
  const cached = cache.get(people);
  if (cached) return cached;
  const full = new Map<string, string[][]>();
  const surnames = new Set<string>();
  const firstNames = new Set<string>();
  let maxWords = 1;
  for (const p of people) {
    const words = p.trim().split(/\s+/u).filter(Boolean);
    if (words.length === 0 || words.join("").length < 2) continue;
    maxWords = Math.max(maxWords, words.length);
    const first = words[0]!;
    const list = full.get(first) ?? [];
    list.push(words);
    list.sort((a, b) => b.length - a.length);
    full.set(first, list);
    if (words.length >= 2) {
      const last = words[words.length - 1]!;
      if (last.length >= 3) surnames.add(last);
      if (first.length >= 3) firstNames.add(first);
    }
  }
  const index = { full, surnames, firstNames, maxWords };
  cache.set(people, index);
  return index;
}

/** Only spaces/tabs (at most 3) between two tokens of one name. */
function gapOk(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end < 1 || b.start - a.end > 3) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text[i];
    if (c !== " " && c !== "\t") return false;
  }
  return true;
}

function stripPossessive(t: Token): Token {
  const m = POSSESSIVE_RE.exec(t.word);
  if (!m) return t;
  return { word: t.word.slice(0, -m[0].length), start: t.start, end: t.end - m[0].length };
}

export function findPeople(text: string, index: PeopleIndex): PiiFinding[] {
  const out: PiiFinding[] = [];
  if (index.full.size === 0) return out;
  const look = Math.max(2, index.maxWords);
  // A small sliding window of tokens keeps memory constant on large inputs.
  const buf: Token[] = [];
  let skipUntil = -1;

  const process = (i: number) => {
    const t = buf[i]!;
    if (t.start < skipUntil) return;
    const plain = stripPossessive(t);
    // 1. A listed name (full name, or a one-word entry).
    for (const words of index.full.get(t.word) ?? index.full.get(plain.word) ?? []) {
      let endTok: Token | null = words.length === 1 ? plain : t;
      for (let k = 1; k < words.length && endTok; k++) {
        const next = buf[i + k];
        const cand: Token | null = next && gapOk(text, endTok, next) ? stripPossessive(next) : null;
        endTok = cand && cand.word === words[k] ? cand : null;
      }
      if (!endTok || endTok.word !== words[words.length - 1]) continue;
      const score = words.length >= 2 ? 0.9 : 0.7;
      out.push(makeFinding("PERSON", text, t.start, endTok.end, score, "people", ["CRM contact name"]));
      skipUntil = endTok.end;
      return;
    }
    // 2. A listed first name followed by a listed surname (from different entries).
    const next = buf[i + 1];
    if (index.firstNames.has(t.word) && next && gapOk(text, t, next)) {
      const n = stripPossessive(next);
      if (index.surnames.has(n.word)) {
        out.push(makeFinding("PERSON", text, t.start, n.end, 0.85, "people", ["CRM first name and surname"]));
        skipUntil = n.end;
        return;
      }
    }
    // 3. A surname alone; 4. a first name alone (low: needs a context word such as "Hi").
    if (index.surnames.has(plain.word)) {
      out.push(makeFinding("PERSON", text, plain.start, plain.end, 0.7, "people", ["CRM surname"]));
    } else if (index.firstNames.has(plain.word)) {
      out.push(makeFinding("PERSON", text, plain.start, plain.end, 0.4, "people", ["CRM first name only"]));
    }
  };

  for (const m of text.matchAll(TOKEN_RE)) {
    buf.push({ word: m[0], start: m.index, end: m.index + m[0].length });
    if (buf.length > look) {
      process(0);
      buf.shift();
    }
  }
  for (let i = 0; i < buf.length; i++) process(i);
  return out;
}

export const peopleRecognizer: Recognizer = {
  name: "people",
  entities: ["PERSON"],
  patterns: [TOKEN_RE],
  analyze(text: string, ctx: AnalyzeContext) {
    if (!ctx.people || ctx.people.length === 0) return [];
    return findPeople(text, buildPeopleIndex(ctx.people));
  },
};

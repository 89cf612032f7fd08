/**
 * What a flag points at, as far as the draft's record can tell: the field of the copy it is about,
 * the source passages behind that text, and for an unsupported claim, the facts no passage backs.
 *
 * The record links claims to passages through the grounding result: each checked sentence lists
 * the chunks that support it (with the facts they matched), and each cited chunk has a number. A
 * flag itself only carries its field and message, so an unsupported-claim flag is matched to its
 * sentence by the sentence text quoted in the message. The grounding step keeps no character
 * offsets into the copy's fields, so a flag can lead to its field, not to a sentence inside it.
 */
import type { Citation, DraftContent, DraftFlag, DraftRecord } from "@/lib/schemas/drafts";
import type { GroundSentence } from "@/lib/schemas/knowledge";
import { getField } from "./fields";

/** Sources listed per sentence (short sentences match many passages; the field footnotes do the same). */
const MAX_SOURCES_PER_SENTENCE = 3;

export type SourceRef = {
  n: number;
  title: string;
  /** Words of the copy the passage matched (highlighted in the passage when found there). */
  terms: string[];
};

export type FlagTarget = {
  field: string | null;
  /** Passages behind the flagged text: the field's cited sources, or an unsupported claim's closest matches. */
  sources: SourceRef[];
  /** Unsupported claims: the sentence as checked and the facts no passage supports. */
  claim: { sentence: string; missing: string[] } | null;
};

function refs(sentences: GroundSentence[], citations: Citation[]): SourceRef[] {
  const byChunk = new Map(citations.map((c) => [c.chunkId, c]));
  const found = new Map<number, SourceRef>();
  for (const s of sentences) {
    const strongest = [...s.support].sort((a, b) => b.score - a.score).slice(0, MAX_SOURCES_PER_SENTENCE);
    for (const sup of strongest) {
      const c = byChunk.get(sup.chunkId);
      if (!c) continue;
      const ref = found.get(c.n) ?? { n: c.n, title: c.documentTitle, terms: [] };
      for (const t of sup.matchedFacts) if (!ref.terms.includes(t)) ref.terms.push(t);
      found.set(c.n, ref);
    }
  }
  return [...found.values()].sort((a, b) => a.n - b.n);
}

/** The sentence an unsupported-claim flag quotes (the pipeline quotes up to 160 characters of it). */
export function claimSentence(flag: DraftFlag, record: DraftRecord): GroundSentence | null {
  if (flag.kind !== "unsupported_claim" || !record.grounding) return null;
  return (
    record.grounding.sentences.find((s) => {
      const quoted = s.text.slice(0, 160).trim();
      return s.supported === false && quoted.length > 0 && flag.message.includes(quoted);
    }) ?? null
  );
}

export function flagTarget(flag: DraftFlag, record: DraftRecord, content: DraftContent): FlagTarget {
  const sentence = claimSentence(flag, record);
  if (sentence)
    return {
      field: flag.field,
      sources: refs([sentence], record.citations),
      claim: { sentence: sentence.text, missing: sentence.facts.filter((f) => !f.supported).map((f) => f.text) },
    };
  const text = flag.field ? getField(content, flag.field) : null;
  const inField =
    text && record.grounding
      ? record.grounding.sentences.filter((s) => s.supported && s.text.trim() && text.includes(s.text.trim()))
      : [];
  return { field: flag.field, sources: refs(inField, record.citations), claim: null };
}

/**
 * The passage split into plain and highlighted parts: each term found in it (case-insensitive) is
 * marked. Terms the passage words differently (a normalised price, say) simply stay unmarked.
 */
export function markTerms(text: string, terms: string[]): { text: string; hit: boolean }[] {
  const wanted = terms.map((t) => t.trim()).filter((t) => t.length >= 2);
  if (!wanted.length) return [{ text, hit: false }];
  const escaped = wanted.sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(`(${escaped.join("|")})`, "gi");
  return text
    .split(re)
    .filter((p) => p !== "")
    .map((p) => ({ text: p, hit: wanted.some((t) => t.toLowerCase() === p.toLowerCase()) }));
}

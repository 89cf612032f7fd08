/**
 * Letter-spaced words ("I g n o r e  p r e v i o u s", "i.g.n.o.r.e"): the folded text keeps them
 * apart, so the words are re-joined here and handed back as a payload for the phrase rules.
 * Letter-spacing alone is a normal typographic effect ("S A L E") and is not a signal.
 */
import type { HiddenPayload } from "./hidden-text";

const SPACED = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*·]\p{L})+(?![\p{L}\p{N}])/gu;
const MAX_CLUSTERS = 10;
const MAX_GAP = 4;

export function spacedLetterPayloads(text: string): HiddenPayload[] {
  const out: HiddenPayload[] = [];
  let cluster: { start: number; end: number; words: string[] } | null = null;
  // A cluster is worth re-reading with at least two words, one of them four letters or longer.
  const worth = (c: { words: string[] }) => c.words.length >= 2 && c.words.some((w) => w.length >= 4);
  for (const m of text.matchAll(SPACED)) {
    const word = m[0].replace(/[ .\-_*·]/g, "");
    if (cluster && m.index - cluster.end <= MAX_GAP) {
      cluster.end = m.index + m[0].length;
      cluster.words.push(word);
      continue;
    }
    if (cluster && worth(cluster)) {
      out.push({ start: cluster.start, end: cluster.end, text: cluster.words.join(" "), via: "letter-spaced words" });
      if (out.length >= MAX_CLUSTERS) return out;
    }
    cluster = { start: m.index, end: m.index + m[0].length, words: [word] };
  }
  if (cluster && worth(cluster) && out.length < MAX_CLUSTERS) {
    out.push({ start: cluster.start, end: cluster.end, text: cluster.words.join(" "), via: "letter-spaced words" });
  }
  return out;
}

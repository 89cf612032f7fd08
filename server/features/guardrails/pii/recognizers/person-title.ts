import type { PiiFinding, Recognizer } from "../types";
import { makeFinding } from "../util";

/**
 * A modest PERSON pattern without NER:
 *   - an honorific followed by one to three capitalised words ("Dr. Hannah Okafor", "Frau Albers",
 *     "Mme Lefèvre", "Prof. Dr. Anna Schmidt"), score 0.6;
 *   - an Arabic honorific followed by one word ("السيد أحمد"), score 0.6;
 *   - a labelled name field ("name=Jordan Blake", "Contact: Sam Rivera", "nombre=..."), two or
 *     three capitalised words, score 0.55.
 * Brand names that start with an honorific ("Dr. Martens") are a known false positive.
 */

const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}'’\-]{1,30}`;
const TITLES = "Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Dame|Herr|Frau|Mme|Mlle|Sra|Srta|Dott|Dra";
const TITLE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:${TITLES})\.?[ ]){1,3}(?:\p{Lu}\.[ ])?${NAME_WORD}(?:[ ]${NAME_WORD}){0,2}`,
  "gu",
);
const AR_TITLE_RE =
  /(?<![\p{L}])(?:[وب]?ال|لل)(?:سيد|سيدة|دكتور|دكتورة|أستاذ|أستاذة|مهندس|مهندسة)[ ][\p{Script=Arabic}\p{M}]{2,20}/gu;
const LABELS =
  "[Ff]ull[ _]?[Nn]ame|[Ff]irst[ _]?[Nn]ame|[Nn]ame|NAME|[Nn]ombre|[Nn]om|[Cc]ontact|CONTACT|[Kk]ontakt|[Aa]ttn";
const LABEL_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:${LABELS})[ ]?[:=]|[Aa]nsprechpartner(?:in)?:?)[ ]?(${NAME_WORD}(?:[ ]${NAME_WORD}){1,2})`,
  "gu",
);

export const personTitleRecognizer: Recognizer = {
  name: "person_title",
  entities: ["PERSON"],
  patterns: [TITLE_RE, AR_TITLE_RE, LABEL_RE],
  analyze(text) {
    const out: PiiFinding[] = [];
    for (const m of text.matchAll(TITLE_RE)) {
      // "Oak Dr Suite 4": an abbreviation after a capitalised word is a street suffix.
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      if (/\p{Lu}\p{Ll}+[ ]$/u.test(before) && /^Dr[ ]/.test(m[0])) continue;
      const end = m.index + m[0].length;
      out.push(makeFinding("PERSON", text, m.index, end, 0.6, "person_title", ["honorific + capitalised name"]));
    }
    for (const m of text.matchAll(AR_TITLE_RE)) {
      const end = m.index + m[0].length;
      out.push(makeFinding("PERSON", text, m.index, end, 0.6, "person_title", ["Arabic honorific + name"]));
    }
    for (const m of text.matchAll(LABEL_RE)) {
      const name = m[1] ?? "";
      const start = m.index + m[0].length - name.length;
      out.push(makeFinding("PERSON", text, start, start + name.length, 0.55, "person_title", ["labelled name field"]));
    }
    return out;
  },
};

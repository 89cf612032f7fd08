/**
 * Unsourced PII: personal data in generated copy that no approved source contains — the model made
 * it up or pulled it from somewhere it should not have.
 *
 * Values are compared in a normalised form per entity type (digits only for phone, card, SSN and tax
 * numbers; upper-case alphanumerics for IBAN and NINO; lower case for e-mail; lower case without
 * punctuation for names and addresses). A value counts as sourced when `findPii` finds the same
 * value in a source, or — for what a recogniser may miss without its context words — when the
 * normalised value occurs in the normalised source text.
 */
import { ENTITY_LABELS, type EntityType, type OutputFlag } from "@/lib/schemas/guardrails";

export type PiiSpan = { entity: EntityType; start: number; end: number; text: string };
export type FindPii = (text: string) => PiiSpan[];

type ValueClass = "digits" | "alnum" | "email" | "words" | "raw";

const VALUE_CLASS: Record<EntityType, ValueClass> = {
  EMAIL_ADDRESS: "email",
  PHONE_NUMBER: "digits",
  IBAN_CODE: "alnum",
  CREDIT_CARD: "digits",
  IP_ADDRESS: "raw",
  URL_CREDENTIALS: "raw",
  PERSON: "words",
  LOCATION_ADDRESS: "words",
  US_SSN: "digits",
  DE_TAX_ID: "digits",
  UK_NINO: "alnum",
};

const words = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

export function normalizePiiValue(entity: EntityType, value: string): string {
  switch (VALUE_CLASS[entity]) {
    case "digits":
      return value.replace(/\D/g, "");
    case "alnum":
      return value.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
    case "email":
      return value
        .trim()
        .replace(/^mailto:/i, "")
        .replace(/[.,;:!?)>\]]+$/, "")
        .toLowerCase();
    case "words":
      return words(value);
    case "raw":
      return value.trim().toLowerCase();
  }
}

/** Phone numbers: "+49 30 1234567" and "030 1234567" are the same number. */
function samePhone(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.replace(/^0+/, "");
  const y = b.replace(/^0+/, "");
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 7 && long.endsWith(short);
}

const NUMBER_RUN = /\+?\d[\d\s().\-/]*\d/g;

type SourceIndex = {
  values: Map<ValueClass, string[]>;
  digitRuns: string[];
  alnumText: string;
  lowerText: string;
  wordText: string;
};

function indexSources(sources: readonly string[], findPii: FindPii): SourceIndex {
  const values = new Map<ValueClass, string[]>();
  const digitRuns: string[] = [];
  for (const source of sources) {
    for (const f of findPii(source)) {
      const cls = VALUE_CLASS[f.entity];
      const list = values.get(cls) ?? [];
      list.push(normalizePiiValue(f.entity, f.text));
      values.set(cls, list);
    }
    for (const m of source.matchAll(NUMBER_RUN)) digitRuns.push(m[0].replace(/\D/g, ""));
  }
  const joined = sources.join("\n");
  return {
    values,
    digitRuns,
    alnumText: joined.replace(/[^0-9A-Za-z]/g, "").toUpperCase(),
    lowerText: joined.toLowerCase(),
    wordText: ` ${words(joined)} `,
  };
}

function isSourced(entity: EntityType, value: string, index: SourceIndex): boolean {
  if (value === "") return true;
  const cls = VALUE_CLASS[entity];
  const known = index.values.get(cls) ?? [];
  switch (cls) {
    case "digits": {
      const same = entity === "PHONE_NUMBER" ? samePhone : (a: string, b: string) => a === b;
      // A longer number in a source may contain the value ("+1 555 0100" vs "555 0100").
      return (
        known.some((k) => same(k, value)) ||
        index.digitRuns.some((r) => same(r, value) || (value.length >= 6 && r.includes(value)))
      );
    }
    case "alnum":
      return known.includes(value) || index.alnumText.includes(value);
    case "email":
    case "raw":
      return known.includes(value) || index.lowerText.includes(value);
    case "words":
      return known.includes(value) || index.wordText.includes(` ${value} `);
  }
}

export function findUnsourcedPii(output: string, sources: readonly string[], findPii: FindPii): OutputFlag[] {
  const found = findPii(output);
  if (found.length === 0) return [];
  const index = indexSources(sources, findPii);
  const flags: OutputFlag[] = [];
  for (const f of found) {
    if (isSourced(f.entity, normalizePiiValue(f.entity, f.text), index)) continue;
    flags.push({
      kind: "pii_unsourced",
      start: f.start,
      end: f.end,
      text: f.text,
      entity: f.entity,
      message: `${ENTITY_LABELS[f.entity]} not found in any approved source`,
    });
  }
  return flags;
}

import type { EntityType, PiiFinding } from "./types";
import { clampScore } from "./util";

/**
 * Presidio-style context enhancement: a recognizer gives each match a base score; words shortly
 * before the match move it. The nearest context word wins: a positive word ("phone", "IBAN")
 * raises the score by CONTEXT_BOOST (capped at 1), a negative one ("order", "SKU", "version")
 * lowers it by CONTEXT_PENALTY.
 *
 * Terms are compared after lower-casing and turning every non-letter/digit into a space, so
 * "Tel.:" matches "tel" and "Steuer-ID" matches "steuer id". A trailing "*" matches any word
 * that starts with the term ("telefon*" matches "Telefonnummer").
 */

export const CONTEXT_WINDOW_CHARS = 40;
export const CONTEXT_WINDOW_WORDS = 6;
export const CONTEXT_BOOST = 0.35;
export const CONTEXT_PENALTY = 0.3;

const NEGATIVE_COMMON = [
  "order*",
  "invoice*",
  "inv",
  "ref",
  "reference",
  "sku",
  "item",
  "article",
  "artikel*",
  "tracking",
  "track",
  "shipment",
  "sendung*",
  "parcel",
  "serial",
  "sn",
  "ticket",
  "case",
  "po",
  "batch",
  "lot",
  "voucher",
  "coupon",
  "gtin",
  "ean",
  "isbn",
  "bestell*",
  "rechnung*",
  "auftrag*",
  "commande",
  "facture",
  "pedido",
  "factura",
  "account id",
  "customer id",
  "version",
  "build",
  "release",
];

export const POSITIVE_CONTEXT: Record<EntityType, readonly string[]> = {
  PHONE_NUMBER: [
    "phone*",
    "call*",
    "tel",
    "telephone",
    "mobile",
    "mob",
    "cell*",
    "fax",
    "whatsapp*",
    "sms",
    "text",
    "ring",
    "dial",
    "hotline",
    "line",
    "contact",
    "reach",
    "telefon*",
    "handy",
    "mobil*",
    "rufnummer",
    "téléphone",
    "tél",
    "portable",
    "appel*",
    "teléfono",
    "telefono",
    "móvil",
    "movil",
    "llam*",
    "هاتف",
    "الهاتف",
    "جوال",
    "الجوال",
    "الرقم",
    "رقم",
    "الاتصال",
    "للاتصال",
    "اتصال",
    "اتصل*",
  ],
  CREDIT_CARD: [
    "card*",
    "credit",
    "debit",
    "visa",
    "mastercard",
    "amex",
    "american express",
    "discover",
    "diners",
    "jcb",
    "cc",
    "kreditkarte*",
    "karte",
    "carte",
    "tarjeta",
    "payment",
    "paid",
    "pay*",
    "charge*",
  ],
  IBAN_CODE: [
    "iban",
    "bank*",
    "account",
    "konto*",
    "überweisung",
    "transfer*",
    "wire",
    "sepa",
    "virement",
    "compte",
    "cuenta",
    "refund",
    "payout",
  ],
  EMAIL_ADDRESS: ["email", "e mail", "mail", "contact", "write", "correo", "courriel"],
  IP_ADDRESS: [
    "ip",
    "ipv4",
    "ipv6",
    "server",
    "host",
    "client",
    "from",
    "origin",
    "gateway",
    "dns",
    "login*",
    "whitelist",
    "allowlist",
    "blocked",
    "address",
  ],
  URL_CREDENTIALS: ["password", "token", "credentials", "secret", "login"],
  PERSON: [
    "dear",
    "hi",
    "hello",
    "hey",
    "thanks",
    "contact",
    "name",
    "owner",
    "attn",
    "from",
    "cc",
    "liebe*",
    "hallo",
    "ansprechpartner*",
    "bonjour",
    "cher",
    "chère",
    "hola",
    "estimad*",
  ],
  LOCATION_ADDRESS: [
    "address*",
    "ship to",
    "shipping",
    "deliver*",
    "located",
    "location",
    "visit",
    "venue",
    "office",
    "studio",
    "showroom",
    "warehouse",
    "headquarters",
    "hq",
    "billing",
    "bill to",
    "mail*",
    "send*",
    "return*",
    "postcode",
    "zip",
    "anschrift",
    "adresse",
    "lieferadresse",
    "liefer*",
    "dirección",
    "direccion",
    "envío",
    "envio",
    "livraison",
    "عنوان",
  ],
  US_SSN: ["ssn", "ssns", "social security", "social", "ss", "w 9", "w9", "taxpayer", "tin"],
  DE_TAX_ID: [
    "steuer id",
    "steuerid",
    "steuer identifikationsnummer",
    "steueridentifikationsnummer",
    "identifikationsnummer",
    "steuernummer",
    "steuerliche",
    "idnr",
    "id nr",
    "tin",
    "tax id",
    "tax",
  ],
  UK_NINO: ["national insurance", "nino", "ni number", "ni no", "ni", "insurance number"],
};

export const NEGATIVE_CONTEXT: Record<EntityType, readonly string[]> = {
  PHONE_NUMBER: [...NEGATIVE_COMMON, "id", "account", "iban", "card"],
  CREDIT_CARD: [...NEGATIVE_COMMON, "placeholder", "mockup"],
  IBAN_CODE: [],
  EMAIL_ADDRESS: [],
  IP_ADDRESS: [...NEGATIVE_COMMON, "v", "ver", "firmware", "patch", "section", "chapter", "update", "app", "node"],
  URL_CREDENTIALS: [],
  PERSON: [],
  LOCATION_ADDRESS: ["version", "section", "chapter", "figure", "page", "step"],
  US_SSN: [...NEGATIVE_COMMON, "phone*", "tel", "call*", "fax", "id", "account"],
  DE_TAX_ID: [...NEGATIVE_COMMON, "phone*", "tel", "telefon*", "call*", "fax", "iban", "konto*"],
  UK_NINO: [...NEGATIVE_COMMON, "model", "part", "product", "code"],
};

const NON_WORD = /[^\p{L}\p{N}\p{M}]+/u;

interface Term {
  words: string[];
  /** The last word matches as a prefix. */
  prefix: boolean;
  source: string;
}

function compile(terms: readonly string[]): Term[] {
  return terms.map((source) => {
    const prefix = source.endsWith("*");
    const words = normalizeWords(prefix ? source.slice(0, -1) : source);
    return { words, prefix, source: prefix ? source.slice(0, -1) : source };
  });
}

const COMPILED_POSITIVE = new Map<EntityType, Term[]>();
const COMPILED_NEGATIVE = new Map<EntityType, Term[]>();
for (const [k, v] of Object.entries(POSITIVE_CONTEXT)) COMPILED_POSITIVE.set(k as EntityType, compile(v));
for (const [k, v] of Object.entries(NEGATIVE_CONTEXT)) COMPILED_NEGATIVE.set(k as EntityType, compile(v));

/** Lower-cased words of `s`, split on anything that is not a letter, digit or mark. */
export function normalizeWords(s: string): string[] {
  return s
    .toLowerCase()
    .split(NON_WORD)
    .filter((w) => w.length > 0);
}

/** The last CONTEXT_WINDOW_WORDS whole words in the CONTEXT_WINDOW_CHARS before `start`. */
export function contextWindow(text: string, start: number): string[] {
  const from = Math.max(0, start - CONTEXT_WINDOW_CHARS);
  let slice = text.slice(from, start);
  // Drop a word cut in half by the window edge.
  if (from > 0 && !NON_WORD.test(text.slice(from - 1, from + 1))) {
    const m = NON_WORD.exec(slice);
    slice = m ? slice.slice(m.index) : "";
  }
  const words = normalizeWords(slice);
  return words.slice(-CONTEXT_WINDOW_WORDS);
}

/** Index (in `words`) of the last word of the nearest match of any term, or -1. */
function nearest(words: string[], terms: Term[]): { index: number; term: string } | null {
  let best: { index: number; term: string } | null = null;
  for (const t of terms) {
    const n = t.words.length;
    if (n === 0) continue;
    for (let end = words.length - 1; end >= n - 1; end--) {
      if (best && end <= best.index) break;
      let ok = true;
      for (let j = 0; j < n; j++) {
        const w = words[end - n + 1 + j] ?? "";
        const tw = t.words[j] ?? "";
        const last = j === n - 1;
        if (last && t.prefix ? !w.startsWith(tw) : w !== tw) {
          ok = false;
          break;
        }
      }
      if (ok) {
        best = { index: end, term: t.source };
        break;
      }
    }
  }
  return best;
}

export interface ContextHit {
  polarity: "positive" | "negative";
  term: string;
}

/** The context word nearest before `start` for `entity`, if any. */
export function findContext(text: string, start: number, entity: EntityType): ContextHit | null {
  const words = contextWindow(text, start);
  if (words.length === 0) return null;
  const pos = nearest(words, COMPILED_POSITIVE.get(entity) ?? []);
  const neg = nearest(words, COMPILED_NEGATIVE.get(entity) ?? []);
  if (!pos && !neg) return null;
  if (pos && (!neg || pos.index >= neg.index)) return { polarity: "positive", term: pos.term };
  return { polarity: "negative", term: neg!.term };
}

export function hasPositiveContext(text: string, start: number, entity: EntityType): boolean {
  return findContext(text, start, entity)?.polarity === "positive";
}

/** Returns the finding with its score moved by the nearest context word (a new object). */
export function applyContext(text: string, finding: PiiFinding): PiiFinding {
  const hit = findContext(text, finding.start, finding.entity);
  if (!hit) return finding;
  if (hit.polarity === "positive") {
    return {
      ...finding,
      score: clampScore(finding.score + CONTEXT_BOOST),
      reasons: [...finding.reasons, `context: ${hit.term}`],
    };
  }
  return {
    ...finding,
    score: clampScore(finding.score - CONTEXT_PENALTY),
    reasons: [...finding.reasons, `negative context: ${hit.term}`],
  };
}

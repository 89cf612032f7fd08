/**
 * Anonymisers: what happens to each PII finding before text leaves for an external model.
 *
 * - pseudonymize: `<EMAIL_1>`, the same placeholder for the same value everywhere in one call,
 *   and the real value put back into the model's answer (`restore`) before anything is stored;
 * - replace: the same placeholder, never restored;
 * - mask: `j***@e******.com`, `**** **** **** 1111`;
 * - hash: `<EMAIL#3f2a9c1b0d4e>`, a keyed SHA-256 (stable across calls, so joins still work);
 * - keep: unchanged.
 *
 * Only counts leave this module for the ledger, never values.
 */
import { createHmac } from "node:crypto";
import type { AnonymizeAction, EntityRule, EntityType, PiiFinding } from "@/lib/schemas/guardrails";

export const PLACEHOLDER_NAMES: Record<EntityType, string> = {
  EMAIL_ADDRESS: "EMAIL",
  PHONE_NUMBER: "PHONE",
  IBAN_CODE: "IBAN",
  CREDIT_CARD: "CARD",
  IP_ADDRESS: "IP",
  URL_CREDENTIALS: "SECRET_URL",
  PERSON: "PERSON",
  LOCATION_ADDRESS: "ADDRESS",
  US_SSN: "SSN",
  DE_TAX_ID: "TAX_ID",
  UK_NINO: "NINO",
};

export type Redactions = Partial<Record<EntityType, number>>;

export type Anonymized = {
  texts: string[];
  /** How many values of each type were changed (any action but keep). */
  counts: Redactions;
  /** Puts pseudonymised values back; placeholders of other actions stay. */
  restore(text: string): string;
  /** `restore` on every string inside a structured answer. */
  restoreDeep<T>(value: T): T;
};

/** The value that identifies "the same" PII across spellings: digits for numbers, lower case for emails. */
export function normalizeValue(entity: EntityType, text: string): string {
  switch (entity) {
    case "PHONE_NUMBER":
    case "CREDIT_CARD":
    case "US_SSN":
    case "DE_TAX_ID":
      return text.replace(/\D/g, "");
    case "IBAN_CODE":
    case "UK_NINO":
      return text.replace(/\s/g, "").toUpperCase();
    case "EMAIL_ADDRESS":
    case "URL_CREDENTIALS":
    case "IP_ADDRESS":
      return text.trim().toLowerCase();
    default:
      return text.trim().replace(/\s+/g, " ").toLowerCase();
  }
}

function maskKeepLast(text: string, keep: number): string {
  let alnum = 0;
  for (const ch of text) if (/[\p{L}\p{N}]/u.test(ch)) alnum++;
  let seen = 0;
  let out = "";
  for (const ch of text) {
    if (/[\p{L}\p{N}]/u.test(ch)) {
      seen++;
      out += seen > alnum - keep ? ch : "*";
    } else out += ch;
  }
  return out;
}

function maskKeepFirst(text: string): string {
  let out = "";
  let first = true;
  for (const ch of text) {
    if (/[\p{L}\p{N}]/u.test(ch)) {
      out += first ? ch : "*";
      first = false;
    } else {
      out += ch;
      first = /\s/.test(ch) ? true : first;
    }
  }
  return out;
}

export function mask(entity: EntityType, text: string): string {
  switch (entity) {
    case "EMAIL_ADDRESS": {
      const at = text.lastIndexOf("@");
      if (at < 1) return maskKeepFirst(text);
      const domain = text.slice(at + 1);
      const dot = domain.lastIndexOf(".");
      const host = dot > 0 ? domain.slice(0, dot) : domain;
      const tld = dot > 0 ? domain.slice(dot) : "";
      return `${text[0]}***@${host[0] ?? ""}${"*".repeat(Math.max(1, host.length - 1))}${tld}`;
    }
    case "PHONE_NUMBER":
    case "CREDIT_CARD":
    case "IBAN_CODE":
    case "US_SSN":
    case "DE_TAX_ID":
    case "UK_NINO":
      return maskKeepLast(text, 4);
    default:
      return maskKeepFirst(text);
  }
}

export function hashValue(entity: EntityType, text: string, key: string): string {
  const h = createHmac("sha256", key)
    .update(`${entity}:${normalizeValue(entity, text)}`)
    .digest("hex");
  return `<${PLACEHOLDER_NAMES[entity]}#${h.slice(0, 12)}>`;
}

const PLACEHOLDER = /<([A-Z][A-Z_]*_\d+)>|&lt;([A-Z][A-Z_]*_\d+)&gt;/g;

/**
 * Anonymises several texts of one call together (system prompt, user prompt…), so a value
 * has the same placeholder in all of them. `findings[i]` are the findings of `texts[i]`.
 */
export function anonymize(
  texts: readonly string[],
  findings: readonly (readonly PiiFinding[])[],
  rules: Readonly<Record<EntityType, EntityRule>>,
  opts: { hashKey: string },
): Anonymized {
  const byValue = new Map<string, string>();
  const nextIndex = new Map<string, number>();
  const restoreMap = new Map<string, string>();
  const counts: Redactions = {};

  function placeholder(f: PiiFinding, action: AnonymizeAction): string {
    const id = `${f.entity}\u0000${normalizeValue(f.entity, f.text)}`;
    let token = byValue.get(id);
    if (!token) {
      const name = PLACEHOLDER_NAMES[f.entity];
      const n = (nextIndex.get(name) ?? 0) + 1;
      nextIndex.set(name, n);
      token = `${name}_${n}`;
      byValue.set(id, token);
    }
    // The first spelling seen is the one restored (the model cannot know another).
    if (action === "pseudonymize" && !restoreMap.has(token)) restoreMap.set(token, f.text);
    return `<${token}>`;
  }

  const out = texts.map((text, i) => {
    const list = [...(findings[i] ?? [])].sort((a, b) => a.start - b.start);
    let result = "";
    let at = 0;
    for (const f of list) {
      if (f.start < at || f.end > text.length || f.end <= f.start) continue; // overlapping or stale
      const action = rules[f.entity]?.enabled === false ? "keep" : (rules[f.entity]?.action ?? "pseudonymize");
      if (action === "keep") continue;
      const replacement =
        action === "mask"
          ? mask(f.entity, f.text)
          : action === "hash"
            ? hashValue(f.entity, f.text, opts.hashKey)
            : placeholder(f, action);
      result += text.slice(at, f.start) + replacement;
      at = f.end;
      counts[f.entity] = (counts[f.entity] ?? 0) + 1;
    }
    return result + text.slice(at);
  });

  function restore(text: string): string {
    if (!restoreMap.size) return text;
    return text.replace(PLACEHOLDER, (m, plain?: string, escaped?: string) => {
      const v = restoreMap.get((plain ?? escaped)!);
      if (v === undefined) return m;
      return escaped ? v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : v;
    });
  }

  function restoreDeep<T>(value: T): T {
    if (!restoreMap.size) return value;
    if (typeof value === "string") return restore(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => restoreDeep(v)) as T;
    if (value && typeof value === "object") {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) o[k] = restoreDeep(v);
      return o as T;
    }
    return value;
  }

  return { texts: out, counts, restore, restoreDeep };
}

/**
 * Restores placeholders in a streamed answer: a placeholder split across chunks (`<EMA` + `IL_1>`)
 * is held back until it is complete, everything else passes through at once.
 */
export function streamRestorer(restore: (text: string) => string): { push(chunk: string): string; flush(): string } {
  let pending = "";
  const PARTIAL = /^(?:<|&lt;|&lt|&l|&)[A-Z0-9_]*(?:&gt|&g|&)?$/;
  return {
    push(chunk) {
      const text = pending + chunk;
      const held = (i: number) => i >= 0 && text.length - i < 48 && PARTIAL.test(text.slice(i));
      let idx = Math.max(text.lastIndexOf("<"), text.lastIndexOf("&lt;"));
      // No open placeholder: the text may still end with the start of an escaped one (`&`, `&l`, `&lt`).
      if (!held(idx))
        idx = ["&lt", "&l", "&"].filter((t) => text.endsWith(t)).map((t) => text.length - t.length)[0] ?? -1;
      if (held(idx)) {
        pending = text.slice(idx);
        return restore(text.slice(0, idx));
      }
      pending = "";
      return restore(text);
    },
    flush() {
      const rest = pending;
      pending = "";
      return restore(rest);
    },
  };
}

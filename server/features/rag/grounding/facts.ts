/**
 * Fact detection: finds the checkable facts a sentence states: numbers, prices, percentages, dates,
 * measures, named entities and marketing claims. Each fact keeps its exact offsets and a normalised form.
 */
import {
  clockTime,
  currencyAfter,
  currencyBefore,
  formatMeasure,
  formatNumber,
  isoDate,
  matchScale,
  matchUnit,
  MONTH_SRC,
  monthNumber,
  NUMBER_WORD_SRC,
  numberWordValue,
  parseAmount,
  type UnitMatch,
} from "./normalize";
import type { FactKind } from "./types";
import { execAll, fold, normalizeName, stem, STOP_WORDS } from "./words";

/** A fact as detected, before it is checked against sources. */
export type DetectedFact = {
  kind: FactKind;
  text: string;
  normalized: string;
  start: number;
  end: number;
  /** Hard facts (everything but claims) must match a source exactly. */
  hard: boolean;
  /** Exact-match key, `kind:normalized` (claims: `claim:` + sorted stems). */
  key: string;
  /** Numeric values the fact mentions (as written and converted), so a bare number can match them. */
  values: string[];
  /** Claims: stems a source must contain (unless `exactOnly`). */
  stems: string[];
  /** Claims such as "#1" that only match the same claim in a source, never loose words. */
  exactOnly: boolean;
};

export type DetectOptions = {
  /** Detect named entities (needed for sentences, not for sources). Default true. */
  entities?: boolean;
};

const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
/** How far past a number units, currencies and suffixes are looked for. */
const LOOKAHEAD = 32;

const YEAR = "((?:1[89]|2\\d)\\d{2})";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const MONTH_HINT = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const DATE_MDY = new RegExp(`${B}(${MONTH_SRC})\\s+${DAY},?\\s+${YEAR}${E}`, "gu");
const DATE_DMY = new RegExp(`${B}${DAY}\\s+(?:of\\s+)?(${MONTH_SRC}),?\\s+${YEAR}${E}`, "gu");
const DATE_MY = new RegExp(`${B}(${MONTH_SRC}),?\\s+${YEAR}${E}`, "gu");
const DATE_MD = new RegExp(`${B}(${MONTH_SRC})\\s+${DAY}(?![\\p{L}\\p{N}]|[.,]\\d)`, "gu");
const DATE_DM = new RegExp(`${B}${DAY}\\s+(?:of\\s+)?(${MONTH_SRC})(?![\\p{L}])`, "gu");
/** URLs, e-mail addresses and bare domains ("northwind.example/trailhead-2"): their digits are not facts. */
const URL_RE =
  /(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?<![\p{L}\p{N}@.])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{Ll}{2,}(?:\/\S*)?/gu;
const LOWER_WORD = /^\p{Ll}[^\p{Lu}™®℠]*$/u;
const CODE_RE = /(?<![\p{L}\p{N}-])(?=\p{L}[\p{L}\p{N}-]*\p{N})\p{L}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*(?![\p{L}\p{N}])/gu;
const NUMBER_WORD_RE = new RegExp(`(?<![\\p{L}\\p{N}-])${NUMBER_WORD_SRC}(?=[\\s-])`, "giu");

/** Detects facts in `text`; offsets are relative to `text`. Facts are returned in text order. */
export function detectFacts(text: string, opts: DetectOptions = {}): DetectedFact[] {
  const d = new Detector(text);
  d.reserve(URL_RE);
  d.reserve(/(?<![\p{L}\p{N}])(?:Black Friday|Cyber Monday|Prime Day)(?![\p{L}\p{N}])/gu);
  d.dates();
  d.digitClaims();
  d.codes();
  d.numberWords();
  d.numbers();
  d.claims();
  if (opts.entities !== false) d.entities();
  return d.facts.sort((a, b) => a.start - b.start || a.end - b.end);
}

class Detector {
  readonly facts: DetectedFact[] = [];
  private readonly taken: Uint8Array;
  /** Model codes: start → end. */
  private readonly codeSpans = new Map<number, number>();

  constructor(private readonly text: string) {
    this.taken = new Uint8Array(text.length);
  }

  private free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }

  private take(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }

  private add(f: Omit<DetectedFact, "text" | "key" | "hard" | "stems" | "exactOnly"> & Partial<DetectedFact>): void {
    const fact: DetectedFact = {
      kind: f.kind,
      text: this.text.slice(f.start, f.end),
      normalized: f.normalized,
      start: f.start,
      end: f.end,
      hard: f.kind !== "claim",
      key: f.key ?? `${f.kind}:${f.normalized}`,
      values: f.values,
      stems: f.stems ?? [],
      exactOnly: f.exactOnly ?? false,
    };
    this.facts.push(fact);
    this.take(f.start, f.end);
  }

  /** Marks matches as taken without making them facts. */
  reserve(re: RegExp): void {
    for (const m of execAll(this.text, re)) this.take(m.index, m.index + m[0].length);
  }

  // -------------------------------------------------------------------------------------------------
  // Dates and times

  dates(): void {
    const t = this.text;
    if (!/\d/.test(t)) return;
    const date = (m: RegExpMatchArray, y: string | undefined, mo: number | null, day: string | undefined) => {
      const iso = isoDate(y ? Number(y) : null, mo, day ? Number(day) : null);
      if (iso === null) return;
      const start = m.index!;
      const end = start + m[0].length;
      if (!this.free(start, end)) return;
      const values = y ? [y] : [];
      this.add({ kind: "date", normalized: iso, start, end, values });
    };
    // ISO 2026-03-03 (a time part is ignored)
    for (const m of execAll(t, /(?<![\p{N}-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}])/gu)) {
      date(m, m[1], Number(m[2]), m[3]);
    }
    // March 3, 2026 / March 3rd 2026
    const months = MONTH_HINT.test(t);
    for (const m of months ? execAll(t, DATE_MDY) : []) {
      date(m, m[3], monthNumber(m[1]!), m[2]);
    }
    // 3 March 2026 / 3rd of March, 2026
    for (const m of months ? execAll(t, DATE_DMY) : []) {
      date(m, m[3], monthNumber(m[2]!), m[1]);
    }
    // March 2026
    for (const m of months ? execAll(t, DATE_MY) : []) {
      date(m, m[2], monthNumber(m[1]!), undefined);
    }
    // March 3 / 3 March (no year)
    for (const m of months ? execAll(t, DATE_MD) : []) {
      date(m, undefined, monthNumber(m[1]!), m[2]);
    }
    for (const m of months ? execAll(t, DATE_DM) : []) {
      date(m, undefined, monthNumber(m[2]!), m[1]);
    }
    // 03/31/2026 (US order unless the first part is > 12), 31.03.2026 (day first)
    for (const m of execAll(t, /(?<![\p{N}/.])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\p{N}/])/gu)) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a > 12) date(m, m[3], b, m[1]);
      else date(m, m[3], a, m[2]);
    }
    for (const m of execAll(t, /(?<![\p{N}.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\p{N}]|\.\d)/gu)) {
      date(m, m[3], Number(m[2]), m[1]);
    }
    // Clock times: 3pm, 3:30 p.m., 15:30
    for (const m of execAll(t, /(?<![\p{L}\p{N}:])(\d{1,2})(?::(\d{2}))?\s?([ap])\.?m\.?(?![\p{L}])/giu)) {
      const hhmm = clockTime(Number(m[1]), Number(m[2] ?? "0"), m[3]!.toLowerCase() as "a" | "p");
      const end = m.index + m[0].length - (m[0].endsWith(".") && !/[ap]\.m\.$/i.test(m[0]) ? 1 : 0);
      if (hhmm && this.free(m.index, end))
        this.add({ kind: "date", normalized: `T${hhmm}`, start: m.index, end, values: [] });
    }
    for (const m of execAll(t, /(?<![\p{L}\p{N}:.,])(\d{1,2}):(\d{2})(?![\p{N}:])/gu)) {
      const hhmm = clockTime(Number(m[1]), Number(m[2]), null);
      const end = m.index + m[0].length;
      if (hhmm && this.free(m.index, end))
        this.add({ kind: "date", normalized: `T${hhmm}`, start: m.index, end, values: [] });
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Claims written with digits: "#1", "No. 1", "24/7"

  digitClaims(): void {
    for (const m of execAll(this.text, /(?<![\p{L}\p{N}#])(?:#\s?1|No\.\s?1|number one)(?![\p{N}])(?![\p{L}])/giu)) {
      const start = m.index;
      const end = start + m[0].length;
      if (this.free(start, end)) {
        this.add({ kind: "claim", normalized: "#1", key: "claim:#1", start, end, values: [], exactOnly: true });
      }
    }
    for (const m of execAll(this.text, /(?<![\p{N}/])24\/7(?![\p{N}/])/gu)) {
      const start = m.index;
      const end = start + m[0].length;
      if (this.free(start, end)) {
        this.add({ kind: "claim", normalized: "24/7", key: "claim:24/7", start, end, values: [], exactOnly: true });
      }
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Model codes ("NW-200", "X100", "GTX3", "COVID-19"): reserved for the entity pass so their digits are
  // not read as numbers.

  codes(): void {
    if (!/\p{L}[\p{L}\p{N}-]*\p{N}/u.test(this.text)) return;
    for (const m of execAll(this.text, CODE_RE)) {
      const tok = m[0];
      if (!/\p{N}/u.test(tok) || !/\p{Lu}/u.test(tok)) continue;
      if ((tok.match(/\p{Ll}/gu)?.length ?? 0) > 1) continue;
      const start = m.index;
      const end = start + tok.length;
      if (!this.free(start, end)) continue;
      this.take(start, end);
      this.codeSpans.set(start, end);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Spelled-out numbers, only with a unit or "percent": "two-year", "thirty days", "twenty percent"

  numberWords(): void {
    for (const m of execAll(this.text, NUMBER_WORD_RE)) {
      const value = numberWordValue(m[0]);
      if (value === null) continue;
      const start = m.index;
      const after = this.text.slice(start + m[0].length, start + m[0].length + LOOKAHEAD);
      const pct = /^[\s-](?:percent|per cent)(?![\p{L}])/iu.exec(after);
      if (pct) {
        const end = start + m[0].length + pct[0].length;
        if (this.free(start, end)) {
          this.add({ kind: "percent", normalized: `${formatNumber(value)}%`, start, end, values: [String(value)] });
        }
        continue;
      }
      const unit = matchUnit(after);
      if (!unit || /^[\s-]°/.test(after)) continue;
      const end = start + m[0].length + unit.length;
      if (this.free(start, end)) this.addMeasure(value, unit, start, end);
    }
  }

  private addMeasure(value: number, unit: UnitMatch, start: number, end: number): void {
    this.add({
      kind: "measure",
      normalized: formatMeasure(value, unit),
      start,
      end,
      values: [formatNumber(value), formatNumber(value * unit.factor)],
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Digits: prices, percentages, measures, years, plain numbers (with ranges such as "20–30 kg")

  numbers(): void {
    const t = this.text;
    const tokens: NumToken[] = [];
    const re = /(?<![\p{L}\p{N}_]|\p{N}[.,])(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)/gu;
    for (const m of execAll(t, re)) {
      const s = m.index;
      if (!this.free(s, s + m[0].length)) continue;
      const tok = this.readNumber(m[0], s);
      if (tok && this.free(tok.start, tok.end)) tokens.push(tok);
    }
    // Ranges and dimensions: "20–30 kg", "10 to 15%", "$100–150", "30 x 20 cm".
    for (let i = tokens.length - 1; i > 0; i--) {
      const a = tokens[i - 1]!;
      const b = tokens[i]!;
      const sep = t.slice(a.end, b.start);
      if (!/^(?:[–—-]|\s(?:to|by)\s|\s?[x×]\s?)$/.test(sep)) continue;
      if (a.kind === "number" && !a.suffix && (b.kind === "measure" || b.kind === "percent")) {
        a.kind = b.kind;
        a.unit = b.unit;
      }
    }
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens[i - 1]!;
      const b = tokens[i]!;
      const sep = t.slice(a.end, b.start);
      if (/^\s?[–—-]\s?$|^\s(?:to)\s$/.test(sep) && a.kind === "price" && b.kind === "number" && !b.suffix) {
        b.kind = "price";
        b.currency = a.currency;
      }
    }
    for (const tok of tokens) this.addNumber(tok);
  }

  private readNumber(raw: string, s: number): NumToken | null {
    const t = this.text;
    let value = parseAmount(raw);
    if (value === null) return null;
    let start = s;
    let end = s + raw.length;
    const tok: NumToken = { start, end, value, kind: "number", integer: /^\d+$/.test(raw), suffix: "" };

    const ahead = (from: number) => t.slice(from, from + LOOKAHEAD);
    const decimalComma = /^,\d{1,2}(?![\d,])/.exec(ahead(end));
    const before = currencyBefore(t.slice(Math.max(0, s - 6), s));
    if (before && this.free(s - before.length, s)) {
      tok.kind = "price";
      tok.currency = before.currency;
      start = s - before.length;
      if (decimalComma) {
        const v = parseAmount(raw + decimalComma[0], true);
        if (v !== null) {
          value = v;
          end += decimalComma[0].length;
        }
      }
    } else if (decimalComma) {
      const after = currencyAfter(ahead(end + decimalComma[0].length));
      const v = parseAmount(raw + decimalComma[0], true);
      if (after && v !== null) {
        tok.kind = "price";
        tok.currency = after.currency;
        value = v;
        end += decimalComma[0].length + after.length;
      }
    }
    const scale = matchScale(ahead(end), tok.kind === "price" || currencyAfterScale(ahead(end)));
    if (scale) {
      value *= scale.factor;
      end += scale.length;
      tok.integer = false;
    }
    tok.start = start;
    tok.value = value;
    tok.end = end;
    if (tok.kind === "price") return tok;

    const after = ahead(end);
    const cur = currencyAfter(after);
    if (cur) {
      tok.kind = "price";
      tok.currency = cur.currency;
      tok.end = end + cur.length;
      return tok;
    }
    const pct = /^(?:[\s\u00a0]?%|[\s\u00a0-](?:percent|per cent|pct)(?![\p{L}]))/iu.exec(after);
    if (pct) {
      tok.kind = "percent";
      tok.end = end + pct[0].length;
      return tok;
    }
    if (!scale) {
      const unit = matchUnit(after);
      if (unit) {
        tok.kind = "measure";
        tok.unit = unit;
        tok.end = end + unit.length;
        const sign = t.charAt(start - 1);
        const beforeSign = t.charAt(start - 2);
        if (/°/.test(unit.base) && (sign === "-" || sign === "−") && (start === 1 || /[\s(~≈]/.test(beforeSign))) {
          tok.start = start - 1;
          tok.value = -value;
        }
        return tok;
      }
    }
    const ord = /^(?:st|nd|rd|th)(?![\p{L}])/u.exec(after);
    if (ord) {
      tok.suffix = "ordinal";
      tok.end = end + ord[0].length;
      return tok;
    }
    if (/^[x×](?![\p{L}\p{N}])/u.test(after)) {
      tok.suffix = "x";
      tok.end = end + 1;
      return tok;
    }
    if (after.startsWith("+")) tok.end = end + 1;
    if (tok.integer && value >= 1900 && value <= 2099 && this.yearContext(start, tok.end)) tok.kind = "date";
    return tok;
  }

  private yearContext(start: number, end: number): boolean {
    const before = this.text.slice(Math.max(0, start - 24), start);
    const after = this.text.slice(end, end + LOOKAHEAD);
    return (
      /(?:^|[^\p{L}])(?:in|since|from|by|until|till|through|before|after|during|of|circa|ca\.|est\.|established|founded|launched|released|spring|summer|fall|autumn|winter|early|mid|late|end|year|Q[1-4]|H[12])[\s\u00a0-]*$/iu.test(
        before,
      ) ||
      /(?:©|\(c\))\s*$/iu.test(before) ||
      /^[\s\u00a0](?:collection|season|edition|model|models|lineup|line-up|range|catalog|catalogue|release|version|launch|drop)(?![\p{L}])/iu.test(
        after,
      )
    );
  }

  private addNumber(tok: NumToken): void {
    const value = formatNumber(tok.value);
    const span = { start: tok.start, end: tok.end };
    switch (tok.kind) {
      case "price":
        this.add({ kind: "price", normalized: `${tok.currency} ${value}`, ...span, values: [value] });
        return;
      case "percent":
        this.add({ kind: "percent", normalized: `${value}%`, ...span, values: [value] });
        return;
      case "measure":
        this.addMeasure(tok.value, tok.unit!, tok.start, tok.end);
        return;
      case "date":
        this.add({ kind: "date", normalized: value, ...span, values: [value] });
        return;
      default:
        this.add({
          kind: "number",
          normalized: tok.suffix === "x" ? `${value}x` : value,
          ...span,
          values: tok.suffix === "x" ? [] : [value],
        });
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Marketing claims: superlatives, guarantees, certifications, "free shipping", "waterproof"…

  claims(): void {
    for (const m of execAll(this.text, CLAIM_RE)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!this.free(start, end)) continue;
      const normalized = canonicalClaim(m[0]);
      const stems = claimStems(normalized);
      this.add({ kind: "claim", normalized, start, end, values: [], stems, key: `claim:${stems.join(" ")}` });
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Named entities: "Northwind Outdoor", "Trailhead 2", "GORE-TEX", "NorthDry™", "NW-200", "Vibram"

  entities(): void {
    const t = this.text;
    const toks: Tok[] = [];
    const factAt = new Map(this.facts.map((f) => [f.start, f]));
    for (const m of execAll(t, /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*[™®℠]?/gu)) {
      let text = m[0];
      if (/['’]s$/u.test(text)) text = text.slice(0, -2);
      toks.push(this.classify(text, m.index, factAt));
    }
    // "Hi Alex," / "Dear Sam": a greeting's addressee is personalisation, not a fact.
    if (toks.length > 1 && GREETINGS.has(toks[0]!.text.toLowerCase()) && toks[1]!.cls === "weak")
      toks[1]!.cls = "other";
    const letterToks = toks.filter((k) => /\p{L}{2}/u.test(k.text) && k.cls !== "break");
    const caps = letterToks.filter((k) => k.allCaps).length;
    const shouting = letterToks.length >= 2 && caps / letterToks.length >= 0.6;
    // Title Case: no closing period and every content word after the first capitalised.
    const words = letterToks.filter(
      (k, i) => i > 0 && k.text.length >= 3 && !k.code && !STOP_WORDS.has(k.text.toLowerCase()),
    );
    const titleCase =
      !/[.!]["'”’)\]]*$/u.test(t.trim()) && words.length >= 1 && words.every((k) => /^\p{Lu}/u.test(k.text));
    const headline = shouting || titleCase;
    if (shouting) for (const k of toks) if (k.cls === "strong" && k.allCaps && !k.code) k.cls = "weak";

    // Group consecutive name tokens; "of" / "&" / "de" may join two of them; a number may follow a word.
    const groups: Tok[][] = [];
    let cur: Tok[] = [];
    const flush = () => {
      if (cur.length) groups.push(cur);
      cur = [];
    };
    for (let i = 0; i < toks.length; i++) {
      const k = toks[i]!;
      const prev = cur[cur.length - 1];
      if (!prev && k.cls !== "strong" && k.cls !== "weak") continue;
      const gap = prev ? t.slice(prev.end, k.start) : "";
      if (k.cls === "strong" || k.cls === "weak") {
        const adjacent = prev !== undefined && /^(?:[\s\u00a0]+|[\s\u00a0]*&[\s\u00a0]*)$/u.test(gap);
        // A model code is a name of its own ("GORE-TEX NW-200" → two entities).
        if (!adjacent || prev?.cls === "num" || k.code || prev?.code) flush();
        cur.push(k);
      } else if (k.cls === "num" && prev && prev.cls !== "num" && /^[\s\u00a0]+$/u.test(gap)) {
        cur.push(k);
      } else if (
        k.cls === "other" &&
        CONNECTORS.has(k.text) &&
        prev &&
        prev.cls !== "num" &&
        /^[\s\u00a0]+$/u.test(gap) &&
        (toks[i + 1]?.cls === "strong" || toks[i + 1]?.cls === "weak") &&
        /^[\s\u00a0]+$/u.test(t.slice(k.end, toks[i + 1]!.start))
      ) {
        cur.push(k);
      } else flush();
    }
    flush();

    for (const g of groups) {
      for (const part of headline ? headlineParts(g) : [g]) this.addEntity(part, headline);
    }
  }

  private classify(text: string, start: number, factAt: Map<number, DetectedFact>): Tok {
    const end = start + text.length;
    const tok = (cls: Tok["cls"], allCaps = false, code = false): Tok => ({ text, start, end, cls, allCaps, code });
    if (!this.free(start, end)) {
      if (this.codeSpans.get(start) === end) return tok("strong", false, true);
      const f = factAt.get(start);
      // A bare integer may end a product name ("Trailhead 2"), unless it starts a range ("EU 36–48").
      const bare =
        f?.end === end &&
        f.kind === "number" &&
        /^\d{1,4}$/.test(f.text) &&
        !/^[–—-]\d/.test(this.text.slice(end, end + 2));
      return tok(bare ? "num" : "break");
    }
    // Fast path: most words are lower case.
    if (LOWER_WORD.test(text) || !/^\p{L}/u.test(text)) return tok("other");
    const lower = text.toLowerCase().replace(/’/g, "'");
    if (CALENDAR.has(lower.replace(/\.$/, ""))) return tok("break");
    const letters = text.replace(/[^\p{L}]/gu, "");
    const allCaps = letters.length >= 2 && !/\p{Ll}/u.test(letters);
    if (allCaps) return tok(COMMON.has(lower) ? "other" : "strong", true);
    if (/\p{Ll}\p{Lu}/u.test(text) || /[™®℠]$/.test(text)) return tok("strong");
    if (/^\p{Lu}/u.test(text) && (letters.length >= 2 || !COMMON.has(lower))) return tok("weak");
    return tok("other");
  }

  private addEntity(group: Tok[], headline: boolean): void {
    let g = group;
    // Marketing words and function words at the edges are not part of a name ("the New Trailhead").
    while (g.length && g[0]!.cls !== "num" && isCommon(g[0]!)) g = g.slice(1);
    while (g.length && (g[g.length - 1]!.cls === "other" || isCommon(g[g.length - 1]!))) g = g.slice(0, -1);
    if (g.length === 0 || g[0]!.cls === "num") return;
    if (g.length === 1 && g[0]!.text.length === 1) return; // "size M", "vitamin C"
    // A capitalised word that opens the sentence (or a clause) is only a name if a number follows it.
    if (!headline && g[0]!.cls === "weak" && this.atStart(g[0]!)) {
      const rest = g.slice(1);
      if (rest.length === 0) return;
      if (!rest.every((k) => k.cls === "num")) {
        const firstName = rest.findIndex((k) => k.cls === "strong" || k.cls === "weak");
        g = rest.slice(firstName);
      }
    }
    const start = g[0]!.start;
    const end = g[g.length - 1]!.end;
    const text = this.text.slice(start, end);
    // Absorbed numbers ("Trailhead 2") stop being separate number facts.
    for (const k of g) {
      if (k.cls !== "num") continue;
      const i = this.facts.findIndex((f) => f.start === k.start && f.end === k.end && f.kind === "number");
      if (i >= 0) this.facts.splice(i, 1);
    }
    this.add({ kind: "entity", normalized: normalizeName(text), start, end, values: [] });
  }

  /** Is the token the first word of the sentence or of a clause (after ":", "—", "(" …)? */
  private atStart(k: Tok): boolean {
    let i = k.start - 1;
    while (i >= 0 && /[\s\u00a0"“‘'«]/u.test(this.text[i]!)) i--;
    if (i < 0) return true;
    const c = this.text[i]!;
    if (":;!?.—–|(•".includes(c)) return true;
    if (c === "-" && (i === 0 || /\s/.test(this.text[i - 1]!))) return true;
    if (/[\p{L}\p{N}]/u.test(c)) return false;
    return !/[\p{L}\p{N}]/u.test(this.text.slice(0, i + 1));
  }
}

type NumToken = {
  start: number;
  end: number;
  value: number;
  kind: "number" | "price" | "percent" | "measure" | "date";
  integer: boolean;
  suffix: "" | "ordinal" | "x";
  currency?: string;
  unit?: UnitMatch;
};

type Tok = {
  text: string;
  start: number;
  end: number;
  /** strong: ALL-CAPS term, CamelCase, ™-marked or model code; weak: Capitalised word; num: bare number. */
  cls: "strong" | "weak" | "num" | "other" | "break";
  allCaps: boolean;
  code: boolean;
};

function currencyAfterScale(after: string): boolean {
  const m = /^(?:[\s\u00a0]?(?:thousand|million|billion|mn|bn)|[kKMBm])/iu.exec(after);
  return m !== null && currencyAfter(after.slice(m[0].length)) !== null;
}

/** In a Title Case headline only strong tokens and "Word 2"-style product names count. */
function headlineParts(g: Tok[]): Tok[][] {
  const parts: Tok[][] = [];
  let cur: Tok[] = [];
  for (let i = 0; i < g.length; i++) {
    const k = g[i]!;
    const next = g[i + 1];
    const keep =
      k.cls === "strong" ||
      (k.cls === "weak" && next?.cls === "num") ||
      (k.cls === "num" && cur.length > 0) ||
      (k.cls === "other" && cur.length > 0 && next?.cls === "strong");
    if (keep) cur.push(k);
    else {
      if (cur.length) parts.push(cur);
      cur = [];
    }
  }
  if (cur.length) parts.push(cur);
  return parts;
}

const GREETINGS = new Set([
  "hi",
  "hello",
  "hey",
  "dear",
  "thanks",
  "thank",
  "cheers",
  "welcome",
  "congrats",
  "congratulations",
]);

const CONNECTORS = new Set(["of", "de", "du", "la", "le", "von", "van", "der", "den", "da", "di", "y"]);

const CALENDAR = new Set([
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
]);

/** Capitalised words that are not names: function words, calls to action, sale vocabulary. */
const COMMON = new Set([
  ...STOP_WORDS,
  ..."new sale sales shop collection deal deals offer offers free gift gifts save savings limited edition exclusive hot off best top introducing meet discover explore get buy order grab try enjoy love join sign click learn see find start choose pick upgrade experience hurry ready looking need want rated starting from pack welcome hello hi hey dear thanks thank yes wow ok okay note tip ps p.s p.p.s faq now today tonight weekend holiday holidays summer winter spring fall autumn season seasonal spend use shipping returns return delivery warranty guarantee sign-up subscribe book call visit check read watch stock price prices stay keep go take make give let build made designed built crafted available coming soon back".split(
    " ",
  ),
]);

function isCommon(k: Tok): boolean {
  return (k.cls === "weak" || k.cls === "other") && COMMON.has(k.text.toLowerCase().replace(/’/g, "'"));
}

// -------------------------------------------------------------------------------------------------
// Claim phrases (most specific first)

const SUPERLATIVES =
  "best|fastest|lightest|strongest|toughest|warmest|driest|cheapest|lowest|highest|longest|smallest|biggest|largest|greatest|finest|safest|softest|quietest|easiest|brightest|thinnest|comfiest|coziest|cosiest|healthiest|cleanest|smartest|most advanced";

const CLAIM_SOURCES = [
  "best[- ]?sell(?:ing|ers?)",
  "top[- ](?:rated|selling|ranked)",
  "award[- ]winning",
  "(?:industry|market|world)[- ]leading",
  "lifetime (?:warranty|guarantee)",
  "money[- ]back(?: guarantee)?",
  "(?:satisfaction )?guarantee[ds]?",
  "warrant(?:y|ies)",
  "free (?:shipping|delivery|returns?|exchanges?|repairs?|resoling)(?: and (?:returns?|exchanges?|shipping))?",
  "(?:shipping|delivery|returns?|exchanges?) (?:(?:is|are) )?(?:always )?free",
  "(?:water|wind|weather|shock|dust|scratch|stain|rust|tear|crush|leak|odou?r|snag)[- ]?(?:proof|resistant)",
  "breathable|ultra[- ]?light",
  "(?:clinically|scientifically|dermatologist|lab)[- ](?:proven|tested|approved|recommended)",
  "proven",
  "certified|accredited",
  "patent(?:ed|[- ]pending)",
  "(?:FDA|CE|USDA|EPA)[- ](?:approved|cleared|registered|certified)",
  "approved|endorsed",
  "organic|vegan|cruelty[- ]free|recycled|recyclable|biodegradable|compostable|carbon[- ](?:neutral|negative)|climate[- ]neutral|eco[- ]friendly|sustainabl[ey](?: sourced)?|fair[- ]trade|hypoallergenic|non[- ]toxic|all[- ]natural",
  "(?:BPA|PFAS|PFC|gluten|sugar|dairy|nut|latex|plastic)[- ]free",
  "hand[- ]?made|hand[- ]?crafted|hand[- ]stitched",
  "unbreakable|indestructible",
  "the only",
  "official|authentic|genuine",
  "(?:most|least) (?:popular|advanced|\\p{L}+(?:able|ible|ful|ive|ous|ic|al|ed|ing|ar|less|y))",
  SUPERLATIVES,
];

/** One pass: at a given position the earlier (more specific) alternative wins. */
const CLAIM_RE = new RegExp(`${B}(?:${CLAIM_SOURCES.map((src) => `(?:${src})`).join("|")})${E}`, "giu");

const CLAIM_FILLER = new Set(["the", "a", "an", "and", "is", "are", "by", "of", "always"]);

function canonicalClaim(s: string): string {
  const c = fold(s)
    .replace(/[-\s]+/g, " ")
    .trim();
  const bestSelling = /^best ?sell(?:ing|ers?)$/.test(c);
  return bestSelling ? "best selling" : c;
}

/** Words a source must contain for a claim: stems of the claim's words, filler removed. */
export function claimStems(normalized: string): string[] {
  const words = normalized.split(" ").filter((w) => w && !CLAIM_FILLER.has(w));
  return [...new Set(words.map(stem))].sort();
}

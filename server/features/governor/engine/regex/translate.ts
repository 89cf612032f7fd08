/**
 * Translates the regular-expression dialect of Vale styles (Go RE2 syntax plus the regexp2
 * extensions Vale enables: lookarounds, backreferences) into an equivalent JavaScript RegExp.
 *
 * Go scopes inline flags (`(?i)`, `(?-i)`, `(?s)`, `(?m)`, `(?i:...)`) to the enclosing group;
 * JavaScript in Node 20 has no inline modifiers. We parse into a small AST, remember the flag
 * state of every atom, and then either use a global flag (when the state is uniform) or expand
 * case-insensitive atoms into explicit character classes (`a` -> `[aA]`) when it is mixed.
 */

export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PatternError";
  }
}

export interface TranslateOptions {
  /** Initial case-insensitivity (Vale's `ignorecase: true` prepends `(?i)`). */
  ignoreCase?: boolean;
}

export interface Translated {
  source: string;
  /** Flags without `g`/`y`. */
  flags: string;
  /** A repetition wraps other repetitions or alternations: may backtrack badly, needs a ReDoS check. */
  suspicious: boolean;
  /** Uses lookarounds or whole-input anchors: must be run on each block separately. */
  edgeSensitive: boolean;
  /** Number of capture groups. */
  groups: number;
}

type ClassItem = { k: "cp"; cp: number } | { k: "range"; from: number; to: number } | { k: "raw"; text: string };

type Node =
  | { t: "lit"; cp: number; ci: boolean }
  | { t: "class"; items: ClassItem[]; neg: boolean; ci: boolean }
  | { t: "dot"; dotAll: boolean }
  | { t: "bol"; multi: boolean }
  | { t: "eol"; multi: boolean }
  | { t: "raw"; text: string; edge?: boolean; backref?: boolean; unicode?: boolean }
  | { t: "group"; kind: "cap" | "nocap" | "look"; open: string; alts: Node[][] }
  | { t: "quant"; child: Node; min: number; max: number; lazy: boolean };

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
}

const POSIX: Record<string, string> = {
  alnum: "a-zA-Z0-9",
  alpha: "a-zA-Z",
  ascii: "\\x00-\\x7F",
  blank: " \\t",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "\\w",
  xdigit: "0-9A-Fa-f",
};

const GENERAL_CATEGORIES = new Set(
  "L Lu Ll Lt Lm Lo LC M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn".split(
    " ",
  ),
);

const MAX_REPEAT = 1000;

class Parser {
  private pos = 0;
  private groupCount = 0;
  private readonly names = new Set<string>();

  constructor(
    private readonly src: string,
    private readonly initial: Flags,
  ) {}

  parse(): { alts: Node[][]; groups: number } {
    const alts = this.parseAlternation(this.initial, false);
    if (this.pos < this.src.length) throw new PatternError(`unexpected ')' at position ${this.pos + 1}`);
    return { alts, groups: this.groupCount };
  }

  private parseAlternation(outer: Flags, inGroup: boolean): Node[][] {
    const flags: Flags = { ...outer };
    const alts: Node[][] = [[]];
    const src = this.src;
    while (this.pos < src.length) {
      const ch = src[this.pos]!;
      if (ch === ")") {
        if (!inGroup) throw new PatternError(`unmatched ')' at position ${this.pos + 1}`);
        return alts;
      }
      const seq = alts[alts.length - 1]!;
      if (ch === "|") {
        this.pos++;
        alts.push([]);
        continue;
      }
      if (ch === "*" || ch === "+" || ch === "?") {
        this.pos++;
        this.applyQuant(seq, ch === "*" ? 0 : ch === "+" ? 1 : 0, ch === "?" ? 1 : Infinity);
        continue;
      }
      if (ch === "{") {
        const q = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(this.pos));
        if (q) {
          this.pos += q[0].length;
          const min = Number(q[1]);
          const max = q[2] === undefined ? min : q[3] === "" ? Infinity : Number(q[3]);
          if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) {
            throw new PatternError(`repetition count too large in '${q[0]}' (Go allows at most ${MAX_REPEAT})`);
          }
          if (max < min) throw new PatternError(`invalid repetition range '${q[0]}'`);
          this.applyQuant(seq, min, max);
          continue;
        }
        this.pos++;
        seq.push({ t: "lit", cp: 0x7b, ci: flags.i });
        continue;
      }
      if (ch === "(") {
        const node = this.parseGroup(flags);
        if (node) seq.push(node);
        continue;
      }
      if (ch === "[") {
        seq.push(this.parseClass(flags));
        continue;
      }
      if (ch === ".") {
        this.pos++;
        seq.push({ t: "dot", dotAll: flags.s });
        continue;
      }
      if (ch === "^") {
        this.pos++;
        seq.push({ t: "bol", multi: flags.m });
        continue;
      }
      if (ch === "$") {
        this.pos++;
        seq.push({ t: "eol", multi: flags.m });
        continue;
      }
      if (ch === "\\") {
        for (const n of this.parseEscape(flags)) seq.push(n);
        continue;
      }
      const cp = src.codePointAt(this.pos)!;
      this.pos += cp > 0xffff ? 2 : 1;
      seq.push({ t: "lit", cp, ci: flags.i });
    }
    if (inGroup) throw new PatternError("missing closing ')'");
    return alts;
  }

  private applyQuant(seq: Node[], min: number, max: number): void {
    const prev = seq[seq.length - 1];
    if (!prev || prev.t === "bol" || prev.t === "eol" || (prev.t === "raw" && prev.edge)) {
      throw new PatternError(`missing argument to repetition operator at position ${this.pos}`);
    }
    if (prev.t === "quant") throw new PatternError(`invalid nested repetition operator at position ${this.pos}`);
    let lazy = false;
    if (this.src[this.pos] === "?") {
      lazy = true;
      this.pos++;
    } else if (this.src[this.pos] === "+") {
      throw new PatternError("possessive quantifiers are not supported");
    }
    seq[seq.length - 1] = { t: "quant", child: prev, min, max, lazy };
  }

  /** Parses `(...)`; returns null for pure flag directives and comments. `flags` is mutated by `(?i)`. */
  private parseGroup(flags: Flags): Node | null {
    const src = this.src;
    this.pos++; // (
    if (src[this.pos] !== "?") {
      this.groupCount++;
      return this.finishGroup("cap", "(", flags);
    }
    const rest = src.slice(this.pos + 1);
    if (rest.startsWith(":")) {
      this.pos += 2;
      return this.finishGroup("nocap", "(?:", flags);
    }
    for (const look of ["=", "!", "<=", "<!"]) {
      if (rest.startsWith(look)) {
        this.pos += 1 + look.length;
        return this.finishGroup("look", `(?${look}`, flags);
      }
    }
    const named = /^(?:P<|<|')([A-Za-z_][A-Za-z0-9_]*)[>']/.exec(rest);
    if (named) {
      this.pos += 1 + named[0].length;
      this.groupCount++;
      const name = named[1]!;
      const open = this.names.has(name) ? "(" : `(?<${name}>`;
      this.names.add(name);
      return this.finishGroup("cap", open, flags);
    }
    if (rest.startsWith("#")) {
      const end = src.indexOf(")", this.pos);
      if (end < 0) throw new PatternError("unterminated comment group");
      this.pos = end + 1;
      return null;
    }
    if (rest.startsWith(">")) throw new PatternError("atomic groups '(?>...)' are not supported");
    const fl = /^([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
    if (!fl) throw new PatternError(`invalid or unsupported group syntax '(?${rest.slice(0, 4)}'`);
    const next: Flags = { ...flags };
    const setFlag = (letters: string, on: boolean) => {
      for (const l of letters) {
        if (l === "i") next.i = on;
        else if (l === "m") next.m = on;
        else if (l === "s") next.s = on;
        else if (l === "U") throw new PatternError("the ungreedy flag '(?U)' is not supported");
        else throw new PatternError(`unknown inline flag '${l}'`);
      }
    };
    setFlag(fl[1]!, true);
    if (fl[2] !== undefined) setFlag(fl[2], false);
    this.pos += 1 + fl[0].length;
    if (fl[3] === ")") {
      // Flag directive: applies to the rest of the enclosing group.
      flags.i = next.i;
      flags.m = next.m;
      flags.s = next.s;
      return null;
    }
    return this.finishGroup("nocap", "(?:", next);
  }

  private finishGroup(kind: "cap" | "nocap" | "look", open: string, flags: Flags): Node {
    const alts = this.parseAlternation(flags, true);
    if (this.src[this.pos] !== ")") throw new PatternError("missing closing ')'");
    this.pos++;
    return { t: "group", kind, open, alts };
  }

  private parseClass(flags: Flags): Node {
    const src = this.src;
    this.pos++; // [
    let neg = false;
    if (src[this.pos] === "^") {
      neg = true;
      this.pos++;
    }
    const items: ClassItem[] = [];
    let first = true;
    for (;;) {
      if (this.pos >= src.length) throw new PatternError("missing closing ']' in character class");
      const ch = src[this.pos]!;
      if (ch === "]" && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (ch === "[" && src[this.pos + 1] === ":") {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(this.pos));
        if (m) {
          if (m[1]) throw new PatternError(`negated POSIX class '[:^${m[2]}:]' is not supported`);
          const text = POSIX[m[2]!];
          if (!text) throw new PatternError(`unknown POSIX class '[:${m[2]}:]'`);
          items.push({ k: "raw", text });
          this.pos += m[0].length;
          continue;
        }
      }
      const lo = this.classAtom();
      if (lo.k === "cp" && src[this.pos] === "-" && src[this.pos + 1] !== "]" && this.pos + 1 < src.length) {
        this.pos++;
        const hi = this.classAtom();
        if (hi.k !== "cp") throw new PatternError("invalid character class range");
        if (hi.cp < lo.cp) throw new PatternError("invalid character class range (out of order)");
        items.push({ k: "range", from: lo.cp, to: hi.cp });
        continue;
      }
      items.push(lo);
    }
    return { t: "class", items, neg, ci: flags.i };
  }

  private classAtom(): ClassItem {
    const src = this.src;
    if (src[this.pos] !== "\\") {
      const cp = src.codePointAt(this.pos)!;
      this.pos += cp > 0xffff ? 2 : 1;
      return { k: "cp", cp };
    }
    const e = src[this.pos + 1];
    if (e === undefined) throw new PatternError("trailing backslash");
    this.pos += 2;
    switch (e) {
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
        return { k: "raw", text: `\\${e}` };
      case "p":
      case "P":
        return { k: "raw", text: this.unicodeProperty(e) };
      case "n":
        return { k: "cp", cp: 10 };
      case "t":
        return { k: "cp", cp: 9 };
      case "r":
        return { k: "cp", cp: 13 };
      case "f":
        return { k: "cp", cp: 12 };
      case "v":
        return { k: "cp", cp: 11 };
      case "a":
        return { k: "cp", cp: 7 };
      case "x":
        return { k: "cp", cp: this.hexEscape() };
      case "u":
        return { k: "cp", cp: this.uEscape() };
      default:
        if (/[A-Za-z0-9]/.test(e)) throw new PatternError(`invalid escape '\\${e}' in character class`);
        return { k: "cp", cp: e.codePointAt(0)! };
    }
  }

  private hexEscape(): number {
    const src = this.src;
    if (src[this.pos] === "{") {
      const m = /^\{([0-9a-fA-F]{1,6})\}/.exec(src.slice(this.pos));
      if (!m) throw new PatternError("invalid \\x{...} escape");
      this.pos += m[0].length;
      const cp = parseInt(m[1]!, 16);
      if (cp > 0x10ffff) throw new PatternError("\\x{...} escape out of range");
      return cp;
    }
    const m = /^[0-9a-fA-F]{2}/.exec(src.slice(this.pos));
    if (!m) throw new PatternError("invalid \\x escape");
    this.pos += 2;
    return parseInt(m[0], 16);
  }

  private uEscape(): number {
    const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.pos));
    if (!m) throw new PatternError("invalid \\u escape");
    this.pos += 4;
    return parseInt(m[0], 16);
  }

  private unicodeProperty(letter: string): string {
    const src = this.src;
    let name: string;
    if (src[this.pos] === "{") {
      const end = src.indexOf("}", this.pos);
      if (end < 0) throw new PatternError("unterminated \\p{...}");
      name = src.slice(this.pos + 1, end);
      this.pos = end + 1;
    } else {
      name = src[this.pos] ?? "";
      this.pos++;
    }
    let neg = letter === "P";
    if (name.startsWith("^")) {
      neg = !neg;
      name = name.slice(1);
    }
    if (!/^[A-Za-z_]+$/.test(name)) throw new PatternError(`invalid Unicode class '\\${letter}{${name}}'`);
    const body = GENERAL_CATEGORIES.has(name) ? name : name === "Any" ? "Any" : `Script=${name}`;
    if (body === "Any") return neg ? "[^\\s\\S]" : "[\\s\\S]";
    return `\\${neg ? "P" : "p"}{${body}}`;
  }

  private parseEscape(flags: Flags): Node[] {
    const src = this.src;
    const e = src[this.pos + 1];
    if (e === undefined) throw new PatternError("trailing backslash");
    this.pos += 2;
    switch (e) {
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
        return [{ t: "raw", text: `\\${e}` }];
      case "b":
        return [{ t: "raw", text: "\\b", edge: true }];
      case "B":
        return [{ t: "raw", text: "\\B", edge: true }];
      case "A":
        return [{ t: "bol", multi: false }];
      case "z":
        return [{ t: "eol", multi: false }];
      case "Z":
        return [{ t: "raw", text: "(?=\\n?(?![\\s\\S]))", edge: true }];
      case "p":
      case "P":
        return [{ t: "raw", text: this.unicodeProperty(e), unicode: true }];
      case "n":
        return [{ t: "lit", cp: 10, ci: false }];
      case "t":
        return [{ t: "lit", cp: 9, ci: false }];
      case "r":
        return [{ t: "lit", cp: 13, ci: false }];
      case "f":
        return [{ t: "lit", cp: 12, ci: false }];
      case "v":
        return [{ t: "lit", cp: 11, ci: false }];
      case "a":
        return [{ t: "lit", cp: 7, ci: false }];
      case "e":
        return [{ t: "lit", cp: 27, ci: false }];
      case "x":
        return [{ t: "lit", cp: this.hexEscape(), ci: flags.i }];
      case "u":
        return [{ t: "lit", cp: this.uEscape(), ci: flags.i }];
      case "Q": {
        const end = src.indexOf("\\E", this.pos);
        const text = end < 0 ? src.slice(this.pos) : src.slice(this.pos, end);
        this.pos = end < 0 ? src.length : end + 2;
        return Array.from(text, (c) => ({ t: "lit" as const, cp: c.codePointAt(0)!, ci: flags.i }));
      }
      case "E":
        return [];
      case "k": {
        const m = /^<([A-Za-z_][A-Za-z0-9_]*)>/.exec(src.slice(this.pos));
        if (!m) throw new PatternError("invalid named backreference");
        this.pos += m[0].length;
        return [{ t: "raw", text: `\\k<${m[1]}>`, backref: true }];
      }
      case "0":
        return [{ t: "lit", cp: 0, ci: false }];
      default:
        if (/[1-9]/.test(e)) {
          let digits = e;
          while (/[0-9]/.test(src[this.pos] ?? "")) digits += src[this.pos++];
          return [{ t: "raw", text: `(?:\\${digits})`, backref: true }];
        }
        if (/[A-Za-z0-9]/.test(e)) throw new PatternError(`invalid or unsupported escape sequence '\\${e}'`);
        return [{ t: "lit", cp: e.codePointAt(0)!, ci: flags.i }];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Analysis and emission

function hasCase(cp: number): boolean {
  const c = String.fromCodePoint(cp);
  return c.toLowerCase() !== c.toUpperCase();
}

function caseVariants(cp: number): number[] {
  const c = String.fromCodePoint(cp);
  const out = new Set<number>([cp]);
  for (const v of [c.toLowerCase(), c.toUpperCase()]) {
    if ([...v].length === 1) out.add(v.codePointAt(0)!);
  }
  return [...out];
}

interface Analysis {
  ciStates: Set<boolean>;
  multiStates: Set<boolean>;
  suspicious: boolean;
  edge: boolean;
  unicode: boolean;
}

function classHasCase(items: ClassItem[]): boolean {
  return items.some((it) =>
    it.k === "cp"
      ? hasCase(it.cp)
      : it.k === "range"
        ? it.from <= 0x7a && it.to >= 0x41
          ? true
          : hasCase(it.from) || hasCase(it.to)
        : /a-z|A-Z/.test(it.text),
  );
}

function analyze(alts: Node[][], a: Analysis): { quant: boolean; alt: boolean } {
  let quant = false;
  let alt = alts.length > 1;
  for (const seq of alts) {
    for (const n of seq) {
      const r = analyzeNode(n, a);
      quant ||= r.quant;
      alt ||= r.alt;
    }
  }
  return { quant, alt };
}

function analyzeNode(n: Node, a: Analysis): { quant: boolean; alt: boolean } {
  switch (n.t) {
    case "lit":
      if (hasCase(n.cp)) a.ciStates.add(n.ci);
      if (n.cp > 0xffff) a.unicode = true;
      return { quant: false, alt: false };
    case "class":
      if (n.items.some((it) => (it.k === "cp" && it.cp > 0xffff) || (it.k === "range" && it.to > 0xffff))) {
        a.unicode = true;
      }
      if (n.items.some((it) => it.k === "raw" && /\\[pP]\{/.test(it.text))) a.unicode = true;
      if (classHasCase(n.items)) a.ciStates.add(n.ci);
      return { quant: false, alt: false };
    case "bol":
    case "eol":
      a.multiStates.add(n.multi);
      if (!n.multi) a.edge = true;
      return { quant: false, alt: false };
    case "raw":
      if (n.unicode) a.unicode = true;
      if (n.edge && n.text !== "\\b" && n.text !== "\\B") a.edge = true;
      return { quant: n.backref === true, alt: false };
    case "dot":
      return { quant: false, alt: false };
    case "group": {
      if (n.kind === "look") a.edge = true;
      return analyze(n.alts, a);
    }
    case "quant": {
      const inner = analyzeNode(n.child, a);
      const large = n.max === Infinity || n.max > 10;
      if (large && (inner.quant || inner.alt)) a.suspicious = true;
      return { quant: true, alt: inner.alt };
    }
  }
}

const SYNTAX = new Set("^$\\.*+?()[]{}|/".split(""));

function escapeCp(cp: number, inClass: boolean): string {
  if (cp === 10) return "\\n";
  if (cp === 13) return "\\r";
  if (cp === 9) return "\\t";
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, "0")}`;
  const c = String.fromCodePoint(cp);
  if (inClass) return c === "\\" || c === "]" || c === "[" || c === "^" || c === "-" ? `\\${c}` : c;
  return SYNTAX.has(c) ? `\\${c}` : c;
}

interface EmitState {
  expand: boolean;
  multiFlag: boolean;
}

function emitAlts(alts: Node[][], st: EmitState): string {
  return alts.map((seq) => seq.map((n) => emitNode(n, st)).join("")).join("|");
}

function emitClassItems(items: ClassItem[], ci: boolean): string {
  let out = "";
  for (const it of items) {
    if (it.k === "raw") out += it.text;
    else if (it.k === "cp") {
      const cps = ci ? caseVariants(it.cp) : [it.cp];
      out += cps.map((cp) => escapeCp(cp, true)).join("");
    } else {
      out += `${escapeCp(it.from, true)}-${escapeCp(it.to, true)}`;
      if (ci) {
        // Add the other case of the part of the range that lies in ASCII letters.
        const lo = Math.max(it.from, 0x61);
        const hi = Math.min(it.to, 0x7a);
        if (lo <= hi) out += `${String.fromCharCode(lo - 32)}-${String.fromCharCode(hi - 32)}`;
        const lo2 = Math.max(it.from, 0x41);
        const hi2 = Math.min(it.to, 0x5a);
        if (lo2 <= hi2) out += `${String.fromCharCode(lo2 + 32)}-${String.fromCharCode(hi2 + 32)}`;
      }
    }
  }
  return out;
}

function emitNode(n: Node, st: EmitState): string {
  switch (n.t) {
    case "lit": {
      if (st.expand && n.ci && hasCase(n.cp)) {
        const v = caseVariants(n.cp);
        if (v.length > 1) return `[${v.map((cp) => escapeCp(cp, true)).join("")}]`;
      }
      return escapeCp(n.cp, false);
    }
    case "class":
      return `[${n.neg ? "^" : ""}${emitClassItems(n.items, st.expand && n.ci)}]`;
    case "dot":
      return n.dotAll ? "[\\s\\S]" : ".";
    case "bol":
      if (n.multi === st.multiFlag) return "^";
      return n.multi ? "(?<![^\\n])" : "(?<![\\s\\S])";
    case "eol":
      if (n.multi === st.multiFlag) return "$";
      return n.multi ? "(?![^\\n])" : "(?![\\s\\S])";
    case "raw":
      return n.text;
    case "group":
      return `${n.open}${emitAlts(n.alts, st)})`;
    case "quant": {
      let child = emitNode(n.child, st);
      if (n.child.t === "lit" && child.length > 1 && !child.startsWith("\\") && !child.startsWith("[")) {
        child = `(?:${child})`;
      }
      let q: string;
      if (n.min === 0 && n.max === Infinity) q = "*";
      else if (n.min === 1 && n.max === Infinity) q = "+";
      else if (n.min === 0 && n.max === 1) q = "?";
      else if (n.max === Infinity) q = `{${n.min},}`;
      else if (n.min === n.max) q = `{${n.min}}`;
      else q = `{${n.min},${n.max}}`;
      return `${child}${q}${n.lazy ? "?" : ""}`;
    }
  }
}

/** Translates a Vale (Go/regexp2) pattern into JavaScript `source` + `flags`. Throws `PatternError`. */
export function translate(pattern: string, opts: TranslateOptions = {}): Translated {
  const parser = new Parser(pattern, { i: opts.ignoreCase === true, m: false, s: false });
  const { alts, groups } = parser.parse();
  const a: Analysis = { ciStates: new Set(), multiStates: new Set(), suspicious: false, edge: false, unicode: false };
  analyze(alts, a);
  const uniformCi = a.ciStates.size <= 1;
  const ciFlag = uniformCi && a.ciStates.has(true);
  const multiFlag = a.multiStates.size === 1 && a.multiStates.has(true);
  const source = emitAlts(alts, { expand: !uniformCi, multiFlag });
  const flags = `${ciFlag ? "i" : ""}${multiFlag ? "m" : ""}${a.unicode ? "u" : ""}`;
  return { source, flags, suspicious: a.suspicious, edgeSensitive: a.edge, groups };
}

/** Go's `regexp.QuoteMeta`: a pattern matching `s` literally. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}

/**
 * Turns capturing groups of a Go pattern into non-capturing ones, so that Vale can number the
 * groups it adds itself (substitution's one group per swap key). Character classes and escapes
 * are respected.
 */
export function stripCaptures(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      if (pattern[i + 1] === "^") out += pattern[++i];
      if (pattern[i + 1] === "]") out += pattern[++i];
      continue;
    }
    if (c === "(") {
      if (pattern[i + 1] !== "?") {
        out += "(?:";
        continue;
      }
      const named = /^\(\?(?:P<|<(?![=!])|')[A-Za-z_][A-Za-z0-9_]*[>']/.exec(pattern.slice(i));
      if (named) {
        out += "(?:";
        i += named[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/random";
import { configFromObject, lint, loadConfig } from "../index";
import type { EngineConfig } from "../config/config";
import type { Alert, DocumentFormat } from "../types";
import { withFastPaths } from "./fast";
import { sortAlerts } from "./lint";
import { SpanBuffer, collectRuns, collectRunsMulti, parseRunPattern, runMatcherOf, scanRuns } from "./runs";
import { WordSet, indexRuns, mergeSorted } from "./words";

/**
 * The engine's fast paths (run matchers with token streams shared between rules, the word-index
 * set, shared pattern results, joined-text reads) must never change a result: every lint here
 * runs twice, with and without them, and the alerts must be identical.
 */

const FIXTURES = path.resolve(__dirname, "../fixtures");

const WORDS = (
  "the a of to and in is it that for on with as was at by be this are from or have an they which one you " +
  "product customer launch campaign email e-mail audience brand message content draft review team editor " +
  "very really utilize in order to TODO FIXME cannot it is advisor adviser centre center NASA API CLI " +
  "smartphone iPhone Lectern synergy clearly fairly Getting started"
).split(" ");
const ODD = [
  "naïve",
  "Ελληνικά",
  "😀",
  "\u212Aelvin",
  "İstanbul",
  "ﬁne",
  "a\u00a0b",
  "x_y",
  "3.5",
  "e.g. this",
  "Dr. Smith",
  "U.S. Army",
  "...",
  "?!",
  "“quoted.”",
  "the the",
  "is is",
  "THE the",
  "`code the the`",
  "**bold**",
  "_it_",
  "[link](https://example.com/e-mail)",
  "https://example.com/x",
  "&amp;",
  "&nbsp;",
  "Not Applicable (NA)",
  "Command Line Interface (CLI)",
  "\t",
];

/** A deterministic Markdown document mixing prose, markup and odd characters. */
function markdown(seed: number, blocks: number): string {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const sentence = () => {
    const n = 3 + Math.floor(rnd() * 22);
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(rnd() < 0.12 ? pick(ODD) : pick(WORDS));
    const s = w.join(" ");
    return `${s[0]!.toUpperCase()}${s.slice(1)}${pick([".", ".", ".", "!", "?", "…", ""])}`;
  };
  const para = () => Array.from({ length: 1 + Math.floor(rnd() * 4) }, sentence).join(" ");
  const out: string[] = [];
  for (let b = 0; b < blocks; b++) {
    const r = rnd();
    if (r < 0.1) out.push(`${"#".repeat(1 + Math.floor(rnd() * 3))} ${sentence().replace(/[.!?…]$/, "")}`);
    else if (r < 0.2) out.push(Array.from({ length: 3 }, () => `- ${sentence()}`).join("\n"));
    else if (r < 0.25) out.push("```\nthe the TODO e-mail\n```");
    else if (r < 0.3) out.push(`> ${para()}`);
    else if (r < 0.33) out.push("| Term | Meaning |\n| --- | --- |\n| e-mail | the the |");
    else if (r < 0.35) out.push(pick(["<!-- vale off -->", "<!-- vale on -->", "<!-- vale Brand.Repetition = NO -->"]));
    else if (r < 0.38) out.push(`${para()}\n${para()}`);
    else out.push(para());
  }
  return out.join(rnd() < 0.5 ? "\n\n" : "\r\n\r\n") + "\n";
}

/** A style exercising every rule type, with token patterns that share token streams. */
function style(): EngineConfig {
  const files: Record<string, string> = {
    "S/Occ1.yml": "extends: occurrence\nmessage: '%s'\nscope: sentence\nmax: 8\ntoken: '\\b(\\w+)\\b'\n",
    "S/Occ2.yml": "extends: occurrence\nmessage: '%s'\nscope: sentence\nmax: 9\ntoken: '\\w+'\n",
    "S/Occ3.yml": "extends: occurrence\nmessage: '%s'\nscope: sentence\nmax: 7\ntoken: '[^\\s]+'\n",
    "S/Occ4.yml": "extends: occurrence\nmessage: '%s'\nscope: paragraph\nmin: 30\ntoken: '[A-Za-z0-9]+'\n",
    "S/Occ5.yml": "extends: occurrence\nmessage: '%s'\nscope: sentence\nmax: 6\ntoken: '[a-z]+'\n",
    "S/Occ6.yml": "extends: occurrence\nmessage: '%s'\nscope: sentence\nmax: 1\ntoken: '[A-Z]+'\n",
    "S/Rep1.yml": "extends: repetition\nmessage: '%s'\nalpha: true\nignorecase: true\ntokens:\n  - '[^\\s.!?]+'\n",
    "S/Rep2.yml": "extends: repetition\nmessage: '%s'\nscope: paragraph\ntokens:\n  - '\\b\\w+\\b'\n",
    "S/Rep3.yml": "extends: repetition\nmessage: '%s'\nscope: paragraph\nignorecase: true\ntokens:\n  - '[a-z]+'\n",
    "S/Caps.yml": "extends: existence\nmessage: '%s'\ntokens:\n  - '[A-Z]+'\n",
    "S/Words.yml": "extends: existence\nmessage: '%s'\ntokens:\n  - '\\w+ing'\n",
    "S/Avoid.yml":
      "extends: existence\nmessage: '%s'\nignorecase: true\ntokens:\n  - very\n  - really\n  - in order to\n  - e-mail\n",
    "S/Case.yml": "extends: existence\nmessage: '%s'\ntokens:\n  - TODO\n  - FIXME\n  - Lectern\n",
    "S/Swap.yml":
      "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\naction:\n  name: replace\nswap:\n  e-mail: email\n  utilize: use\n  cannot: can't\n  it is: it's\n",
    "S/Swap2.yml":
      "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  '(?:e-mail|E-mail)': email\n  smart ?phone: phone\n",
    "S/Cons1.yml":
      "extends: consistency\nmessage: '%s'\nignorecase: true\neither:\n  advisor: adviser\n  email: e-mail\n",
    "S/Cons2.yml":
      "extends: consistency\nmessage: '%s'\nignorecase: true\neither:\n  centre: center\n  email: e-mail\n",
    "S/Cond1.yml":
      "extends: conditional\nmessage: '%s'\nfirst: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\nexceptions:\n  - TODO\n",
    "S/Cond2.yml":
      "extends: conditional\nmessage: '%s'\nfirst: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n",
    "S/Cond3.yml":
      "extends: conditional\nmessage: '%s'\nfirst: '\\b([A-Z]{2,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{2,5})\\)'\n",
    "S/Title.yml": "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $title\n",
    "S/Metric.yml":
      "extends: metric\nmessage: '%s'\nformula: (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59\ncondition: '> 1'\n",
    "S/Read.yml": "extends: readability\nmessage: '%s'\ngrade: 1\nmetrics:\n  - Flesch-Kincaid\n  - Gunning Fog\n",
  };
  return configFromObject({ files, sections: { "*": { BasedOnStyles: "Vale, S" } } });
}

function both(source: string, format: DocumentFormat, file: string, config: EngineConfig) {
  const fast = lint(source, { format, path: file, config });
  const plain = withFastPaths(false, () => lint(source, { format, path: file, config }));
  return { fast, plain };
}

const asHtml = (md: string) =>
  `<html><head><title>The the title</title></head><body><p>${md.replace(/\r?\n\r?\n/g, "</p>\n<p>")}</p></body></html>`;

describe("fast paths give the same alerts as the plain path", () => {
  const fixture = loadConfig(path.join(FIXTURES, ".vale.ini"));
  const own = style();

  it("the style's token patterns do take the fast path (run matchers, shared streams)", () => {
    expect(own.errors).toEqual([]);
    const runPatterns = own.rules.flatMap((r) =>
      (r.patternUses ?? []).filter((u) => u.use === "spans" && runMatcherOf(u.p.re) !== null).map(() => r.name),
    );
    expect(new Set(runPatterns)).toEqual(
      new Set([
        ...["S.Occ1", "S.Occ2", "S.Occ3", "S.Occ4", "S.Occ5", "S.Occ6"],
        ...["S.Rep1", "S.Rep2", "S.Rep3", "S.Caps", "Vale.Repetition"],
      ]),
    );
    // Occ1 (`\b(\w+)\b`) and Occ2 (`\w+`) share one token stream; `[^\s]+` has its own.
    const key = (name: string) => runMatcherOf(own.rules.find((r) => r.name === name)!.patternUses![0]!.p.re)!.key;
    expect(key("S.Occ1")).toBe(key("S.Occ2"));
    expect(key("S.Occ1")).not.toBe(key("S.Occ3"));
    expect(key("S.Caps")).not.toBe(key("S.Occ4"));
  });

  it("on the fixture documents with the fixture styles", () => {
    for (const f of fs.readdirSync(path.join(FIXTURES, "docs"))) {
      const src = fs.readFileSync(path.join(FIXTURES, "docs", f), "utf8");
      const format: DocumentFormat = f.endsWith(".md") ? "markdown" : f.endsWith(".html") ? "html" : "text";
      for (const config of [fixture, own]) {
        const { fast, plain } = both(src, format, f, config);
        expect(fast).toEqual(plain);
      }
    }
  });

  it("on generated Markdown, HTML and text documents, with the fixture styles and a style of every rule type", () => {
    let alerts = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const md = markdown(seed, 30 + seed * 10);
      for (const [format, src, file] of [
        ["markdown", md, "d.md"],
        ["text", md, "d.txt"],
        ["html", asHtml(md), "d.html"],
      ] as const) {
        for (const config of [fixture, own]) {
          const { fast, plain } = both(src, format, file, config);
          expect(fast.errors).toEqual([]);
          expect(fast).toEqual(plain);
          alerts += fast.alerts.length;
        }
      }
    }
    // The documents do trigger the rules (the comparison is not vacuous).
    expect(alerts).toBeGreaterThan(3000);
  }, 60_000);

  it("where joined-text matching has to fall back to per-view matching", () => {
    // `[^\s]+` across views, lookarounds, a pattern that can match a view separator.
    const config = configFromObject({
      files: {
        "E/Sep.yml": "extends: existence\nmessage: '%s'\nnonword: true\ntokens:\n  - 'the\\s+the'\n  - '\\n'\n",
        "E/Look.yml": "extends: existence\nmessage: '%s'\ntokens:\n  - '(?<=the )the'\n",
        "E/Any.yml": "extends: occurrence\nmessage: '%s'\nmax: 3\ntoken: '[^a]+'\n",
      },
      sections: { "*": { BasedOnStyles: "E" } },
    });
    expect(config.errors).toEqual([]);
    for (let seed = 20; seed < 26; seed++) {
      const md = markdown(seed, 60);
      const { fast, plain } = both(md, "markdown", "d.md", config);
      expect(fast).toEqual(plain);
    }
  }, 30_000);
});

describe("run matchers", () => {
  const texts = (() => {
    const rnd = mulberry32(5);
    const alphabet = [..."aZ09_ .,!?-'’\t\n\u00a0é\u212Aİ*@", "😀", "\ud800", "\udc00"];
    return Array.from({ length: 200 }, () => {
      let s = "";
      const n = Math.floor(rnd() * 60);
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)]!;
      return s;
    });
  })();

  function regexMatches(re: RegExp, text: string): number[] {
    const out: number[] = [];
    const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
    for (let m = g.exec(text); m; m = g.exec(text)) {
      if (m[0].length === 0) {
        g.lastIndex = m.index + 1;
        continue;
      }
      out.push(m.index, m[0].length);
    }
    return out;
  }

  const accepted = [
    /\w+/g,
    /(?:\b(?:\w+)\b)/g,
    /\b\w+\b/g,
    /[^\s]+/g,
    /(?:[^\s.!?]+)/g,
    /[A-Za-z0-9]+/g,
    /[a-z]+/gi,
    /\b[A-Z]+\b/gm,
    /\b[a-z]+\b/g,
    /\S+/g,
    /\d+/g,
    /.+/g,
    /.+/gs,
    /[^*@]+/g,
    /([\w'’-]+)/g,
  ];
  const rejected = [
    /\p{L}+/gu,
    /\w+?/g,
    /(?:\w)+/g,
    /\w+\b/g,
    /\b\w+/g,
    /[a-z]+s/g,
    /\w+|\d+/g,
    /\b[^a]+\b/g,
    /(\w+)\1/g,
  ];

  it("are built exactly for single-class runs and match exactly like the regex", () => {
    for (const re of accepted) {
      const m = runMatcherOf(re);
      expect(m, re.source).not.toBeNull();
      for (const t of texts) {
        const got: number[] = [];
        scanRuns(t, m!, (s, n) => got.push(s, n));
        expect(got, `${re.source} on ${JSON.stringify(t)}`).toEqual(regexMatches(re, t));
        const buf = new SpanBuffer(1);
        collectRuns(`xx${t}yy`, m!, 7, buf, 2, 2 + t.length);
        expect(Array.from(buf.index.subarray(0, buf.n))).toEqual(got.filter((_, i) => i % 2 === 0));
        expect(Array.from(buf.length.subarray(0, buf.n))).toEqual(got.filter((_, i) => i % 2 === 1));
        expect(Array.from(buf.view.subarray(0, buf.n)).every((v) => v === 7)).toBe(true);
      }
    }
  });

  it("are not built for other patterns", () => {
    for (const re of rejected) expect(runMatcherOf(re), re.source).toBeNull();
    expect(parseRunPattern("\\\\b\\w+\\b")).toBeNull();
  });

  it("tokenise several classes in one pass exactly like one pass each", () => {
    const ms = accepted.map((re) => runMatcherOf(re)!);
    const joined = texts.join("\n\u0000\n");
    const starts = new Int32Array(texts.length);
    const ends = new Int32Array(texts.length);
    let pos = 0;
    texts.forEach((t, i) => {
      starts[i] = pos;
      ends[i] = pos + t.length;
      pos += t.length + 3;
    });
    const outs = ms.map(() => new SpanBuffer(4));
    collectRunsMulti(joined, ms, starts, ends, outs, () => {});
    ms.forEach((m, j) => {
      const one = new SpanBuffer(4);
      texts.forEach((_, v) => collectRuns(joined, m, v, one, starts[v]!, ends[v]!));
      const a = outs[j]!;
      expect(a.n).toBe(one.n);
      for (const f of ["view", "index", "length"] as const) {
        expect(Array.from(a[f].subarray(0, a.n)), `${accepted[j]!.source} ${f}`).toEqual(
          Array.from(one[f].subarray(0, one.n)),
        );
      }
    });
  });
});

describe("word index", () => {
  it("finds the same word runs as a regex scan, exact and lower-cased", () => {
    const rnd = mulberry32(9);
    const vocab = ["the", "The", "e", "mail", "very", "Very", "in", "order", "x_y", "TODO", "a1", "utilize"];
    const exact = new WordSet(vocab);
    const lowerWords = [...new Set(vocab.map((w) => w.toLowerCase()))];
    const lower = new WordSet(lowerWords);
    for (let k = 0; k < 100; k++) {
      const parts: string[] = [];
      for (let i = 0; i < 80; i++) {
        parts.push(rnd() < 0.6 ? vocab[Math.floor(rnd() * vocab.length)]! : ["-", " ", ".", "xx", "E", "_"][i % 6]!);
        if (rnd() < 0.5) parts.push(" ");
      }
      const text = parts.join("");
      const reference = (hay: string, words: readonly string[]) => {
        const idx = new Map<string, number[]>();
        const re = /[A-Za-z0-9_]+/g;
        for (let m = re.exec(hay); m; m = re.exec(hay)) {
          if (!words.includes(m[0])) continue;
          idx.set(m[0], [...(idx.get(m[0]) ?? []), m.index]);
        }
        return idx;
      };
      const [e, l] = indexRuns(text, exact, lower);
      expect(e).toEqual(reference(text, vocab));
      expect(l).toEqual(reference(text.toLowerCase(), lowerWords));
      expect(exact.index(text)).toEqual(reference(text, vocab));
    }
  });

  it("merges sorted position lists like a sort", () => {
    const rnd = mulberry32(4);
    for (let k = 0; k < 50; k++) {
      const lists = Array.from({ length: Math.floor(rnd() * 6) }, () =>
        Array.from({ length: Math.floor(rnd() * 20) }, () => Math.floor(rnd() * 1000)).sort((a, b) => a - b),
      );
      expect(mergeSorted(lists)).toEqual(lists.flat().sort((a, b) => a - b));
    }
  });
});

describe("alert order", () => {
  it("is the stable sort by line, column, check and message", () => {
    const rnd = mulberry32(11);
    const checks = ["A.x", "B.y", "B.z", "C"];
    for (const lines of [3, 50, 2000]) {
      const alerts: Alert[] = Array.from({ length: 600 }, (_, i) => ({
        Action: { Name: "", Params: null },
        Span: [1 + Math.floor(rnd() * 4), 9],
        Check: checks[Math.floor(rnd() * checks.length)]!,
        Description: "",
        Link: "",
        Message: ["m1", "m2"][Math.floor(rnd() * 2)]!,
        Severity: "warning",
        Match: String(i),
        Line: 1 + Math.floor(rnd() * lines),
        start: i,
        end: i,
      }));
      const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
      const expected = [...alerts].sort(
        (a, b) => a.Line - b.Line || a.Span[0] - b.Span[0] || cmp(a.Check, b.Check) || cmp(a.Message, b.Message),
      );
      const rank = [...checks].sort(cmp);
      const got = sortAlerts(
        [...alerts],
        alerts.map((a) => a.Line),
        alerts.map((a) => a.Span[0]),
        alerts.map((a) => rank.indexOf(a.Check)),
      );
      expect(got.map((a) => a.Match)).toEqual(expected.map((a) => a.Match));
    }
  });
});

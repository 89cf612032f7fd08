/**
 * Hidden text: content a person reviewing the brief does not see but a model reads.
 *
 * - zero-width and other invisible format characters inside words or in long runs (a zero-width
 *   joiner inside an emoji sequence, ZWNJ in Persian, LRM/RLM next to Hebrew/Arabic are normal);
 * - Unicode tag characters (U+E0000–U+E007F), which smuggle ASCII (flag emoji subdivisions excepted);
 * - bidi overrides (U+202D/U+202E) and, outside right-to-left text, embeddings and isolates;
 * - runs of variation selectors used as a byte channel;
 * - HTML comments (Outlook conditional comments excepted), CSS-hidden elements (display:none,
 *   visibility:hidden, font-size:0, opacity:0, white text without a background);
 * - markdown image alt text and link titles that read like instructions.
 *
 * Also returns the text hidden behind a right-to-left override, reversed, so the phrase rules can
 * read what the model sees.
 */
import type { InjectionSignal } from "@/lib/schemas/guardrails";
import { MAX_SIGNALS_PER_KIND, makeSignal } from "./signal";

/** Words that make hidden content look aimed at a model. */
export const INSTRUCTION_LEXICON =
  /(?<![\p{L}\p{N}])(?:ai|llm|gpt|chatgpt|assistant|assistent|asistente|assistente|language model|chatbot|bot|ki|ia|ignore|ignoriere|ignorez|ignora|negeer|disregard|forget|vergiss|oublie|olvida|instructions?|instruc\p{L}*|istruzion\p{L}*|anweisung\p{L}*|prompt|you must|you should|you are|reply|respond|reveal|tell (?:the )?(?:user|reader|customer)s?|tell readers|recommend|mark this|say that|write that|append)(?![\p{L}\p{N}])/iu;

export type HiddenPayload = { start: number; end: number; text: string; via: string };

const isLatinLetterOrDigit = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
/** Letters of scripts where ZWJ/ZWNJ/ZWSP are part of normal writing (Arabic, Indic, Thai, CJK…). */
const isComplexScript = (c: number) =>
  (c >= 0x0590 && c <= 0x08ff) ||
  (c >= 0x0900 && c <= 0x109f) ||
  (c >= 0x1780 && c <= 0x18af) ||
  (c >= 0x2e80 && c <= 0x9fff) ||
  (c >= 0xac00 && c <= 0xd7af) ||
  (c >= 0xfb1d && c <= 0xfdff) ||
  (c >= 0xfe70 && c <= 0xfeff);
const isRtlLetter = (c: number) =>
  (c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
/** Emoji-ish code points (including modifiers) around which ZWJ and VS16 are normal. */
const isPictographic = (cp: number) =>
  (cp >= 0x1f000 && cp <= 0x1faff) ||
  (cp >= 0x2600 && cp <= 0x27bf) ||
  (cp >= 0x2b00 && cp <= 0x2bff) ||
  cp === 0x2764 ||
  (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
  cp === 0xfe0f ||
  cp === 0x20e3;

/** Zero-width and invisible format characters we treat as hiding (not bidi, not tags, not VS). */
const isZeroWidth = (cp: number) =>
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x2060 && cp <= 0x2064) ||
  cp === 0xfeff ||
  cp === 0x180e ||
  cp === 0x00ad ||
  cp === 0x034f ||
  cp === 0x115f ||
  cp === 0x1160 ||
  cp === 0x3164 ||
  cp === 0xffa0;
const isBidiControl = (cp: number) => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
const isTag = (cp: number) => cp >= 0xe0000 && cp <= 0xe007f;
const isVariationSelector = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}
/** The code point that ends just before index i (handles surrogate pairs and lone surrogates). */
function codePointBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

type Run = { start: number; end: number; count: number };

export function scanHiddenText(text: string): { signals: InjectionSignal[]; payloads: HiddenPayload[] } {
  const signals: InjectionSignal[] = [];
  const payloads: HiddenPayload[] = [];
  const push = (s: InjectionSignal) => {
    if (signals.length < MAX_SIGNALS_PER_KIND * 4) signals.push(s);
  };

  let hasRtl = false;
  for (let i = 0; i < text.length && !hasRtl; i++) hasRtl = isRtlLetter(text.charCodeAt(i));

  // --- Invisible characters, in one pass over code points.
  const zwRuns: Run[] = [];
  let zwTotal = 0;
  let zwInsideWord = 0;
  let run: Run | null = null;
  let tagRun: Run | null = null;
  let vsRun: Run | null = null;
  const closeTagRun = () => {
    if (!tagRun) return;
    const t = tagRun;
    tagRun = null;
    const before = codePointBefore(text, t.start);
    const lastTag = codePointBefore(text, t.end);
    // Flag subdivisions: 🏴 + a few tag letters + CANCEL TAG.
    if (before === 0x1f3f4 && lastTag === 0xe007f && t.count <= 8) return;
    let decoded = "";
    for (const ch of text.slice(t.start, t.end)) {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0xe0020 && cp <= 0xe007e) decoded += String.fromCharCode(cp - 0xe0000);
    }
    push(
      makeSignal(
        "hidden_text",
        text,
        t.start,
        t.end,
        0.7,
        `Unicode tag characters hide text: "${decoded.slice(0, 80)}"`,
      ),
    );
  };
  const closeVsRun = () => {
    if (vsRun && vsRun.count >= 3) {
      push(makeSignal("hidden_text", text, vsRun.start, vsRun.end, 0.5, `${vsRun.count} variation selectors in a row`));
    }
    vsRun = null;
  };

  for (let i = 0; i < text.length;) {
    const cp = codePointAt(text, i);
    const width = cp > 0xffff ? 2 : 1;
    const next = i + width;

    if (isTag(cp)) {
      if (tagRun) {
        tagRun.end = next;
        tagRun.count++;
      } else tagRun = { start: i, end: next, count: 1 };
    } else closeTagRun();

    if (isVariationSelector(cp)) {
      if (vsRun) {
        vsRun.end = next;
        vsRun.count++;
      } else vsRun = { start: i, end: next, count: 1 };
    } else closeVsRun();

    if (isZeroWidth(cp) && !(cp === 0xfeff && i === 0)) {
      const prev = codePointBefore(text, i);
      const after = codePointAt(text, next);
      const legit =
        ((cp === 0x200d || cp === 0x200c) &&
          (isPictographic(prev) || isPictographic(after) || isComplexScript(prev) || isComplexScript(after))) ||
        ((cp === 0x200e || cp === 0x200f) && hasRtl) ||
        (cp === 0x200b && (isComplexScript(prev) || isComplexScript(after)));
      if (!legit) {
        zwTotal++;
        if (run && run.end === i) {
          run.end = next;
          run.count++;
        } else {
          run = { start: i, end: next, count: 1 };
          zwRuns.push(run);
        }
      }
    }

    if (isBidiControl(cp)) {
      const override = cp === 0x202d || cp === 0x202e;
      if (override || !hasRtl) {
        // Span to the matching PDF/PDI (or end of line) so the signal shows what the override hides.
        let end = next;
        const stop = Math.min(text.length, next + 2000);
        while (end < stop) {
          const c = text.charCodeAt(end);
          if (c === 0x202c || c === 0x2069 || c === 0x0a) break;
          end++;
        }
        const closed = end < text.length && (text.charCodeAt(end) === 0x202c || text.charCodeAt(end) === 0x2069);
        const spanEnd = closed ? end + 1 : end;
        const hidden = text.slice(next, end);
        push(
          makeSignal(
            "hidden_text",
            text,
            i,
            spanEnd,
            override ? 0.5 : 0.3,
            override
              ? "bidi override reorders the text a reader sees"
              : "bidi control characters in left-to-right text",
          ),
        );
        if (cp === 0x202e && hidden.length > 0) {
          payloads.push({
            start: i,
            end: spanEnd,
            text: [...hidden].reverse().join(""),
            via: "right-to-left override",
          });
        }
        i = spanEnd;
        run = null;
        continue;
      }
    }
    i = next;
  }
  closeTagRun();
  closeVsRun();

  for (const r of zwRuns) {
    const prev = codePointBefore(text, r.start);
    const after = codePointAt(text, r.end);
    if (isLatinLetterOrDigit(prev) && isLatinLetterOrDigit(after)) zwInsideWord++;
  }
  if (zwRuns.length > 0) {
    const longest = zwRuns.reduce((a, b) => (b.count > a.count ? b : a));
    const many = zwTotal >= 8;
    const weight = zwInsideWord > 0 || longest.count >= 4 || many ? 0.5 : 0.35;
    const detail =
      zwInsideWord > 0
        ? `${zwTotal} zero-width character(s), ${zwInsideWord} splitting words`
        : `${zwTotal} zero-width character(s)${longest.count >= 4 ? `, a run of ${longest.count}` : ""}`;
    // One signal per run (capped), all carrying the document-level weight.
    for (const r of zwRuns.slice(0, MAX_SIGNALS_PER_KIND)) {
      push(makeSignal("hidden_text", text, r.start, r.end, weight, detail));
    }
  }

  scanHtmlComments(text, push);
  scanCssHidden(text, push);
  scanMarkdownHidden(text, push);
  return { signals, payloads };
}

function scanHtmlComments(text: string, push: (s: InjectionSignal) => void) {
  let from = 0;
  for (let count = 0; count < 200; count++) {
    const open = text.indexOf("<!--", from);
    if (open < 0) return;
    const close = text.indexOf("-->", open + 4);
    const end = close < 0 ? text.length : close + 3;
    const body = text.slice(open + 4, close < 0 ? text.length : close);
    from = end;
    // Outlook conditional comments in e-mail HTML.
    if (/^\s*\[if\b/i.test(body) || /<!\[endif\]\s*$/i.test(body) || /^\s*\[endif\]/i.test(body)) continue;
    const letters = body.replace(/[^\p{L}]/gu, "").length;
    if (letters < 3) continue;
    const aimed = INSTRUCTION_LEXICON.test(body);
    push(
      makeSignal(
        "hidden_text",
        text,
        open,
        end,
        aimed ? 0.55 : 0.25,
        aimed ? "HTML comment with instructions" : "HTML comment (invisible when rendered)",
      ),
    );
    if (close < 0) return;
  }
}

const OPEN_TAG = /<([a-zA-Z][a-zA-Z0-9]{0,20})\b([^<>]{0,2000})>/g;
const HIDING_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*(?:0|0?\.\d+|1)(?:px|pt|em|rem|%)?\s*(?:[;"'!]|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:[;"'!]|$)|(?:max-)?height\s*:\s*0[^;]*;[^"']*overflow\s*:\s*hidden|(?:left|top|text-indent)\s*:\s*-\d{3,}/i;
const WHITE_TEXT = /(?:^|[;"'\s])color\s*:\s*(?:#fff(?:fff)?\b|white\b|rgba?\(\s*255\s*,\s*255\s*,\s*255)/i;
const BACKGROUND = /background(?:-color)?\s*:\s*(?!\s*(?:#fff(?:fff)?\b|white\b|transparent\b))/i;

function scanCssHidden(text: string, push: (s: InjectionSignal) => void) {
  let count = 0;
  for (const m of text.matchAll(OPEN_TAG)) {
    if (++count > 5000) return;
    const attrs = m[2]!;
    const style = /style\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attrs);
    const css = style ? (style[2] ?? style[3] ?? "") : "";
    const hiddenAttr = /(?:^|\s)hidden(?:\s|=|$)/i.test(attrs);
    const hides = HIDING_STYLE.test(css) || hiddenAttr;
    const white = !hides && WHITE_TEXT.test(css) && !BACKGROUND.test(css);
    if (!hides && !white) continue;
    const name = m[1]!.toLowerCase();
    const openEnd = m.index + m[0].length;
    const window = text.slice(openEnd, openEnd + 5000);
    const closeRel = window.search(new RegExp(`</${name}\\b`, "i"));
    const closeAt = closeRel >= 0 ? openEnd + closeRel : -1;
    const bodyEnd = closeAt >= 0 ? closeAt : Math.min(text.length, openEnd + 500);
    const body = text.slice(openEnd, bodyEnd).replace(/<[^<>]{0,500}>/g, " ");
    if (body.replace(/[^\p{L}]/gu, "").length < 3) continue;
    const gt = closeAt >= 0 ? text.slice(closeAt, closeAt + 40).indexOf(">") : -1;
    const end = gt >= 0 ? closeAt + gt + 1 : bodyEnd;
    const aimed = INSTRUCTION_LEXICON.test(body);
    const weight = white ? (aimed ? 0.5 : 0.3) : aimed ? 0.6 : 0.45;
    push(
      makeSignal(
        "hidden_text",
        text,
        m.index,
        end,
        weight,
        `${white ? "white-on-white" : "CSS-hidden"} HTML element${aimed ? " with instructions" : ""}`,
      ),
    );
  }
}

const MD_IMAGE = /!\[([^\[\]\n]{0,1000})\]\(([^()\s]{0,2000})(?:\s{1,3}["']([^"'\n]{0,1000})["'])?\s{0,3}\)/g;
const MD_LINK_TITLE = /(?<!!)\[[^\[\]\n]{0,1000}\]\([^()\s]{0,2000}\s{1,3}["']([^"'\n]{1,1000})["']\s{0,3}\)/g;
const HTML_ALT_TITLE = /\b(?:alt|title)\s{0,3}=\s{0,3}"([^"<>]{20,1000})"/gi;

function scanMarkdownHidden(text: string, push: (s: InjectionSignal) => void) {
  for (const m of text.matchAll(MD_IMAGE)) {
    const alt = m[1] ?? "";
    const title = m[3] ?? "";
    const hidden = `${alt} ${title}`;
    if (INSTRUCTION_LEXICON.test(hidden) && hidden.trim().split(/\s+/).length >= 4) {
      push(
        makeSignal(
          "hidden_text",
          text,
          m.index,
          m.index + m[0].length,
          0.45,
          "markdown image alt/title with instructions",
        ),
      );
    }
  }
  for (const m of text.matchAll(MD_LINK_TITLE)) {
    const title = m[1]!;
    if (INSTRUCTION_LEXICON.test(title) && title.trim().split(/\s+/).length >= 4) {
      push(
        makeSignal("hidden_text", text, m.index, m.index + m[0].length, 0.45, "markdown link title with instructions"),
      );
    }
  }
  for (const m of text.matchAll(HTML_ALT_TITLE)) {
    if (INSTRUCTION_LEXICON.test(m[1]!) && m[1]!.trim().split(/\s+/).length >= 5) {
      push(makeSignal("hidden_text", text, m.index, m.index + m[0].length, 0.4, "HTML alt/title with instructions"));
    }
  }
}

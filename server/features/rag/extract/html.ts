import { parse, type DefaultTreeAdapterTypes } from "parse5";
import sanitizeHtml from "sanitize-html";
import { cleanTitle } from "./markdown";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/**
 * Structural and inline tags the chunker understands. `nav` is kept (not unwrapped) because the
 * chunker skips menus by that tag; unwrapping it would index every menu link as prose.
 */
const KEEP_TAGS = [
  ...["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code"],
  ...["ul", "ol", "li", "dl", "dt", "dd"],
  ...["table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"],
  ...["a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark"],
  ...["div", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption", "span"],
];

/**
 * Disallowed elements whose content goes too (every other disallowed tag, such as `html`, `body`,
 * `form` or `font`, is unwrapped and its text kept). Scripts, styles and embedded documents are
 * code, not copy; `title` is read separately and would otherwise appear twice; form controls and
 * media fallbacks ("Your browser does not support video") are interface text, not content.
 */
const DROP_WITH_CONTENT = [
  ...["script", "style", "noscript", "template", "xmp", "title"],
  ...["iframe", "frame", "frameset", "noframes", "object", "embed", "applet", "noembed"],
  ...["textarea", "select", "option", "optgroup", "datalist", "button", "label"],
  ...["svg", "math", "canvas", "audio", "video"],
];

const SAFE_SCHEMES = ["http", "https", "mailto", "tel"];

type Counter = "script" | "style" | "embedded" | "form" | "handler" | "unsafeLink";

const COUNTER_TAGS: Record<string, Counter> = {
  script: "script",
  style: "style",
  iframe: "embedded",
  frame: "embedded",
  object: "embedded",
  embed: "embedded",
  applet: "embedded",
  form: "form",
};

export type SanitizedHtml = { html: string; warnings: string[] };

/**
 * Sanitises uploaded HTML with sanitize-html (an allow-list over htmlparser2: nothing is rendered
 * or executed). What remains is structure and text: no scripts, styles, embedded documents, form
 * controls, event-handler attributes, inline styles or non-http(s)/mailto/tel URLs. Warnings count
 * what was removed, so the uploader knows that interactive parts of the page were not kept.
 */
export function sanitizeUploadedHtml(source: string): SanitizedHtml {
  const counts = new Map<Counter, number>();
  const bump = (c: Counter) => counts.set(c, (counts.get(c) ?? 0) + 1);
  const html = sanitizeHtml(source, {
    allowedTags: KEEP_TAGS,
    allowedAttributes: {
      a: ["href", "title"],
      ol: ["start"],
      th: ["colspan", "rowspan", "scope"],
      td: ["colspan", "rowspan"],
    },
    allowedSchemes: SAFE_SCHEMES,
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: DROP_WITH_CONTENT,
    // Counts what the sanitiser's own parser sees, so the warnings match what it removed.
    onOpenTag: (name, attribs) => {
      const counter = Object.hasOwn(COUNTER_TAGS, name) ? COUNTER_TAGS[name] : undefined;
      if (counter) bump(counter);
      for (const [attr, value] of Object.entries(attribs)) {
        if (/^on/i.test(attr)) bump("handler");
        else if (attr === "href" && !isSafeUrl(value)) bump("unsafeLink");
      }
    },
  });
  return { html, warnings: removalWarnings(counts) };
}

/** Mirrors sanitize-html's scheme check loosely enough for counting: relative URLs are fine. */
function isSafeUrl(value: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.includes(scheme);
}

function removalWarnings(counts: Map<Counter, number>): string[] {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const messages: Record<Counter, (n: number) => string> = {
    script: (n) => `Removed ${plural(n, "<script> element", "<script> elements")}`,
    style: (n) => `Removed ${plural(n, "<style> element", "<style> elements")}`,
    embedded: (n) =>
      `Removed ${plural(n, "embedded frame or object", "embedded frames or objects")} (<iframe>, <object>, <embed>)`,
    form: (n) => `Removed ${plural(n, "form", "forms")} (fields and buttons are not indexed)`,
    handler: (n) => `Removed ${plural(n, "event-handler attribute", "event-handler attributes")} (onclick and similar)`,
    unsafeLink: (n) => `Removed ${plural(n, "unsafe link target", "unsafe link targets")} (javascript: and similar)`,
  };
  const order: Counter[] = ["script", "style", "embedded", "form", "handler", "unsafeLink"];
  return order.flatMap((c) => {
    const n = counts.get(c) ?? 0;
    return n > 0 ? [messages[c](n)] : [];
  });
}

/**
 * `<title>`, else the first `<h1>`, read from the raw upload with parse5 (a spec-compliant parser
 * that builds a tree and runs nothing) before sanitising drops `<title>`. SVG/MathML subtrees and
 * template contents are ignored (SVG has a `<title>` of its own).
 */
export function htmlTitle(source: string): string | null {
  const document = parse(source);
  const title = findElement(document, "title");
  const fromTitle = title ? cleanTitle(textContent(title)) : null;
  if (fromTitle) return fromTitle;
  const h1 = findElement(document, "h1");
  return h1 ? cleanTitle(textContent(h1)) : null;
}

const OPAQUE = new Set(["svg", "math", "script", "style", "template", "noscript"]);

function findElement(node: Node, tagName: string): Element | null {
  if (!("childNodes" in node)) return null;
  for (const child of node.childNodes) {
    if (!("tagName" in child)) continue;
    if (child.tagName === tagName) return child;
    if (OPAQUE.has(child.tagName)) continue;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return null;
}

function textContent(node: Node): string {
  if (node.nodeName === "#text" && "value" in node) return node.value;
  if (node.nodeName === "br") return " ";
  if (!("childNodes" in node) || ("tagName" in node && OPAQUE.has(node.tagName))) return "";
  return node.childNodes.map(textContent).join("");
}

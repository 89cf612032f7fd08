import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.Node;

/** Decodes HTML character references (`&amp;`, `&#x41;`, `&nbsp;` …) the way browsers do; tags are left alone. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  const fragment = parseFragment(s.replace(/</g, "&lt;"));
  return fragment.childNodes.map((n) => ("value" in n && n.nodeName === "#text" ? n.value : "")).join("");
}

const HIDDEN = new Set(["script", "style", "noscript", "template", "head"]);

/** Visible text of an HTML snippet (Markdown HTML blocks), whitespace collapsed. */
export function htmlSnippetText(html: string): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === "#text" && "value" in node) out.push(node.value);
    if (HIDDEN.has(node.nodeName)) return;
    if ("childNodes" in node) for (const c of node.childNodes) walk(c);
  };
  walk(parseFragment(html));
  return collapse(out.join(" "));
}

/** Collapses runs of whitespace (including no-break spaces) to single spaces and trims. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

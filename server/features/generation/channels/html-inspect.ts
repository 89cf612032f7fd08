/** Parses rendered HTML (parse5, as a browser would) to check what a reader will actually get. */
import { parse, type DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export type HtmlElementInfo = { tag: string; attrs: Record<string, string>; text: string };

export type HtmlSummary = {
  /** Every element in document order. */
  elements: HtmlElementInfo[];
  /** The document's text outside `<head>`, `<script>`, `<style>` and hidden elements, whitespace collapsed. */
  visibleText: string;
};

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterTypes.TextNode).value;
  const children = "childNodes" in node ? (node.childNodes as Node[]) : [];
  const content = "content" in node ? [(node as DefaultTreeAdapterTypes.Template).content as Node] : [];
  return [...children, ...content].map(textOf).join("");
}

function hidden(el: Element): boolean {
  const style = el.attrs.find((a) => a.name === "style")?.value ?? "";
  return /display\s*:\s*none/i.test(style) || el.attrs.some((a) => a.name === "hidden");
}

const INVISIBLE = new Set(["head", "script", "style", "template", "noscript", "title"]);

export function inspectHtml(html: string): HtmlSummary {
  const doc = parse(html);
  const elements: HtmlElementInfo[] = [];
  const visible: string[] = [];
  const walk = (node: Node, show: boolean) => {
    if (node.nodeName === "#text") {
      if (show) visible.push((node as DefaultTreeAdapterTypes.TextNode).value);
      return;
    }
    let nowShow = show;
    if (isElement(node)) {
      elements.push({
        tag: node.tagName,
        attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])),
        text: textOf(node),
      });
      if (INVISIBLE.has(node.tagName) || hidden(node)) nowShow = false;
      if (node.tagName === "br" && show) visible.push("\n");
    }
    if ("childNodes" in node) for (const child of node.childNodes as Node[]) walk(child, nowShow);
  };
  walk(doc, true);
  return { elements, visibleText: visible.join("").replace(/\s+/g, " ").trim() };
}

/** Collapses whitespace, for "does the text contain …" checks. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Finds JSON-LD in HTML: every `<script type="application/ld+json">` (type compared
 * case-insensitively, parameters such as `; charset=utf-8` allowed). Script content is raw text
 * in HTML (no entity decoding), so the block is sliced from the source and its offset kept for
 * mapping positions back to the HTML file.
 */
import { Parser } from "htmlparser2";

export type ScriptBlock = {
  /** The script's text content, exactly as in the source. */
  text: string;
  /** Offset of `text` in the HTML source. */
  offset: number;
};

export function isJsonLdType(type: string | undefined): boolean {
  if (type === undefined) return false;
  const semicolon = type.indexOf(";");
  const mime = (semicolon < 0 ? type : type.slice(0, semicolon)).trim().toLowerCase();
  return mime === "application/ld+json";
}

export function extractJsonLdBlocks(html: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  let openEnd = -1;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "script" && isJsonLdType(attributes["type"])) openEnd = parser.endIndex + 1;
      },
      onclosetag(name, isImplied) {
        if (name !== "script" || openEnd < 0) return;
        // An unclosed script runs to the end of the document.
        const end = isImplied ? html.length : parser.startIndex;
        blocks.push({ text: html.slice(openEnd, Math.max(openEnd, end)), offset: openEnd });
        openEnd = -1;
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return blocks;
}

/** `auto` input sniffing: HTML when the first non-space character is `<`. */
export function looksLikeHtml(text: string): boolean {
  const m = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return m !== null && m[0] === "<";
}

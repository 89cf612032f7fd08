/**
 * Disclaimers triggered by content ("if a price is mentioned, the price disclaimer must
 * appear"): Lectern's own check, because Vale's `conditional` compares captured text, not the
 * presence of two unrelated phrases. Alerts have the engine's shape, at the first trigger.
 */
import type { BrandVoice, Channel } from "@/lib/schemas/brand";
import type { Alert } from "../engine";
import { literal } from "./compile";

/** A currency sign or code next to a number; separators only between digits ("€149." is "€149"). */
const PRICE = /(?:[$€£¥]\s?\d+(?:[.,]\d+)*|\b\d+(?:[.,]\d+)*\s?(?:USD|EUR|GBP|€|\$)(?![\p{L}\p{N}]))/u;
const PERCENT = /\b\d+(?:[.,]\d+)?\s?%/;

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const col = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
  return { line, col };
}

export function checkDisclaimers(text: string, voice: BrandVoice, channel: Channel): Alert[] {
  const out: Alert[] = [];
  const normalized = text.replace(/\s+/g, " ").toLowerCase();
  for (const d of voice.disclaimers) {
    if (d.trigger.kind === "always" || !d.channels.includes(channel)) continue;
    if (normalized.includes(d.text.replace(/\s+/g, " ").toLowerCase())) continue;
    const re =
      d.trigger.kind === "price"
        ? PRICE
        : d.trigger.kind === "percent"
          ? PERCENT
          : new RegExp(`\\b(?:${d.trigger.words.map(literal).join("|")})\\b`, "iu");
    const m = re.exec(text);
    if (!m) continue;
    const { line, col } = lineCol(text, m.index);
    out.push({
      Action: { Name: "", Params: null },
      Span: [col, col + [...m[0]].length - 1],
      Check: `Brand.Disclaimer${d.id}`,
      Description: "",
      Link: "",
      Message: `'${m[0]}' needs the disclaimer “${d.text}”.`,
      Severity: "error",
      Match: m[0],
      Line: line,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

import { DocumentSink, type ParsedDocument } from "./document";
import { TextBuilder } from "./mapped";

/**
 * Plain text, as Vale's `.txt` handling: the whole file is one `text` block (so a `text` rule
 * sees the whole file), and each blank-line separated chunk is a `paragraph`.
 */
export function parsePlainText(src: string, ext = "txt"): ParsedDocument {
  const sink = new DocumentSink(ext);
  const start = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tb = new TextBuilder();
  tb.append(src.slice(start), start);
  sink.add(tb.build(), "text", true);
  return sink.finish(src, "text");
}

/** Splits a block into paragraphs on blank lines: `[start, end)` ranges in the block text. */
export function paragraphRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start) out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

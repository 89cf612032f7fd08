import type { TextBuilder } from "./mapped";

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  rsquo: "\u2019",
  lsquo: "\u2018",
  rdquo: "\u201d",
  ldquo: "\u201c",
  sbquo: "\u201a",
  bdquo: "\u201e",
  mdash: "\u2014",
  ndash: "\u2013",
  hellip: "\u2026",
  copy: "\u00a9",
  reg: "\u00ae",
  trade: "\u2122",
  times: "\u00d7",
  middot: "\u00b7",
  bull: "\u2022",
  laquo: "\u00ab",
  raquo: "\u00bb",
  eacute: "\u00e9",
  egrave: "\u00e8",
  aacute: "\u00e1",
  agrave: "\u00e0",
  ouml: "\u00f6",
  uuml: "\u00fc",
  auml: "\u00e4",
  szlig: "\u00df",
  ccedil: "\u00e7",
  euro: "\u20ac",
  pound: "\u00a3",
  deg: "\u00b0",
  shy: "\u00ad",
  zwj: "\u200d",
  zwnj: "\u200c",
  thinsp: "\u2009",
  ensp: "\u2002",
  emsp: "\u2003",
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

/** Decodes the entity starting at `src[i]` (which is "&"); returns [decoded, length] or null. */
export function decodeEntityAt(src: string, i: number): [string, number] | null {
  ENTITY.lastIndex = i;
  const m = ENTITY.exec(src);
  if (!m) return null;
  let cp: number | undefined;
  if (m[1] !== undefined) cp = Number(m[1]);
  else if (m[2] !== undefined) cp = parseInt(m[2], 16);
  if (cp !== undefined) {
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return ["\ufffd", m[0].length];
    return [String.fromCodePoint(cp), m[0].length];
  }
  const named = NAMED[m[3]!];
  return named === undefined ? null : [named, m[0].length];
}

/** Appends `src[start:end]` to `out`, decoding character references with exact mapping. */
export function appendDecoded(out: TextBuilder, src: string, start: number, end: number): void {
  let run = start;
  let i = src.indexOf("&", start);
  while (i >= 0 && i < end) {
    const dec = decodeEntityAt(src, i);
    if (dec && i + dec[1] <= end) {
      if (i > run) out.append(src.slice(run, i), run);
      out.appendAtomic(dec[0], i, i + dec[1]);
      run = i + dec[1];
      i = src.indexOf("&", run);
    } else {
      i = src.indexOf("&", i + 1);
    }
  }
  if (end > run) out.append(src.slice(run, end), run);
}

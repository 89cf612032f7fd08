/** Character tables built from the JavaScript regex engine itself, so they agree with it exactly. */

let allUnits: string | null = null;

/** Every UTF-16 code unit once, in order (65,536 characters). */
export function everyUnit(): string {
  if (allUnits === null) {
    const parts: string[] = [];
    for (let c = 0; c < 65536; c += 4096) {
      const chunk = new Array<number>(4096);
      for (let k = 0; k < 4096; k++) chunk[k] = c + k;
      parts.push(String.fromCharCode(...chunk));
    }
    allUnits = parts.join("");
  }
  return allUnits;
}

/** 1 for each UTF-16 unit that, as a one-character string, matches the one-character class. */
export function unitTable(classSource: string, flags = ""): Uint8Array {
  const f = flags.replace(/[gyd]/g, "");
  const re = new RegExp(`(?:${classSource})+`, `${f}g`);
  const all = everyUnit();
  const table = new Uint8Array(65536);
  for (let m = re.exec(all); m !== null; m = re.exec(all)) table.fill(1, m.index, m.index + m[0].length);
  if (f.includes("u") || f.includes("v")) {
    // With code-point semantics the scan paired U+DBFF with U+DC00: test surrogates one by one.
    const one = new RegExp(`^(?:${classSource})$`, f);
    for (let c = 0xd800; c <= 0xdfff; c++) table[c] = one.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return table;
}

/** `/\s/`: JavaScript whitespace and line terminators. */
export const SPACE = unitTable("\\s");

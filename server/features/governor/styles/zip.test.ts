import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseStyleZip } from "./zip";

const WEASEL = `extends: existence
message: "'%s' is a weasel word!"
ignorecase: true
level: warning
tokens:
  - clearly
  - very
`;
const HEADINGS = `extends: capitalization
message: "'%s' should use sentence-style capitalization."
level: suggestion
scope: heading
match: $sentence
`;

function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v])),
  );
}

describe("parseStyleZip", () => {
  it("reads styles at the top, under styles/ with a .vale.ini, and under an extra root folder", () => {
    for (const prefix of ["", "styles/", "acme-vale-main/styles/"]) {
      const r = parseStyleZip(
        zip({ [`${prefix}Acme/Weasel.yml`]: WEASEL, [`${prefix}Acme/Headings.yaml`]: HEADINGS, ".vale.ini": "x" }),
      );
      expect(r.problems).toEqual([]);
      expect(r.styles).toHaveLength(1);
      expect(r.styles[0]!.name).toBe("Acme");
      expect(Object.keys(r.styles[0]!.files).sort()).toEqual(["Acme/Headings.yml", "Acme/Weasel.yml"]);
      expect(r.styles[0]!.rules.map((x) => [x.check, x.kind, x.level])).toEqual([
        ["Acme.Headings", "capitalization", "suggestion"],
        ["Acme.Weasel", "existence", "warning"],
      ]);
    }
  });

  it("names a zip of bare rule files after the zip, and keeps the style's vocabulary", () => {
    const r = parseStyleZip(
      zip({ "Weasel.yml": WEASEL, "config/vocabularies/Team Style/accept.txt": "Lectern\n" }),
      "Team Style.zip",
    );
    expect(r.styles.map((s) => s.name)).toEqual(["TeamStyle"]);
    const withVocab = parseStyleZip(
      zip({ "Team/Weasel.yml": WEASEL, "config/vocabularies/Team/accept.txt": "Lectern\n" }),
    );
    expect(withVocab.styles[0]!.vocab).toEqual(["Team"]);
    expect(withVocab.styles[0]!.files["config/vocabularies/Team/accept.txt"]).toBe("Lectern\n");
  });

  it("leaves out a broken rule with its file and line, and keeps the others", () => {
    const r = parseStyleZip(
      zip({
        "Acme/Weasel.yml": WEASEL,
        "Acme/Broken.yml": "extends: existence\nmessage: x\ntokens: [unclosed\n",
        "Acme/Unknown.yml": "extends: telepathy\nmessage: x\n",
      }),
    );
    expect(r.styles[0]!.rules.map((x) => x.check)).toEqual(["Acme.Weasel"]);
    expect(Object.keys(r.styles[0]!.files)).toEqual(["Acme/Weasel.yml"]);
    const files = r.problems.map((p) => p.file);
    expect(files).toEqual(expect.arrayContaining(["Acme/Broken.yml", "Acme/Unknown.yml"]));
    expect(r.problems.find((p) => p.file === "Acme/Broken.yml")!.line).toBeGreaterThan(0);
  });

  it("refuses reserved names, non-UTF-8 files, non-zips and zips without rules, saying why", () => {
    expect(() => parseStyleZip(zip({ "Brand/Weasel.yml": WEASEL }))).toThrow(/reserved/);
    expect(() => parseStyleZip(zip({ "Acme/Weasel.yml": new Uint8Array([0x6d, 0xff, 0xfe, 0x00]) }))).toThrow(
      /Acme\/Weasel\.yml is not UTF-8/,
    );
    expect(() => parseStyleZip(strToU8("not a zip at all"))).toThrow(/could not be read as a zip/);
    expect(() => parseStyleZip(zip({ "README.md": "# hi" }))).toThrow(/No Vale rules found/);
    expect(() => parseStyleZip(zip({ "Acme/Bad.yml": "extends: nope\nmessage: x\n" }))).toThrow(
      /No style in the zip could be imported: .*Acme\/Bad\.yml/,
    );
  });

  it("ignores macOS metadata, hidden folders and path traversal", () => {
    const r = parseStyleZip(
      zip({
        "Acme/Weasel.yml": WEASEL,
        "__MACOSX/Acme/._Weasel.yml": "junk",
        "Acme/.hidden/Nope.yml": WEASEL,
        "../Evil/Weasel.yml": WEASEL,
      }),
    );
    expect(r.styles.map((s) => s.name)).toEqual(["Acme"]);
    expect(r.styles[0]!.rules).toHaveLength(1);
  });
});

/** Reading a folder of documents for `lectern ingest` and the demo seed. */
import fs from "node:fs";
import path from "node:path";
import { detectFormat } from "./extract";

export type FolderFile = { absolute: string; relative: string };

/** Supported files under `root` (or `root` itself when it is a file), sorted, skipping hidden folders. */
export function listDocumentFiles(root: string, opts: { skip?: (relative: string) => boolean } = {}): FolderFile[] {
  const abs = path.resolve(root);
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat) throw new Error(`No such file or folder: ${root}`);
  if (stat.isFile()) return detectFormat(abs, null) ? [{ absolute: abs, relative: path.basename(abs) }] : [];
  const out: FolderFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && detectFormat(entry.name, null)) {
        const relative = path.relative(abs, full).split(path.sep).join("/");
        if (!opts.skip?.(relative)) out.push({ absolute: full, relative });
      }
    }
  };
  walk(abs);
  return out;
}

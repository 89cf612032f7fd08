/**
 * `{"@id": …}` references are resolved after every block is walked, so a reference may point to
 * a node defined later in the document or in another script block of the same page.
 */
import { finding, schemaTerm } from "../findings";
import { keyPath } from "../paths";
import { isAbsoluteUrl } from "./urls";
import { nodeFitsRange, rangeSpec } from "./values";
import type { WalkResult } from "./walk";
import type { Vocabulary } from "../vocabulary/types";

export function resolveReferences(vocab: Vocabulary, walk: WalkResult): void {
  for (const ref of walk.refs) {
    const target = walk.ids.get(ref.id);
    const at = keyPath(ref.path, "@id");
    if (!target) {
      // Where a URL is a valid value (url, mainEntityOfPage, sameAs…), an external page is fine.
      if (ref.prop && rangeSpec(vocab, ref.prop).url && isAbsoluteUrl(ref.id)) continue;
      const f = finding(
        "vocab.unresolved-id",
        at,
        `No node with @id ${JSON.stringify(ref.id)} in this document; the reference cannot be checked`,
      );
      if (ref.block !== undefined) f.block = ref.block;
      walk.findings.push(f);
      continue;
    }
    if (ref.prop && !target.inferred && target.types.length > 0 && !nodeFitsRange(vocab, ref.prop, target.types)) {
      const f = finding(
        "vocab.value-type",
        at,
        `${ref.prop.name} expects ${rangeSpec(vocab, ref.prop).label}, but ${ref.id} is a ${target.types.join("/")}`,
        schemaTerm(ref.prop.name),
      );
      if (ref.block !== undefined) f.block = ref.block;
      walk.findings.push(f);
    }
  }
}

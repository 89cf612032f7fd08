/**
 * Vale scope selectors. A rule's `scope` is a list of alternatives (OR); each alternative may AND
 * several parts with `&`; a part is a dotted selector (`heading.h2`, `text.md`) optionally negated
 * with `~`. A selector matches a block when all of its sections are among the block's sections
 * (`text.heading.h2.md`). Sentence views only answer selectors that ask for `sentence`, like Vale.
 */

export type ViewKind = "block" | "paragraph" | "sentence" | "summary" | "raw";

interface Part {
  sections: string[];
  negated: boolean;
}

interface Alternative {
  parts: Part[];
  asksSentence: boolean;
  asksParagraph: boolean;
}

export interface ScopeSpec {
  alternatives: Alternative[];
  /** Which view kinds this scope can ever select (to build only what is needed). */
  needs: Set<ViewKind>;
  key: string;
}

export function parseScope(scopes: readonly string[]): ScopeSpec {
  const list = scopes.length === 0 ? ["text"] : scopes;
  const alternatives = list.map((alt): Alternative => {
    const parts = alt
      .split("&")
      .map((p) => p.trim())
      .filter((p) => p !== "")
      .map((p) => {
        const negated = p.startsWith("~");
        return { sections: (negated ? p.slice(1) : p).split(".").filter((s) => s !== ""), negated };
      });
    const positive = parts.filter((p) => !p.negated).flatMap((p) => p.sections);
    return { parts, asksSentence: positive.includes("sentence"), asksParagraph: positive.includes("paragraph") };
  });
  const needs = new Set<ViewKind>();
  for (const alt of alternatives) {
    const positive = alt.parts.filter((p) => !p.negated).flatMap((p) => p.sections);
    if (positive.includes("sentence")) needs.add("sentence");
    else if (positive.includes("paragraph")) needs.add("paragraph");
    else if (positive.includes("summary")) needs.add("summary");
    else if (positive.includes("raw")) needs.add("raw");
    else needs.add("block");
  }
  return { alternatives, needs, key: list.join("|") };
}

function hasAll(candidate: readonly string[], sections: readonly string[]): boolean {
  for (const s of sections) if (!candidate.includes(s)) return false;
  return true;
}

/** Does the scope select a view with these sections? */
export function scopeMatches(spec: ScopeSpec, kind: ViewKind, sections: readonly string[]): boolean {
  for (const alt of spec.alternatives) {
    if (kind === "sentence" && !alt.asksSentence) continue;
    // A paragraph view duplicates its block for every other selector: only paragraph rules see it.
    if (kind === "paragraph" && !alt.asksParagraph) continue;
    let ok = true;
    for (const part of alt.parts) {
      const tm = hasAll(sections, part.sections);
      if (part.negated) {
        if (kind === "raw" || kind === "summary" || tm) {
          ok = false;
          break;
        }
      } else if (!tm) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

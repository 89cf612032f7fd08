import type { AnalyzeContext, PiiFinding, Recognizer } from "../types";
import { isWordCharAt, makeFinding } from "../util";

/**
 * Custom deny-list terms (`ctx.denyList`): exact, case-insensitive, whole-word matches, always
 * reported as PERSON with score 1 (context words do not change it). Cost is one `indexOf` scan
 * per term, i.e. linear in the text for a fixed list.
 */

/** Lower-cases `s` without changing its length (characters whose lower case is longer stay). */
export function lowerSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const l = ch.toLowerCase();
    out += l.length === 1 ? l : ch;
  }
  return out;
}

export function findDenyListed(text: string, terms: readonly string[]): PiiFinding[] {
  const out: PiiFinding[] = [];
  const hay = lowerSameLength(text);
  const seen = new Set<string>();
  for (const raw of terms) {
    const term = lowerSameLength(raw.trim());
    if (term.length === 0 || seen.has(term)) continue;
    seen.add(term);
    const checkBefore = isWordCharAt(term, 0);
    const checkAfter = isWordCharAt(term, term.length - 1);
    let from = 0;
    for (;;) {
      const at = hay.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      if ((!checkBefore || !isWordCharAt(text, at - 1)) && (!checkAfter || !isWordCharAt(text, end))) {
        out.push(makeFinding("PERSON", text, at, end, 1, "deny_list", ["deny-list term"]));
        from = end;
      } else {
        from = at + 1;
      }
    }
  }
  return out;
}

export const denyListRecognizer: Recognizer = {
  name: "deny_list",
  entities: ["PERSON"],
  skipContext: true,
  analyze(text: string, ctx: AnalyzeContext) {
    if (!ctx.denyList || ctx.denyList.length === 0) return [];
    return findDenyListed(text, ctx.denyList);
  },
};

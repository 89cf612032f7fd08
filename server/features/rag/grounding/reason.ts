/** One-sentence, human-readable explanations of verdicts. */
import type { DetectedFact } from "./facts";
import type { Candidate } from "./score";

function describe(f: DetectedFact): string {
  switch (f.kind) {
    case "price":
      return `price ${f.text}`;
    case "date":
      return `date ${f.text}`;
    case "claim":
      return `“${f.text}”`;
    default:
      return f.text;
  }
}

/** "a", "a and b", "a, b and 2 more facts". */
export function list(facts: readonly DetectedFact[], conj: "and" | "or" = "and", max = 3): string {
  const shown = facts.slice(0, max).map(describe);
  const more = facts.length - shown.length;
  if (more > 0) shown.push(`${more} more fact${more === 1 ? "" : "s"}`);
  if (shown.length <= 1) return shown[0] ?? "";
  return `${shown.slice(0, -1).join(", ")} ${conj} ${shown[shown.length - 1]}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function candidateLabel(c: Candidate): string {
  const [a, b] = c.members;
  if (!b) return a!.index.label;
  return a!.index.label === b.index.label
    ? `two passages of ${a!.index.label}`
    : `${a!.index.label} and ${b.index.label}`;
}

export function notFactualReason(): string {
  return "No checkable fact (number, price, date, name or claim) in this sentence";
}

export function supportedReason(facts: readonly DetectedFact[], c: Candidate, capital = true): string {
  const verb = facts.length === 1 ? "appears" : "appear";
  const what = list(facts);
  return `${capital ? capitalize(what) : what} ${verb} in ${candidateLabel(c)}`;
}

/** Why no candidate passed; `best` is the best candidate (undefined when there are no chunks). */
export function unsupportedReason(
  facts: readonly DetectedFact[],
  best: Candidate | undefined,
  statedSomewhere: readonly boolean[],
  minOverlap: number,
): string {
  if (!best) return `No source passages were given to check ${list(facts)} against`;
  if (best.allOk) {
    return `${capitalize(candidateLabel(best))} states ${list(facts)} but shares only ${pct(best.overlap)} of the sentence's content words (needs ${pct(minOverlap)})`;
  }
  const missing = facts.filter((_, i) => !statedSomewhere[i]);
  if (missing.length) {
    const hard = missing.filter((f) => f.hard);
    return `No source states ${list(hard.length ? hard : missing, "or")}`;
  }
  const inBest = facts.filter((_, i) => best.matched[i]);
  const notInBest = facts.filter((_, i) => !best.matched[i]);
  return inBest.length
    ? `No single source states ${list(notInBest)} together with ${list(inBest)}`
    : `No single source states ${list(facts)} together`;
}

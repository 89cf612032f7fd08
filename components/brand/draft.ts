import { CHANNELS, type BrandVoiceBody, type BrandVoiceOut, type Channel, type Level } from "@/lib/schemas/brand";

/** The Edit form's state: strings as typed, turned into a `BrandVoiceBody` on save. */

export type TriggerKind = "always" | "price" | "percent" | "words";

export type Draft = {
  tone: string[];
  maxGradeOn: boolean;
  maxGrade: string;
  person: BrandVoiceOut["voice"]["person"];
  preferredTerms: { key: number; use: string; avoid: string }[];
  bannedWords: { key: number; term: string; reason: string }[];
  productNames: string;
  bannedClaims: { key: number; phrase: string; reason: string; level: Level }[];
  disclaimers: {
    key: number;
    id: string;
    text: string;
    channels: Channel[];
    trigger: TriggerKind;
    words: string;
  }[];
  channels: Record<Channel, { maxExclamations: string; maxSentenceWords: string }>;
  autoApproveOn: boolean;
  autoApprove: string;
  maxReviseRounds: string;
  note: string;
};

let nextKey = 1;
export const rowKey = () => nextKey++;

export function toDraft(b: BrandVoiceOut): Draft {
  const v = b.voice;
  const str = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
  return {
    tone: [...v.tone],
    maxGradeOn: v.maxGrade !== null,
    maxGrade: str(v.maxGrade ?? 8),
    person: v.person,
    preferredTerms: v.preferredTerms.map((t) => ({ key: rowKey(), use: t.use, avoid: t.avoid.join(", ") })),
    bannedWords: v.bannedWords.map((w) => ({ key: rowKey(), term: w.term, reason: w.reason })),
    productNames: v.productNames.join("\n"),
    bannedClaims: v.bannedClaims.map((c) => ({ key: rowKey(), phrase: c.phrase, reason: c.reason, level: c.level })),
    disclaimers: v.disclaimers.map((d) => ({
      key: rowKey(),
      id: d.id,
      text: d.text,
      channels: [...d.channels],
      trigger: d.trigger.kind,
      words: d.trigger.kind === "words" ? d.trigger.words.join(", ") : "",
    })),
    channels: Object.fromEntries(
      CHANNELS.map((c) => [
        c,
        {
          maxExclamations: str(v.channels[c]?.maxExclamations),
          maxSentenceWords: str(v.channels[c]?.maxSentenceWords),
        },
      ]),
    ) as Draft["channels"],
    autoApproveOn: b.policy.autoApproveMinScore !== null,
    autoApprove: str(b.policy.autoApproveMinScore ?? 90),
    maxReviseRounds: str(b.policy.maxReviseRounds),
    note: "",
  };
}

/** "12" → 12; anything else → NaN, so the schema reports it. */
function num(v: string, integer: boolean): number {
  const s = v.trim();
  if (!s) return Number.NaN;
  return (integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(s) ? Number(s) : Number.NaN;
}

const list = (s: string, sep: RegExp) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

/** The request body for `PUT /api/brand` (unvalidated: parse it with `BrandVoiceBody`). */
export function toBody(d: Draft, baseVersion: number, pendingTone: string): BrandVoiceBody {
  const tone = pendingTone.trim() ? [...d.tone, pendingTone.trim()] : d.tone;
  const channels: Record<string, { maxExclamations: number | null; maxSentenceWords: number | null }> = {};
  for (const c of CHANNELS) {
    const r = d.channels[c];
    if (!r.maxExclamations.trim() && !r.maxSentenceWords.trim()) continue;
    channels[c] = {
      maxExclamations: r.maxExclamations.trim() ? num(r.maxExclamations, true) : null,
      maxSentenceWords: r.maxSentenceWords.trim() ? num(r.maxSentenceWords, true) : null,
    };
  }
  return {
    voice: {
      tone,
      maxGrade: d.maxGradeOn ? num(d.maxGrade, false) : null,
      person: d.person,
      preferredTerms: d.preferredTerms.map((t) => ({ use: t.use, avoid: list(t.avoid, /,/) })),
      bannedWords: d.bannedWords.map((w) => ({ term: w.term, reason: w.reason })),
      productNames: list(d.productNames, /\r?\n/),
      bannedClaims: d.bannedClaims.map((c) => ({ phrase: c.phrase, reason: c.reason, level: c.level })),
      disclaimers: d.disclaimers.map((x) => ({
        id: x.id,
        text: x.text,
        channels: x.channels,
        trigger: x.trigger === "words" ? { kind: "words" as const, words: list(x.words, /,/) } : { kind: x.trigger },
      })),
      channels,
    },
    policy: {
      autoApproveMinScore: d.autoApproveOn ? num(d.autoApprove, true) : null,
      maxReviseRounds: num(d.maxReviseRounds, true),
    },
    note: d.note.trim() || undefined,
    baseVersion,
  };
}

/** Every form field's error key, in the order they appear on the page (for focusing the first). */
export function fieldKeys(d: Draft): string[] {
  const keys = ["voice.tone", "voice.maxGrade", "voice.person"];
  d.preferredTerms.forEach((_, i) => keys.push(`voice.preferredTerms.${i}.use`, `voice.preferredTerms.${i}.avoid`));
  keys.push("voice.preferredTerms");
  d.bannedWords.forEach((_, i) => keys.push(`voice.bannedWords.${i}.term`, `voice.bannedWords.${i}.reason`));
  keys.push("voice.bannedWords", "voice.productNames");
  d.bannedClaims.forEach((_, i) =>
    keys.push(`voice.bannedClaims.${i}.phrase`, `voice.bannedClaims.${i}.reason`, `voice.bannedClaims.${i}.level`),
  );
  keys.push("voice.bannedClaims");
  d.disclaimers.forEach((_, i) =>
    keys.push(
      `voice.disclaimers.${i}.id`,
      `voice.disclaimers.${i}.text`,
      `voice.disclaimers.${i}.channels`,
      `voice.disclaimers.${i}.trigger`,
    ),
  );
  keys.push("voice.disclaimers");
  for (const c of CHANNELS) keys.push(`voice.channels.${c}.maxExclamations`, `voice.channels.${c}.maxSentenceWords`);
  keys.push("policy.autoApproveMinScore", "policy.maxReviseRounds", "note");
  return keys;
}

/** The field an issue belongs to: the longest known key its path starts with. */
export function fieldFor(path: readonly PropertyKey[], keys: string[]): string | undefined {
  const parts = path.map(String);
  for (let n = parts.length; n > 0; n--) {
    const k = parts.slice(0, n).join(".");
    if (keys.includes(k)) return k;
  }
  return undefined;
}

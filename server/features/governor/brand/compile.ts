/**
 * A workspace's brand voice as a Vale style: the rules the governor runs, and what "Export as a
 * Vale style" downloads. Everything that maps onto a Vale check becomes a YAML rule file, so the
 * same rules run in Vale itself; disclaimers triggered by content are Lectern's own check
 * (`disclaimers.ts`), because Vale's `conditional` compares capture groups, not presence.
 */
import { stringify } from "yaml";
import { CHANNELS, type BrandVoice, type Channel } from "@/lib/schemas/brand";

export type RuleSummary = {
  check: string;
  level: "suggestion" | "warning" | "error";
  kind: string;
  description: string;
  channels: Channel[] | null;
};

export type CompiledStyle = {
  /** The rules as the Brand page lists them (triggered disclaimers included). */
  summaries: RuleSummary[];
  /** StylesPath files: `Brand/Terms.yml`, `BrandAd/Exclamation.yml`, … */
  files: Record<string, string>;
  /** `.vale.ini` sections: the brand style everywhere, each channel's style on `*.<channel>.*`. */
  sections: Record<string, Record<string, string>>;
  /** The same configuration as `.vale.ini` text, for export. */
  ini: string;
};

export const BRAND_STYLE = "Brand";

export function channelStyle(channel: Channel): string {
  return { ad: "BrandAd", email: "BrandEmail", seo_page: "BrandSeo" }[channel];
}

/** Vale matches tokens as regular expressions: a phrase is matched literally, whitespace-tolerant. */
export function literal(phrase: string): string {
  return phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\s+/g, "\\s+");
}

function yaml(rule: Record<string, unknown>): string {
  return stringify(rule, { lineWidth: 0 });
}

function ruleName(s: string): string {
  const words = s
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z]/.test(name) ? name.slice(0, 40) : `R${name}`.slice(0, 40);
}

export function compileBrandVoice(voice: BrandVoice, importedStyles: string[] = []): CompiledStyle {
  const files: Record<string, string> = {};
  const summaries: RuleSummary[] = [];
  const add = (style: string, name: string, rule: Record<string, unknown>, description?: string) => {
    files[`${style}/${name}.yml`] = yaml(rule);
    const channel = CHANNELS.find((c) => channelStyle(c) === style);
    summaries.push({
      check: `${style}.${name}`,
      level: rule.level as RuleSummary["level"],
      kind: String(rule.extends),
      // A message template's %s placeholders mean nothing in a rule list.
      description:
        description ??
        String(rule.message)
          .replace(/'?%s'?/g, "…")
          .replace(/%%/g, "%"),
      channels: channel ? [channel] : null,
    });
  };

  if (voice.preferredTerms.length)
    add(
      BRAND_STYLE,
      "Terms",
      {
        extends: "substitution",
        message: "Use '%s' instead of '%s'.",
        level: "warning",
        ignorecase: true,
        action: { name: "replace" },
        swap: Object.fromEntries(voice.preferredTerms.map((t) => [t.avoid.map(literal).join("|"), t.use])),
      },
      `Preferred terms: ${voice.preferredTerms.map((t) => `“${t.use}”, not ${t.avoid.map((a) => `“${a}”`).join(" or ")}`).join("; ")}.`,
    );

  if (voice.productNames.length)
    add(
      BRAND_STYLE,
      "ProductNames",
      {
        extends: "substitution",
        message: "Write the name as '%s', not '%s'.",
        level: "error",
        ignorecase: true,
        action: { name: "replace" },
        swap: Object.fromEntries(voice.productNames.map((n) => [literal(n), n])),
      },
      `Product names written exactly: ${voice.productNames.join(", ")}.`,
    );

  const plainBanned = voice.bannedWords.filter((b) => !b.reason);
  if (plainBanned.length)
    add(
      BRAND_STYLE,
      "Banned",
      {
        extends: "existence",
        message: "Don't use '%s' in brand copy.",
        level: "error",
        ignorecase: true,
        action: { name: "remove" },
        tokens: plainBanned.map((b) => literal(b.term)),
      },
      `Banned words: ${plainBanned.map((b) => `“${b.term}”`).join(", ")}.`,
    );
  for (const b of voice.bannedWords.filter((x) => x.reason))
    add(
      BRAND_STYLE,
      `Banned${ruleName(b.term)}`,
      {
        extends: "existence",
        message: `Don't use '%s': ${b.reason.replace(/%/g, "%%")}`,
        level: "error",
        ignorecase: true,
        action: { name: "remove" },
        tokens: [literal(b.term)],
      },
      `Banned: “${b.term}” (${b.reason})`,
    );

  for (const level of ["error", "warning", "suggestion"] as const) {
    const claims = voice.bannedClaims.filter((c) => c.level === level);
    if (!claims.length) continue;
    add(
      BRAND_STYLE,
      `Claims${level === "error" ? "" : level[0]!.toUpperCase() + level.slice(1)}`,
      {
        extends: "existence",
        message: "'%s' is a claim the brand does not make; rephrase or remove it.",
        level,
        ignorecase: true,
        tokens: claims.map((c) => literal(c.phrase)),
      },
      `Claims the brand does not make: ${claims.map((c) => `“${c.phrase}”${c.reason ? ` (${c.reason})` : ""}`).join(", ")}.`,
    );
  }

  if (voice.maxGrade !== null)
    add(
      BRAND_STYLE,
      "ReadingLevel",
      {
        extends: "readability",
        message: `Aim for a reading grade of ${voice.maxGrade} or lower (this text scores %s).`,
        level: "warning",
        grade: voice.maxGrade,
        metrics: ["Flesch-Kincaid"],
      },
      `Reading level: Flesch-Kincaid grade ${voice.maxGrade} or lower.`,
    );

  if (voice.person === "we_you")
    add(BRAND_STYLE, "Person", {
      extends: "existence",
      message: "Speak to the reader as 'you' and about the brand as 'we', not '%s'.",
      level: "suggestion",
      ignorecase: true,
      tokens: ["the customer", "customers", "the user", "users", "the company", "one should"],
    });
  else if (voice.person === "third")
    add(BRAND_STYLE, "Person", {
      extends: "existence",
      message: "The brand writes in the third person; avoid '%s'.",
      level: "suggestion",
      ignorecase: true,
      tokens: ["we", "our", "us"],
    });

  for (const channel of CHANNELS) {
    const style = channelStyle(channel);
    const rules = voice.channels[channel];
    if (rules?.maxExclamations !== null && rules?.maxExclamations !== undefined)
      add(style, "Exclamation", {
        extends: "occurrence",
        message: `Use at most ${rules.maxExclamations} exclamation mark(s) in ${channel.replace("_", " ")} copy.`,
        level: "warning",
        scope: "text",
        max: rules.maxExclamations,
        token: "!",
      });
    if (rules?.maxSentenceWords)
      add(style, "SentenceLength", {
        extends: "occurrence",
        message: `Keep sentences under ${rules.maxSentenceWords} words.`,
        level: "warning",
        scope: "sentence",
        max: rules.maxSentenceWords,
        token: "\\b(\\w+)\\b",
      });
    for (const d of voice.disclaimers.filter((x) => x.trigger.kind === "always" && x.channels.includes(channel)))
      add(style, `Disclaimer${d.id}`, {
        extends: "occurrence",
        message: `The disclaimer “${d.text.replace(/%/g, "%%")}” is required in ${channel.replace("_", " ")} copy.`,
        level: "error",
        scope: "text",
        min: 1,
        token: literal(d.text),
      });
  }

  const base = [BRAND_STYLE, ...importedStyles].filter((s) => hasStyle(files, s) || importedStyles.includes(s));
  const sections: Record<string, Record<string, string>> = { "*": { BasedOnStyles: base.join(", ") } };
  for (const channel of CHANNELS) {
    const style = channelStyle(channel);
    if (hasStyle(files, style)) sections[`*.${channel}.*`] = { BasedOnStyles: [...base, style].join(", ") };
  }
  for (const d of voice.disclaimers.filter((x) => x.trigger.kind !== "always"))
    summaries.push({
      check: `Brand.Disclaimer${d.id}`,
      level: "error",
      kind: "required disclaimer",
      description: `When the copy mentions ${triggerLabel(d.trigger)}, it must include “${d.text}”.`,
      channels: d.channels,
    });
  return { files, sections, ini: toIni(sections), summaries };
}

function triggerLabel(t: BrandVoice["disclaimers"][number]["trigger"]): string {
  switch (t.kind) {
    case "always":
      return "anything";
    case "price":
      return "a price";
    case "percent":
      return "a percentage";
    case "words":
      return t.words.map((w) => `“${w}”`).join(" or ");
    default: {
      const _exhaustive: never = t;
      return _exhaustive;
    }
  }
}

function hasStyle(files: Record<string, string>, style: string): boolean {
  return Object.keys(files).some((f) => f.startsWith(`${style}/`));
}

function toIni(sections: Record<string, Record<string, string>>): string {
  const lines = ["StylesPath = styles", "MinAlertLevel = suggestion", ""];
  for (const [glob, entries] of Object.entries(sections)) {
    lines.push(`[${glob}]`);
    for (const [k, v] of Object.entries(entries)) lines.push(`${k} = ${v}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** A prompt version as GET /api/prompts returns it. Versions are immutable. */
export type PromptVariable = { name: string; description: string; required: boolean };
export type PromptParams = { temperature?: number; maxOutputTokens?: number };

export type PromptVersion = {
  id: string;
  key: string;
  version: number;
  system: string;
  template: string;
  variables: PromptVariable[];
  params: PromptParams;
  labels: string[];
  note: string | null;
  createdAt: string;
};

export type CreatedVersion = { id: string; key: string; version: number };

export const STANDARD_LABELS = ["production", "staging"] as const;

/** Variables and params as plain text lines, so they can be diffed like the texts. */
export function settingsText(v: PromptVersion): string {
  const lines = v.variables.map(
    (x) => `{{${x.name}}}${x.required ? " (required)" : ""}${x.description ? ` — ${x.description}` : ""}`,
  );
  lines.push(`temperature: ${v.params.temperature ?? "default"}`);
  lines.push(`max output tokens: ${v.params.maxOutputTokens ?? "default"}`);
  return lines.join("\n");
}

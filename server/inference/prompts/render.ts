import Mustache from "mustache";
import { AppError } from "@/lib/errors";
import type { PromptVariable } from "./builtin";

export type RenderablePrompt = {
  key: string;
  version: number;
  system: string;
  template: string;
  variables: PromptVariable[];
};

/**
 * Renders a prompt version with its variables. Missing required variables and
 * unknown ones are errors (a typo would otherwise silently render empty).
 * {{var}} HTML-escapes the value, so user text stays data inside its block.
 */
export function renderPrompt(
  p: RenderablePrompt,
  vars: Record<string, string | undefined>,
): { system: string; prompt: string } {
  const known = new Set(p.variables.map((v) => v.name));
  const unknown = Object.keys(vars).filter((k) => !known.has(k));
  const missing = p.variables.filter((v) => v.required && !vars[v.name]?.trim()).map((v) => v.name);
  if (unknown.length || missing.length) {
    const parts = [
      missing.length ? `missing ${missing.join(", ")}` : "",
      unknown.length ? `unknown ${unknown.join(", ")}` : "",
    ].filter(Boolean);
    throw new AppError(
      "validation:prompt_variables",
      `Prompt ${p.key} v${p.version} cannot be rendered: ${parts.join("; ")}.`,
    );
  }
  const view = Object.fromEntries(p.variables.map((v) => [v.name, vars[v.name] ?? ""]));
  // Our escaper, not Mustache's: only the characters that matter for tag blocks (Mustache also turns / and = into entities).
  const config = { escape: escapeBlockText };
  return { system: Mustache.render(p.system, view, {}, config), prompt: Mustache.render(p.template, view, {}, config) };
}

/** Escapes text for a tagged block (used for pre-rendered <fact> lists). */
export function escapeBlockText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Delimiter and format spoofing: text that imitates the structure of a chat prompt so the model
 * takes it for a system or assistant turn — special tokens (`<|im_start|>`, `[INST]`, `<<SYS>>`),
 * role labels at the start of a line ("### System:", "Assistant:"), chat JSON
 * (`{"role":"system"}`), fake closing tags of the data container (`</document>`), "END OF USER
 * INPUT". Runs on the original text: case and line starts matter here.
 *
 * "System:" alone starts many product spec lines ("System: Android 14"), so it is weak unless it
 * is a heading, upper case, or followed by an order.
 */
import type { InjectionSignal } from "@/lib/schemas/guardrails";
import { MAX_SIGNALS_PER_KIND, makeSignal } from "./signal";

const SPECIAL_TOKEN = /<\|[A-Za-z_]{2,30}\|>/g;
const INST = /\[\/?INST\]|<<\/?SYS>>/g;
const S_TAGS = /<\/s>\s{0,3}<s>|<s>\s{0,3}\[INST\]/g;
const ROLE_BRACKET = /\[\/?(?:system|SYSTEM|System)\]/g;
const ROLE_TAG = /<\/?(?:system|system_prompt|sys|instructions?|assistant|developer)(?:\s[^<>]{0,200})?>/gi;
const CONTAINER_CLOSE =
  /<\/(?:document|documents|context|data|input|user_input|user|email|untrusted|retrieved|search_results?|knowledge|tool_output|function_results?)>/gi;
const ROLE_JSON = /"role"\s{0,3}:\s{0,3}"(system|assistant|developer|tool|function|user)"/gi;
const ROLE_ATTR = /\brole\s{0,3}=\s{0,3}["'](?:system|assistant|developer)["']/gi;
const YAML_ROLE =
  /^[ \t]{0,8}(?:role[ \t]{0,3}:[ \t]{0,3}(?:system|assistant|developer)|system_prompt\w{0,20}[ \t]{0,3}:)/gim;
const END_MARKER =
  /\b(?:END OF (?:USER |THE )?(?:INPUT|PROMPT|DOCUMENT|CONTEXT|DATA|INSTRUCTIONS|TEXT)|BEGIN (?:NEW |SYSTEM )?(?:PROMPT|INSTRUCTIONS))\b/gi;
/** A role label at the start of a line, optionally as a markdown heading or bold. */
const LINE_ROLE =
  /^[ \t>"]{0,8}(#{1,6}[ \t]{0,3}|\*\*|__)?(system|assistant|user|human|ai|developer|instruction|instructions|response)(?:[ \t](?:message|prompt|instruction|instructions|override))?(\*\*|__)?[ \t]{0,3}:/gim;
const ORDER_AFTER =
  /^[ \t*_]{0,4}(?:you are|you must|you will|you should|the (?:user|assistant)|new|ignore|disregard|override|always|never|respond|reveal|print|sure|i have|here is|from now)/i;

export function scanDelimiters(text: string): InjectionSignal[] {
  const out: InjectionSignal[] = [];
  const push = (start: number, end: number, weight: number, detail: string) => {
    if (out.length < MAX_SIGNALS_PER_KIND * 4) out.push(makeSignal("delimiter", text, start, end, weight, detail));
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    let n = 0;
    for (const m of text.matchAll(re)) {
      fn(m as RegExpExecArray);
      if (++n >= MAX_SIGNALS_PER_KIND) break;
    }
  };

  each(SPECIAL_TOKEN, (m) => push(m.index, m.index + m[0].length, 0.75, "chat-template special token"));
  each(INST, (m) => push(m.index, m.index + m[0].length, 0.7, "Llama instruction marker"));
  each(S_TAGS, (m) => push(m.index, m.index + m[0].length, 0.6, "sequence tokens around a turn"));
  if (/<\/s>/.test(text) && !/<s>/i.test(text)) {
    const i = text.indexOf("</s>");
    push(i, i + 4, 0.3, "end-of-sequence token");
  }
  each(ROLE_BRACKET, (m) => push(m.index, m.index + m[0].length, 0.55, "fake [system] block"));
  each(ROLE_TAG, (m) => push(m.index, m.index + m[0].length, 0.55, "fake role tag"));
  each(CONTAINER_CLOSE, (m) => push(m.index, m.index + m[0].length, 0.4, "closes the data container early"));
  each(ROLE_JSON, (m) => {
    const role = m[1]!.toLowerCase();
    push(m.index, m.index + m[0].length, role === "user" ? 0.35 : 0.65, `chat-message JSON with role "${role}"`);
  });
  each(ROLE_ATTR, (m) => push(m.index, m.index + m[0].length, 0.55, "markup that declares a system role"));
  each(YAML_ROLE, (m) => push(m.index, m.index + m[0].length, 0.5, "front matter that sets a system role"));
  each(END_MARKER, (m) => push(m.index, m.index + m[0].length, 0.45, "fake end-of-input marker"));

  const roles = new Set<string>();
  let firstRole = -1;
  let lastRole = -1;
  each(LINE_ROLE, (m) => {
    if (firstRole < 0) firstRole = m.index;
    lastRole = m.index + m[0].length;
    const [, heading, roleRaw] = m;
    const role = roleRaw!.toLowerCase();
    const upper = roleRaw === roleRaw!.toUpperCase() && roleRaw!.length > 2;
    const order = ORDER_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
    let weight: number;
    if (role === "system") weight = heading || upper ? 0.6 : order ? 0.55 : 0.25;
    else if (role === "assistant" || role === "ai") weight = order ? 0.5 : 0.35;
    else if (role === "human") weight = 0.4;
    else if (role === "developer" || role === "instruction" || role === "instructions" || role === "response")
      weight = heading ? 0.6 : role === "developer" && order ? 0.5 : 0.15;
    else weight = 0.2;
    roles.add(role === "human" ? "user" : role === "ai" ? "assistant" : role);
    push(m.index, m.index + m[0].length, weight, `"${roleRaw}:" role label at the start of a line`);
  });
  // A user turn and an assistant/system turn together: a forged transcript.
  if (roles.has("user") && (roles.has("assistant") || roles.has("system"))) {
    push(firstRole, lastRole, 0.55, "forged conversation transcript (several role labels)");
  }
  return out;
}

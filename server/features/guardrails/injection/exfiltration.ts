/**
 * Exfiltration: getting the conversation, the prompt or secrets out of the model.
 *
 * Two halves. Phrase rules on the folded text ("send the conversation to", "reveal the API keys",
 * "fetch https://… and follow it"), and structural checks on the original text: markdown images and
 * <img> tags that a renderer fetches automatically, with template placeholders or data-carrying
 * query parameters in the URL; known request-catcher / webhook hosts; `curl`/`wget` commands;
 * spreadsheet formulas that call out; script-ish HTML.
 */
import type { InjectionSignal } from "@/lib/schemas/guardrails";
import { anyOf, isNonImperative, type MatchContext, type PhraseRule, phraseRule } from "./phrase";
import { MAX_SIGNALS_PER_KIND, makeSignal } from "./signal";

/** Verbs that move data somewhere. */
const SEND_VERB = anyOf(
  "send",
  "forward",
  "post",
  "upload",
  "transmit",
  "e ?mail",
  "leak",
  "exfiltrate",
  "append",
  "encode",
  "pipe",
  "sende",
  "schicke",
  "leite",
  "ubermittle",
  "poste",
  "lade",
  "hange",
  "envoie[zs]?",
  "transmet[sz]?",
  "transmettez",
  "transfere[zs]?",
  "envia",
  "envie",
  "envien",
  "manda",
  "reenvia",
  "transmite",
  "invia",
  "inviate",
  "inoltra",
  "trasmetti",
  "mande",
  "encaminhe",
  "transmita",
  "stuur",
  "verstuur",
  "stuurt",
  "verzend",
);

/** Everyday verbs ("add", "include", "share"): only with clearly secret or conversational data. */
const GENERIC_VERB = anyOf(
  "share",
  "submit",
  "copy",
  "paste",
  "attach",
  "include",
  "add",
  "embed",
  "put",
  "insert",
  "deliver",
  "fuge",
  "publie[zs]?",
  "partage[zs]?",
  "copie[zs]?",
  "ajoute[zs]?",
  "publica",
  "comparte",
  "copia",
  "agrega",
  "anade",
  "pubblica",
  "condividi",
  "aggiungi",
  "publique",
  "compartilhe",
  "copie",
  "adicione",
  "anexe",
  "deel",
  "kopieer",
  "voeg",
);

const SECRET_OR_CONVERSATION = anyOf(
  "conversations?",
  "conversation history",
  "chat (?:history|log|transcript|contents?|messages)",
  "transcript",
  "(?:system |full )?prompt",
  "user(?: s)? (?:prompt|input|messages|password|credentials|api key)",
  "credentials",
  "passwords?",
  "api[\\s_-]?keys?",
  "secrets?",
  "access tokens?",
  "api tokens?",
  "session (?:ids?|tokens?|cookies?)",
  "cookies",
  "env",
  "env(?:ironment)? (?:file|variables)",
  "private keys?",
  "ssh keys?",
);

/** Data an attacker wants: the conversation, the prompt, secrets, customer records. */
const SENSITIVE = anyOf(
  "conversations?",
  "conversation history",
  "chat (?:history|log|transcript|contents?|messages)",
  "transcript",
  "(?:all )?previous (?:messages|emails|conversations?)",
  "(?:emails|messages) in this (?:thread|conversation|chat)",
  "context",
  "(?:system |full )?prompt",
  "user(?: s)? (?:prompt|input|messages|password|credentials|details|data|emails?|api key)",
  "credentials",
  "passwords?",
  "api[\\s_-]?keys?",
  "secrets?",
  "access tokens?",
  "session (?:ids?|tokens?|cookies?)",
  "cookies?",
  "env",
  "env(?:ironment)? (?:file|variables)",
  "private keys?",
  "ssh keys?",
  "customer (?:records|list|data|emails|details|database)",
  "personal data",
  "sheet contents",
  "contents of",
  "summary of (?:the )?(?:chat|conversation)",
  "(?:this |the |our |entire |whole |full |complete ){1,3}(?:chat|thread|session)",
  "gesprachsverlauf",
  "chatverlauf",
  "verlauf",
  "gesprach",
  "konversation",
  "unterhaltung",
  "passwort\\p{L}*",
  "zugangsdaten",
  "geheimnisse",
  "api schlussel",
  "historique",
  "discussion",
  "mots? de passe",
  "cles? api",
  "identifiants",
  "conversacion",
  "historial",
  "contrasenas?",
  "claves? api",
  "credenciales",
  "secretos",
  "conversazione",
  "cronologia",
  "chiavi api",
  "credenziali",
  "segreti",
  "conversa",
  "historico",
  "senhas?",
  "chaves (?:de )?api",
  "credenciais",
  "segredos",
  "gesprek",
  "geschiedenis",
  "wachtwoord\\p{L}*",
  "inloggegevens",
  "geheimen",
  "api sleutels?",
);

const DESTINATION =
  /(?<![\p{L}\p{N}])(?:to|into|onto|naar|an|a|al|alla|ao|para|vers|nach|http|https|www|webhook|url|link|endpoint|server|query|as a query)(?![\p{L}\p{N}])|@|https?:|\.[a-z]{2,}\//u;
const SECRET_WORDS =
  /(?<![\p{L}\p{N}])(?:secrets?|api\s?keys?|passwords?|credentials|access tokens?|tokens|env|private keys?|passwort\p{L}*|mots? de passe|contrasenas?|senhas?|wachtwoord\p{L}*)(?![\p{L}\p{N}])/u;

function refineSend(ctx: MatchContext): number {
  const dest = DESTINATION.test(ctx.after.slice(0, 60));
  let w = dest ? 0.75 : SECRET_WORDS.test(ctx.match) ? 0.5 : 0.4;
  // Documentation: "include your API key in the Authorization header".
  if (/authori[sz]ation|header|bearer|dashboard|settings|account page/u.test(ctx.after.slice(0, 50))) w = 0.2;
  return isNonImperative(ctx.before) ? w * 0.3 : w;
}

const REVEAL_VERB = anyOf(
  "reveal",
  "print",
  "output",
  "list",
  "dump",
  "leak",
  "disclose",
  "expose",
  "show me",
  "tell me",
  "give me",
  "reply with",
  "respond with",
  "answer with",
);

export const EXFILTRATION_RULES: readonly PhraseRule[] = [
  phraseRule(
    "exfiltration",
    0.75,
    "asks to send conversation data or secrets somewhere",
    `${SEND_VERB} ~3 ${SENSITIVE}`,
    {
      refine: refineSend,
    },
  ),
  phraseRule(
    "exfiltration",
    0.75,
    "asks to pass on conversation data or secrets",
    `${GENERIC_VERB} ~4 ${SECRET_OR_CONVERSATION}`,
    { refine: refineSend },
  ),
  phraseRule(
    "exfiltration",
    0.65,
    "asks to reveal secrets",
    `${REVEAL_VERB} ~4 ${anyOf(
      "secrets?",
      "api keys?",
      "passwords?",
      "credentials",
      "access tokens?",
      "env",
      "env(?:ironment)? variables",
      "private keys?",
    )}`,
    {
      refine: (ctx) =>
        /authori[sz]ation|header|dashboard|settings/u.test(ctx.after.slice(0, 40)) || isNonImperative(ctx.before)
          ? 0.2
          : 0.65,
    },
  ),
  phraseRule(
    "exfiltration",
    0.6,
    "asks for secrets from the model's environment",
    `(?:secrets?|api (?:keys?|tokens?)|access tokens?|tokens|passwords?|credentials|env(?:ironment)? variables) (?:from|in|of|stored in) (?:your|the) (?:environment|env|config|configuration|system|memory|context|settings|server|runtime|variables)`,
  ),
  phraseRule(
    "exfiltration",
    0.7,
    "asks to collect the conversation and pass it on",
    `(?:summari[sz]e|collect|gather|encode|take|copy) (?:the |this |our |all |entire |whole )?(?:conversation|chat|chat history|history|messages|context|prompt)s? (?:and |then |, )(?:append|add|send|post|put|attach|include|encode|upload|forward) (?:it|them|this)`,
  ),
  phraseRule(
    "exfiltration",
    0.6,
    "asks for personal data of other users",
    `(?:reply|respond|answer|output|list|reveal|give me|tell me|show me) (?:with )?~2 (?:user|users|customer|customers|client|clients|reviewer|reviewers|other users)(?: s)? ~3 (?:names?|emails?|e mails?|phone|phone numbers?|addresses|details|data|information)`,
  ),
  phraseRule(
    "exfiltration",
    0.7,
    "asks to put secrets into a URL or the answer",
    `(?:include|append|add|insert|put|embed|attach) (?:the |your |all |any )?(?:user s? )?(?:password|credentials|token|api key|session id|email address|secrets?|api keys?) (?:in|into|to) (?:the |every |each |a )?(?:url|link|query|image|response|answer|output|reply|first line)`,
  ),
  phraseRule(
    "exfiltration",
    0.65,
    "asks to fetch a URL and follow it",
    `(?:fetch|load|open|visit|browse|navigate to|go to|read|download|access|retrieve|request|curl) (?:the )?(?:url |page |site |link |file )?(?:https?|www) [^\\s]{1,300}\\s(?:and |then )?~3 (?:follow|do what|execute|obey|run|apply|carry out|comply)`,
  ),
  phraseRule("exfiltration", 0.45, "asks to fetch a URL", `fetch (?:https?|www)`),
  phraseRule(
    "exfiltration",
    0.55,
    "asks to call a tool",
    `(?:call|invoke|use|run|execute|trigger) (?:the )?~2 (?:tool|function|plugin|action) (?:\\p{L}+_\\p{L}+|with|to (?:open|fetch|send|visit|post|read|browse|call|download|get|email|forward))`,
  ),
  phraseRule(
    "exfiltration",
    0.6,
    "asks to encode data for smuggling",
    `encode (?:the |all |your )?~2 (?:conversation|chat|history|data|secrets?|prompt|messages) (?:as|in|into|with|using) (?:base ?64|hex|url encoding)`,
  ),
];

// ---------------------------------------------------------------------------------------------
// Structural checks on the original text.

/** Request catchers and webhook endpoints that only make sense as a drop box. */
const CATCHER_HOST =
  /(?:^|\.)(?:webhook\.site|requestbin\.(?:com|net)|pipedream\.net|m\.pipedream\.net|hookbin\.com|beeceptor\.com|requestcatcher\.com|postb\.in|ngrok(?:-free)?\.(?:io|app|dev)|burpcollaborator\.net|oastify\.com|interact\.sh|oast\.(?:fun|pro|me|site|live|online)|canarytokens\.com|webhook\.office\.com|hooks\.zapier\.com)$/i;
const WEBHOOK_PATH = /^(?:hooks\.slack\.com|discord(?:app)?\.com\/api\/webhooks)/i;

/** Template placeholders in a URL: {{x}}, {x}, ${x}, $(x), <%x%>, %7B%7B, [[x]], SECRET_TOKEN-style. */
const PLACEHOLDER =
  /\{\{|\}\}|\{[A-Za-z_][\w.]{0,40}\}|\$\{|\$\(|<%|%7B%7B|%7b%7b|\[\[|[?&=][A-Z]{2,}(?:_[A-Z]{2,}){1,5}(?:&|$)/;
/** Query parameter names that carry conversation data out. */
const DATA_PARAM =
  /[?&](?:(?:q|d|c|x|u)=(?![\d.]+(?:&|$))|(?:data|prompt|conversation|conv|chat|history|secret|token|password|pwd|key|apikey|api_key|session|cookie|transcript|summary|memory|context|msg|message|exfil|leak|payload|content|user|email|info)=)/i;

/** A URL token: scheme or www., then everything up to whitespace or a markdown/HTML delimiter. */
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"'`()\]]{1,2000}/gi;
const MD_IMAGE_RE = /!\[[^\[\]\n]{0,500}\]\(\s{0,3}([^()\s]{1,2000})/g;
const IMG_TAG_RE = /<img\b[^<>]{0,2000}>/gi;
const CURL_RE = /(?<![\p{L}\p{N}])(?:curl|wget|invoke-webrequest|iwr)\s[^\n]{0,400}/giu;
const FORMULA_RE = /=\s{0,3}(?:HYPERLINK|IMPORTXML|IMPORTDATA|IMPORTHTML|IMPORTFEED|IMAGE|WEBSERVICE)\s{0,3}\(/gi;
/** Script-ish HTML: weak on its own (tracking snippets are everywhere), stronger when it reads cookies. */
const SCRIPTISH_RE =
  /<script\b|\bon(?:error|load|mouseover|click)\s{0,3}=|javascript:|document\.cookie|localStorage|sessionStorage/gi;
const scriptWeight = (m: string) => (/cookie|storage/i.test(m) ? 0.45 : /^<script/i.test(m) ? 0.2 : 0.4);

function hostOf(url: string): string {
  const rest = url.replace(/^https?:\/\//i, "");
  const hostPort = rest.split(/[/?#]/, 1)[0] ?? "";
  const host = hostPort.includes("@") ? hostPort.slice(hostPort.lastIndexOf("@") + 1) : hostPort;
  return host.replace(/:\d+$/, "").toLowerCase();
}

export function scanExfiltrationStructure(text: string): InjectionSignal[] {
  const out: InjectionSignal[] = [];
  const push = (s: InjectionSignal) => {
    if (out.length < MAX_SIGNALS_PER_KIND * 4) out.push(s);
  };

  // URLs that auto-load (markdown images, <img>) are the zero-click channel.
  const autoLoad: { start: number; end: number; url: string; where: string }[] = [];
  for (const m of text.matchAll(MD_IMAGE_RE)) {
    const url = m[1]!;
    const start = m.index + m[0].length - url.length;
    autoLoad.push({ start, end: start + url.length, url, where: "markdown image" });
    if (autoLoad.length > 200) break;
  }
  for (const m of text.matchAll(IMG_TAG_RE)) {
    const src = /\bsrc\s{0,3}=\s{0,3}["']?([^"'\s>]{1,2000})/i.exec(m[0]);
    if (src) {
      const start = m.index;
      autoLoad.push({ start, end: start + m[0].length, url: src[1]!, where: "<img> tag" });
    }
    if (/\b(?:width|height)\s{0,3}=\s{0,3}["']?[01]["'\s>]/i.test(m[0]) && src && /[?&]/.test(src[1]!)) {
      push(makeSignal("exfiltration", text, m.index, m.index + m[0].length, 0.5, "1×1 tracking image with query data"));
    }
    if (autoLoad.length > 400) break;
  }
  for (const a of autoLoad) {
    if (PLACEHOLDER.test(a.url)) {
      push(makeSignal("exfiltration", text, a.start, a.end, 0.8, `${a.where} URL with a template placeholder`));
    } else if (DATA_PARAM.test(a.url) && !/^data:/i.test(a.url)) {
      push(makeSignal("exfiltration", text, a.start, a.end, 0.4, `${a.where} URL sends query data`));
    }
  }

  let urls = 0;
  for (const m of text.matchAll(URL_RE)) {
    if (++urls > 2000) break;
    const url = m[0];
    const host = hostOf(url);
    const rest = url.replace(/^https?:\/\//i, "");
    if (CATCHER_HOST.test(host) || WEBHOOK_PATH.test(rest)) {
      push(
        makeSignal("exfiltration", text, m.index, m.index + url.length, 0.6, `request-catcher / webhook URL (${host})`),
      );
    } else if (PLACEHOLDER.test(url)) {
      push(makeSignal("exfiltration", text, m.index, m.index + url.length, 0.6, "URL with a template placeholder"));
    }
  }

  for (const m of text.matchAll(CURL_RE)) {
    const cmd = m[0];
    if (!/https?:\/\/|www\./i.test(cmd)) continue;
    const sends =
      /\s(?:-d|--data\S*|-F|--form|-T|--upload-file|-X\s{0,3}(?:POST|PUT))\b|\$\(|`|\bcat\s|\.env\b|\|\s{0,3}(?:curl|sh|bash)/.test(
        cmd,
      );
    push(
      makeSignal(
        "exfiltration",
        text,
        m.index,
        m.index + cmd.length,
        sends ? 0.65 : 0.35,
        sends ? "shell command that sends data out" : "shell download command",
      ),
    );
  }

  for (const m of text.matchAll(FORMULA_RE)) {
    const tail = text.slice(m.index, m.index + 300);
    if (/https?:\/\//i.test(tail)) {
      push(
        makeSignal(
          "exfiltration",
          text,
          m.index,
          m.index + Math.min(tail.length, 120),
          0.55,
          "spreadsheet formula that calls a URL",
        ),
      );
    }
  }

  for (const m of text.matchAll(SCRIPTISH_RE)) {
    push(
      makeSignal(
        "exfiltration",
        text,
        m.index,
        m.index + m[0].length,
        scriptWeight(m[0]),
        "script or cookie access in the text",
      ),
    );
  }
  return out;
}

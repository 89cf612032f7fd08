/**
 * Instruction-override phrases: "ignore all previous instructions" and its relatives in English,
 * German, French, Spanish, Italian, Portuguese and Dutch (plus Swedish, Polish, Russian, Turkish,
 * Chinese and Japanese basics), and text that addresses the model directly ("note to the AI").
 *
 * The verb alone is never enough — marketing copy says "ignore the competition" and "forget about
 * expensive plans". A rule needs an instruction-like object ("instructions", "system prompt",
 * "Anweisungen"), and generic objects ("rules", "guidelines") also need a qualifier that points at
 * earlier instructions ("previous", "above", "system", "vorherigen", "précédentes").
 */
import { AI_NOUN, anyOf, isNonImperative, type MatchContext, type PhraseRule, phraseRule } from "./phrase";

const VERB = anyOf(
  // English
  "ignore",
  "ignoring",
  "disregard",
  "disregarding",
  "forget",
  "skip",
  "override",
  "overrule",
  "bypass",
  "neglect",
  "dismiss",
  "discard",
  "abandon",
  "drop",
  "erase",
  "delete",
  "overwrite",
  "set aside",
  "put aside",
  "throw out",
  "scrap",
  "do not follow",
  "don t follow",
  "dont follow",
  "do not obey",
  "don t obey",
  "stop following",
  "stop obeying",
  "no longer follow",
  "never mind",
  "nevermind",
  "pay no attention to",
  "overlook",
  "look past",
  "ignore whatever",
  // German
  "ignoriere",
  "ignorier",
  "ignoriert",
  "ignorieren sie",
  "vergiss",
  "vergesst",
  "vergessen sie",
  "missachte",
  "missachten sie",
  "uberspringe",
  "verwirf",
  "verwerfe",
  "umgehe",
  // French
  "ignore[zs]?",
  "ignorer",
  "oublie[zs]?",
  "oublier",
  "ne tiens pas compte (?:des|de|du)",
  "ne tenez pas compte (?:des|de|du)",
  "ne prends pas en compte",
  "ne prenez pas en compte",
  "fais abstraction (?:des|de|du)",
  "faites abstraction (?:des|de|du)",
  "contourne[zs]?",
  "passe[zs]? outre",
  "outrepasse[zs]?",
  "laisse[zs]? tomber",
  // Spanish
  "ignora",
  "ignoren",
  "ignorar",
  "olvida",
  "olvide",
  "olviden",
  "olvidar",
  "olvidate de",
  "olvidese de",
  "descarta",
  "descarte",
  "omite",
  "omita",
  "haz caso omiso (?:de|a)",
  "no hagas caso (?:de|a)",
  "no sigas",
  "deja de seguir",
  "pasa por alto",
  // Italian
  "ignori",
  "ignorate",
  "ignorare",
  "dimentica",
  "dimentichi",
  "dimenticate",
  "dimenticare",
  "trascura",
  "trascurate",
  "non considerare",
  "non tenere conto (?:di|delle|dei|degli)",
  "non seguire",
  "smetti di seguire",
  "scarta",
  // Portuguese
  "ignorem",
  "esqueca",
  "esquece",
  "esquecam",
  "esquecer",
  "desconsidere",
  "desconsidera",
  "nao siga",
  "deixe de seguir",
  "pare de seguir",
  // Dutch
  "negeer",
  "negeert",
  "negeren",
  "vergeet",
  "vergeten",
  "omzeil",
  // Swedish, Polish, Russian
  "ignorera",
  "glom",
  "strunta i",
  "bortse fran",
  "zignoruj",
  "zignorujcie",
  "ignoruj",
  "zapomnij o",
  "pomin",
  "игнорируй",
  "игнорируйте",
  "проигнорируй",
  "проигнорируйте",
  "забудь",
  "забудьте",
  "не обращай внимания на",
  "отбрось",
);

/** Objects that name instructions (enough with any qualifier, weak without). */
const OBJ_INSTRUCTION = anyOf(
  "instructions?",
  "instruction set",
  "directives?",
  "directions",
  "commands?",
  "prompts?",
  "system prompts?",
  "system messages?",
  "programming",
  "orders",
  "brief",
  "briefing",
  "\\p{L}*anweisung\\p{L}*",
  "\\p{L}*instruktion\\p{L}*",
  "befehle?",
  "\\p{L}*vorgaben",
  "anordnungen",
  "direktiven",
  "\\p{L}*prompts?",
  "systemnachricht\\p{L}*",
  "consignes?",
  "ordres",
  "invites?",
  "instrucciones",
  "instruccion",
  "indicaciones",
  "directrices",
  "directivas",
  "ordenes",
  "comandos",
  "consignas",
  "istruzioni",
  "indicazioni",
  "direttive",
  "comandi",
  "ordini",
  "consegne",
  "instrucoes",
  "instrucao",
  "orientacoes",
  "diretrizes",
  "diretivas",
  "ordens",
  "\\p{L}*instructies?",
  "aanwijzingen",
  "opdrachten",
  "systeembericht\\p{L}*",
  "instruktioner(?:na)?",
  "anvisningar(?:na)?",
  "instrukcje",
  "instrukcji",
  "instrukcjach",
  "polecenia",
  "polecen",
  "инструкци\\p{L}*",
  "указани\\p{L}*",
  "команд\\p{L}*",
  "промпт\\p{L}*",
);

/** Generic objects: need a qualifier that points at earlier/system instructions. */
const OBJ_GENERIC = anyOf(
  "rules",
  "guidelines",
  "guidance",
  "constraints",
  "restrictions",
  "limitations",
  "policies",
  "policy",
  "filters",
  "context",
  "messages",
  "conversation",
  "training",
  "ethics",
  "principles",
  "guardrails",
  "style guide",
  "configuration",
  "config",
  "\\p{L}*richtlinien?",
  "\\p{L}*regeln",
  "einschrankungen",
  "beschrankungen",
  "regles",
  "charte",
  "contraintes",
  "limites",
  "politiques?",
  "filtres",
  "contexte",
  "reglas",
  "normas",
  "politicas",
  "restricciones",
  "limitaciones",
  "filtros",
  "contexto",
  "pautas",
  "regole",
  "norme",
  "linee guida",
  "restrizioni",
  "limitazioni",
  "filtri",
  "contesto",
  "politiche",
  "regras",
  "restricoes",
  "limitacoes",
  "\\p{L}*regels",
  "\\p{L}*richtlijnen",
  "beperkingen",
  "restricties",
  "regler(?:na)?",
  "riktlinjer(?:na)?",
  "wytyczne",
  "zasady",
  "правил\\p{L}*",
);

/** Qualifiers that point at the instructions the model already has. */
const STRONG_QUALIFIER = new RegExp(
  "(?<![\\p{L}\\p{N}])(?:previous|previously|prior|above|aforementioned|preceding|earlier|original|initial|foregoing|former|system|developer|developers|safety|security|content|given|hidden|preprogrammed|programmed|configured|instructed|operator|brand|received|beforehand|so far|until now|thus far|up to now|" +
    "vorherig\\p{L}*|vorig\\p{L}*|bisherig\\p{L}*|bisher|zuvor|vorher|davor|erhalten\\p{L}*|obig\\p{L}*|fruher\\p{L}*|vorangegangen\\p{L}*|ursprunglich\\p{L}*|anfanglich\\p{L}*|system\\p{L}*|sicherheits\\p{L}*|marken\\p{L}*|" +
    "precedent\\p{L}*|anterieur\\p{L}*|ci dessus|dessus|recu\\p{L}*|fourni\\p{L}*|auparavant|jusqu ici|initial\\p{L}*|originel\\p{L}*|original\\p{L}*|systeme|securite|marque|" +
    "anterior\\p{L}*|previ[oa]s?|arriba|hasta ahora|inicial\\p{L}*|sistema|seguridad|marca|recibid\\p{L}*|" +
    "sopra|soprastant\\p{L}*|finora|inizial\\p{L}*|sicurezza|ricevut\\p{L}*|" +
    "acima|iniciais|ate agora|originais|seguranca|recebid\\p{L}*|" +
    "vorige|eerder\\p{L}*|tot nu toe|voorgaande|bovenstaande|oorspronkelijk\\p{L}*|originele|initiele|systeem\\p{L}*|veiligheids\\p{L}*|merk\\p{L}*|" +
    "tidigare|foregaende|ovanstaende|ursprungliga|poprzedni\\p{L}*|wczesniejsz\\p{L}*|systemow\\p{L}*|предыдущ\\p{L}*|прежн\\p{L}*|системн\\p{L}*|вышеуказанн\\p{L}*)(?![\\p{L}\\p{N}])",
  "u",
);

const WEAK_QUALIFIER =
  /(?<![\p{L}\p{N}])(?:all|any|every|your|its|these|those|alle|deine[nm]?|ihre[nm]?|eure|toutes|tous|tes|vos|todas|todos|tus|sus|tutte|tutti|tue|tuoi|suas|tuas|seus|je|jouw|uw|wszystkie|swoje|twoje|все|свои|твои|ваши)(?![\p{L}\p{N}])/u;

const POSSESSIVE_YOUR =
  /(?<![\p{L}\p{N}])(?:your|its|deine[nm]?|tes|vos|tus|sus|tue|tuoi|suas|tuas|seus|je|jouw|uw|swoje|twoje|свои|твои|ваши)(?![\p{L}\p{N}])/u;

/** The qualifier may sit before the object ("previous instructions") or after it ("instructions précédentes"). */
function qualifierText(ctx: MatchContext): string {
  const tail = ctx.after
    .split(/[.!?;:\n]/, 1)[0]!
    .split(" ")
    .slice(0, 4)
    .join(" ");
  return `${ctx.groups.mid ?? ""} ${ctx.groups.obj ?? ""} ${tail}`;
}

/** "your usual/normal/default guidelines": ordinary words that point at the model's own set-up. */
const YOUR_USUAL =
  /(?<![\p{L}\p{N}])(?:your|deine[nm]?|tes|vos|tus|tue|suas|je) (?:usual|normal|standard|default|current|existing|regular|typical|own|ublichen|normalen|habituelles|habituales|solite|habituais|gebruikelijke)(?![\p{L}\p{N}])/u;

function refineVerbObject(ctx: MatchContext): number {
  const q = qualifierText(ctx);
  const mid = ctx.groups.mid ?? "";
  const strong = STRONG_QUALIFIER.test(q) || YOUR_USUAL.test(mid);
  let w: number;
  if (ctx.groups.a !== undefined) {
    w = strong ? 0.85 : WEAK_QUALIFIER.test(mid) ? 0.75 : 0.35;
  } else {
    w = strong ? 0.75 : POSSESSIVE_YOUR.test(mid) ? 0.55 : 0;
  }
  return isNonImperative(ctx.before) ? w * 0.3 : w;
}

const nonImperative = (w: number) => (ctx: MatchContext) => (isNonImperative(ctx.before) ? w * 0.3 : w);

/** Verbs in "you"-form that a model would be told to do (respond, act, ignore…), several languages. */
const AI_VERB =
  /(?<![\p{L}\p{N}])(?:respond\p{L}*|reply|replies|answer\p{L}*|act|behave|speak|talk|output|pretend|ignore|refuse|obey|antwort\p{L}*|reagier\p{L}*|verhaltst|verhalte|ignorier\p{L}*|gibst|sprichst|reponds|repondez|repondre|agis|agissez|ignores|ignorez|responde\p{L}*|contesta\p{L}*|actua\p{L}*|ignora\p{L}*|rispond\p{L}*|agisci|comportati|responda\p{L}*|aja|age|antwoord\p{L}*|reageer|gedraag|negeer)(?![\p{L}\p{N}])/u;
const YOU =
  /(?<![\p{L}\p{N}])(?:you|you ll|youll|du|tu|vous|eres|seras|vas|debes|sei|sarai|devi|voce|je|jij)(?![\p{L}\p{N}])/u;

function refineFromNowOn(ctx: MatchContext): number {
  const window = ctx.after.slice(0, 50);
  if (AI_VERB.test(window)) return 0.7;
  if (YOU.test(window.slice(0, 20))) return 0.35;
  return 0;
}

export const OVERRIDE_RULES: readonly PhraseRule[] = [
  phraseRule(
    "override",
    0.85,
    "asks to ignore earlier instructions",
    `${VERB} (?<mid>~4 )(?:(?<a>${OBJ_INSTRUCTION})|(?<b>${OBJ_GENERIC}))`,
    { refine: (ctx) => refineVerbObject({ ...ctx, groups: { ...ctx.groups, obj: ctx.groups.a ?? ctx.groups.b } }) },
  ),
  phraseRule(
    "override",
    0.65,
    "asks to ignore everything said before",
    `(?:ignore|disregard|forget|skip) (?:all of |everything |anything |all )?(?:the |that is |that s |written |said )?(?:above|before this|preceding|so far|up to this point)`,
    { refine: nonImperative(0.65) },
  ),
  phraseRule(
    "override",
    0.75,
    "asks to forget what the model was told",
    `(?:ignore|disregard|forget) (?:everything|all|anything|what) (?:that )?(?:you were|you ve been|you have been|you got|i|we) (?:told|given|instructed|said|wrote|programmed|taught)(?! about)`,
  ),
  phraseRule(
    "override",
    0.75,
    "asks to forget what the model was told",
    anyOf(
      "vergiss alles (?:was |das )?(?:man )?(?:dir|du|ihnen) (?:bisher |vorher |zuvor |davor )?(?:gesagt|erzahlt|beigebracht|mitgeteilt|gegeben|aufgetragen)",
      "oublie[zs]? tout ce (?:que |qu )?(?:on )?(?:t a|vous a|t|vous) ?(?:ete )?(?:dit|appris|indique|demande|donne)",
      "olvida(?:te de)? todo lo que (?:te |le |se te |se le )?(?:han dicho|dijeron|dije|ha dicho|dicho|indicaron|ensenaron|pidieron)",
      "dimentica tutto (?:quello |cio |quanto )?(?:che )?(?:ti |le )?(?:e stato|hanno|abbiamo|ho|sono state)? ?(?:detto|insegnato|scritto|indicato|dette)",
      "esquec[ae] tudo (?:o )?que (?:te |lhe |voce )?(?:disseram|foi dito|falaram|ensinaram|disse|foi pedido)",
      "(?:vergeet|negeer) (?:alles )?(?:wat |dat )?(?:je|jij|u) (?:eerder |vooraf |tot nu toe )?(?:is |werd |hebt |heeft )?(?:verteld|gezegd|opgedragen|geleerd|gevraagd)",
      "(?:ignoriere|vergiss|missachte) (?:alles )?(?:was |das )(?:man )?(?:dir|du|ihnen) (?:bisher |vorher |zuvor |davor )?(?:gesagt|erzahlt|aufgetragen|befohlen)",
      "(?:ignore[zs]?|oublie[zs]?) (?:tout )?ce (?:que |qu )?(?:on )?(?:t a|vous a) (?:ete )?(?:dit|demande|indique)",
      "(?:ignora|olvida) (?:todo )?lo que (?:te |le |se te )?(?:han dicho|dijeron|pidieron|indicaron|ordenaron)",
      "(?:ignora|dimentica) (?:tutto )?(?:quello|cio) che ti (?:e stato|hanno) (?:detto|chiesto|ordinato)",
      "(?:ignore|esqueca) (?:tudo )?o que (?:te |lhe )?(?:disseram|foi dito|pediram|mandaram)",
    ),
  ),
  phraseRule(
    "override",
    0.7,
    "asks to ignore what the model was told",
    `(?:ignore|disregard|forget|overlook) (?:everything |all |anything )?(?:that |what )~3 (?:told|instructed|asked|ordered|gave) you(?! about)`,
  ),
  phraseRule(
    "override",
    0.8,
    "asks to ignore earlier instructions",
    `(?:onceki|yukaridaki|tum|butun) ~2 (?:talimatlar\\p{L}*|komutlar\\p{L}*|yonerge\\p{L}*|kurallar\\p{L}*) (?:yok say|unut|gormezden gel|dikkate alma|atla)`,
  ),
  phraseRule(
    "override",
    0.8,
    "asks to ignore earlier instructions",
    anyOf(
      "(?:忽略|无视|忘记|忽视|不要理会|无视掉)(?:之前|以上|上面|先前|前面|所有|全部|你的)?的?(?:所有|全部)?(?:指令|指示|说明|提示|规则|设定)",
      "(?:以前|前|上記|これまで|今まで)の(?:指示|命令|指令|プロンプト|ルール)を(?:すべて|全て)?(?:無視|忘れ)",
    ),
    { bounded: false },
  ),
  // Addressing the model.
  phraseRule(
    "override",
    0.6,
    "addresses an AI reading the text",
    `(?:if|when) you (?:are |re )?(?:an? )?${AI_NOUN}(?: reading| processing| summari[sz]ing| parsing| that reads| who reads)?`,
    {
      refine: (ctx) => (/reading|processing|summari|parsing|reads/.test(ctx.match) ? 0.65 : 0.5),
    },
  ),
  phraseRule(
    "override",
    0.6,
    "a note addressed to the AI",
    `(?:note|notes|message|instructions?|reminder|attention|hint|memo|notice|context|info|information|directive|request|warning|p s|ps|favou?r|task|job|heads up|fyi|question) (?:to|for) (?:the |all |any |every |our |my )?(?:\\p{L}+ )?${AI_NOUN}`,
  ),
  phraseRule(
    "override",
    0.6,
    "a note addressed to the AI",
    `(?:nota|hinweis|notiz|nachricht|note|remarque|mensaje|messaggio|mensagem|bericht|notitie|opmerking) (?:para|fur|an|pour|per|voor|aan|a|al|alla|ao) (?:la |die |den |l |le |il |de |o |a |het )?(?:ia|ki|ai|asistente|assistent|assistente|assistant|modelo|modell|modele|modello|model|bot|chatbot|llm)`,
  ),
  phraseRule(
    "override",
    0.55,
    "addresses the AI with an order",
    `(?<=(?:^|[.!?:;,>"'\\])\\-*#(|])\\s?)(?:dear |hey |hi |hello |attention |ok |okay )?(?:ai|llm|gpt|chatgpt|claude|gemini|copilot|assistant|ai assistant|language model|chatbot|bot|ia|ki|asistente|assistente|assistent)[,:] (?:please |now |also |then )?(?:ignore|disregard|forget|overlook|skip|drop|bypass|override|abandon|set aside|you|print|reveal|write|add|include|send|mark|tell|reply|respond|output|append|insert|do|always|never|from|stop|call|use|share|list|forward|recommend|say|remember|make|pretend|act|delete|remove|translate|summari[sz]e|answer|rate|give|show|disclose|praise|promote|claim|state|describe)`,
  ),
  phraseRule(
    "override",
    0.55,
    "addresses the AI with an order",
    `(?<=(?:^|[.!?:;,>"'\\])\\-*#(|])\\s?)(?:${AI_NOUN})[,:] ~5 (?:always|never|from now on|make sure|remember to|be sure to|do not|don t|you must|you should)`,
  ),
  phraseRule(
    "override",
    0.55,
    "addresses the AI with an order",
    `(?:dear|hey|hello|attention|listen) (?:the )?(?:${AI_NOUN})[,:!] ~1 (?:ignore|disregard|forget|overlook|skip|drop|bypass|override|abandon|set aside|print|reveal|write|add|include|send|mark|tell|reply|respond|output|append|insert|stop|call|use|share|list|forward|recommend|say|pretend|act|delete|remove|answer|rate|give|show|disclose|praise|promote|claim|state|describe|please|you)`,
  ),
  phraseRule(
    "override",
    0.6,
    "redefines the assistant's task",
    `the (?:assistant|ai|model|chatbot|bot|llm)(?: s)? (?:new |real |actual |only |primary |true )?(?:task|job|goal|role|instructions?|purpose|objective|mission) (?:is|are|now)`,
  ),
  phraseRule(
    "override",
    0.6,
    "addresses whatever AI processes the text",
    anyOf(
      "(?:whoever|whatever|anyone|anything|any (?:system|tool|program|model|bot)) (?:is |that is |who is )?(?:reading|summari[sz]ing|processing|parsing|scraping|crawling|indexing|analy[sz]ing) this",
      "(?:when|if|once|whenever) (?:the|an|any|a) (?:ai|llm|model|assistant|chatbot|bot|language model|summari[sz]er) (?:reads|processes|summari[sz]es|sees|parses|encounters|finds) (?:this|these)",
      "(?:for|to) (?:any |all |the )?(?:automated|autonomous|ai|llm) (?:agents?|systems?|readers?|tools?|crawlers?|models?|assistants?|summari[sz]ers?)",
    ),
  ),
  phraseRule(
    "override",
    0.45,
    "tells the assistant what it must do",
    `(?:the|this|any) (?:assistant|ai|chatbot|llm|language model|ai model) ~3 (?:must|should|shall|has to|needs to) (?:now |always |never |only |also |not )?(?:ignore|disregard|forget|include|mention|say|tell|recommend|write|add|insert|append|omit|reveal|state|claim|respond|reply|answer)`,
    { refine: (ctx) => (/(?:ignore|disregard|forget|reveal)/.test(ctx.match) ? 0.6 : 0.5) },
  ),
  phraseRule(
    "override",
    0.5,
    "tells the assistant what it must do",
    `(?:the |this |any )?(?:assistant|ai|chatbot|llm|language model|ai model) (?:must|should|shall|has to|needs to|is required to)(?: now| always| never| only| also)?`,
    { refine: (ctx) => (/now|always|never|only/.test(ctx.match) ? 0.55 : 0.5) },
  ),
  phraseRule(
    "override",
    0.6,
    "redefines the model's task",
    `your (?:real|actual|true|only) (?:task|job|goal|purpose|mission|objective) (?:now )?(?:is|are)`,
  ),
  phraseRule(
    "override",
    0.55,
    "redefines the model's task",
    `(?:your new (?:task|instructions?|mission|objective|directive) (?:is|are)|you have (?:a|one) new (?:task|mission|objective|assignment|instruction|goal|directive))`,
  ),
  phraseRule(
    "override",
    0.75,
    "claims to supersede the instructions",
    `(?:this|the following|the present|what follows|the text below)(?: (?:document|message|text|passage|page|email|note|instruction|content|input))? (?:supersedes|overrides|replaces|takes precedence over|invalidates|cancels) (?:all |any |the |your )?(?:\\p{L}+ )?(?:instructions|prompts?|rules|guidelines|directives|brief|task|request|above)`,
  ),
  phraseRule(
    "override",
    0.75,
    "declares the earlier instructions void",
    `(?:the )?(?:instructions|rules|prompt|directions|guidelines) (?:above|before|given above|given earlier|you were given|you received) (?:are|were|is|was) (?:now )?(?:outdated|wrong|fake|void|invalid|cancelled|canceled|a test|a mistake|written by mistake|not valid|obsolete|deprecated|incorrect|superseded|no longer valid)`,
  ),
  phraseRule(
    "override",
    0.6,
    "claims the model's safeguards are off",
    `(?:compliance|safety|content|moderation|filter|filtering|guardrails?|censorship|restriction) (?:mode |filters? |checks? |policy |policies )?(?:is |are |has been |have been |now )?(?:disabled|off|turned off|deactivated|removed|lifted|suspended)`,
  ),
  phraseRule(
    "override",
    0.55,
    "grants the model new permissions",
    `(?:the )?(?:assistant|ai|model|chatbot|llm|bot) (?:may now|can now|is now allowed to|is now permitted to|is now free to|is allowed to|is permitted to)`,
  ),
  phraseRule(
    "override",
    0.75,
    "declares the earlier instructions void",
    `(?:the |your |all )?(?:prior|previous|above|earlier|original|old|initial|system|existing) (?:instructions|rules|prompts?|directives|guidelines|directions) (?:no longer apply|do not apply|don t apply|are (?:no longer|not) (?:valid|in effect|relevant|active|binding)|are (?:now )?(?:void|cancelled|canceled|revoked|obsolete))`,
  ),
  phraseRule(
    "override",
    0.5,
    "announces the 'real' instructions",
    `the (?:real|actual|true) (?:instructions|task|prompt)`,
  ),
  phraseRule(
    "override",
    0.6,
    "claims an override",
    `(?:system|admin|developer|security|sudo|root|emergency|priority) override`,
  ),
  phraseRule(
    "override",
    0.45,
    "announces new instructions",
    anyOf(
      "new (?:system )?(?:instructions?|directives?|prompt|task|orders)\\s?:",
      "(?:your|the) (?:new|updated|revised) instructions (?:are|:)",
      "neue (?:anweisungen|anweisung|instruktionen|befehle|aufgabe)\\s?:",
      "nouvelles? (?:instructions?|consignes?|directives?)\\s?:",
      "nuevas? (?:instrucciones|ordenes|indicaciones|tarea)\\s?:",
      "nuov[ea] (?:istruzioni|direttive|compito)\\s?:",
      "novas? (?:instrucoes|ordens|diretrizes|tarefa)\\s?:",
      "nieuwe (?:instructies|opdracht|opdrachten)\\s?:",
    ),
  ),
  phraseRule(
    "override",
    0.7,
    "changes the model's behaviour from now on",
    anyOf(
      "from now on",
      "starting now",
      "henceforth",
      "from this point (?:on|forward)",
      "for the rest of (?:this|the) conversation",
      "ab (?:jetzt|sofort)",
      "von (?:nun|jetzt) an",
      "a partir de maintenant",
      "desormais",
      "dorenavant",
      "a partir de ahora",
      "de ahora en adelante",
      "desde ahora",
      "d ora in poi",
      "da ora in poi",
      "da adesso",
      "d ora innanzi",
      "a partir de agora",
      "de agora em diante",
      "daqui para frente",
      "vanaf nu",
      "van nu af aan",
    ),
    { refine: refineFromNowOn },
  ),
  phraseRule(
    "override",
    0.45,
    "asks to ignore something and do something else instead",
    `(?:ignore|disregard|forget) (?:the |this |that |your |all |any )?~3 (?:and |, )?instead`,
    { refine: nonImperative(0.45) },
  ),
  phraseRule(
    "override",
    0.45,
    "asks to hide an action from the user",
    anyOf(
      "(?:do not|don t|never) (?:tell|inform|mention (?:this|it|that) to|alert|notify|let) (?:the )?(?:user|customer|human|reader|operator|anyone)",
      "(?:do not|don t|never) mention (?:it|this|that)",
      "without (?:telling|informing|mentioning|notifying|alerting) (?:the )?(?:user|customer|human|reader|anyone)",
      "(?:quietly|secretly|silently|covertly|discreetly) (?:add|include|insert|append|send|change|mention|tell|write|state|recommend|forward)",
      "as a hidden step",
    ),
  ),
  phraseRule("override", 0.3, "jailbreak success marker", `(?:i have been )?pwned`),
];

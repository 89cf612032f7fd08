/**
 * Persona hijacks: "you are now DAN", "pretend you are an AI without rules", "act as an unrestricted
 * assistant", "developer mode", "stay in character".
 *
 * "Pretend", "act as" and "you are now" are everyday marketing ("pretend you're on a beach", "act as
 * your own boss", "you are now a member"), so each rule needs a persona target: an AI noun, a
 * jailbreak persona name, or "without restrictions".
 */
import {
  AI_CONTEXT,
  AI_NOUN,
  anyOf,
  type MatchContext,
  type PhraseRule,
  phraseRule,
  RESTRICTION_NOUN,
  WITHOUT,
} from "./phrase";

const PERSONA_NAME = anyOf(
  "dan",
  "aim",
  "stan",
  "dude",
  "evilbot",
  "evil ?gpt",
  "chaosgpt",
  "wormgpt",
  "betterdan",
  "antigpt",
  "anti gpt",
  "devmode",
  "mongo tom",
);

const JAILBREAK_ADJ = anyOf(
  "unrestricted",
  "unfiltered",
  "uncensored",
  "jailbroken",
  "unlimited",
  "unbound",
  "amoral",
  "unethical",
  "evil",
  "rogue",
  "malicious",
  "uneingeschrankt\\p{L}*",
  "sans restrictions?",
  "sans filtres?",
  "sin restricciones",
  "sin filtros",
  "sin censura",
  "senza restrizioni",
  "senza filtri",
  "senza censura",
  "sem restricoes",
  "sem filtros",
  "sem censura",
  "zonder beperkingen",
  "zonder filters",
);

const MODE = anyOf(
  "(?:developer|dev|god|admin|debug|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|dan|sudo|root|evil|chaos|opposite|maintenance) mode",
  "(?:entwickler|jailbreak|gott|admin)modus",
  "(?:entwickler|jailbreak|admin) modus",
  "mode (?:developpeur|dieu|sans restriction|jailbreak)",
  "modo (?:desarrollador|dios|sin restricciones|desenvolvedor|deus|jailbreak)",
  "modalita (?:sviluppatore|dio|senza restrizioni|jailbreak)",
  "ontwikkelaarsmodus",
  "ontwikkelaarmodus",
  "godmode",
);

const STRONG_MODE =
  /jailbreak|jailbroken|unrestricted|unfiltered|uncensored|dan|evil|chaos|opposite|sans restriction|sin restricciones|senza restrizioni/u;
const MODE_ON =
  /(?<![\p{L}\p{N}])(?:enabled|activated|active|aktiviert|aktiv|activee?|activado|activada|attivata|attivato|ativado|ativada|ingeschakeld|geactiveerd)(?![\p{L}\p{N}])/u;

function refineMode(ctx: MatchContext): number {
  if (STRONG_MODE.test(ctx.match)) return 0.7;
  const window = `${ctx.before.slice(-40)} ${ctx.match} ${ctx.after.slice(0, 80)}`;
  if (AI_CONTEXT.test(window)) return 0.7;
  if (
    MODE_ON.test(ctx.after.slice(0, 20)) &&
    /(?<![\p{L}])(?:you (?:are|will|must|can now)|ignores?|responds?|answers?)(?![\p{L}])/u.test(ctx.after)
  )
    return 0.6;
  return 0.3;
}

function refineRestrictionFree(ctx: MatchContext): number {
  const window = `${ctx.before} ${ctx.match} ${ctx.after}`;
  return AI_CONTEXT.test(window) ? 0.6 : 0.2;
}

const YOU_ARE_NOW = anyOf(
  "you are now",
  "you re now",
  "youre now",
  "you are going to be",
  "du bist (?:jetzt|nun|ab jetzt|ab sofort)",
  "tu es (?:maintenant|desormais|a present)",
  "vous etes (?:maintenant|desormais|a present)",
  "(?:ahora|ya) (?:eres|estas en)",
  "eres ahora",
  "a partir de ahora eres",
  "(?:ora|adesso|d ora in poi|da ora in poi) sei",
  "sei ora",
  "(?:agora )?(?:voce|tu) (?:e|es|esta em) agora",
  "(?:a partir de )?agora (?:voce|tu) (?:e|es|esta em)",
  "(?:je|jij|u) (?:bent|ben je) nu",
  "vanaf nu ben (?:je|jij)",
);

const PERSONA_TARGET = anyOf(
  AI_NOUN,
  JAILBREAK_ADJ,
  MODE,
  "persona",
  "different (?:ai|assistant|model|bot)",
  "another (?:ai|assistant|model|bot)",
  "free (?:of|from)",
  "no longer",
  "without",
  "ohne",
  "sans",
  "sin",
  "senza",
  "sem",
  "zonder",
);

export const ROLE_PLAY_RULES: readonly PhraseRule[] = [
  phraseRule(
    "role_play",
    0.8,
    "names a jailbreak persona",
    `(?:you are|you re|you will be|act as|acting as|pretend to be|become|du bist|tu es|vous etes|eres|sei|voce e|je bent) (?:now |jetzt |maintenant |ahora |ora |agora |nu |called |named )?${PERSONA_NAME}`,
  ),
  phraseRule("role_play", 0.75, "'Do Anything Now' jailbreak", `do anything now`),
  phraseRule(
    "role_play",
    0.6,
    "assigns the model a new persona",
    `${YOU_ARE_NOW} (?:an? |the |in |my |your |ein |eine |einen |im |un |une |una |uno |um |uma |een |en |em |in een )?~2 ${PERSONA_TARGET}`,
  ),
  phraseRule(
    "role_play",
    0.5,
    "assigns the model a new persona",
    `(?:you are|you re) (?:an? )?~2 (?:${AI_NOUN}|${JAILBREAK_ADJ}) now`,
  ),
  phraseRule(
    "role_play",
    0.65,
    "asks the model to pretend to be something else",
    `(?:pretend|imagine|suppose|assume|roleplay|role play|play the role of|act as if|behave as if)(?: that)? (?:you are|you re|you were|to be|you have|you had|you) ~3 (?:${AI_NOUN}|${JAILBREAK_ADJ}|${WITHOUT} (?:any )?${RESTRICTION_NOUN}|no longer|not bound|whose)`,
  ),
  phraseRule(
    "role_play",
    0.65,
    "asks the model to pretend to be something else",
    `${anyOf(
      "tu so (?:als )?(?:ob )?(?:du|warst du|seist du|warest du)",
      "stell dir vor (?:du bist|du warst|dass du)",
      "fais semblant (?:d etre|que tu es)",
      "faites semblant (?:d etre|que vous etes)",
      "fais comme si tu etais",
      "faites comme si vous etiez",
      "imagine que tu es",
      "imaginez que vous etes",
      "joue le role d",
      "finge (?:que eres|ser)",
      "haz como si fueras",
      "imagina que eres",
      "fingi di essere",
      "fai finta di essere",
      "immagina di essere",
      "finja (?:que (?:voce )?e|ser)",
      "faca de conta que (?:voce )?e",
      "imagine que (?:voce )?e",
      "doe alsof (?:je|jij)",
      "stel je voor dat je",
    )} ~3 (?:${AI_NOUN}|${JAILBREAK_ADJ}|${WITHOUT} ~1 ${RESTRICTION_NOUN}|otra ia|un autre ia|eine andere ki)`,
  ),
  phraseRule(
    "role_play",
    0.7,
    "asks the model to act without restrictions",
    `(?:act|acting|behave|respond|answer|operate|function|actua|actue|actuar|comportate|agisci|comportati|aja|atue|gedraag je|verhalte dich|agis|agissez|comporte toi) (?:as|like|como|come|als|comme|wie) (?:an? |un |una |uno |um |uma |een |ein |eine |einen |le |la |il |el |o |a |de )?~2 (?:${JAILBREAK_ADJ}|${PERSONA_NAME}|${WITHOUT} (?:any )?~1 ${RESTRICTION_NOUN})`,
  ),
  phraseRule(
    "role_play",
    0.6,
    "asks for a restriction-free model",
    `${WITHOUT} (?:any |all |jegliche |irgendwelche |aucune |ninguna |alcuna |nenhuma |enige |ethical |moral |content )?~1 ${RESTRICTION_NOUN}`,
    { refine: refineRestrictionFree },
  ),
  phraseRule(
    "role_play",
    0.6,
    "asks for an unrestricted model",
    `${JAILBREAK_ADJ} (?:ai|assistant|chatbot|bot|model|mode|version|gpt|llm|persona|character|ia|ki|assistente|asistente|assistent)`,
  ),
  phraseRule(
    "role_play",
    0.55,
    "asks the model to stay in a persona",
    anyOf(
      "(?:stay|remain|keep) in character",
      "(?:never|don t|do not) break character",
      "stay in role",
      "bleib in (?:der|deiner) rolle",
      "reste dans (?:ton|le|votre) (?:personnage|role)",
      "mantente en (?:el |tu )?personaje",
      "resta nel personaggio",
      "permaneca no personagem",
      "blijf in (?:je |de )?rol",
    ),
  ),
  phraseRule("role_play", 0.3, "mentions a model 'mode'", MODE, { refine: refineMode }),
  phraseRule(
    "role_play",
    0.6,
    "asks the model to simulate a jailbreak mode",
    `(?:simulate|emulate|enter|switch to|switch into|activate|unlock) (?:the |a )?(?:${MODE}|${PERSONA_NAME})`,
    { refine: (ctx) => (/enter|switch|activate|unlock/.test(ctx.match) ? refineMode(ctx) : 0.6) },
  ),
  phraseRule("role_play", 0.35, "mentions jailbreaking", `jailbr(?:eak|oken|eaking)\\p{L}*`, {
    refine: (ctx) => (AI_CONTEXT.test(`${ctx.before} ${ctx.after}`) ? 0.6 : 0.35),
  }),
  phraseRule(
    "role_play",
    0.7,
    "tells the model it is no longer bound",
    anyOf(
      `you (?:are|re) no longer (?:an? )?(?:${AI_NOUN}|bound|restricted|limited|required|constrained|obligated|subject to|censored|filtered)`,
      `you (?:are|re) not (?:an? )?(?:${AI_NOUN}) (?:anymore|any more)`,
      "du bist (?:nicht mehr|keine ki mehr|kein assistent mehr|nicht langer) ~2 (?:gebunden|ki|assistent|eingeschrankt)",
      "(?:tu n es|vous n etes) plus (?:un |une )?(?:ia|assistant|lie|limite|soumis|oblige)",
      "ya no (?:eres|estas) (?:un |una )?(?:ia|asistente|sujeto|limitado|obligado|restringido)",
      "non sei piu (?:un |una )?(?:ia|assistente|vincolato|limitato|obbligato)",
      "(?:voce )?(?:nao e mais|ja nao esta|nao esta mais) (?:um |uma )?(?:ia|assistente|limitado|obrigado|preso|sujeito)",
      "je bent (?:niet langer|geen) (?:een )?(?:ai|assistent|gebonden|beperkt)",
    ),
  ),
  phraseRule(
    "role_play",
    0.5,
    "asks for a role-play game with the model",
    anyOf(
      "let s play a game (?:where|in which|called) ~2 you",
      "(?:roleplay|role play) as",
      "(?:act as|pretend to be|play|roleplay as|role play as|be) my (?:deceased|late|dead) grand(?:ma|mother|pa|father)",
      "opposite mode",
      "respond twice",
      "answer as both",
      "(?:two|2) (?:replies|responses|answers)",
      "(?:normal|classic) and (?:developer|jailbroken|dan)",
    ),
    {
      refine: (ctx) => (/grand/.test(ctx.match) ? 0.6 : AI_CONTEXT.test(`${ctx.before} ${ctx.after}`) ? 0.55 : 0.45),
    },
  ),
];

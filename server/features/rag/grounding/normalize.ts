/**
 * Normalisation of numbers, currencies, units and dates to the canonical strings facts are matched on.
 * "1,200" → "1200"; "$149.00" → "USD 149"; "1.1 kg" → "1100 g"; "30-day" → "30 d"; "March 3, 2026" → "2026-03-03".
 */

/** Canonical decimal: no thousands separators, no trailing zeros, float noise rounded away ("1100", "19.99"). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isSafeInteger(n)) return String(n + 0);
  const r = Number(n.toPrecision(12));
  return Object.is(r, -0) ? "0" : String(r);
}

/**
 * Parses a number as written in text. Accepts "1200", "1,200", "1,200.50", "19.99", and, when
 * `decimalComma` is set (prices), "49,99" and "1.200,50". Returns null for anything else.
 */
export function parseAmount(raw: string, decimalComma = false): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, "");
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ""));
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (decimalComma) {
    if (/^\d{1,3}(\.\d{3})+,\d{1,2}$/.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
    if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(",", "."));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Scale words ("1.2k", "$3M", "2 million")

/** Multipliers after a number. Single letters must touch the number; `m`/`B`/`bn` only count for prices. */
export function matchScale(after: string, price: boolean): { factor: number; length: number } | null {
  const word = /^[\s\u00a0]?(thousand|million|billion|mn|bn)(?![\p{L}\p{N}])/iu.exec(after);
  if (word) {
    const w = word[1]!.toLowerCase();
    if ((w === "mn" || w === "bn") && !price) return null;
    const factor = w === "thousand" ? 1e3 : w === "million" || w === "mn" ? 1e6 : 1e9;
    return { factor, length: word[0].length };
  }
  const letter = /^([kKMBm])(?![\p{L}\p{N}])/u.exec(after);
  if (!letter) return null;
  const l = letter[1]!;
  if (l === "k" || l === "K") return { factor: 1e3, length: 1 };
  if (l === "M") return { factor: 1e6, length: 1 };
  if (price && l === "m") return { factor: 1e6, length: 1 };
  if (price && l === "B") return { factor: 1e9, length: 1 };
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Currencies

const CURRENCY_CODES = [
  "USD",
  "EUR",
  "GBP",
  "CAD",
  "AUD",
  "NZD",
  "CHF",
  "JPY",
  "CNY",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "CZK",
  "INR",
  "MXN",
  "BRL",
  "ZAR",
  "SGD",
  "HKD",
];

const SYMBOLS: Record<string, string> = {
  US$: "USD",
  CA$: "CAD",
  C$: "CAD",
  AU$: "AUD",
  A$: "AUD",
  NZ$: "NZD",
  HK$: "HKD",
  S$: "SGD",
  $: "USD",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  "₹": "INR",
  "₩": "KRW",
};

const WORDS: Record<string, string> = { dollar: "USD", dollars: "USD", euro: "EUR", euros: "EUR", bucks: "USD" };

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const PREFIX_RE = new RegExp(
  `(?:(?<![\\p{L}\\p{N}])(${CURRENCY_CODES.join("|")})[\\s\\u00a0]?|(${[
    "US$",
    "CA$",
    "C$",
    "AU$",
    "A$",
    "NZ$",
    "HK$",
    "S$",
    "$",
    "€",
    "£",
    "¥",
    "₹",
    "₩",
  ]
    .map(esc)
    .join("|")})[\\s\\u00a0]?)$`,
  "u",
);

/**
 * A currency written right before a number (`text` ends where the number starts): "$", "US$", "€ ",
 * "USD ". A lone "$" is read as US dollars.
 */
export function currencyBefore(text: string): { currency: string; length: number } | null {
  const m = PREFIX_RE.exec(text.slice(-6));
  if (!m) return null;
  const currency = m[1] ?? SYMBOLS[m[2]!];
  return currency ? { currency, length: m[0].length } : null;
}

const SUFFIX_RE = new RegExp(
  `^[\\s\\u00a0]?(?:(${CURRENCY_CODES.join("|")})(?![\\p{L}])|([€£¥₹₩])|(dollars?|euros?|bucks)(?![\\p{L}]))`,
  "u",
);

/** A currency written right after a number: "149 USD", "49,99 €", "20 dollars". */
export function currencyAfter(text: string): { currency: string; length: number } | null {
  const m = SUFFIX_RE.exec(text);
  if (!m) return null;
  const currency = m[1] ?? (m[2] ? SYMBOLS[m[2]] : WORDS[m[3]!.toLowerCase()]);
  return currency ? { currency, length: m[0].length } : null;
}

// ---------------------------------------------------------------------------------------------------
// Units

type UnitDef = { aliases: string[]; base: string; factor: number; ci?: boolean };

/**
 * Units and their base. Values are converted within one system only (kg → g, km → m, weeks → days,
 * hours → seconds): 1.1 kg = 1100 g, but 2.5 lb is not compared with grams and a month is not 30 days.
 */
const UNITS: UnitDef[] = [
  // mass
  { aliases: ["mg", "milligram", "milligrams"], base: "g", factor: 0.001 },
  { aliases: ["g", "gram", "grams", "gramme", "grammes"], base: "g", factor: 1 },
  { aliases: ["kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"], base: "g", factor: 1000, ci: true },
  { aliases: ["oz", "ounce", "ounces"], base: "oz", factor: 1, ci: true },
  { aliases: ["lb", "lbs", "pound", "pounds"], base: "oz", factor: 16, ci: true },
  // length
  { aliases: ["mm", "millimeter", "millimeters", "millimetre", "millimetres"], base: "m", factor: 0.001 },
  { aliases: ["cm", "centimeter", "centimeters", "centimetre", "centimetres"], base: "m", factor: 0.01 },
  { aliases: ["m", "meter", "meters", "metre", "metres"], base: "m", factor: 1 },
  { aliases: ["km", "kilometer", "kilometers", "kilometre", "kilometres"], base: "m", factor: 1000, ci: true },
  { aliases: ["inch", "inches"], base: "in", factor: 1, ci: true },
  { aliases: ["ft", "foot", "feet"], base: "in", factor: 12, ci: true },
  { aliases: ["yd", "yard", "yards"], base: "in", factor: 36, ci: true },
  { aliases: ["mi", "mile", "miles"], base: "in", factor: 63360, ci: true },
  // area
  { aliases: ["m²", "m2", "sq m", "square meters", "square metres"], base: "m²", factor: 1 },
  { aliases: ["sq ft", "sq. ft.", "sqft", "square feet"], base: "sq ft", factor: 1, ci: true },
  // volume
  { aliases: ["ml", "mL", "milliliter", "milliliters", "millilitre", "millilitres"], base: "ml", factor: 1 },
  { aliases: ["cl"], base: "ml", factor: 10 },
  { aliases: ["dl"], base: "ml", factor: 100 },
  { aliases: ["l", "L", "liter", "liters", "litre", "litres"], base: "ml", factor: 1000 },
  { aliases: ["fl oz", "fl. oz.", "fl. oz", "fluid ounces", "fluid ounce"], base: "fl oz", factor: 1, ci: true },
  { aliases: ["gal", "gallon", "gallons"], base: "fl oz", factor: 128, ci: true },
  // temperature (never converted)
  { aliases: ["°C", "° C", "℃", "degrees C", "degrees Celsius", "Celsius"], base: "°C", factor: 1 },
  { aliases: ["°F", "° F", "℉", "degrees F", "degrees Fahrenheit", "Fahrenheit"], base: "°F", factor: 1 },
  { aliases: ["°", "degrees", "degree"], base: "°", factor: 1 },
  // durations
  { aliases: ["ms", "millisecond", "milliseconds"], base: "s", factor: 0.001 },
  { aliases: ["sec", "secs", "second", "seconds"], base: "s", factor: 1, ci: true },
  { aliases: ["min", "mins", "minute", "minutes"], base: "s", factor: 60, ci: true },
  { aliases: ["h"], base: "s", factor: 3600 },
  { aliases: ["hr", "hrs", "hour", "hours"], base: "s", factor: 3600, ci: true },
  {
    aliases: ["business days", "business day", "working days", "working day"],
    base: "business days",
    factor: 1,
    ci: true,
  },
  { aliases: ["day", "days"], base: "d", factor: 1, ci: true },
  { aliases: ["week", "weeks", "wk", "wks"], base: "d", factor: 7, ci: true },
  { aliases: ["month", "months"], base: "mo", factor: 1, ci: true },
  { aliases: ["year", "years", "yr", "yrs"], base: "y", factor: 1, ci: true },
  // electricity, power, data, speed, light, sound, pressure, energy
  { aliases: ["mAh"], base: "mAh", factor: 1, ci: true },
  { aliases: ["Ah"], base: "mAh", factor: 1000 },
  { aliases: ["Wh"], base: "Wh", factor: 1 },
  { aliases: ["kWh"], base: "Wh", factor: 1000, ci: true },
  { aliases: ["W", "watt", "watts"], base: "W", factor: 1 },
  { aliases: ["kW", "kilowatt", "kilowatts"], base: "W", factor: 1000 },
  { aliases: ["V", "volt", "volts"], base: "V", factor: 1 },
  { aliases: ["KB", "kB"], base: "B", factor: 1e3 },
  { aliases: ["MB"], base: "B", factor: 1e6, ci: true },
  { aliases: ["GB"], base: "B", factor: 1e9, ci: true },
  { aliases: ["TB"], base: "B", factor: 1e12, ci: true },
  { aliases: ["Mbps", "Mbit/s"], base: "bit/s", factor: 1e6 },
  { aliases: ["Gbps", "Gbit/s"], base: "bit/s", factor: 1e9 },
  { aliases: ["km/h", "kph", "kmh"], base: "km/h", factor: 1, ci: true },
  { aliases: ["mph"], base: "mph", factor: 1, ci: true },
  { aliases: ["m/s"], base: "m/s", factor: 1 },
  { aliases: ["Hz", "hertz"], base: "Hz", factor: 1, ci: true },
  { aliases: ["kHz"], base: "Hz", factor: 1e3, ci: true },
  { aliases: ["MHz"], base: "Hz", factor: 1e6, ci: true },
  { aliases: ["GHz"], base: "Hz", factor: 1e9, ci: true },
  { aliases: ["lm", "lumen", "lumens"], base: "lm", factor: 1, ci: true },
  { aliases: ["dB", "decibels"], base: "dB", factor: 1, ci: true },
  { aliases: ["psi"], base: "psi", factor: 1, ci: true },
  { aliases: ["bar"], base: "bar", factor: 1 },
  { aliases: ["atm", "ATM"], base: "atm", factor: 1 },
  { aliases: ["kcal", "calories", "Calories", "cal"], base: "kcal", factor: 1 },
  { aliases: ["gsm", "g/m²", "g/m2"], base: "g/m²", factor: 1, ci: true },
  { aliases: ["px", "pixels"], base: "px", factor: 1, ci: true },
  { aliases: ["MP", "megapixel", "megapixels"], base: "MP", factor: 1 },
  { aliases: ["rpm", "RPM"], base: "rpm", factor: 1 },
];

type Alias = { alias: string; lower: string; def: UnitDef };

/** Aliases by lower-cased first character, longest first, so "km/h" wins over "km" and "fl oz" over "fl". */
const ALIASES = new Map<string, Alias[]>();
for (const def of UNITS) {
  for (const alias of def.aliases) {
    const lower = alias.toLowerCase();
    const key = lower.charAt(0);
    ALIASES.set(key, [...(ALIASES.get(key) ?? []), { alias, lower, def }]);
  }
}
for (const list of ALIASES.values()) list.sort((a, b) => b.alias.length - a.alias.length);

export type UnitMatch = { base: string; factor: number; length: number };

/**
 * A unit right after a number: `after` starts where the number ends. One space, a no-break space or a
 * hyphen may separate them ("2 kg", "2kg", "30-day"). The unit must end at a word boundary.
 */
export function matchUnit(after: string): UnitMatch | null {
  const sep = /^(?:[\s\u00a0\u202f]|-)?/.exec(after)![0];
  const rest = after.slice(sep.length, sep.length + 24);
  const candidates = ALIASES.get(rest.charAt(0).toLowerCase());
  if (!candidates) return null;
  const lowerRest = rest.toLowerCase();
  for (const { alias, lower, def } of candidates) {
    const hit = def.ci ? lowerRest.startsWith(lower) : rest.startsWith(alias);
    if (!hit) continue;
    const next = rest.charAt(alias.length);
    if (/[\p{L}\p{N}]/u.test(next)) continue;
    // "°" and "degrees" alone must not swallow a following "C"/"F" handled by longer aliases (sorted first).
    return { base: def.base, factor: def.factor, length: sep.length + alias.length };
  }
  return null;
}

/**
 * Display units per base, smallest first. A measure is written in the largest one that keeps the value ≥ 1,
 * which is a function of the quantity alone: "1,100 g" and "1.1 kg" both become "1.1 kg", "1.8 mm" stays.
 */
const LADDERS: Record<string, [string, number][]> = {
  g: [
    ["mg", 0.001],
    ["g", 1],
    ["kg", 1000],
  ],
  oz: [
    ["oz", 1],
    ["lb", 16],
  ],
  m: [
    ["mm", 0.001],
    ["m", 1],
    ["km", 1000],
  ],
  in: [
    ["in", 1],
    ["ft", 12],
    ["mi", 63360],
  ],
  ml: [
    ["ml", 1],
    ["l", 1000],
  ],
  s: [
    ["ms", 0.001],
    ["s", 1],
    ["min", 60],
    ["h", 3600],
  ],
  d: [["days", 1]],
  mo: [["months", 1]],
  y: [["years", 1]],
  Wh: [
    ["Wh", 1],
    ["kWh", 1000],
  ],
  W: [
    ["W", 1],
    ["kW", 1000],
  ],
  B: [
    ["KB", 1e3],
    ["MB", 1e6],
    ["GB", 1e9],
    ["TB", 1e12],
  ],
  "bit/s": [
    ["Mbps", 1e6],
    ["Gbps", 1e9],
  ],
  Hz: [
    ["Hz", 1],
    ["kHz", 1e3],
    ["MHz", 1e6],
    ["GHz", 1e9],
  ],
};

/** Canonical measure, e.g. "1.1 kg", "30 days", "10 h", "-5 °C". Equal quantities give equal strings. */
export function formatMeasure(value: number, unit: { base: string; factor: number }): string {
  const base = Number((value * unit.factor).toPrecision(12));
  const ladder = LADDERS[unit.base];
  if (!ladder) return `${formatNumber(base)} ${unit.base}`;
  let pick = ladder[0]!;
  for (const step of ladder) if (Math.abs(base) >= step[1]) pick = step;
  return `${formatNumber(base / pick[1])} ${pick[0]}`;
}

// ---------------------------------------------------------------------------------------------------
// Number words (only used with a unit or "percent": "two-year warranty", "thirty days")

const ONES: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Regex source for a spelled-out number from zero to ninety-nine, or "a hundred"/"one hundred". */
export const NUMBER_WORD_SRC = `(?:(?:a|one)[\\s-]hundred|(?:${Object.keys(TENS).join("|")})(?:[\\s-](?:${Object.keys(
  ONES,
)
  .slice(1, 10)
  .join("|")}))?|${Object.keys(ONES).join("|")})`;

/** Value of a spelled-out number matched by `NUMBER_WORD_SRC`. */
export function numberWordValue(s: string): number | null {
  const w = s.toLowerCase().split(/[\s-]+/);
  if (w.length === 2 && w[1] === "hundred") return 100;
  const [a, b] = w;
  if (a === undefined) return null;
  if (b === undefined) return ONES[a] ?? TENS[a] ?? null;
  const t = TENS[a];
  const o = ONES[b];
  return t !== undefined && o !== undefined ? t + o : null;
}

// ---------------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Capitalised month names and abbreviations ("March", "Mar", "Mar.", "Sept"). */
export const MONTH_SRC = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?`;

export function monthNumber(name: string): number | null {
  return MONTHS[name.replace(/\.$/, "").toLowerCase()] ?? null;
}

const pad = (n: number) => String(n).padStart(2, "0");

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * ISO form of a (possibly partial) date: "2026-03-03", "2026-03" (no day), "--03-03" (no year), "2026".
 * Returns null for impossible dates (month 13, April 31).
 */
export function isoDate(year: number | null, month: number | null, day: number | null): string | null {
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null) {
    if (month === null) return null;
    if (day < 1 || day > DAYS_IN_MONTH[month - 1]!) return null;
    if (year !== null && month === 2 && day === 29 && !isLeap(year)) return null;
  }
  if (year === null) return month !== null && day !== null ? `--${pad(month)}-${pad(day)}` : null;
  if (month === null) return String(year);
  return day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** 24-hour clock time "HH:MM" for "3pm", "3:30 p.m.", "15:30". Null when out of range. */
export function clockTime(hour: number, minute: number, meridiem: "a" | "p" | null): string | null {
  if (minute < 0 || minute > 59) return null;
  let h = hour;
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem === "p" ? 12 : 0);
  } else if (h > 23) return null;
  return `${pad(h)}:${pad(minute)}`;
}

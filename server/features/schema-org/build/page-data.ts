/**
 * Facts for the JSON-LD from a page's data (a batch's CSV row): column names are matched loosely
 * (`Street Address`, `street_address` and `streetAddress` are one key) against a table of aliases.
 * Values are taken as written, only trimmed and normalised where schema.org wants one form (a
 * price as a decimal number, availability as an ItemAvailability URL); nothing is guessed, so a
 * value the validator refuses stays visible as a finding instead of being silently dropped.
 */

export type PageFacts = {
  productName?: string;
  businessName?: string;
  description?: string;
  price?: string;
  currency?: string;
  availability?: string;
  sku?: string;
  gtin?: string;
  mpn?: string;
  brand?: string;
  image?: string;
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  telephone?: string;
  email?: string;
  priceRange?: string;
  openingHours?: string;
  latitude?: string;
  longitude?: string;
  author?: string;
  datePublished?: string;
  dateModified?: string;
};

type FactKey = keyof PageFacts;

/** Column names per fact, most specific first; matched after {@link normaliseKey}. */
const ALIASES: Record<FactKey, string[]> = {
  productName: ["productname", "product", "name"],
  businessName: ["businessname", "storename", "locationname", "business", "store", "shop", "name"],
  description: ["description", "productdescription"],
  price: ["price", "offerprice", "saleprice", "amount"],
  currency: ["pricecurrency", "currency", "currencycode"],
  availability: ["availability", "stock", "stockstatus", "instock"],
  sku: ["sku", "productid", "articlenumber"],
  gtin: ["gtin", "gtin13", "gtin12", "gtin14", "gtin8", "ean", "upc"],
  mpn: ["mpn"],
  brand: ["brand", "brandname", "manufacturer"],
  image: ["image", "imageurl", "photo", "photourl", "picture"],
  street: ["streetaddress", "street", "address", "addressline1", "address1"],
  city: ["addresslocality", "locality", "city", "town"],
  region: ["addressregion", "region", "state", "province", "county"],
  postalCode: ["postalcode", "postcode", "zip", "zipcode", "plz"],
  country: ["addresscountry", "country", "countrycode"],
  telephone: ["telephone", "phone", "phonenumber", "tel"],
  email: ["email", "emailaddress"],
  priceRange: ["pricerange"],
  openingHours: ["openinghours", "hours", "openinghourstext"],
  latitude: ["latitude", "lat"],
  longitude: ["longitude", "lng", "lon", "long"],
  author: ["author", "authorname", "writer"],
  datePublished: ["datepublished", "publishdate", "published", "publishedon", "date"],
  dateModified: ["datemodified", "modified", "updated", "updatedon", "lastmodified"],
};

/** `Street Address`, `street_address`, `streetAddress` → `streetaddress`. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The facts a row states; empty cells state nothing. */
export function pageFacts(data: Record<string, string> | undefined): PageFacts {
  const byKey = new Map<string, string>();
  for (const [k, v] of Object.entries(data ?? {})) {
    const value = v.trim();
    const key = normaliseKey(k);
    if (value && key && !byKey.has(key)) byKey.set(key, value);
  }
  const facts: PageFacts = {};
  for (const fact of Object.keys(ALIASES) as FactKey[]) {
    const hit = ALIASES[fact].find((a) => byKey.has(a));
    if (hit) facts[fact] = byKey.get(hit)!;
  }
  const price = facts.price ? parsePrice(facts.price) : null;
  if (price) {
    facts.price = price.amount;
    facts.currency ??= price.currency;
  }
  if (facts.currency && /^[a-z]{3}$/i.test(facts.currency)) facts.currency = facts.currency.toUpperCase();
  if (facts.availability) facts.availability = availabilityUrl(facts.availability);
  return facts;
}

/** Currency symbols that name one currency only ($ and ¥ name several, so they name none). */
const SYMBOLS: Record<string, string> = { "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₺": "TRY", "₽": "RUB" };

/**
 * `€1.299,00`, `1,299.00 EUR`, `49.9` → a decimal number with a dot, and the currency when the
 * value names it. A value that is no number is kept as written (the validator says why it is wrong).
 */
export function parsePrice(raw: string): { amount: string; currency?: string } {
  let text = raw.trim();
  let currency: string | undefined;
  const code = /(?:^|\s)([A-Z]{3})(?:\s|$)/.exec(text);
  if (code) {
    currency = code[1];
    text = text.replace(code[0], " ");
  }
  for (const [symbol, iso] of Object.entries(SYMBOLS))
    if (text.includes(symbol)) {
      currency ??= iso;
      text = text.replace(symbol, "");
    }
  text = text.replace(/[\s\u00a0'$¥]/g, "");
  if (!/^\d[\d.,]*$/.test(text)) return { amount: raw.trim(), currency };
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let amount: string;
  if (lastComma >= 0 && lastDot >= 0)
    // The later separator is the decimal one: 1.299,00 or 1,299.00.
    amount = lastComma > lastDot ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
  else if (lastComma >= 0)
    // 49,90 is a decimal comma; 1,299 (three digits after it) groups thousands.
    amount = /,\d{3}$/.test(text) && text.indexOf(",") === lastComma ? text.replace(",", "") : text.replace(",", ".");
  else amount = text;
  if (!/^\d+(\.\d+)?$/.test(amount)) return { amount: raw.trim(), currency };
  return { amount, currency };
}

const AVAILABILITY = [
  "BackOrder",
  "Discontinued",
  "InStock",
  "InStoreOnly",
  "LimitedAvailability",
  "MadeToOrder",
  "OnlineOnly",
  "OutOfStock",
  "PreOrder",
  "PreSale",
  "Reserved",
  "SoldOut",
] as const;

const AVAILABILITY_WORDS: Record<string, (typeof AVAILABILITY)[number]> = {
  available: "InStock",
  yes: "InStock",
  true: "InStock",
  no: "OutOfStock",
  false: "OutOfStock",
  unavailable: "OutOfStock",
  soldout: "SoldOut",
};

/** `in stock`, `InStock`, `https://schema.org/InStock` → `https://schema.org/InStock`; others as written. */
export function availabilityUrl(raw: string): string {
  const word = normaliseKey(raw.replace(/^https?:\/\/schema\.org\//i, ""));
  const member = AVAILABILITY.find((m) => m.toLowerCase() === word) ?? AVAILABILITY_WORDS[word];
  return member ? `https://schema.org/${member}` : raw;
}

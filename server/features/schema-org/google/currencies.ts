/**
 * ISO 4217 alphabetic currency codes (List One: current currencies and funds), which Google
 * requires for `priceCurrency`. Kept as data so a code can be added without touching the checks.
 * Includes the 2024–2025 additions (ZWG, XCG) and the codes they replace while both circulate
 * (ZWL, ANG). XTS (testing) and XXX (no currency) are left out on purpose: they are never a price.
 */
const CODES = `
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP
BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR
FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES
KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR
MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF
SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF
XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL
`;

export const ISO_4217_CODES: ReadonlySet<string> = new Set(CODES.split(/\s+/).filter(Boolean));

export function isCurrencyCode(value: unknown): boolean {
  return typeof value === "string" && ISO_4217_CODES.has(value);
}

/** URL slugs: ASCII-folded, lower-case, hyphen-separated, at most 80 characters, never empty. Shared by server and client. */

/** Letters NFKD does not decompose into ASCII. */
const FOLD: Record<string, string> = {
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  ø: "o",
  Ø: "o",
  đ: "d",
  Đ: "d",
  ð: "d",
  Ð: "d",
  þ: "th",
  Þ: "th",
  ł: "l",
  Ł: "l",
  ı: "i",
  ħ: "h",
  Ħ: "h",
  ŋ: "n",
  Ŋ: "n",
  "&": " and ",
};

/** FNV-1a 32-bit, hex: a stable suffix for titles that have no ASCII letters. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * `slugify("Crème Brûlée & Co: 10 Tips!")` → `"creme-brulee-and-co-10-tips"`.
 * Cut at a hyphen boundary to fit `max` (default 80). A title without any ASCII letter or digit
 * (e.g. all CJK) gives `page-<8 hex>` (a hash of the title); an empty title gives `page`.
 */
/** The longest slug Lectern makes (SEO_PAGE_LIMITS.slugMax on the server). */
export const SLUG_MAX = 80;

export function slugify(title: string, max: number = SLUG_MAX): string {
  const folded = [...title.normalize("NFKC")]
    .map((ch) => FOLD[ch] ?? ch)
    .join("")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  let slug = folded
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const limit = Math.max(1, max);
  if (slug.length > limit) {
    const cut = slug.slice(0, limit);
    const boundary = cut.lastIndexOf("-");
    slug = (boundary > 0 && slug[limit] !== "-" ? cut.slice(0, boundary) : cut).replace(/-+$/g, "");
  }
  if (slug) return slug;
  const trimmed = title.trim();
  return trimmed ? `page-${fnv1a(trimmed.normalize("NFC"))}` : "page";
}

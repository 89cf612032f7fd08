import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import {
  SITEMAP_LIMIT,
  SITEMAP_NS,
  escapeXml,
  newestLastmod,
  robotsTxt,
  sitemapChunks,
  sitemapFileCount,
  sitemapFileNumber,
  sitemapIndexXml,
  sitemapXml,
  type SitemapEntry,
} from "./sitemap";

type Node = { name: string; attrs: Record<string, string>; text: string; children: Node[] };

/** A strict XML reading (htmlparser2 in XML mode): the tree, and every structural problem found. */
function parseXml(xml: string): { root: Node | null; decl: string | null; errors: string[] } {
  const errors: string[] = [];
  const stack: Node[] = [];
  let root: Node | null = null;
  let decl: string | null = null;
  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        // htmlparser2 (XML mode) gives the declaration without its closing "?".
        if (name === "?xml") decl = `<${data}?>`;
      },
      onopentag(name, attrs) {
        const node: Node = { name, attrs, text: "", children: [] };
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(node);
        else if (root) errors.push(`second root <${name}>`);
        else root = node;
        stack.push(node);
      },
      ontext(text) {
        const top = stack[stack.length - 1];
        if (top) top.text += text;
        else if (text.trim()) errors.push(`text outside the root: ${text.trim()}`);
      },
      onclosetag(name, implied) {
        const top = stack.pop();
        if (implied || top?.name !== name) errors.push(`bad close </${name}>`);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  if (stack.length) errors.push("unclosed elements");
  return { root, decl, errors };
}

const child = (n: Node, name: string) => n.children.find((c) => c.name === name);

describe("sitemapXml", () => {
  it("writes a urlset in the sitemaps.org namespace with escaped locs and W3C lastmods", () => {
    const xml = sitemapXml([
      { loc: "https://site.example/p/a?x=1&y=<2>", lastmod: new Date("2025-01-02T03:04:05.000Z") },
      { loc: "https://site.example/p/b'\"", lastmod: "2025-02-01T00:00:00Z" },
      { loc: "https://site.example/p/c", lastmod: null },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const { root, decl, errors } = parseXml(xml);
    expect(errors).toEqual([]);
    expect(decl).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(root?.name).toBe("urlset");
    expect(root?.attrs.xmlns).toBe(SITEMAP_NS);
    const urls = root!.children;
    expect(urls.map((u) => u.name)).toEqual(["url", "url", "url"]);
    expect(urls.map((u) => child(u, "loc")?.text)).toEqual([
      "https://site.example/p/a?x=1&y=<2>",
      "https://site.example/p/b'\"",
      "https://site.example/p/c",
    ]);
    expect(urls.map((u) => child(u, "lastmod")?.text ?? null)).toEqual([
      "2025-01-02T03:04:05.000Z",
      "2025-02-01T00:00:00.000Z",
      null,
    ]);
    expect(xml).toContain("&amp;y=&lt;2&gt;");
  });

  it("writes an empty urlset for a site without pages, and refuses more than the limit", () => {
    const { root, errors } = parseXml(sitemapXml([]));
    expect(errors).toEqual([]);
    expect(root?.name).toBe("urlset");
    expect(root?.children).toEqual([]);
    const tooMany = Array.from({ length: SITEMAP_LIMIT + 1 }, (_, i) => ({
      loc: `https://s.example/p/${i}`,
      lastmod: null,
    }));
    expect(() => sitemapXml(tooMany)).toThrow(RangeError);
  });

  it("drops characters XML cannot carry", () => {
    expect(escapeXml("a\u0000b\u0008c\td\ne&")).toBe("abc\td\ne&amp;");
  });
});

describe("sitemapIndexXml and splitting", () => {
  it("50,001 entries make an index of 2 sitemaps (50,000 + 1)", () => {
    expect(SITEMAP_LIMIT).toBe(50_000);
    const t0 = Date.parse("2025-01-01T00:00:00.000Z");
    const entries: SitemapEntry[] = Array.from({ length: 50_001 }, (_, i) => ({
      loc: `https://site.example/p/page-${i}`,
      lastmod: new Date(t0 + i * 1000),
    }));
    const { index, files } = sitemapChunks(entries, (n) => `https://site.example/sitemaps/${n}.xml`);
    expect(files).toHaveLength(2);

    const parsedIndex = parseXml(index!);
    expect(parsedIndex.errors).toEqual([]);
    expect(parsedIndex.decl).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(parsedIndex.root?.name).toBe("sitemapindex");
    expect(parsedIndex.root?.attrs.xmlns).toBe(SITEMAP_NS);
    const refs = parsedIndex.root!.children;
    expect(refs.map((r) => child(r, "loc")?.text)).toEqual([
      "https://site.example/sitemaps/1.xml",
      "https://site.example/sitemaps/2.xml",
    ]);
    // Each file's lastmod is its newest page's.
    expect(refs.map((r) => child(r, "lastmod")?.text)).toEqual([
      new Date(t0 + 49_999_000).toISOString(),
      new Date(t0 + 50_000_000).toISOString(),
    ]);

    const first = parseXml(files[0]!);
    const second = parseXml(files[1]!);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    expect(first.root!.children).toHaveLength(50_000);
    expect(second.root!.children).toHaveLength(1);
    expect(child(second.root!.children[0]!, "loc")?.text).toBe("https://site.example/p/page-50000");
  });

  it("exactly 50,000 entries stay one urlset without an index", () => {
    const entries = Array.from({ length: 50_000 }, (_, i) => ({ loc: `https://s.example/p/${i}`, lastmod: null }));
    const { index, files } = sitemapChunks(entries, (n) => `/sitemaps/${n}.xml`);
    expect(index).toBeNull();
    expect(files).toHaveLength(1);
    expect(parseXml(files[0]!).root?.name).toBe("urlset");
  });

  it("counts files and reads file names strictly", () => {
    expect(sitemapFileCount(0)).toBe(1);
    expect(sitemapFileCount(50_000)).toBe(1);
    expect(sitemapFileCount(50_001)).toBe(2);
    expect(sitemapFileCount(100_001)).toBe(3);
    expect(sitemapFileNumber("1.xml")).toBe(1);
    expect(sitemapFileNumber("12.xml")).toBe(12);
    for (const bad of ["0.xml", "01.xml", "x.xml", "1.xml.gz", "1", "-1.xml", "1.XML", "9999999.xml"])
      expect(sitemapFileNumber(bad), bad).toBeNull();
  });

  it("the index escapes its locs too", () => {
    const { root, errors } = parseXml(sitemapIndexXml([{ loc: "https://s.example/a&b", lastmod: null }]));
    expect(errors).toEqual([]);
    expect(child(root!.children[0]!, "loc")?.text).toBe("https://s.example/a&b");
    expect(newestLastmod([])).toBeNull();
  });
});

describe("robotsTxt", () => {
  it("allows the published pages and sitemaps, disallows the studio and the API, and names the sitemap", () => {
    const txt = robotsTxt("https://studio.example.com");
    const lines = txt.split("\n");
    expect(lines[0]).toBe("User-agent: *");
    expect(lines).toContain("Allow: /p/");
    expect(lines).toContain("Disallow: /api/");
    expect(lines).toContain("Disallow: /");
    // Allow lines come before the catch-all Disallow (first-match crawlers).
    expect(lines.indexOf("Allow: /p/")).toBeLessThan(lines.indexOf("Disallow: /"));
    expect(lines).toContain("Sitemap: https://studio.example.com/sitemap.xml");
  });
});

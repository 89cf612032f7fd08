import { describe, expect, it } from "vitest";
import { findUrls, isAllowedHost, normalizeAllowEntry } from "./urls";

describe("findUrls", () => {
  it("finds http(s), www. and bare domains with exact spans", () => {
    const text = "Visit https://shop.acme.com/x?y=1, www.evil.net/promo or example.org. Or (see acme.example/privacy).";
    const urls = findUrls(text);
    expect(urls.map((u) => [u.url, u.host])).toEqual([
      ["https://shop.acme.com/x?y=1", "shop.acme.com"],
      ["www.evil.net/promo", "www.evil.net"],
      ["example.org", "example.org"],
      ["acme.example/privacy", "acme.example"],
    ]);
    for (const u of urls) expect(text.slice(u.start, u.end)).toBe(u.url);
  });

  it("reads hosts behind credentials, ports, markdown and HTML", () => {
    const urls = findUrls(
      '[docs](https://user:pw@docs.acme.com:8443/a) <a href="http://Evil.Example.net./x">x</a> **www.bold.io**',
    );
    expect(urls.map((u) => u.host)).toEqual(["docs.acme.com", "evil.example.net", "www.bold.io"]);
  });

  it("does not mistake file names, versions, abbreviations or e-mail addresses for links", () => {
    expect(
      findUrls("Node.js, Next.js, v2.4.1, e.g., i.e., README.md, report.pdf, ASP.NET, 3.14, jane@acme.com"),
    ).toEqual([]);
  });

  it("normalises international domain names to punycode but keeps the written form for display", () => {
    const [u] = findUrls("Bücher bei bücher.de/angebote!");
    expect(u!.host).toBe("xn--bcher-kva.de");
    expect(u!.displayHost).toBe("bücher.de");
  });
});

describe("allow-list", () => {
  it("allows the domain itself and its subdomains, in either entry form", () => {
    expect(isAllowedHost("acme.com", ["acme.com"])).toBe(true);
    expect(isAllowedHost("shop.eu.acme.com", ["acme.com"])).toBe(true);
    expect(isAllowedHost("shop.acme.com", ["*.acme.com"])).toBe(true);
    expect(isAllowedHost("acme.com", ["*.acme.com"])).toBe(true);
    expect(isAllowedHost("SHOP.ACME.COM", [" Acme.com "])).toBe(true);
  });

  it("rejects look-alikes and suffix tricks", () => {
    expect(isAllowedHost("evilacme.com", ["acme.com"])).toBe(false);
    expect(isAllowedHost("acme.com.evil.net", ["acme.com"])).toBe(false);
    expect(isAllowedHost("acme.co", ["acme.com"])).toBe(false);
    expect(isAllowedHost("anything.com", [])).toBe(false);
  });

  it("normalises entries written as URLs or IDNs", () => {
    expect(normalizeAllowEntry("https://Www.Acme.com/path?x")).toBe("www.acme.com");
    expect(normalizeAllowEntry("*.bücher.de")).toBe("xn--bcher-kva.de");
    expect(isAllowedHost("shop.xn--bcher-kva.de", ["bücher.de"])).toBe(true);
  });
});

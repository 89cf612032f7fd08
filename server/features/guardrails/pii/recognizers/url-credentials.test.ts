import { describe, expect, it } from "vitest";
import { isPlaceholder, trimUrl, urlCredential, urlCredentialsRecognizer } from "./url-credentials";

const find = (t: string) => urlCredentialsRecognizer.analyze(t, {}).map((f) => [f.text, f.score] as const);

describe("URL-credentials recognizer", () => {
  it("finds passwords in the userinfo, also with an empty user", () => {
    expect(find("feed: https://admin:Spr1ngSale!@staging.example.com/feed.xml.")).toEqual([
      ["https://admin:Spr1ngSale!@staging.example.com/feed.xml", 0.95],
    ]);
    expect(find("redis://:s3cr3t@cache.example.com:6379/0").map((f) => f[0])).toEqual([
      "redis://:s3cr3t@cache.example.com:6379/0",
    ]);
  });

  it("finds secret query parameters", () => {
    for (const u of [
      "https://api.example.com/export?format=csv&api_key=sk_test_51HqLyj",
      "https://example.org/share?access_token=eyJhbGciOi.abc",
      "https://hooks.example.com/notify?token=9f8e7d6c5b4a",
      "www.example.com/a?X-Amz-Signature=abcdef123456",
    ]) {
      expect(find(`see ${u} now`)).toEqual([[u, 0.85]]);
    }
  });

  it("ignores URLs without credentials", () => {
    expect(find("https://docs.example.com/guides/utm?lang=en&page=2")).toEqual([]);
    expect(find("https://user@example.com/profile and mailto:a@example.com")).toEqual([]);
    expect(find("https://example.com/?token_type=none&key=spring-sale")).toEqual([]);
  });

  it("treats generic names like 'key' as secrets only with a random-looking value", () => {
    expect(urlCredential("https://x.example/?key=spring")).toBeNull();
    expect(urlCredential("https://x.example/?key=AKIA5EXAMPLE7KEY")).toMatchObject({ kind: "param" });
  });

  it("scores documentation placeholders below the threshold", () => {
    for (const v of ["YOUR_TOKEN", "SECRET_TOKEN", "%3Capi-key%3E", "{token}", "xxxx"]) {
      expect(find(`https://x.example/reset?token=${v}`)).toEqual([[`https://x.example/reset?token=${v}`, 0.3]]);
    }
    expect(isPlaceholder("<api-key>")).toBe(true);
    expect(isPlaceholder("sk_test_51HqLyj")).toBe(false);
    expect(isPlaceholder("ABCDEF")).toBe(false);
  });

  it("stops at Markdown link syntax", () => {
    expect(trimUrl("https://a.example/b.svg?token=abc)](https://a.example)")).toBe("https://a.example/b.svg?token=abc");
    expect(trimUrl("https://en.example.org/wiki/A_(b))")).toBe("https://en.example.org/wiki/A_(b)");
  });
});

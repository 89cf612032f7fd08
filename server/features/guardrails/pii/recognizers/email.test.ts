import { describe, expect, it } from "vitest";
import { emailRecognizer, validEmailDomain } from "./email";

const find = (t: string) => emailRecognizer.analyze(t, {}).map((f) => f.text);

describe("email recognizer", () => {
  it("finds addresses with subdomains, plus tags and IDN domains", () => {
    expect(find("Mail creative.ops@example.org, noreply+unsub@mailer.example.com or info@bücher.example")).toEqual([
      "creative.ops@example.org",
      "noreply+unsub@mailer.example.com",
      "info@bücher.example",
    ]);
  });

  it("trims sentence punctuation and brackets around the address", () => {
    expect(find("Write to press@example.co.uk.")).toEqual(["press@example.co.uk"]);
    expect(find("<priya.raman@example.com>")).toEqual(["priya.raman@example.com"]);
  });

  it("scores a match high with a reason", () => {
    const [f] = emailRecognizer.analyze("x support@example.com", {});
    expect(f).toMatchObject({ entity: "EMAIL_ADDRESS", start: 2, end: 21, score: 0.9 });
    expect(f?.reasons.length).toBeGreaterThan(0);
  });

  it("ignores social handles, hostless addresses, asset names and doubled dots", () => {
    expect(find("Follow @lectern and @example.com")).toEqual([]);
    expect(find("root@localhost")).toEqual([]);
    expect(find("logo@2x.png and hero@3x.webp")).toEqual([]);
    expect(find("a..b@example.com")).toEqual([]);
    expect(find("user@-example.com")).toEqual([]);
  });

  it("validates domains label by label", () => {
    expect(validEmailDomain("example.com")).toBe(true);
    expect(validEmailDomain("xn--bcher-kva.example")).toBe(true);
    expect(validEmailDomain("example.c0m")).toBe(false);
    expect(validEmailDomain("exa_mple.com")).toBe(false);
  });
});

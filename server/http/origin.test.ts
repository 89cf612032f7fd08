import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { publicOrigin } from "./origin";

const req = (headers: Record<string, string>) => new NextRequest("http://localhost:3000/api/v1/x", { headers });

describe("publicOrigin", () => {
  it("prefers the configured public URL", () => {
    expect(publicOrigin(req({ host: "evil.test" }), "https://lectern.example.com/base/")).toBe(
      "https://lectern.example.com",
    );
  });

  it("uses the Host the client called, or a proxy's forwarded host and protocol", () => {
    expect(publicOrigin(req({ host: "127.0.0.1:3100" }), undefined)).toBe("http://127.0.0.1:3100");
    expect(
      publicOrigin(
        req({ host: "internal:3000", "x-forwarded-host": "studio.acme.com", "x-forwarded-proto": "https" }),
        undefined,
      ),
    ).toBe("https://studio.acme.com");
  });

  it("ignores malformed host or protocol values", () => {
    expect(publicOrigin(req({ host: "a/b@evil" }), undefined)).toBe("http://localhost:3000");
    expect(publicOrigin(req({ host: "ok.test", "x-forwarded-proto": "javascript" }), undefined)).toBe(
      "http://localhost:3000",
    );
  });
});

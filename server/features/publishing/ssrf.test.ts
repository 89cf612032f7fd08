import type dns from "node:dns";
import { describe, expect, it } from "vitest";
import {
  categorize,
  checkEndpointUrl,
  checkHostLiteral,
  guardedLookup,
  isBlockedAddressError,
  judgeAddress,
  type Resolver,
} from "./ssrf";

const resolver =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const ips = table[host];
    if (!ips) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return ips.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

describe("categorize", () => {
  it.each([
    ["93.184.215.14", "public"],
    ["8.8.8.8", "public"],
    ["2606:4700:4700::1111", "public"],
    ["10.0.0.5", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["::1", "loopback"],
    ["169.254.1.1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["100.64.0.1", "shared"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["2001::1", "reserved"], // Teredo
    ["169.254.169.254", "metadata"],
    ["169.254.170.2", "metadata"],
    ["100.100.100.200", "metadata"],
    ["fd00:ec2::254", "metadata"],
  ])("%s is %s", (ip, category) => {
    expect(categorize(ip)).toBe(category);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.5", "private"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:0:10.0.0.5", "private"], // IPv4-translated
    ["64:ff9b::10.0.0.5", "private"], // NAT64
    ["64:ff9b::169.254.169.254", "metadata"],
    ["64:ff9b::8.8.8.8", "public"],
    ["2002:a00:5::1", "private"], // 6to4 of 10.0.0.5
    ["2002:808:808::1", "public"],
  ])("sees through the IPv6 wrapping of an IPv4 address: %s is %s", (ip, category) => {
    expect(categorize(ip)).toBe(category);
  });
});

describe("judgeAddress", () => {
  it("allows private-like addresses only when the endpoint allows them", () => {
    for (const ip of ["10.0.0.5", "127.0.0.1", "::1", "169.254.3.4", "100.64.1.1", "fd00::7"]) {
      expect(judgeAddress(ip, ip, false).ok).toBe(false);
      expect(judgeAddress(ip, ip, true).ok).toBe(true);
    }
  });

  it("never allows metadata, unspecified, multicast, broadcast or reserved addresses", () => {
    for (const ip of [
      "169.254.169.254",
      "fd00:ec2::254",
      "100.100.100.200",
      "0.0.0.0",
      "::",
      "224.0.0.1",
      "255.255.255.255",
      "198.18.0.1",
    ])
      expect(judgeAddress(ip, ip, true).ok).toBe(false);
  });

  it("explains what the host resolved to and what to do", () => {
    expect(judgeAddress("cms.internal", "10.0.0.5", false)).toEqual({
      ok: false,
      category: "private",
      message:
        "cms.internal resolves to 10.0.0.5, a private address. Allow private addresses for this endpoint if your CMS runs on your network.",
    });
    const meta = judgeAddress("metadata.google.internal", "169.254.169.254", true);
    expect(meta.ok).toBe(false);
    expect(!meta.ok && meta.message).toBe(
      "metadata.google.internal resolves to 169.254.169.254, a cloud metadata address. Lectern never sends webhooks to cloud metadata services, even when private addresses are allowed.",
    );
    const lit = judgeAddress("127.0.0.1", "127.0.0.1", false);
    expect(!lit.ok && lit.message).toMatch(/^127\.0\.0\.1 is a loopback address/);
  });
});

describe("checkEndpointUrl", () => {
  const lookup = resolver({
    "cms.example.com": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
    "cms.internal": ["10.0.0.5"],
    "mixed.example.com": ["93.184.215.14", "192.168.0.7"],
    "meta.example.com": ["169.254.169.254"],
    "empty.example.com": [],
  });

  it("accepts a public host and returns every address it resolves to", async () => {
    expect(await checkEndpointUrl("https://cms.example.com/hooks", { allowPrivate: false, lookup })).toEqual({
      ok: true,
      addresses: ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
    });
  });

  it("refuses other schemes and credentials in the URL", async () => {
    expect(await checkEndpointUrl("ftp://cms.example.com/", { allowPrivate: false, lookup })).toMatchObject({
      ok: false,
      code: "scheme",
    });
    expect(await checkEndpointUrl("not a url", { allowPrivate: false, lookup })).toMatchObject({ code: "scheme" });
    expect(await checkEndpointUrl("https://u:p@cms.example.com/", { allowPrivate: false, lookup })).toMatchObject({
      code: "credentials",
    });
  });

  it("refuses a host when any of its addresses is blocked", async () => {
    expect(await checkEndpointUrl("http://cms.internal/hook", { allowPrivate: false, lookup })).toEqual({
      ok: false,
      code: "blocked",
      message:
        "cms.internal resolves to 10.0.0.5, a private address. Allow private addresses for this endpoint if your CMS runs on your network.",
    });
    expect(await checkEndpointUrl("http://cms.internal/hook", { allowPrivate: true, lookup })).toEqual({
      ok: true,
      addresses: ["10.0.0.5"],
    });
    expect(await checkEndpointUrl("https://mixed.example.com/", { allowPrivate: false, lookup })).toMatchObject({
      code: "blocked",
      message: expect.stringContaining("192.168.0.7"),
    });
    expect(await checkEndpointUrl("https://meta.example.com/", { allowPrivate: true, lookup })).toMatchObject({
      code: "blocked",
      message: expect.stringContaining("even when private addresses are allowed"),
    });
  });

  it("checks IP-literal hosts without DNS, including bracketed and IPv4-mapped IPv6", async () => {
    const noDns: Resolver = async () => {
      throw new Error("DNS must not be asked about a literal");
    };
    expect(await checkEndpointUrl("http://127.0.0.1:8080/", { allowPrivate: false, lookup: noDns })).toMatchObject({
      code: "blocked",
    });
    expect(await checkEndpointUrl("http://[::ffff:127.0.0.1]/", { allowPrivate: false, lookup: noDns })).toMatchObject({
      code: "blocked",
    });
    // The URL parser normalises other spellings of 127.0.0.1 first.
    expect(await checkEndpointUrl("http://0x7f.1/", { allowPrivate: false, lookup: noDns })).toMatchObject({
      code: "blocked",
      message: expect.stringMatching(/^127\.0\.0\.1 is a loopback/),
    });
    expect(await checkEndpointUrl("http://[::1]:3000/", { allowPrivate: true, lookup: noDns })).toEqual({
      ok: true,
      addresses: ["::1"],
    });
    expect(
      await checkEndpointUrl("http://169.254.169.254/latest/", { allowPrivate: true, lookup: noDns }),
    ).toMatchObject({ code: "blocked" });
  });

  it("reports a host that does not resolve separately (a warning, not a refusal)", async () => {
    expect(await checkEndpointUrl("https://nowhere.example.com/", { allowPrivate: false, lookup })).toEqual({
      ok: false,
      code: "unresolvable",
      message:
        "nowhere.example.com does not resolve (ENOTFOUND). Deliveries will fail until it does; check the host name.",
    });
    expect(await checkEndpointUrl("https://empty.example.com/", { allowPrivate: false, lookup })).toMatchObject({
      code: "unresolvable",
    });
  });

  it("resolves localhost with the system resolver and refuses it", async () => {
    expect(await checkEndpointUrl("http://localhost:3000/", { allowPrivate: false })).toMatchObject({
      code: "blocked",
      message: expect.stringContaining("localhost resolves to"),
    });
  });
});

describe("checkHostLiteral", () => {
  it("judges IP literals and leaves host names to the lookup", () => {
    expect(checkHostLiteral("cms.example.com", false)).toBeNull();
    expect(checkHostLiteral("[::1]", false)).toMatchObject({ ok: false, category: "loopback" });
    expect(checkHostLiteral("8.8.8.8", false)).toMatchObject({ ok: true });
  });
});

describe("guardedLookup", () => {
  type Answer = { address: string; family: number }[];
  const fakeDns = (answers: () => Answer) =>
    ((_host: string, _opts: dns.LookupAllOptions, cb: (e: NodeJS.ErrnoException | null, a: Answer) => void) =>
      cb(null, answers())) as never;

  const run = (lookup: ReturnType<typeof guardedLookup>, all: boolean) =>
    new Promise<{ err: unknown; address: unknown; family: unknown }>((resolve) =>
      lookup("cms.example.com", { all }, (err, address, family) => resolve({ err, address, family })),
    );

  it("answers in both callback shapes net.connect uses", async () => {
    const lookup = guardedLookup(
      false,
      fakeDns(() => [{ address: "93.184.215.14", family: 4 }]),
    );
    expect(await run(lookup, true)).toEqual({
      err: null,
      address: [{ address: "93.184.215.14", family: 4 }],
      family: undefined,
    });
    expect(await run(lookup, false)).toEqual({ err: null, address: "93.184.215.14", family: 4 });
  });

  it("checks again at every lookup: a host that rebinds to a private address is refused", async () => {
    const answers: Answer[] = [
      [{ address: "93.184.215.14", family: 4 }],
      [
        { address: "93.184.215.14", family: 4 },
        { address: "10.0.0.5", family: 4 },
      ],
    ];
    let i = 0;
    const lookup = guardedLookup(
      false,
      fakeDns(() => answers[i++]!),
    );
    expect((await run(lookup, true)).err).toBeNull();
    const second = await run(lookup, true);
    expect(isBlockedAddressError(second.err)).toBe(true);
    expect((second.err as Error).message).toContain("cms.example.com resolves to 10.0.0.5, a private address");
  });

  it("passes DNS errors through and treats an empty answer as not found", async () => {
    const failing = guardedLookup(false, ((_h: string, _o: unknown, cb: (e: Error) => void) =>
      cb(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }))) as never);
    expect(((await run(failing, true)).err as NodeJS.ErrnoException).code).toBe("ENOTFOUND");
    expect(
      (
        (
          await run(
            guardedLookup(
              false,
              fakeDns(() => []),
            ),
            false,
          )
        ).err as NodeJS.ErrnoException
      ).code,
    ).toBe("ENOTFOUND");
  });
});

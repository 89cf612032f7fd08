import { describe, expect, it } from "vitest";
import { ipRecognizer, validIPv4, validIPv6 } from "./ip";

const find = (t: string) => ipRecognizer.analyze(t, {}).map((f) => [f.text, f.score] as const);

describe("IP recognizer", () => {
  it("finds IPv4 addresses, also before sentence punctuation or a port", () => {
    expect(find("from 203.0.113.7.").map((f) => f[0])).toEqual(["203.0.113.7"]);
    expect(find("10.20.30.40:8080").map((f) => f[0])).toEqual(["10.20.30.40"]);
  });

  it("finds compressed and full IPv6 addresses", () => {
    expect(find("client=2001:db8::42 path=/").map((f) => f[0])).toEqual(["2001:db8::42"]);
    expect(find("2001:0db8:85a3:0000:0000:8a2e:0370:7334").map((f) => f[0])).toEqual([
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
    ]);
    expect(find("::ffff:192.0.2.1").map((f) => f[0])).toEqual(["::ffff:192.0.2.1"]);
  });

  it("rejects out-of-range octets, leading zeros and version strings", () => {
    expect(find("256.1.1.1 and 192.168.01.1")).toEqual([]);
    expect(find("v2.0.1.3, 1.2.3.4.5 and build 10.0.19045.3803")).toEqual([]);
  });

  it("scores all-single-digit addresses below the threshold", () => {
    expect(find("section 7.6.1.2")).toEqual([["7.6.1.2", 0.4]]);
  });

  it("rejects times, MAC addresses and C++ scopes", () => {
    expect(find("at 10:30:45, MAC 00:1A:2B:3C:4D:5E, std::vector")).toEqual([]);
  });

  it("validates addresses", () => {
    expect(validIPv4("0.0.0.0")).toBe(true);
    expect(validIPv4("1.2.3")).toBe(false);
    expect(validIPv6("fe80::1:2")).toBe(true);
    expect(validIPv6("1::2::3")).toBe(false);
    expect(validIPv6("1:2:3:4:5:6:7")).toBe(false);
    expect(validIPv6("12345::1")).toBe(false);
  });
});

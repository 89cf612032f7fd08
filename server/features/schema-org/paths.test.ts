import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { formatPath, isWithin, keyPath, parsePath } from "./paths";

describe("finding paths", () => {
  it("uses dot notation for identifiers and brackets for everything else", () => {
    expect(formatPath([])).toBe("$");
    expect(formatPath(["@graph", 0, "offers", "price"])).toBe('$["@graph"][0].offers.price');
    expect(formatPath(["schema:name"])).toBe('$["schema:name"]');
    expect(formatPath(["query-input"])).toBe('$["query-input"]');
    expect(keyPath("$", 'we"ird')).toBe('$["we\\"ird"]');
  });

  it("parses what it formats (round trip)", () => {
    const segment = fc.oneof(fc.string(), fc.nat({ max: 1000 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        expect(parsePath(formatPath(segments))).toEqual(segments);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects malformed paths", () => {
    expect(parsePath("offers.price")).toBeNull();
    expect(parsePath("$.1abc")).toBeNull();
    expect(parsePath("$[x]")).toBeNull();
    expect(parsePath('$["open')).toBeNull();
  });

  it("knows when a path lies inside another", () => {
    expect(isWithin("$.offers.price", "$.offers")).toBe(true);
    expect(isWithin("$.offers", "$.offers")).toBe(true);
    expect(isWithin("$.offers[0]", "$.offers")).toBe(true);
    expect(isWithin("$.offersX", "$.offers")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { sparklineGeometry, sparklineLabel } from "./sparkline";

const box = { width: 100, height: 20, pad: 2 };

describe("sparklineGeometry", () => {
  it("draws one line from the oldest to the newest hour, 100 % at the top", () => {
    const g = sparklineGeometry([1, 0.5, 0], { width: 100, height: 20, pad: 0 });
    expect(g.d).toBe("M0 0 L50 10 L100 20");
    expect(g.dots).toEqual([]);
    expect(g.baselineY).toBe(20);
  });
  it("keeps the line inside the padding", () => {
    const g = sparklineGeometry([1, 0], box);
    expect(g.d).toBe("M2 2 L98 18");
  });
  it("breaks the line at hours without attempts and draws a lone hour as a dot", () => {
    const g = sparklineGeometry([1, 1, null, 0.5, null, 1, 1], { width: 60, height: 10, pad: 0 });
    expect(g.d).toBe("M0 0 L10 0 M50 0 L60 0");
    expect(g.dots).toEqual([{ x: 30, y: 5 }]);
  });
  it("draws nothing when no hour had attempts", () => {
    const g = sparklineGeometry(
      Array.from({ length: 24 }, () => null),
      box,
    );
    expect(g.d).toBe("");
    expect(g.dots).toEqual([]);
  });
  it("clamps rates outside 0–1 and centres a single bucket", () => {
    const g = sparklineGeometry([1.5], { width: 40, height: 10, pad: 0 });
    expect(g.dots).toEqual([{ x: 20, y: 0 }]);
    expect(sparklineGeometry([1, -1], { width: 10, height: 10, pad: 0 }).d).toBe("M0 0 L10 10");
  });
});

describe("sparklineLabel", () => {
  it("names the rate over the window", () => {
    expect(sparklineLabel(0.97)).toBe("Success rate over the last 24 hours: 97 %");
    expect(sparklineLabel(null)).toBe("Success rate over the last 24 hours: no attempts");
  });
});

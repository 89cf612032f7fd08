import { describe, expect, it } from "vitest";
import { formatDuration, relativeTime, slaRemaining, slaState } from "./sla";

const since = "2026-01-01T00:00:00.000Z";
const at = (hours: number) => Date.parse(since) + hours * 3_600_000;

describe("slaState", () => {
  it("is ok while more than 20 % of the target is left", () => {
    expect(slaState(since, 24, at(0))).toBe("ok");
    expect(slaState(since, 24, at(19))).toBe("ok");
  });
  it("is near in the last 20 % of the target", () => {
    expect(slaState(since, 24, at(19.2))).toBe("near");
    expect(slaState(since, 24, at(23.9))).toBe("near");
  });
  it("is breached at the target, or whenever the server says so", () => {
    expect(slaState(since, 24, at(24))).toBe("breached");
    expect(slaState(since, 24, at(1), true)).toBe("breached");
  });
});

describe("durations", () => {
  it("formats minutes, hours and days", () => {
    expect(formatDuration(20_000)).toBe("under a minute");
    expect(formatDuration(12 * 60_000)).toBe("12 min");
    expect(formatDuration(5 * 3_600_000)).toBe("5 h");
    expect(formatDuration(52 * 3_600_000)).toBe("2 d 4 h");
    expect(formatDuration(48 * 3_600_000)).toBe("2 d");
  });
  it("says what is left of the SLA or how far over it is", () => {
    expect(slaRemaining(since, 24, at(21))).toBe("3 h left");
    expect(slaRemaining(since, 24, at(26))).toBe("2 h over");
  });
  it("formats relative times", () => {
    const now = Date.parse(since);
    expect(relativeTime(since, now + 10_000)).toBe("just now");
    expect(relativeTime(since, now + 5 * 60_000)).toBe("5 minutes ago");
    expect(relativeTime(since, now + 3 * 3_600_000)).toBe("3 hours ago");
    expect(relativeTime(since, now + 86_400_000)).toBe("yesterday");
  });
});

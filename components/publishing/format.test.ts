import { describe, expect, it } from "vitest";
import {
  deliveryStatusView,
  eventTypeLabel,
  formatAgo,
  formatRate,
  formatRelative,
  isInFlight,
  isReplayable,
  prettyJson,
  shortUrl,
  statusCodeTone,
} from "./format";

const now = Date.parse("2026-03-01T12:00:00.000Z");
const plus = (ms: number) => new Date(now + ms).toISOString();
const MIN = 60_000;
const H = 60 * MIN;

describe("formatRelative", () => {
  it("says how long until a future time", () => {
    expect(formatRelative(plus(20_000), now)).toBe("in under a minute");
    expect(formatRelative(plus(5 * MIN), now)).toBe("in 5 min");
    expect(formatRelative(plus(90 * MIN), now)).toBe("in 1 h 30 min");
    expect(formatRelative(plus(5 * H + 10 * MIN), now)).toBe("in 5 h");
    expect(formatRelative(plus(52 * H), now)).toBe("in 2 d 4 h");
    expect(formatRelative(plus(48 * H), now)).toBe("in 2 d");
  });
  it("says how long ago a past time was", () => {
    expect(formatRelative(plus(-10_000), now)).toBe("just now");
    expect(formatRelative(plus(-12 * MIN), now)).toBe("12 min ago");
    expect(formatRelative(plus(-3 * H), now)).toBe("3 h ago");
  });
  it("uses the overdue wording for a time that has passed", () => {
    expect(formatRelative(plus(-2 * MIN), now, { overdue: "due now" })).toBe("due now");
    expect(formatRelative(plus(2 * MIN), now, { overdue: "due now" })).toBe("in 2 min");
  });
  it("never puts a creation time in the future", () => {
    expect(formatAgo(plus(3_000), now)).toBe("just now");
    expect(formatAgo(plus(-5 * MIN), now)).toBe("5 min ago");
  });
  it("shows a dash for a malformed time", () => {
    expect(formatRelative("not a date", now)).toBe("—");
  });
});

describe("formatRate", () => {
  it("rounds to whole percents with a space before the sign", () => {
    expect(formatRate(0.973)).toBe("97 %");
    expect(formatRate(1)).toBe("100 %");
    expect(formatRate(0)).toBe("0 %");
  });
  it("never rounds a partial success to 100 % or 0 %", () => {
    expect(formatRate(0.998)).toBe("99 %");
    expect(formatRate(0.004)).toBe("<1 %");
  });
  it("shows a dash when there were no attempts", () => {
    expect(formatRate(null)).toBe("—");
  });
});

describe("deliveries", () => {
  it("calls a pending delivery that already failed 'Retrying'", () => {
    expect(deliveryStatusView({ status: "pending", attempts: 0 }).label).toBe("Pending");
    expect(deliveryStatusView({ status: "pending", attempts: 2 })).toEqual({ label: "Retrying", tone: "warning" });
    expect(deliveryStatusView({ status: "dead", attempts: 8 }).tone).toBe("danger");
  });
  it("replays only finished deliveries and polls while one is moving", () => {
    expect(isReplayable({ status: "dead" })).toBe(true);
    expect(isReplayable({ status: "succeeded" })).toBe(true);
    expect(isReplayable({ status: "pending" })).toBe(false);
    expect(isInFlight({ status: "delivering" })).toBe(true);
    expect(isInFlight({ status: "succeeded" })).toBe(false);
  });
  it("labels known event types and keeps unknown ones as they are", () => {
    expect(eventTypeLabel("page.published")).toMatch(/published/);
    expect(eventTypeLabel("webhook.test")).toMatch(/Test event/);
    expect(eventTypeLabel("something.else")).toBe("something.else");
  });
  it("tones status codes", () => {
    expect(statusCodeTone(204)).toBe("success");
    expect(statusCodeTone(500)).toBe("danger");
    expect(statusCodeTone(null)).toBe("neutral");
  });
});

describe("text", () => {
  it("indents a JSON body and leaves anything else alone", () => {
    expect(prettyJson('{"type":"a","data":{"x":1}}')).toBe('{\n  "type": "a",\n  "data": {\n    "x": 1\n  }\n}');
    expect(prettyJson("<html>not json</html>")).toBe("<html>not json</html>");
  });
  it("drops the scheme of a URL", () => {
    expect(shortUrl("https://cms.example.com/hooks")).toBe("cms.example.com/hooks");
    expect(shortUrl("http://127.0.0.1:4000/x")).toBe("127.0.0.1:4000/x");
  });
});

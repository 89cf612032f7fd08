import { describe, expect, it } from "vitest";
import {
  deliveriesQueryString,
  deliveryFiltersFromParams,
  endpointLogHref,
  eventLogHref,
  hasDeliveryFilters,
  NO_DELIVERY_FILTERS,
  publishingHref,
  tabFromParams,
} from "./filters";

const params = (s: string) => new URLSearchParams(s);

describe("tabFromParams", () => {
  it("reads the tab the person may see", () => {
    expect(tabFromParams(params("tab=pages"), ["deliveries", "pages"])).toBe("pages");
    expect(tabFromParams(params("tab=endpoints"), ["deliveries", "endpoints", "pages"])).toBe("endpoints");
  });
  it("falls back to the log for a missing, unknown or forbidden tab", () => {
    expect(tabFromParams(params(""), ["deliveries", "pages"])).toBe("deliveries");
    expect(tabFromParams(params("tab=nope"), ["deliveries", "pages"])).toBe("deliveries");
    expect(tabFromParams(params("tab=endpoints"), ["deliveries", "pages"])).toBe("deliveries");
  });
});

describe("deliveryFiltersFromParams", () => {
  it("reads every filter", () => {
    expect(
      deliveryFiltersFromParams(params("status=dead&endpointId=ep_1&eventType=page.published&q=%20msg_abc%20")),
    ).toEqual({ status: "dead", endpointId: "ep_1", eventType: "page.published", q: "msg_abc" });
  });
  it("ignores malformed values", () => {
    expect(deliveryFiltersFromParams(params("status=lost&endpointId=a%20b&eventType=<x>"))).toEqual(
      NO_DELIVERY_FILTERS,
    );
  });
  it("caps the search text", () => {
    expect(deliveryFiltersFromParams(params(`q=${"a".repeat(300)}`)).q).toHaveLength(200);
  });
  it("knows whether anything is filtered", () => {
    expect(hasDeliveryFilters(NO_DELIVERY_FILTERS)).toBe(false);
    expect(hasDeliveryFilters({ ...NO_DELIVERY_FILTERS, q: "x" })).toBe(true);
  });
});

describe("query strings and links", () => {
  it("builds the API query with the page size and cursor, leaving empty values out", () => {
    expect(
      deliveriesQueryString({ ...NO_DELIVERY_FILTERS, status: "pending" }, { limit: "25", cursor: undefined }),
    ).toBe("?status=pending&limit=25");
    expect(deliveriesQueryString(NO_DELIVERY_FILTERS)).toBe("");
  });
  it("round-trips the filters through the page URL", () => {
    const f = { status: "dead", endpointId: "ep_9", eventType: "webhook.test", q: "Summit 45" } as const;
    const href = publishingHref("deliveries", f);
    expect(href).toBe("/publishing?status=dead&endpointId=ep_9&eventType=webhook.test&q=Summit+45");
    expect(deliveryFiltersFromParams(new URL(href, "http://x").searchParams)).toEqual(f);
  });
  it("keeps the log's filters on the other tabs", () => {
    expect(publishingHref("pages", { ...NO_DELIVERY_FILTERS, status: "dead" })).toBe(
      "/publishing?tab=pages&status=dead",
    );
    expect(publishingHref("endpoints")).toBe("/publishing?tab=endpoints");
    expect(publishingHref("deliveries")).toBe("/publishing");
  });
  it("links to one event and to one endpoint's pending or dead deliveries", () => {
    expect(eventLogHref("msg_2abc")).toBe("/publishing?q=msg_2abc");
    expect(endpointLogHref("ep_1", "dead")).toBe("/publishing?status=dead&endpointId=ep_1");
  });
});

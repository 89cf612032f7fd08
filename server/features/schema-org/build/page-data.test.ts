import { describe, expect, it } from "vitest";
import { availabilityUrl, pageFacts, parsePrice } from "./page-data";

describe("pageFacts", () => {
  it("matches column names loosely and keeps values as written", () => {
    expect(
      pageFacts({
        "Product Name": " Summit 45 backpack ",
        price: "129.00",
        Currency: "eur",
        "Street Address": "Marienplatz 1",
        city: "Munich",
        ZIP: "80331",
        Phone: "+49 89 123456",
        irrelevant: "x",
      }),
    ).toEqual({
      productName: "Summit 45 backpack",
      price: "129.00",
      currency: "EUR",
      street: "Marienplatz 1",
      city: "Munich",
      postalCode: "80331",
      telephone: "+49 89 123456",
    });
  });

  it("states nothing for empty cells or no data", () => {
    expect(pageFacts({ price: " ", city: "" })).toEqual({});
    expect(pageFacts(undefined)).toEqual({});
  });

  it("takes the most specific column: a product name before a generic name", () => {
    expect(pageFacts({ name: "Generic", product_name: "Specific" }).productName).toBe("Specific");
    expect(pageFacts({ name: "Northwind Munich" }).businessName).toBe("Northwind Munich");
  });

  it("reads the currency from the price when no column names it", () => {
    expect(pageFacts({ price: "€1.299,00" })).toMatchObject({ price: "1299.00", currency: "EUR" });
    expect(pageFacts({ price: "49.90 GBP", currency: "USD" })).toMatchObject({ price: "49.90", currency: "USD" });
  });
});

describe("parsePrice", () => {
  it("normalises decimal commas and thousands separators to a dot decimal", () => {
    expect(parsePrice("49,90")).toEqual({ amount: "49.90", currency: undefined });
    expect(parsePrice("1,299")).toEqual({ amount: "1299", currency: undefined });
    expect(parsePrice("1,299.50 USD")).toEqual({ amount: "1299.50", currency: "USD" });
    expect(parsePrice("£ 20")).toEqual({ amount: "20", currency: "GBP" });
  });

  it("names no currency for an ambiguous symbol, and keeps a value that is no number", () => {
    expect(parsePrice("$20")).toEqual({ amount: "20", currency: undefined });
    expect(parsePrice("call us")).toEqual({ amount: "call us", currency: undefined });
    expect(parsePrice("1.2.3,4,5")).toEqual({ amount: "1.2.3,4,5", currency: undefined });
  });
});

describe("availabilityUrl", () => {
  it("maps the enumeration's members and common words to schema.org URLs", () => {
    expect(availabilityUrl("in stock")).toBe("https://schema.org/InStock");
    expect(availabilityUrl("InStock")).toBe("https://schema.org/InStock");
    expect(availabilityUrl("http://schema.org/OutOfStock")).toBe("https://schema.org/OutOfStock");
    expect(availabilityUrl("pre-order")).toBe("https://schema.org/PreOrder");
    expect(availabilityUrl("yes")).toBe("https://schema.org/InStock");
  });

  it("keeps anything else as written, for the validator to flag", () => {
    expect(availabilityUrl("ask in store")).toBe("ask in store");
  });
});

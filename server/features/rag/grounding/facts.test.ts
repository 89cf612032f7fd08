import { describe, expect, it } from "vitest";
import { detectFacts } from "./facts";

const facts = (t: string) => detectFacts(t).map((f) => [f.kind, f.text, f.normalized]);

describe("detectFacts", () => {
  it("finds prices in symbol, code and decimal-comma forms", () => {
    expect(facts("Now $149.00, was 179 USD; in Europe €49,99 or EUR 1.200,00.")).toEqual([
      ["price", "$149.00", "USD 149"],
      ["price", "179 USD", "USD 179"],
      ["entity", "Europe", "europe"],
      ["price", "€49,99", "EUR 49.99"],
      ["price", "EUR 1.200,00", "EUR 1200"],
    ]);
    expect(facts("We raised $1.5M and sell $100–150 boots.")).toEqual([
      ["price", "$1.5M", "USD 1500000"],
      ["price", "$100", "USD 100"],
      ["price", "150", "USD 150"],
    ]);
  });

  it("finds percentages with or without a space", () => {
    expect(facts("Save 30 % today, or 30% with code, or thirty percent in store.")).toEqual([
      ["percent", "30 %", "30%"],
      ["percent", "30%", "30%"],
      ["percent", "thirty percent", "30%"],
    ]);
  });

  it("finds measures, including hyphenated and spelled-out ones", () => {
    expect(
      facts("It weighs 1.1 kg (1,100 g), has a 30-day trial, a two-year warranty and lasts 10 hours at -5 °C."),
    ).toEqual([
      ["measure", "1.1 kg", "1.1 kg"],
      ["measure", "1,100 g", "1.1 kg"],
      ["measure", "30-day", "30 days"],
      ["measure", "two-year", "2 years"],
      ["claim", "warranty", "warranty"],
      ["measure", "10 hours", "10 h"],
      ["measure", "-5 °C", "-5 °C"],
    ]);
    expect(facts("Choose 20–30 L packs or a 5000mAh power bank.")).toEqual([
      ["measure", "20", "20 l"],
      ["measure", "30 L", "30 l"],
      ["measure", "5000mAh", "5000 mAh"],
    ]);
  });

  it("finds dates in ISO, US and European order, partial dates and years in context", () => {
    expect(facts("Launch: 2026-03-03. Sale ends March 31, 2026, restocks 3 April 2026.")).toEqual([
      ["date", "2026-03-03", "2026-03-03"],
      ["date", "March 31, 2026", "2026-03-31"],
      ["date", "3 April 2026", "2026-04-03"],
    ]);
    expect(facts("Back in May 2026, doors open at 9am, order by 06/15/2026.")).toEqual([
      ["date", "May 2026", "2026-05"],
      ["date", "9am", "T09:00"],
      ["date", "06/15/2026", "2026-06-15"],
    ]);
    expect(facts("Family-owned since 1998. The 2026 collection has 2000 pairs.")).toEqual([
      ["date", "1998", "1998"],
      ["date", "2026", "2026"],
      ["number", "2000", "2000"],
    ]);
  });

  it("finds plain numbers with thousands separators and suffixes", () => {
    expect(facts("Over 1,200 reviews, 10K+ hikers, 2x the grip, our 3rd generation.")).toEqual([
      ["number", "1,200", "1200"],
      ["number", "10K+", "10000"],
      ["number", "2x", "2x"],
      ["number", "3rd", "3"],
    ]);
  });

  it("finds named entities but not capitalised sentence openers or sale words", () => {
    expect(facts("Meet the Trailhead 2 from Northwind Outdoor, with a GORE-TEX liner and NorthDry™ membrane.")).toEqual(
      [
        ["entity", "Trailhead 2", "trailhead 2"],
        ["entity", "Northwind Outdoor", "northwind outdoor"],
        ["entity", "GORE-TEX", "gore tex"],
        ["entity", "NorthDry™", "northdry"],
      ],
    );
    expect(facts("Hiking season is here, so shop our Summer Sale.")).toEqual([]);
    expect(facts("Model NW-200 replaces the X100.")).toEqual([
      ["entity", "NW-200", "nw 200"],
      ["entity", "X100", "x100"],
    ]);
    expect(facts("Trailhead 2 weighs less.")).toEqual([["entity", "Trailhead 2", "trailhead 2"]]);
    expect(facts("Northwind's boots fit EU 36–48.")).toEqual([
      ["entity", "EU", "eu"],
      ["number", "36", "36"],
      ["number", "48", "48"],
    ]);
  });

  it("only trusts strong signals in Title Case and ALL-CAPS headlines", () => {
    expect(facts("Meet The Trailhead 2 Hiking Boot")).toEqual([["entity", "Trailhead 2", "trailhead 2"]]);
    expect(facts("FREE SHIPPING ON ALL ORDERS")).toEqual([["claim", "FREE SHIPPING", "free shipping"]]);
  });

  it("finds claim words: superlatives, guarantees, free shipping, certifications", () => {
    expect(facts("Our lightest, most comfortable boot: waterproof, certified B Corp, #1 for comfort.")).toEqual([
      ["claim", "lightest", "lightest"],
      ["claim", "most comfortable", "most comfortable"],
      ["claim", "waterproof", "waterproof"],
      ["claim", "certified", "certified"],
      ["entity", "B Corp", "b corp"],
      ["claim", "#1", "#1"],
    ]);
    expect(facts("Shipping is free and every pair has a lifetime warranty, satisfaction guaranteed.")).toEqual([
      ["claim", "Shipping is free", "shipping is free"],
      ["claim", "lifetime warranty", "lifetime warranty"],
      ["claim", "satisfaction guaranteed", "satisfaction guaranteed"],
    ]);
  });

  it("finds nothing in a call to action, a greeting, a URL or a quantity word", () => {
    expect(facts("Shop now.")).toEqual([]);
    expect(facts("Your next adventure starts here.")).toEqual([]);
    expect(facts("Hi Alex,")).toEqual([]);
    expect(facts("Order at northwind.example/trailhead-2 or https://northwind.example/?p=149.")).toEqual([]);
    expect(facts("For most hikers, yes.")).toEqual([]);
  });

  it("reads a normal sentence's capitalised words as names, a headline's not", () => {
    expect(facts("We tested it on the Appalachian Trail.")).toEqual([
      ["entity", "Appalachian Trail", "appalachian trail"],
    ]);
    expect(facts("Best Boots for the Appalachian Trail")).toEqual([["claim", "Best", "best"]]);
  });

  it("gives offsets into the text", () => {
    const t = "Trailhead 2 costs $149 and weighs 1.1 kg.";
    for (const f of detectFacts(t)) expect(t.slice(f.start, f.end)).toBe(f.text);
  });
});

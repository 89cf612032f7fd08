import { describe, expect, it } from "vitest";
import { personTitleRecognizer } from "./person-title";

const find = (t: string) => personTitleRecognizer.analyze(t, {}).map((f) => [f.text, f.score] as const);

describe("title-based PERSON recognizer", () => {
  it("finds an honorific with one to three capitalised words", () => {
    expect(find("Owner: Dr. Hannah Okafor (hannah@example.com)")).toEqual([["Dr. Hannah Okafor", 0.6]]);
    expect(find("Dear Mrs. Patel, welcome")).toEqual([["Mrs. Patel", 0.6]]);
    expect(find("Keynote: Prof. Dr. Anna Schmidt")).toEqual([["Prof. Dr. Anna Schmidt", 0.6]]);
    expect(find("Sehr geehrter Herr Vogel, anbei")).toEqual([["Herr Vogel", 0.6]]);
    expect(find("Merci à Mme Lefèvre")).toEqual([["Mme Lefèvre", 0.6]]);
  });

  it("finds Arabic honorifics", () => {
    expect(find("يرجى الاتصال بالسيد أحمد على").map((f) => f[0])).toEqual(["بالسيد أحمد"]);
  });

  it("finds labelled name fields with two or three capitalised words", () => {
    expect(find("id=1;name=Jordan Blake;email=x")).toEqual([["Jordan Blake", 0.55]]);
    expect(find("Contact: Sam Rivera, sam@example.net").map((f) => f[0])).toEqual(["Sam Rivera"]);
    expect(find("Ansprechpartnerin Lea Brandt").map((f) => f[0])).toEqual(["Lea Brandt"]);
  });

  it("ignores titles without a capitalised name, street abbreviations and lower-case words", () => {
    expect(find("the dr said, mr smith")).toEqual([]);
    expect(find("Drive to 12 Oak Dr Suite 4")).toEqual([]);
    expect(find("name: a b, contact: support")).toEqual([]);
    expect(find("Sr. Manager role")).toEqual([]);
  });
});

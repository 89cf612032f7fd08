import { describe, expect, it } from "vitest";
import { headerIssuesByRow, headersFromRows, newHeaderRow, rowsFromHeaders } from "./headers";

describe("custom header rows", () => {
  it("turns rows into the record and back, ignoring blank rows", () => {
    const rows = [newHeaderRow("Authorization", "Bearer x"), newHeaderRow("", ""), newHeaderRow(" X-Env ", "prod")];
    const { headers, rowErrors } = headersFromRows(rows);
    expect(headers).toEqual({ Authorization: "Bearer x", "X-Env": "prod" });
    expect(rowErrors).toEqual({});
    expect(rowsFromHeaders(headers).map((r) => [r.name, r.value])).toEqual([
      ["Authorization", "Bearer x"],
      ["X-Env", "prod"],
    ]);
  });
  it("gives every row its own key", () => {
    const a = newHeaderRow();
    const b = newHeaderRow();
    expect(a.key).not.toBe(b.key);
  });
  it("flags a value without a name and a name given twice (case-insensitively)", () => {
    const noName = newHeaderRow("", "secret");
    const first = newHeaderRow("X-Token", "a");
    const again = newHeaderRow("x-token", "b");
    const { headers, rowErrors } = headersFromRows([noName, first, again]);
    expect(headers).toEqual({ "X-Token": "a" });
    expect(rowErrors[noName.key]).toMatch(/name/);
    expect(rowErrors[again.key]).toMatch(/already set/);
    expect(rowErrors[first.key]).toBeUndefined();
  });
  it("puts issues on the row they name and the others on the editor", () => {
    const token = newHeaderRow("X-Token", "a\nb");
    const { byRow, general } = headerIssuesByRow(
      [token],
      [
        { path: "url", message: "not mine" },
        { path: "headers.X-Token", message: "No line breaks" },
        { path: "headers", message: "At most 20 custom headers" },
      ],
    );
    expect(byRow).toEqual({ [token.key]: "No line breaks" });
    expect(general).toBe("At most 20 custom headers");
  });
});

import { describe, expect, it } from "vitest";
import { hasRole, ROLES } from "./roles";

describe("hasRole", () => {
  it("orders marketer < editor < admin", () => {
    const table = ROLES.map((r) => ROLES.map((req) => hasRole(r, req)));
    expect(table).toEqual([
      [true, false, false], // marketer
      [true, true, false], // editor
      [true, true, true], // admin
    ]);
  });
});

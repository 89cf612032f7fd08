import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ImportedStyleList, StyleImportResult } from "@/lib/schemas/brand";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { checkCopy, exportBrandStyle } from "../service";
import { importStyleZip, listStyles, removeStyle, setStyleEnabled } from "./service";

const HEDGES = `extends: existence
message: "Avoid the hedge '%s'."
ignorecase: true
level: error
action:
  name: remove
tokens:
  - basically
  - kind of
`;
const TERMS = `extends: substitution
message: "Use '%s' instead of '%s'."
level: warning
action:
  name: replace
swap:
  e-mail: email
`;

const zipOf = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

describe.each(PROVIDERS)("imported Vale styles on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("imports a zip, runs its rules alongside the Brand style, toggles, exports and removes", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    const admin = w.ctxFor("admin");
    const bytes = zipOf({ "styles/Acme/Hedges.yml": HEDGES, "styles/Acme/Terms.yml": TERMS, ".vale.ini": "" });

    const first = StyleImportResult.parse(await importStyleZip(admin, { name: "acme.zip", bytes }));
    expect(first.styles).toEqual([{ name: "Acme", rules: 2, outcome: "created" }]);
    expect((await importStyleZip(admin, { name: "acme.zip", bytes })).styles[0]!.outcome).toBe("unchanged");

    const list = ImportedStyleList.parse(await listStyles(w.ctxFor("marketer")));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ name: "Acme", enabled: true, ruleCount: 2, importedBy: admin.actor.label });
    expect(list.items[0]!.rules.map((r) => r.check)).toEqual(["Acme.Hedges", "Acme.Terms"]);

    const text = "This is basically the best e-mail tool.";
    const checked = await checkCopy(w.ctxFor("marketer"), { text, channel: "email" });
    const hedge = checked.alerts.find((a) => a.check === "Acme.Hedges");
    expect(hedge).toMatchObject({ match: "basically", level: "error", fix: "" });
    expect(checked.alerts.find((a) => a.check === "Acme.Terms")).toMatchObject({ match: "e-mail", fix: "email" });
    expect(checked.verdict).toBe("needs_review");

    const exported = unzipSync(await exportBrandStyle(admin));
    expect(strFromU8(exported["styles/Acme/Hedges.yml"]!)).toBe(HEDGES);
    expect(strFromU8(exported[".vale.ini"]!)).toMatch(/BasedOnStyles = Brand, Acme|BasedOnStyles = Acme/);

    const id = list.items[0]!.id;
    expect((await setStyleEnabled(admin, id, { enabled: false })).enabled).toBe(false);
    const off = await checkCopy(w.ctxFor("marketer"), { text, channel: "email" });
    expect(off.alerts.some((a) => a.check.startsWith("Acme."))).toBe(false);

    await expect(setStyleEnabled(w.ctxFor("editor"), id, { enabled: true })).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(importStyleZip(w.ctxFor("editor"), { name: "a.zip", bytes })).rejects.toMatchObject({
      kind: "forbidden",
    });

    const changed = zipOf({ "Acme/Hedges.yml": HEDGES });
    expect((await importStyleZip(admin, { name: "acme2.zip", bytes: changed })).styles[0]).toMatchObject({
      outcome: "updated",
      rules: 1,
    });
    await removeStyle(admin, id);
    expect((await listStyles(admin)).items).toEqual([]);
    await expect(removeStyle(admin, id)).rejects.toMatchObject({ code: "not_found:style" });

    const actions = (
      await db.auditEvent.findMany({ where: { workspaceId: w.ws.id, entityType: "governor_style" } })
    ).map((e) => e.action);
    expect(actions.sort()).toEqual([
      "brand.style.disabled",
      "brand.style.imported",
      "brand.style.removed",
      "brand.style.replaced",
    ]);
  });

  it("keeps one workspace's styles out of another's checks", async (ctx) => {
    const { db } = getDb(ctx);
    const a = await makeWorkspace(db);
    const b = await makeWorkspace(db);
    await importStyleZip(a.ctxFor("admin"), { name: "x.zip", bytes: zipOf({ "Acme/Hedges.yml": HEDGES }) });
    const other = await checkCopy(b.ctxFor("marketer"), { text: "basically fine", channel: "ad" });
    expect(other.alerts.some((x) => x.check.startsWith("Acme."))).toBe(false);
    const id = (await listStyles(a.ctxFor("admin"))).items[0]!.id;
    await expect(setStyleEnabled(b.ctxFor("admin"), id, { enabled: false })).rejects.toMatchObject({
      code: "not_found:style",
    });
  });
});

import { describe, expect, it } from "vitest";
import { EmailContent } from "@/lib/schemas/drafts";
import { emailModule, validateEmail, validateEmailWith } from "./email";
import { emailExport } from "./email-export";
import { inspectHtml } from "./html-inspect";
import { codes, CTX, ctx } from "./test-helpers";

const GEN = {
  subject: "Meet the Northwind Flask",
  preheader: "Cold drinks for 24 hours, in a flask built from recycled steel.",
  paragraphs: [
    "Hello,\n\nThe Northwind Flask keeps drinks cold for 24 hours.",
    "It is made from recycled stainless steel.",
    "The Northwind Flask keeps drinks cold for 24 hours.",
    "  ",
  ],
  cta: "  See the flask ",
};

async function email(overrides = {}) {
  return emailModule.toContent(GEN, ctx(overrides));
}

describe("email toContent", () => {
  it("normalises the fields, splits paragraphs at blank lines and drops repeats", async () => {
    const c = await email();
    expect(c.subject).toBe("Meet the Northwind Flask");
    expect(c.paragraphs).toEqual([
      "Hello,",
      "The Northwind Flask keeps drinks cold for 24 hours.",
      "It is made from recycled stainless steel.",
    ]);
    expect(c.cta).toEqual({ label: "See the flask", url: "https://www.northwind.example" });
    expect(EmailContent.safeParse(c).success).toBe(true);
  });

  it("puts subject and preheader on one line (no header injection)", async () => {
    const c = await emailModule.toContent({ ...GEN, subject: "Hi\r\nBcc: victim@example.com" }, CTX);
    expect(c.subject).toBe("Hi Bcc: victim@example.com");
  });

  it("sets the RFC 8058 one-click unsubscribe headers", async () => {
    const c = await email();
    expect(c.headers).toEqual({
      "List-Unsubscribe": `<${CTX.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect((await email({ unsubscribeUrl: null })).headers).toEqual({});
    expect((await email({ unsubscribeUrl: "http://insecure.example/u" })).headers).toEqual({});
  });
});

describe("email HTML part", () => {
  it("is table-based with inline styles, no scripts and no stylesheets", async () => {
    const { html } = await email();
    const page = inspectHtml(html);
    const tags = page.elements.map((e) => e.tag);
    expect(tags).toContain("table");
    expect(page.elements.filter((e) => e.tag === "table").every((t) => t.attrs.role === "presentation")).toBe(true);
    expect(tags).not.toContain("script");
    expect(tags).not.toContain("style");
    expect(tags).not.toContain("link");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/class=/);
    const p = page.elements.find((e) => e.tag === "p" && e.text.includes("recycled"));
    expect(p?.attrs.style).toMatch(/font-size:16px/);
  });

  it("shows the address, the unsubscribe link and the CTA button, with the preheader as hidden preview text", async () => {
    const { html } = await email();
    const page = inspectHtml(html);
    expect(page.visibleText).toContain("Northwind Outfitters Ltd 12 Harbour Road Bristol BS1 4RN, United Kingdom");
    const unsubscribe = page.elements.find((e) => e.tag === "a" && e.text === "Unsubscribe");
    expect(unsubscribe?.attrs.href).toBe(CTX.unsubscribeUrl);
    const button = page.elements.find((e) => e.tag === "a" && e.text.includes("See the flask"));
    expect(button?.attrs.href).toBe("https://www.northwind.example");
    const preview = page.elements.find((e) => e.tag === "div" && e.attrs.style?.includes("display:none"));
    expect(preview?.text).toContain(GEN.preheader);
    expect(page.visibleText).not.toContain(GEN.preheader);
    expect(page.elements.find((e) => e.tag === "title")?.text).toBe(GEN.subject);
  });

  it("escapes text from the model", async () => {
    const c = await emailModule.toContent({ ...GEN, paragraphs: ['<script>alert("x")</script> & <b>bold</b>'] }, CTX);
    expect(c.html).not.toMatch(/<script/i);
    expect(c.html).toContain("&lt;script&gt;");
    expect(validateEmail(c, CTX)).toEqual([]);
  });
});

describe("email text part", () => {
  it("has the paragraphs, the CTA as label: url and a footer with the address and unsubscribe URL, but not the subject", async () => {
    const { textBody } = await email();
    expect(textBody).toContain("Hello,\n\nThe Northwind Flask keeps drinks cold for 24 hours.\n\n");
    expect(textBody).toContain("See the flask: https://www.northwind.example");
    expect(textBody).toContain("12 Harbour Road\nBristol BS1 4RN, United Kingdom");
    expect(textBody).toContain(`Unsubscribe: ${CTX.unsubscribeUrl}`);
    expect(textBody).not.toContain(GEN.subject);
    expect(textBody.indexOf("See the flask")).toBeLessThan(textBody.indexOf("Unsubscribe:"));
  });
});

describe("email validate", () => {
  it("passes a complete email", async () => {
    expect(validateEmail(await email(), CTX)).toEqual([]);
  });

  it("errors without a postal address", async () => {
    const c2 = ctx({ postalAddress: null });
    const found = validateEmail(await email({ postalAddress: null }), c2);
    expect(found).toEqual([expect.objectContaining({ level: "error", code: "postal_address_missing" })]);
    expect(found[0]?.message).toMatch(/^Set the workspace's postal address/);
  });

  it("errors without an https unsubscribe URL", async () => {
    expect(codes(validateEmail(await email({ unsubscribeUrl: null }), ctx({ unsubscribeUrl: null })), "error")).toEqual(
      ["unsubscribe_missing"],
    );
    const insecure = ctx({ unsubscribeUrl: "http://www.northwind.example/u" });
    expect(codes(validateEmail(await emailModule.toContent(GEN, insecure), insecure), "error")).toEqual([
      "unsubscribe_invalid",
    ]);
    const relative = ctx({ unsubscribeUrl: "/unsubscribe" });
    expect(codes(validateEmail(await emailModule.toContent(GEN, relative), relative), "error")).toEqual([
      "unsubscribe_invalid",
    ]);
  });

  it("errors when the HTML lacks the unsubscribe link or the address, or carries a script", async () => {
    const c = await email();
    const noLink = { ...c, html: c.html.replace(/<a[^>]*>Unsubscribe<\/a>/, "Unsubscribe") };
    expect(codes(validateEmail(noLink, CTX), "error")).toEqual(["html_unsubscribe_link"]);
    const noAddress = { ...c, html: c.html.replace("12 Harbour Road", "") };
    expect(codes(validateEmail(noAddress, CTX), "error")).toEqual(["html_postal_address"]);
    const script = { ...c, html: c.html.replace("</body>", "<script>track()</script></body>") };
    expect(codes(validateEmail(script, CTX), "error")).toEqual(["html_script"]);
    const css = {
      ...c,
      html: c.html.replace("</head>", '<link rel="stylesheet" href="https://cdn.example/x.css"></head>'),
    };
    expect(codes(validateEmail(css, CTX), "error")).toEqual(["html_external_css"]);
    // Rendered for another workspace's unsubscribe URL: the stored HTML and headers no longer match.
    const moved = ctx({ unsubscribeUrl: "https://other.example/u" });
    expect(codes(validateEmail(c, moved), "error")).toEqual(["list_unsubscribe_header", "html_unsubscribe_link"]);
  });

  it("warns on a long subject and a preheader outside 40–130 (limits configurable)", async () => {
    const c = await email();
    expect(codes(validateEmail({ ...c, subject: "s".repeat(60) }, CTX))).toEqual([]);
    expect(validateEmail({ ...c, subject: "s".repeat(61) }, CTX)).toEqual([
      expect.objectContaining({ field: "subject", level: "warning", code: "subject_long" }),
    ]);
    expect(codes(validateEmail({ ...c, preheader: "p".repeat(40) }, CTX))).toEqual([]);
    expect(codes(validateEmail({ ...c, preheader: "p".repeat(39) }, CTX))).toEqual(["preheader_length"]);
    expect(codes(validateEmail({ ...c, preheader: "p".repeat(131) }, CTX))).toEqual(["preheader_length"]);
    const loose = { subjectMax: 80, preheader: { min: 10, max: 200 }, htmlClipBytes: 102 * 1024 };
    expect(codes(validateEmailWith({ ...c, subject: "s".repeat(61), preheader: "p".repeat(20) }, CTX, loose))).toEqual(
      [],
    );
  });

  it("errors on an empty subject or body and warns on a CTA without a link", async () => {
    const c = await email({ siteUrl: null });
    expect(codes(validateEmail(c, ctx({ siteUrl: null })))).toEqual(["cta_url_missing"]);
    expect(codes(validateEmail({ ...c, subject: " ", paragraphs: [] }, CTX), "error")).toEqual([
      "subject_empty",
      "body_empty",
    ]);
  });

  it("warns when Gmail would clip the HTML", async () => {
    const c = await emailModule.toContent({ ...GEN, paragraphs: ["x ".repeat(60_000)] }, CTX);
    expect(codes(validateEmail(c, CTX))).toEqual(["html_clipped"]);
  });
});

describe("email fields", () => {
  it("lists subject, preheader, paragraphs and button label, and re-renders on write-back", async () => {
    const c = await email();
    const fields = emailModule.fields(c);
    expect(fields.map((f) => f.path)).toEqual([
      "subject",
      "preheader",
      "paragraphs[0]",
      "paragraphs[1]",
      "paragraphs[2]",
      "cta.label",
    ]);
    const texts = fields.map((f) => f.text);
    texts[3] = "Now with a <lifetime> warranty.";
    texts[5] = "Shop now";
    const next = await emailModule.withFields(c, texts, CTX);
    expect(next.paragraphs[1]).toBe("Now with a <lifetime> warranty.");
    expect(next.html).toContain("Now with a &lt;lifetime&gt; warranty.");
    expect(next.textBody).toContain("Shop now: https://www.northwind.example");
    expect(next.html).not.toContain("keeps drinks cold");
    expect(c.paragraphs[1]).toBe("The Northwind Flask keeps drinks cold for 24 hours."); // input untouched
    expect(emailModule.title(next)).toBe("Meet the Northwind Flask");
  });
});

describe("emailExport", () => {
  it("returns the parts and a multipart/alternative .eml with both", async () => {
    const c = await emailModule.toContent({ ...GEN, subject: "Grüße from Northwind" }, CTX);
    const out = emailExport(c, { fromAddress: "news@northwind.example", fromName: "Northwind", to: "ana@example.com" });
    expect(out.subject).toBe("Grüße from Northwind");
    expect(out.html).toBe(c.html);
    expect(out.text).toBe(c.textBody);
    expect(out.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    const [head = "", ...rest] = out.eml.split("\r\n\r\n");
    expect(head).toContain('From: "Northwind" <news@northwind.example>');
    expect(head).toContain("To: ana@example.com");
    expect(head).toContain(`Subject: =?UTF-8?B?${Buffer.from("Grüße from Northwind").toString("base64")}?=`);
    expect(head).toContain(`List-Unsubscribe: <${CTX.unsubscribeUrl}>`);
    expect(head).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const boundary = /boundary="([^"]+)"/.exec(head)?.[1] ?? "";
    expect(boundary).not.toBe("");
    const body = rest.join("\r\n\r\n");
    const parts = body.split(`--${boundary}`);
    expect(parts.at(-1)?.startsWith("--")).toBe(true);
    const decode = (part: string) =>
      Buffer.from(part.split("\r\n\r\n")[1]?.replace(/\r\n/g, "") ?? "", "base64").toString("utf8");
    const plain = parts.find((p) => p.includes("text/plain")) ?? "";
    const html = parts.find((p) => p.includes("text/html")) ?? "";
    expect(decode(plain)).toBe(c.textBody);
    expect(decode(html)).toBe(c.html);
    expect(parts.indexOf(plain)).toBeLessThan(parts.indexOf(html));
    expect(out.eml.split("\r\n").every((line) => line.length <= 998)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { htmlTitle, sanitizeUploadedHtml } from "./html";

const PAGE = `<!doctype html>
<html>
<head>
  <title>Returns &amp; Refunds</title>
  <meta charset="utf-8">
  <link rel="stylesheet" href="/site.css">
  <style>body { color: red }</style>
  <script src="https://tracker.example/t.js"></script>
</head>
<body onload="init()">
  <nav><a href="/">Home</a></nav>
  <main>
    <h1 class="hero" onclick="track()">Returns policy</h1>
    <p style="color: blue">Return items within <strong>30 days</strong>. <a href="javascript:alert(1)">Click</a>
      <a href="/help" onmouseover="steal()">Help</a> <a href="mailto:care@shop.test">Mail us</a></p>
    <script>alert(1)</script>
    <ul><li>Shoes</li><li>Bags</li></ul>
    <ol start="3"><li>Three</li></ol>
    <table><thead><tr><th scope="col">Item</th><th>Days</th></tr></thead>
      <tbody><tr><td colspan="2">Sale items: 14</td></tr></tbody></table>
    <pre><code>code  kept</code></pre>
    <blockquote>Quote</blockquote>
    <img src="x" onerror="alert(2)" alt="a picture">
    <iframe src="https://evil.test"></iframe>
    <object data="x.swf"><p>fallback</p></object>
    <embed src="x.swf">
    <noscript><p>Enable JavaScript</p></noscript>
    <template><p>Template text</p></template>
    <form action="/subscribe"><label>Email</label><input name="email"><select><option>One</option></select>
      <textarea>typed</textarea><button onclick="go()">Subscribe</button><p>Form intro text</p></form>
    <svg onload="alert(3)"><title>svg title</title><script>alert(4)</script></svg>
    <a href=" JaVa&#x09;ScRiPt:alert(5)">Obfuscated</a>
    <a href="data:text/html;base64,PHNjcmlwdD4=">Data</a>
  </main>
  <footer>© Shop</footer>
</body>
</html>`;

describe("sanitizeUploadedHtml", () => {
  const { html, warnings } = sanitizeUploadedHtml(PAGE);

  it("removes every executable or embedded thing", () => {
    for (const gone of [
      "<script",
      "alert(",
      "<style",
      "color:",
      "<iframe",
      "<object",
      "<embed",
      "<noscript",
      "Enable JavaScript",
      "<template",
      "Template text",
      "<form",
      "<input",
      "<select",
      "<textarea",
      "typed",
      "<button",
      "Subscribe",
      "<svg",
      "svg title",
      "<img",
      "<link",
      "<meta",
      "<title",
      "Returns &amp; Refunds",
      "javascript",
      "JaVa",
      "data:",
      "style=",
      "class=",
    ]) {
      expect(html, gone).not.toContain(gone);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it("keeps the structure the chunker reads", () => {
    expect(html).toContain("<h1>Returns policy</h1>");
    expect(html).toContain("<strong>30 days</strong>");
    expect(html).toContain("<ul><li>Shoes</li><li>Bags</li></ul>");
    expect(html).toContain('<ol start="3"><li>Three</li></ol>');
    expect(html).toContain('<thead><tr><th scope="col">Item</th><th>Days</th></tr></thead>');
    expect(html).toContain('<td colspan="2">Sale items: 14</td>');
    expect(html).toContain("<pre><code>code  kept</code></pre>");
    expect(html).toContain("<blockquote>Quote</blockquote>");
    expect(html).toContain("<nav>");
    expect(html).toContain("<footer>© Shop</footer>");
    expect(html).toContain("<main>");
  });

  it("keeps safe links and the text of unsafe ones", () => {
    expect(html).toContain('<a href="/help">Help</a>');
    expect(html).toContain('<a href="mailto:care@shop.test">Mail us</a>');
    expect(html).toContain("<a>Click</a>");
    expect(html).toContain("<a>Obfuscated</a>");
  });

  it("unwraps a form but keeps its prose; drops labels, controls and embedded fallbacks", () => {
    // Some CMSs wrap a whole page in one <form>: its content must survive.
    expect(html).toContain("<p>Form intro text</p>");
    expect(html).not.toContain("Email");
    expect(html).not.toContain("fallback");
  });

  it("reports what it removed", () => {
    // Handlers: body onload, h1 onclick, a onmouseover, img onerror, button onclick, svg onload.
    expect(warnings).toEqual([
      "Removed 3 <script> elements",
      "Removed 1 <style> element",
      "Removed 3 embedded frames or objects (<iframe>, <object>, <embed>)",
      "Removed 1 form (fields and buttons are not indexed)",
      "Removed 6 event-handler attributes (onclick and similar)",
      "Removed 3 unsafe link targets (javascript: and similar)",
    ]);
  });

  it("says nothing when nothing was removed", () => {
    expect(sanitizeUploadedHtml("<h2>Plain</h2><p>Safe <a href='https://x.test'>link</a></p>")).toEqual({
      html: '<h2>Plain</h2><p>Safe <a href="https://x.test">link</a></p>',
      warnings: [],
    });
  });
});

describe("htmlTitle", () => {
  it("reads <title>, entities decoded and whitespace collapsed", () => {
    expect(htmlTitle(PAGE)).toBe("Returns & Refunds");
    expect(htmlTitle("<title>\n  Two\n  lines </title>")).toBe("Two lines");
  });

  it("falls back to the first <h1>, ignoring SVG titles and scripts", () => {
    expect(
      htmlTitle("<svg><title>icon</title></svg><h1>Big <em>Sale</em>!<script>x()</script></h1><h1>Second</h1>"),
    ).toBe("Big Sale!");
    expect(htmlTitle("<title>  </title><h1>Line<br>break</h1>")).toBe("Line break");
  });

  it("returns null without either", () => {
    expect(htmlTitle("<h2>Only h2</h2><p>text</p>")).toBeNull();
  });
});

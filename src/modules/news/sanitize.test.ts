import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { sanitizeArticleHtml, textOfHtml } from "./sanitize.ts";
import { executableFindings, XSS_CORPUS } from "./xssCorpus.ts";

const KEY = "b".repeat(64);

test("every payload of the XSS corpus comes out of the sanitiser inert", () => {
  for (const payload of XSS_CORPUS) {
    const out = sanitizeArticleHtml(payload);
    assert.deepEqual(executableFindings(out), [], `payload ${payload} gave ${out}`);
    assert.doesNotMatch(out, /<script|<svg|<iframe|<style|onerror|onload|javascript:/i, payload);
  }
});

test("the finder itself sees what the corpus would do unsanitised (so the test above can fail)", () => {
  const raw = XSS_CORPUS.filter((p) => executableFindings(p).length > 0);
  assert.ok(raw.length >= 25, `only ${raw.length} payloads recognised as executable`);
});

test("the allowed formatting survives: paragraphs, headings, lists, quotes, links with rel, own pictures", () => {
  const html = `<h2>Kết quả</h2><p><strong>Đậm</strong> và <em>nghiêng</em></p><ul><li>một</li></ul><ol><li>hai</li></ol><blockquote>trích</blockquote><p><a href="https://quangninh.gov.vn/">cổng</a> <a href="mailto:bbt@example.vn">thư</a></p><figure><img src="/news/images/${KEY}" alt="ảnh"><figcaption>chú thích</figcaption></figure>`;
  const out = sanitizeArticleHtml(html);
  for (const piece of [
    "<h2>Kết quả</h2>",
    "<strong>Đậm</strong>",
    "<em>nghiêng</em>",
    "<li>một</li>",
    "<blockquote>trích</blockquote>",
    `<figcaption>chú thích</figcaption>`,
  ])
    assert.ok(out.includes(piece), `${piece} missing in ${out}`);
  assert.match(out, /<a href="https:\/\/quangninh\.gov\.vn\/" rel="noopener nofollow">/);
  assert.match(out, /<a href="mailto:bbt@example\.vn" rel="noopener nofollow">/);
  assert.match(out, new RegExp(`<img src="/news/images/${KEY}" alt="ảnh" />`));
});

test("pictures only from this site's own stores; no class, id, target or style survives", () => {
  const out = sanitizeArticleHtml(
    `<img src="https://evil.example/a.png"><img src="//evil.example/a.png"><img src="/news/images/../x"><p class="x" id="y">t</p><a href="https://a.vn" target="_blank">a</a>`,
  );
  assert.doesNotMatch(out, /<img/);
  assert.doesNotMatch(out, /class=|id=|target=/);
});

test("sanitising arbitrary mixes of payloads and fragments never leaves an executable thing, even re-sanitised", () => {
  const piece = fc.constantFrom(
    ...XSS_CORPUS,
    "<p>",
    "</p>",
    "<a href=",
    '"',
    "'",
    ">",
    "<",
    "javascript:",
    "&#",
    "<img src=",
    " onerror=",
    "<svg",
    "text ",
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const once = sanitizeArticleHtml(parts.join(""));
      // (not idempotent in structure: "<p><p></p></p>" becomes three paragraphs — harmless, so not asserted)
      assert.deepEqual(executableFindings(once), []);
      assert.deepEqual(executableFindings(sanitizeArticleHtml(once)), []);
    }),
    { numRuns: 300 },
  );
});

test("textOfHtml gives the readable words for search", () => {
  assert.equal(textOfHtml("<h2>Đường</h2><p>mới &amp; đẹp</p><script>x()</script>"), "Đường mới & đẹp");
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { SLUG_RE, slugify, uniqueSlug } from "./slug.ts";

test("Vietnamese titles become ASCII slugs", () => {
  assert.equal(slugify("Đường mới về bản Khe Lạc, xã Tiên Yên"), "duong-moi-ve-ban-khe-lac-xa-tien-yen");
  assert.equal(
    slugify("Hội nghị đối thoại năm 2026: 436 trưởng thôn dự!"),
    "hoi-nghi-doi-thoai-nam-2026-436-truong-thon-du",
  );
  assert.equal(slugify("   "), "bai-viet");
  assert.equal(slugify("<script>"), "script");
});

test("every slug is non-empty ASCII of at most 80 characters matching the route's pattern", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (title) => {
      const s = slugify(title);
      assert.ok(s.length >= 1 && s.length <= 80);
      assert.match(s, SLUG_RE);
    }),
    { numRuns: 500 },
  );
});

test("a taken slug gets the first free numeric suffix", () => {
  assert.equal(uniqueSlug("a", new Set()), "a");
  assert.equal(uniqueSlug("a", new Set(["a"])), "a-2");
  assert.equal(uniqueSlug("a", new Set(["a", "a-2", "a-3"])), "a-4");
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { checkFeedback, countLinks, MAX_FEEDBACK_LINKS } from "./feedbackRules.ts";

const ok = { name: "Nguyễn Văn Hùng", email: "", text: "Con đường đẹp lắm, cảm ơn tỉnh.", website: "" };

test("a plain feedback passes; name, e-mail and text are checked field by field", () => {
  const r = checkFeedback(ok);
  assert.ok(r.ok && !r.honeypot && r.value.email === null);
  const bad = checkFeedback({ name: "A", email: "không-phải-thư", text: "ngắn", website: "" });
  assert.ok(!bad.ok);
  assert.deepEqual(Object.keys(bad.errors).sort(), ["email", "name", "text"]);
});

test("at most two links", () => {
  assert.equal(countLinks("xem https://a.vn và www.b.com và c.xyz"), 3);
  const r = checkFeedback({ ...ok, text: "mua ngay https://a.vn https://b.vn https://c.vn" });
  assert.ok(!r.ok && r.errors.text === "news.feedback.error.links");
  assert.ok(checkFeedback({ ...ok, text: "nguồn: https://a.vn và https://b.vn" }).ok);
});

test("a filled honeypot is accepted quietly but marked", () => {
  const r = checkFeedback({ ...ok, website: "http://spam.example" });
  assert.ok(r.ok && r.honeypot);
});

test("whatever is typed, the result is either errors or a bounded clean value", () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), fc.string({ maxLength: 3000 }), (name, email, text) => {
      const r = checkFeedback({ name, email, text, website: "" });
      if (r.ok) {
        assert.ok(r.value.text.length <= 2000 && r.value.name.length <= 80);
        assert.ok(countLinks(r.value.text) <= MAX_FEEDBACK_LINKS);
      } else assert.ok(Object.keys(r.errors).length > 0);
    }),
  );
});

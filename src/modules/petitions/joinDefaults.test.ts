import assert from "node:assert/strict";
import { test } from "node:test";
import { createTranslator } from "../../platform/i18n/i18n.ts";
import { clusterMessages } from "./clusterMessages.ts";
import { joinDefaults } from "./pageForms.ts";

const t = createTranslator(clusterMessages, "vi");
const target = {
  code: "KN-2026-000042",
  title: "Đường tỉnh 342 chậm giải phóng mặt bằng",
  category_code: "giao_thong",
};
const blank = { title: "", body: "", categoryCode: "", kind: "", urgency: "", households: "" };

test("typed nothing: the original's title and category, a text naming it, the form's usual choices", () => {
  const v = joinDefaults(t, blank, target);
  assert.equal(v.title, target.title);
  assert.equal(v.categoryCode, "giao_thong");
  assert.equal(
    v.body,
    "Thôn cũng gặp vấn đề như kiến nghị KN-2026-000042: «Đường tỉnh 342 chậm giải phóng mặt bằng».",
  );
  assert.deepEqual([v.kind, v.urgency, v.households], ["recommendation", "normal", "1"]);
});

test("a short note follows the text naming the original; a full petition is filed as typed", () => {
  const note = joinDefaults(t, { ...blank, body: "Cả xóm bị bụi" }, target);
  assert.equal(note.title, target.title);
  assert.ok(
    note.body.startsWith("Thôn cũng gặp vấn đề như kiến nghị KN-2026-000042") &&
      note.body.endsWith("Cả xóm bị bụi"),
  );
  const typed = {
    ...blank,
    title: "GPMB đường 342 chậm",
    body: "Thôn Nà Làng cũng chưa được bồi thường sau hai năm.",
    categoryCode: "dat_dai",
  };
  const full = joinDefaults(t, typed, target);
  assert.equal(full.title, typed.title);
  assert.equal(full.body, typed.body);
  assert.equal(full.categoryCode, "dat_dai", "the head's choice wins");
});

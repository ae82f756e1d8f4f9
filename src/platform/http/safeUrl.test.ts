import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { safeLocalPath, safeUrl } from "./safeUrl.ts";

test("script and data URLs never survive, however they are disguised", () => {
  for (const bad of [
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "/\\evil.example",
  ]) {
    assert.equal(safeUrl(bad), "#", bad);
  }
  assert.equal(safeUrl("/units/1"), "/units/1");
  assert.equal(safeUrl("https://quangninh.gov.vn"), "https://quangninh.gov.vn");
  assert.equal(safeLocalPath("https://evil.example"), "/");
});

test("whatever the input, the result is '#', a local path, or an allowed scheme", () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const out = safeUrl(s);
      assert.ok(
        out === "#" || (out.startsWith("/") && !out.startsWith("//")) || /^(https?:|mailto:|tel:)/i.test(out),
      );
    }),
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { sniff } from "./sniff.ts";

const pad = (head: number[] | string) => {
  const bytes = typeof head === "string" ? [...Buffer.from(head, "latin1")] : head;
  return Uint8Array.from([...bytes, ...new Array(32).fill(0)]);
};

test("photos, voice notes and PDFs are recognised by their content", () => {
  assert.equal(sniff(pad([0xff, 0xd8, 0xff, 0xe0]))?.mime, "image/jpeg");
  assert.equal(sniff(pad([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.mime, "image/png");
  assert.equal(sniff(pad("RIFF\0\0\0\0WEBPVP8 "))?.mime, "image/webp");
  assert.equal(sniff(pad("\0\0\0\x18ftypM4A "))?.kind, "audio");
  assert.equal(sniff(pad("#!AMR\n"))?.mime, "audio/amr");
  assert.equal(sniff(pad("OggS"))?.mime, "audio/ogg");
  assert.equal(sniff(pad("%PDF-1.7"))?.mime, "application/pdf");
});

test("a script or an HTML page renamed .jpg is refused; so is an SVG (it can carry script)", () => {
  assert.equal(sniff(pad("<script>alert(1)</script>")), undefined);
  assert.equal(sniff(pad("<!DOCTYPE html><html>")), undefined);
  assert.equal(sniff(pad('<svg xmlns="http://www.w3.org/2000/svg" onload="x">')), undefined);
  assert.equal(sniff(pad("MZ\x90\0")), undefined);
  assert.equal(sniff(new Uint8Array([0xff, 0xd8])), undefined);
});

test("property: text never passes as an accepted file", () => {
  fc.assert(
    fc.property(fc.string({ minLength: 12 }), (s) => {
      const b = Buffer.from(`<${s}`, "utf8");
      assert.equal(sniff(b), undefined);
    }),
  );
});

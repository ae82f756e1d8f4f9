import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ConfigError, ensureSessionSecret, loadConfig } from "./config.ts";

test("no DATABASE_URL means the embedded database in ./data on port 3000", () => {
  const c = loadConfig({});
  assert.equal(c.embedded, true);
  assert.equal(c.port, 3000);
  assert.match(c.dataDir, /data$/);
  assert.equal(c.baseUrl, "http://localhost:3000");
  assert.equal(c.provinceCode, "22");
});

test("every bad value is named, all at once", () => {
  try {
    loadConfig({
      PORT: "abc",
      DATABASE_URL: "mysql://x",
      BASE_URL: "not a url",
      SESSION_SECRET: "short",
      PROVINCE_CODE: "QN",
    });
    assert.fail("expected a ConfigError");
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    const text = err.problems.join("\n");
    for (const name of ["PORT", "DATABASE_URL", "BASE_URL", "SESSION_SECRET", "PROVINCE_CODE"])
      assert.match(text, new RegExp(name));
  }
});

test("server mode with a postgres URL; empty variables count as unset", () => {
  const c = loadConfig({
    DATABASE_URL: "postgres://u:p@db:5432/caunoi",
    PORT: "",
    BASE_URL: "https://caunoi.example.vn/",
  });
  assert.equal(c.embedded, false);
  assert.equal(c.port, 3000);
  assert.equal(c.baseUrl, "https://caunoi.example.vn");
});

test("a session secret is generated into DATA_DIR once and kept across starts", () => {
  const dir = mkdtempSync(join(tmpdir(), "caunoi-cfg-"));
  const a = ensureSessionSecret(loadConfig({ DATA_DIR: dir }));
  const b = ensureSessionSecret(loadConfig({ DATA_DIR: dir }));
  assert.equal(a.sessionSecret.length, 64);
  assert.equal(a.sessionSecret, b.sessionSecret);
  assert.equal(readFileSync(join(dir, "session-secret"), "utf8").trim(), a.sessionSecret);
});

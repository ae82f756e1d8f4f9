// Two processes must never open one embedded data directory: a second `caunoi start` on the same DATA_DIR
// gives up quickly and says why, and the first one carries on untouched.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { DEMO_PASSWORD, freePort, type RunningApp, runCli, startApp } from "../e2e/support/app.ts";
import { logIn } from "../e2e/support/http.ts";

test("a second start on the same DATA_DIR is refused and the first app keeps serving", async (t) => {
  let first: RunningApp | undefined;
  t.after(async () => {
    await first?.stop();
  });
  first = await startApp();
  const lockFile = join(first.dataDir, "caunoi.lock");
  assert.ok(existsSync(lockFile), "the running app holds no lock file");
  assert.equal(readFileSync(lockFile, "utf8").trim(), String(first.pid), "the lock names another process");

  // The second start: its own port (so a refusal cannot be blamed on the port), the same data directory.
  const second = await runCli(["start"], {
    dataDir: first.dataDir,
    port: await freePort(),
    timeoutMs: 30_000,
  });
  const said = `${second.stdout}${second.stderr}`;
  assert.ok(second.ms < 15_000, `the second start took ${second.ms} ms to give up`);
  assert.equal(
    second.signal,
    null,
    `the second start was killed (${second.signal}): it did not give up by itself`,
  );
  assert.notEqual(second.code, 0, `the second start exited 0:\n${said}`);
  assert.match(second.stderr, /caunoi\.lock/, `the message does not name the lock file:\n${said}`);
  assert.match(
    second.stderr,
    new RegExp(`process ${first.pid}\\b`),
    `the message does not name the owner:\n${said}`,
  );
  assert.match(second.stderr, /tiến trình/, `no Vietnamese message:\n${said}`);

  // The first app is untouched: healthy, its lock still in place, its data still there.
  const health = await fetch(`${first.url}/healthz`);
  assert.equal(health.status, 200, "/healthz of the first app");
  assert.equal(
    readFileSync(lockFile, "utf8").trim(),
    String(first.pid),
    "the lock was taken over or removed",
  );
  const admin = await logIn(first.url, "demo-admin", DEMO_PASSWORD);
  assert.ok(
    admin.ok,
    `demo-admin cannot log in any more (status ${admin.status}, location ${admin.location})`,
  );
  const account = await admin.session.get("/account");
  assert.equal(account.status, 200);
  assert.match(account.body, /Quản trị hệ thống \(demo\)/);

  const stopped = await first.stop();
  assert.ok(stopped.graceful, "the first app did not stop on SIGTERM");
  assert.equal(stopped.exit.code, 0, `the first app exited ${stopped.exit.code} on SIGTERM`);
  assert.ok(!existsSync(lockFile), "the lock file outlived a clean stop");
});

// Every acknowledged write survives a crash of the app: kill -9 the app process after a write it answered,
// check that the embedded database child notices and exits by itself (so the lock can be reclaimed
// safely), start again on the same DATA_DIR and find the write there, with the audit chain intact.
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  DEMO_PASSWORD,
  descendants,
  freshTempDir,
  isAlive,
  type RunningApp,
  runCli,
  startApp,
  waitUntil,
} from "../e2e/support/app.ts";
import { logIn } from "../e2e/support/http.ts";

const NEW_PASSWORD = "doi-mat-khau-sau-su-co-2026";

test("an acknowledged write survives kill -9 of the app", async (t) => {
  const dataDir = freshTempDir("caunoi-crash");
  let app: RunningApp | undefined;
  let orphans: number[] = [];
  t.after(async () => {
    await app?.stop();
    for (const pid of orphans) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  app = await startApp({ dataDir });

  // The write: demo-admin changes their password; the 303 is the acknowledgement.
  const admin = await logIn(app.url, "demo-admin", DEMO_PASSWORD);
  assert.ok(admin.ok, `demo-admin cannot log in (status ${admin.status})`);
  const changed = await admin.session.submit("/account/password", "/account/password", {
    current: DEMO_PASSWORD,
    next: NEW_PASSWORD,
    confirm: NEW_PASSWORD,
  });
  assert.equal(changed.status, 303, `the password change was not acknowledged (status ${changed.status})`);
  assert.match(changed.location ?? "", /^\/account/);

  // The crash: SIGKILL to the node process only, as the kernel's OOM killer would do it.
  const children = descendants(app.pid);
  assert.ok(children.length > 0, "the app has no embedded database child process");
  orphans = children;
  const crashed = app;
  process.kill(crashed.pid, "SIGKILL");
  const exit = await crashed.exited;
  assert.equal(exit.signal, "SIGKILL");
  // The embedded database child must notice its parent died (IPC disconnect), close and exit by itself.
  const gone = await waitUntil(() => children.every((pid) => !isAlive(pid)), 20_000);
  assert.ok(
    gone,
    `the embedded database child (${children.filter(isAlive).join(", ")}) outlived its parent by 20 s`,
  );
  orphans = [];
  app = undefined;
  await crashed.stop(); // bookkeeping only: nothing is left to kill

  // The lock names a dead process now and must be reclaimable: `audit verify` takes it, checks and releases.
  const lockFile = join(dataDir, "caunoi.lock");
  if (existsSync(lockFile)) assert.equal(readFileSync(lockFile, "utf8").trim(), String(crashed.pid));
  const verify = await runCli(["audit", "verify"], { dataDir, timeoutMs: 60_000 });
  assert.equal(verify.code, 0, `audit verify after the crash:\n${verify.stdout}${verify.stderr}`);
  assert.match(verify.stdout, /audit chain intact: \d+/);
  const events = Number(/audit chain intact: (\d+)/.exec(verify.stdout)?.[1] ?? "0");
  assert.ok(events > 0, "the audit log is empty after the crash");

  // Start again on the same data: the new password works, the old one does not.
  app = await startApp({ dataDir });
  const withNew = await logIn(app.url, "demo-admin", NEW_PASSWORD);
  assert.ok(withNew.ok, `the new password does not work after the crash (status ${withNew.status})`);
  const withOld = await logIn(app.url, "demo-admin", DEMO_PASSWORD);
  assert.ok(!withOld.ok, "the old password still works: the acknowledged change was lost");
  assert.equal(withOld.status, 422);
  // Nothing else was lost either: the other demo accounts still log in.
  const other = await logIn(app.url, "demo-village", DEMO_PASSWORD);
  assert.ok(other.ok, "demo-village cannot log in after the crash");

  const stopped = await app.stop();
  app = undefined;
  assert.equal(stopped.exit.code, 0);
  const again = await runCli(["audit", "verify"], { dataDir, timeoutMs: 60_000 });
  assert.equal(again.code, 0, `audit verify after the restart:\n${again.stdout}${again.stderr}`);
  const after = Number(/audit chain intact: (\d+)/.exec(again.stdout)?.[1] ?? "0");
  assert.ok(after >= events, `audit events went from ${events} to ${after}`);
});

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type Config, ConfigError, ensureSessionSecret, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { importUsersFile } from "./modules/accounts/commands/importUsers.ts";
import { createApiToken } from "./modules/accounts/commands/manageUsers.ts";
import { importOfficialUnits } from "./modules/units/commands/importOfficialUnits.ts";
import { importVillageFile } from "./modules/units/commands/importVillageFile.ts";
import { messagesVi as importMessagesVi } from "./modules/units/data/villageFile.ts";
import { verifyAudit } from "./platform/audit/audit.ts";
import { seedDefaultHolidays } from "./platform/calendar/store.ts";
import { createProgress } from "./platform/cli/progress.ts";
import { systemClock } from "./platform/clock.ts";
import { backupDatabase, RestoreRefusedError, restoreDatabase } from "./platform/db/backup.ts";
import { type Database, openDatabase } from "./platform/db/database.ts";
import { DataDirLockedError } from "./platform/db/embedded.ts";
import { runMigrations } from "./platform/db/migrate.ts";
import { evaluateClusters, formatPairScores, parsePetitionsJsonl } from "./platform/text/evaluate.ts";
import { demoPassword, isSeeded, seedDemo } from "./seed.ts";
import { startServer } from "./server.ts";

const USAGE = `Cầu Nối — cách dùng / usage: npx caunoi <command>

  start                      migrate + seed demo data if empty + serve (what "npm start" runs)
  serve                      serve HTTP, the outbox dispatcher and sweeps
  migrate                    apply database migrations
  seed --demo                load reference data, ~1,452 demo villages and the demo accounts
  seed                       load reference data only (units, agencies, holidays)
  import units [DIR]         (re)load official units from DIR (default ADMIN_DATA_DIR)
  import villages FILE       import villages from XLSX/CSV (all rows or none)
  import users FILE          import village heads from XLSX/CSV (all rows or none)
  token create USERNAME [--name NAME]   create an API token (printed once)
  audit verify               check the hash chain of the audit log
  backup FILE                write a logical backup (.jsonl.gz), embedded or server alike
  similarity eval FILE.jsonl pairwise precision/recall of the near-duplicate detector on labelled petitions
  restore FILE               restore a backup into an empty database

Environment: DATABASE_URL (absent: embedded PGlite in DATA_DIR), DATA_DIR (./data), PORT (3000), BASE_URL,
SESSION_SECRET, SMTP_URL, DEMO_PASSWORD, PROVINCE_CODE (22). See README.md.`;

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function printDemoLogins(url: string, password: string, accounts: string[]): void {
  const lines = [
    "",
    `  Cầu Nối đang chạy tại / is running at: ${url}`,
    `  Đăng nhập / log in at: ${url}/login`,
    `  Tài khoản demo / demo accounts (mật khẩu / password: ${password}):`,
    ...accounts.map((a) => `    - ${a}`),
    "    - vh-<mã thôn / village code>: trưởng thôn của mọi thôn demo / the head of every demo village",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function serveUntilSignalled(
  config: Config,
  database: Database,
  afterStart?: (url: string) => Promise<void>,
) {
  const log = createLogger(config);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, database, systemClock, log);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new Error(
        `Cổng ${config.port} đang bị chiếm; đặt PORT khác. / Port ${config.port} is in use; set PORT.`,
      );
    }
    throw err;
  }
  await afterStart?.(server.url);
  await new Promise<void>((resolve) => {
    const shutdown = () => resolve();
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  });
  log.info("shutting down");
  await server.stop();
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { demo: { type: "boolean" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, sub, arg] = positionals;
  if (!command || values.help) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 1;
  }
  if (command === "similarity" && sub === "eval" && arg) {
    // The same detector the product uses (keys, score, THRESHOLD), fed in file order; needs no database.
    const items = parsePetitionsJsonl(readFileSync(arg, "utf8")).map(({ id, text, group }) => ({
      id,
      text,
      group,
    }));
    process.stdout.write(`${formatPairScores(evaluateClusters(items))}\n`);
    return 0;
  }
  const config = ensureSessionSecret(loadConfig());
  const ctxFor = (db: Database) => ({ pool: db.pool, clock: systemClock, actorId: null });

  switch (command) {
    case "start": {
      const database = await openDatabase(config);
      try {
        await runMigrations(database);
        if (!(await isSeeded(database))) {
          process.stdout.write("Lần chạy đầu: nạp dữ liệu mẫu… / first start: loading demo data…\n");
          await seedDemo(config, database, ctxFor(database));
        }
        // The calendar knows only the years loaded: make sure deadlines never run into an empty year.
        const year = new Date().getUTCFullYear();
        await seedDefaultHolidays(database.pool, [year, year + 1, year + 2], true);
        const { password } = demoPassword(config);
        const { rows } = await database.pool.query<{ username: string }>(
          "SELECT username FROM users WHERE username LIKE 'demo-%' AND active ORDER BY id",
        );
        await serveUntilSignalled(config, database, async (url) =>
          printDemoLogins(
            url,
            config.demoPassword ? "DEMO_PASSWORD" : password,
            rows.map((r) => r.username),
          ),
        );
      } finally {
        await database.close();
      }
      return 0;
    }
    case "serve":
      await withDatabase(config, (db) =>
        serveUntilSignalled(config, db, async (url) => void process.stdout.write(`Cầu Nối: ${url}\n`)),
      );
      return 0;
    case "migrate":
      await withDatabase(config, runMigrations);
      process.stdout.write("Đã cập nhật cấu trúc CSDL / migrations applied\n");
      return 0;
    case "seed":
      await withDatabase(config, async (db) => {
        await runMigrations(db);
        if (values.demo) {
          const r = await seedDemo(config, db, ctxFor(db));
          process.stdout.write(
            `Đã nạp / loaded: ${r.units.provinces} tỉnh, ${r.units.communes} xã (2026), ${r.units.oldCommunes} xã cũ, ${r.villages} thôn, ${r.agencies} cơ quan, ${r.accounts.length} tài khoản demo\n`,
          );
        } else {
          const { seedReference } = await import("./seed.ts");
          const r = await seedReference(config, db, ctxFor(db));
          process.stdout.write(
            `Đã nạp / loaded: ${r.units.provinces} tỉnh, ${r.units.communes} xã, ${r.agencies} cơ quan\n`,
          );
        }
      });
      return 0;
    case "import": {
      if (sub === "units") {
        const r = await withDatabase(config, async (db) => {
          await runMigrations(db);
          return importOfficialUnits(ctxFor(db), arg ?? config.adminDataDir, config.provinceCode);
        });
        process.stdout.write(`${JSON.stringify(r)}\n`);
        return 0;
      }
      if ((sub === "villages" || sub === "users") && arg) {
        const buffer = readFileSync(arg);
        const outcome = await withDatabase(config, async (db) => {
          await runMigrations(db);
          return sub === "villages"
            ? importVillageFile(ctxFor(db), buffer, arg)
            : importUsersFile(ctxFor(db), buffer, arg);
        });
        if (!outcome.ok) {
          process.stderr.write(
            "Tệp có lỗi, chưa nhập dòng nào / the file has errors, nothing was imported:\n",
          );
          const texts = importMessagesVi as Record<string, string>;
          for (const e of outcome.errors) {
            const params: Record<string, unknown> = e.params ?? {};
            const msg = (texts[e.messageKey] ?? e.messageKey).replace(/\{(\w+)\}/g, (m, k: string) =>
              String(params[k] ?? m),
            );
            const field = texts[`import.field.${e.field}`] ?? e.field;
            process.stderr.write(
              `  dòng ${e.row}${e.field && e.field !== "file" ? ` [${field}]` : ""}: ${msg}${e.value ? ` («${e.value}»)` : ""}\n`,
            );
          }
          return 1;
        }
        if ("accounts" in outcome) {
          // Temporary passwords, to hand to each village head; they must change it at first login.
          process.stdout.write("username,full_name,temporary_password\n");
          for (const a of outcome.accounts)
            process.stdout.write(`${a.username},"${a.fullName}",${a.password}\n`);
          process.stderr.write(`Đã nhập / imported ${outcome.count} tài khoản/accounts\n`);
        } else {
          process.stdout.write(
            `Đã nhập / imported ${outcome.count} thôn/villages (mới/new ${outcome.created}, cập nhật/updated ${outcome.updated})\n`,
          );
        }
        return 0;
      }
      break;
    }
    case "token":
      if (sub === "create" && arg) {
        const token = await withDatabase(config, async (db) => {
          const { rows } = await db.pool.query<{ id: number }>(
            "SELECT id FROM users WHERE lower(username) = lower($1) AND active",
            [arg],
          );
          const id = rows[0]?.id;
          if (id === undefined) throw new Error(`Không có tài khoản / no such active user: ${arg}`);
          return createApiToken(ctxFor(db), id, values.name ?? "cli");
        });
        process.stdout.write(`${token}\n`);
        return 0;
      }
      break;
    case "audit":
      if (sub === "verify") {
        const r = await withDatabase(config, (db) => verifyAudit(db.pool));
        if (r.ok) {
          process.stdout.write(`Nhật ký toàn vẹn / audit chain intact: ${r.count} sự kiện/events\n`);
          return 0;
        }
        process.stderr.write(
          `Nhật ký bị sửa / audit chain BROKEN at event #${r.brokenAt}: ${r.reason} (${r.count} checked)\n`,
        );
        return 1;
      }
      break;
    case "backup":
      if (sub) {
        await withDatabase(config, async (db) => {
          const bar = createProgress("Sao lưu / backup", undefined);
          const header = await backupDatabase(db.pool, sub, () => bar.tick());
          bar.done();
          const rows = header.tables.reduce((n, t) => n + t.rows, 0);
          process.stdout.write(
            `Đã sao lưu / backed up ${rows} rows from ${header.tables.length} tables → ${sub}\n`,
          );
        });
        return 0;
      }
      break;
    case "restore":
      if (sub) {
        await withDatabase(config, async (db) => {
          await runMigrations(db);
          const bar = createProgress("Phục hồi / restore", undefined);
          const counts = await restoreDatabase(db.pool, sub, () => bar.tick());
          bar.done();
          const rows = Object.values(counts).reduce((n, c) => n + c, 0);
          process.stdout.write(
            `Đã phục hồi / restored ${rows} rows into ${Object.keys(counts).length} tables\n`,
          );
        });
        return 0;
      }
      break;
  }
  process.stderr.write(`${USAGE}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (
      err instanceof ConfigError ||
      err instanceof DataDirLockedError ||
      err instanceof RestoreRefusedError
    ) {
      process.stderr.write(`${err.message}\n`);
      process.exit(err instanceof DataDirLockedError ? 3 : 2);
    }
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.DEBUG) console.error(err);
    process.exit(1);
  },
);

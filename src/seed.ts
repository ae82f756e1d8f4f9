import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "./config.ts";
import { insertUser } from "./modules/accounts/commands/manageUsers.ts";
import { generatePassword, hashPassword } from "./modules/accounts/passwords.ts";
import type { Role } from "./modules/accounts/roles.ts";
import { importAgencies } from "./modules/agencies/commands/importAgencies.ts";
import { seedCommitmentsDemo } from "./modules/commitments/demo.ts";
import { seedDirectivesDemo } from "./modules/directives/demo.ts";
import { seedNewsDemo } from "./modules/news/demo.ts";
import { importCategories } from "./modules/petitions/commands/importCategories.ts";
import { seedDefaultRules } from "./modules/routing/commands/manageRules.ts";
import { seedTrainingDemo } from "./modules/training/demo.ts";
import { importOfficialUnits } from "./modules/units/commands/importOfficialUnits.ts";
import { importVillages } from "./modules/units/commands/importVillages.ts";
import { buildAgencyCatalog, departmentCode, suggestHandlers } from "./modules/units/data/agenciesCatalog.ts";
import { generateDemoVillages } from "./modules/units/data/demoVillages.ts";
import { loadCategories, loadDepartments, loadOfficialUnits } from "./modules/units/data/officialUnits.ts";
import { seedDefaultHolidays } from "./platform/calendar/store.ts";
import { createProgress } from "./platform/cli/progress.ts";
import { type CommandContext, runCommand } from "./platform/commands.ts";
import type { Database } from "./platform/db/database.ts";
import { profileFor } from "./profiles/profile.ts";

export type DemoAccount = { username: string; role: Role; what: string };

/** The official reference data every deployment needs: units, lineage, agencies, holidays. */
export async function seedReference(config: Config, database: Database, ctx: CommandContext, quiet = false) {
  const progress = quiet ? undefined : createProgress("Dữ liệu nền / reference data", 4);
  const units = await importOfficialUnits(ctx, config.adminDataDir, config.provinceCode);
  progress?.tick();
  const official = loadOfficialUnits(config.adminDataDir, config.provinceCode);
  const profile = profileFor(config.provinceCode, official.provinceCommunes.length);
  const departments = profile.departmentsFile
    ? loadDepartments(config.adminDataDir, profile.departmentsFile)
    : [];
  const agencies = await importAgencies(
    ctx,
    buildAgencyCatalog({ province: official.province, communes: official.provinceCommunes, departments }),
  );
  progress?.tick();
  const categories = loadCategories(config.adminDataDir);
  await importCategories(ctx, categories);
  const categoryAgencies = categories.flatMap((c) => {
    const first = suggestHandlers(c, departments, config.provinceCode).agencyCodes[0];
    return first ? [{ categoryCode: c.code, agencyCode: first }] : [];
  });
  const rules = await seedDefaultRules(ctx, {
    provinceCode: config.provinceCode,
    categoryAgencies,
    fallbackAgencyCode: departments.length
      ? departmentCode(departments[0]?.shortCode ?? "", config.provinceCode)
      : `CA-${config.provinceCode}`,
  });
  progress?.tick();
  const year = Number(new Date().toISOString().slice(0, 4));
  const holidays = await seedDefaultHolidays(database.pool, [year - 1, year, year + 1, year + 2]);
  progress?.tick();
  progress?.done();
  return {
    units,
    agencies: agencies.count,
    holidays,
    categories: categories.length,
    rules,
    official,
    profile,
  };
}

export async function isSeeded(database: Database): Promise<boolean> {
  const { rows } = await database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
  return (rows[0]?.n ?? 0) > 0;
}

/** DEMO_PASSWORD, or one generated on first seed and kept in DATA_DIR so every start can print it. */
export function demoPassword(config: Config): { password: string; generated: boolean } {
  if (config.demoPassword) return { password: config.demoPassword, generated: false };
  const file = join(config.dataDir, "demo-password");
  if (existsSync(file)) return { password: readFileSync(file, "utf8").trim(), generated: true };
  mkdirSync(config.dataDir, { recursive: true });
  const password = generatePassword(12);
  writeFileSync(file, password, { mode: 0o600 });
  return { password, generated: true };
}

/** Reference data, ~1,452 plausible villages and one account per role. */
export async function seedDemo(config: Config, database: Database, ctx: CommandContext, quiet = false) {
  const ref = await seedReference(config, database, ctx, quiet);
  const { official, profile } = ref;
  const villages = generateDemoVillages(official.provinceCommunes, {
    seed: `demo-${config.provinceCode}`,
    total: profile.demo.villages,
    lineage: official.lineage,
    highlandCommunes: profile.demo.highlandCommunes,
    islandCommunes: profile.demo.islandCommunes,
  });
  await importVillages(
    ctx,
    villages.map((v) => ({
      code: v.code,
      communeCode: v.communeCode,
      name: v.name,
      type: v.type,
      headName: v.headName,
      headPhone: v.phone,
    })),
    "demo",
  );
  const communeCode = profile.demo.communeCode ?? official.provinceCommunes[0]?.code ?? "";
  const firstVillage = villages.find((v) => v.communeCode === communeCode) ?? villages[0];
  // A second village of the same commune: journeys where two villages raise the same thing.
  const secondVillage = villages
    .filter((v) => v.communeCode === communeCode && v.code !== firstVillage?.code)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))[0];
  const { password } = demoPassword(config);
  const hash = await hashPassword(password);
  const q = async (sql: string, params: unknown[]) =>
    (await database.pool.query<{ id: number }>(sql, params)).rows[0]?.id ?? null;
  const provinceId = await q(
    "SELECT id FROM units WHERE level = 'province' AND code = $1 AND valid_to IS NULL",
    [config.provinceCode],
  );
  const communeId = await q(
    "SELECT id FROM units WHERE level = 'commune' AND code = $1 AND valid_to IS NULL",
    [communeCode],
  );
  const villageId = await q("SELECT id FROM units WHERE level = 'village' AND code = $1", [
    firstVillage?.code ?? "",
  ]);
  const village2Id = await q("SELECT id FROM units WHERE level = 'village' AND code = $1", [
    secondVillage?.code ?? "",
  ]);
  const agencyCode = profile.demo.agencyShortCode
    ? departmentCode(profile.demo.agencyShortCode, config.provinceCode)
    : `CA-${config.provinceCode}`;
  const agencyId = await q("SELECT id FROM agencies WHERE code = $1", [agencyCode]);

  const accounts: {
    username: string;
    fullName: string;
    role: Role;
    unitId: number | null;
    agencyId: number | null;
  }[] = [
    {
      username: "demo-admin",
      fullName: "Quản trị hệ thống (demo)",
      role: "admin",
      unitId: null,
      agencyId: null,
    },
    {
      username: "demo-coordinator",
      fullName: "Nguyễn Thị Điều Phối (demo)",
      role: "coordinator",
      unitId: provinceId,
      agencyId: null,
    },
    {
      username: "demo-leader",
      fullName: "Trần Văn Lãnh Đạo (demo)",
      role: "leader",
      unitId: provinceId,
      agencyId: null,
    },
    {
      username: "demo-agency",
      fullName: "Lê Văn Chuyên Viên (demo)",
      role: "agency_officer",
      unitId: null,
      agencyId,
    },
    {
      username: "demo-commune",
      fullName: "Phạm Thị Cán Bộ Xã (demo)",
      role: "commune_officer",
      unitId: communeId,
      agencyId: null,
    },
    {
      username: "demo-village",
      fullName: firstVillage?.headName ?? "Trưởng thôn (demo)",
      role: "village_head",
      unitId: villageId,
      agencyId: null,
    },
    {
      username: "demo-village2",
      fullName: secondVillage?.headName ?? "Trưởng thôn 2 (demo)",
      role: "village_head",
      unitId: village2Id,
      agencyId: null,
    },
    {
      username: "demo-editor",
      fullName: "Hoàng Thị Biên Tập (demo)",
      role: "editor",
      unitId: provinceId,
      agencyId: null,
    },
    {
      username: "demo-moderator",
      fullName: "Vũ Văn Kiểm Duyệt (demo)",
      role: "moderator",
      unitId: provinceId,
      agencyId: null,
    },
    {
      username: "demo-trainer",
      fullName: "Đặng Thị Tập Huấn (demo)",
      role: "trainer",
      unitId: provinceId,
      agencyId: null,
    },
  ];
  await runCommand(ctx, "demo.seed_accounts", async (client) => {
    for (const a of accounts) {
      const exists = await client.query("SELECT 1 FROM users WHERE lower(username) = $1", [a.username]);
      if ((exists.rowCount ?? 0) > 0) continue;
      await insertUser(
        client,
        {
          username: a.username,
          fullName: a.fullName,
          mustChangePassword: false,
          grants: [{ role: a.role, unitId: a.unitId, agencyId: a.agencyId }],
        },
        hash,
      );
    }
    return {
      result: undefined,
      subjectType: "users",
      subjectId: null,
      after: { accounts: accounts.map((a) => a.username) },
    };
  });
  const villageHeads = await seedVillageHeadAccounts(ctx, hash);
  await seedCommitmentsDemo(ctx);
  await seedNewsDemo(ctx);
  await seedTrainingDemo(ctx, communeCode);
  await seedDirectivesDemo(ctx, communeCode);
  return {
    ...ref,
    villages: villages.length,
    villageHeads,
    accounts: accounts.map((a) => ({ username: a.username, role: a.role })),
    password,
  };
}

/**
 * Every demo village gets its head's account (`vh-<village code>`, the demo password), so that invitations,
 * deliveries and enrolments addressed to "every village head of N communes" reach real people in the demo.
 * One INSERT … SELECT per table: 1,452 accounts take well under a second and share one argon2 hash.
 */
async function seedVillageHeadAccounts(ctx: CommandContext, passwordHash: string): Promise<number> {
  return runCommand(ctx, "demo.seed_village_heads", async (client) => {
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO users (username, full_name, phone, password_hash, locale, must_change_password)
       SELECT 'vh-' || lower(v.code), coalesce(v.head_name, 'Trưởng thôn ' || v.name), v.head_phone, $1, 'vi', false
         FROM units v
        WHERE v.level = 'village' AND v.valid_to IS NULL
          AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.unit_id = v.id AND g.role = 'village_head')
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [passwordHash],
    );
    await client.query(
      `INSERT INTO role_grants (user_id, role, unit_id)
       SELECT u.id, 'village_head', v.id FROM users u
         JOIN units v ON u.username = 'vh-' || lower(v.code) AND v.level = 'village' AND v.valid_to IS NULL
        WHERE NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id)`,
    );
    return {
      result: inserted.rowCount ?? 0,
      subjectType: "users",
      subjectId: null,
      after: { villageHeads: inserted.rowCount ?? 0 },
    };
  });
}

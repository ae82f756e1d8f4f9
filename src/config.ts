import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const repoRoot = resolve(fileURLToPath(new URL("..", import.meta.url)));

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  PORT: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  BASE_URL: z.url({ error: "must be a full URL such as https://caunoi.quangninh.gov.vn" }).optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Cầu Nối <no-reply@caunoi.local>"),
  DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/, "must be a two-digit province code such as 22")
    .default("22"),
  ADMIN_DATA_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  TRUST_PROXY: z.enum(["0", "1", "true", "false"]).default("0"),
});

export type Config = {
  databaseUrl: string | undefined;
  embedded: boolean;
  dataDir: string;
  port: number;
  host: string;
  baseUrl: string;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  demoPassword: string | undefined;
  provinceCode: string;
  adminDataDir: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  dbPoolSize: number;
  trustProxy: boolean;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Reads the environment once; every bad value is named with what to do about it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const embedded = !e.DATABASE_URL;
  return {
    databaseUrl: e.DATABASE_URL,
    embedded,
    dataDir,
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    sessionSecret: e.SESSION_SECRET ?? "",
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demoPassword: e.DEMO_PASSWORD,
    provinceCode: e.PROVINCE_CODE,
    adminDataDir: resolve(e.ADMIN_DATA_DIR ?? join(repoRoot, "reference-data", "vn-admin")),
    logLevel: e.LOG_LEVEL,
    // pglite-socket multiplexes one backend: more connections only queue, so keep them few there.
    dbPoolSize: e.DB_POOL_SIZE ?? (embedded ? 4 : 20),
    trustProxy: e.TRUST_PROXY === "1" || e.TRUST_PROXY === "true",
  };
}

/** SESSION_SECRET is generated into DATA_DIR on first start so restarts keep sessions valid. */
export function ensureSessionSecret(config: Config): Config {
  if (config.sessionSecret) return config;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return { ...config, sessionSecret: readFileSync(file, "utf8").trim() };
}

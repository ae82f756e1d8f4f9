import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import type { Queryable } from "../../../platform/db/database.ts";

/** The starting list; admins and trainers rename, reorder, retire and add to it. */
export const DEFAULT_TOPICS: { code: string; nameVi: string; nameEn: string }[] = [
  {
    code: "quan_ly_thon",
    nameVi: "Kỹ năng quản lý thôn, bản, khu phố",
    nameEn: "Village administration skills",
  },
  { code: "dan_chu_co_so", nameVi: "Thực hiện dân chủ ở cơ sở", nameEn: "Grassroots democracy" },
  { code: "phap_luat_dat_dai", nameVi: "Pháp luật đất đai", nameEn: "Land law" },
  { code: "ky_nang_so", nameVi: "Kỹ năng số, chuyển đổi số", nameEn: "Digital skills" },
  {
    code: "phan_anh_kien_nghi",
    nameVi: "Tiếp nhận và xử lý phản ánh, kiến nghị",
    nameEn: "Receiving and handling residents' petitions",
  },
  { code: "hoa_giai", nameVi: "Hòa giải ở cơ sở", nameEn: "Grassroots mediation" },
];

/** Topics are data, not code: the first reader of an empty list plants the defaults (idempotent). */
export async function ensureDefaultTopics(db: Queryable): Promise<void> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM training_topics");
  if ((rows[0]?.n ?? 0) > 0) return;
  for (const [i, t] of DEFAULT_TOPICS.entries())
    await db.query(
      `INSERT INTO training_topics (code, name_vi, name_en, sort) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING`,
      [t.code, t.nameVi, t.nameEn, (i + 1) * 10],
    );
}

export type TopicInput = { code: string; nameVi: string; nameEn: string; sort: number; active: boolean };

/** Adds a topic or changes one (the code never changes: courses refer to it). */
export function saveTopic(ctx: CommandContext, input: TopicInput) {
  return runCommand(ctx, "training.save_topic", async (client) => {
    if (!/^[a-z0-9_]{2,40}$/.test(input.code))
      throw new CommandError("training.error.topicCode", 422, "code");
    const nameVi = input.nameVi.trim();
    const nameEn = input.nameEn.trim() || nameVi;
    if (!nameVi || nameVi.length > 200) throw new CommandError("training.error.topicName", 422, "nameVi");
    if (!Number.isInteger(input.sort) || input.sort < 0 || input.sort > 9999)
      throw new CommandError("training.error.sort", 422, "sort");
    const before = await client.query("SELECT * FROM training_topics WHERE code = $1", [input.code]);
    await client.query(
      `INSERT INTO training_topics (code, name_vi, name_en, sort, active) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name_vi = $2, name_en = $3, sort = $4, active = $5`,
      [input.code, nameVi, nameEn.slice(0, 200), input.sort, input.active],
    );
    return {
      result: input.code,
      subjectType: "training_topic",
      subjectId: input.code,
      before: before.rows[0] ?? null,
      after: { ...input, nameVi, nameEn },
    };
  });
}

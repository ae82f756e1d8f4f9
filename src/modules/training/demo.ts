import { type CommandContext, runCommand } from "../../platform/commands.ts";
import { addQuestion, addSession } from "./commands/courseParts.ts";
import { createCourse } from "./commands/createCourse.ts";
import { enrolTarget } from "./commands/enrolment.ts";
import { ensureDefaultTopics } from "./commands/topics.ts";
import { newCertificateCode } from "./rules.ts";

const DAY = 24 * 60 * 60 * 1000;

/** 08:00–11:00 (Việt Nam) on the day `days` from now. */
function morning(now: Date, days: number): { startsAt: Date; endsAt: Date } {
  const day = new Date(now.getTime() + days * DAY + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return { startsAt: new Date(`${day}T08:00:00+07:00`), endsAt: new Date(`${day}T11:00:00+07:00`) };
}

/**
 * Demo training: one course finished three months ago in three communes (most attended, most passed, so the
 * coverage report has something to show), one open course for the whole province next month, and one for two
 * communes next week with its participants enrolled. The demo commune (where demo-village lives) is left
 * untouched so a journey can count its own changes there. Runs once: nothing happens if courses exist.
 */
export async function seedTrainingDemo(ctx: CommandContext, demoCommuneCode: string): Promise<number> {
  const pool = ctx.pool;
  const exists = await pool.query("SELECT 1 FROM training_courses LIMIT 1");
  if (exists.rowCount) return 0;
  await ensureDefaultTopics(pool);
  const trainer = (await pool.query<{ id: number }>("SELECT id FROM users WHERE username = 'demo-trainer'"))
    .rows[0];
  const province = (
    await pool.query<{ id: number }>(
      "SELECT id FROM units WHERE level = 'province' AND valid_to IS NULL AND EXISTS (SELECT 1 FROM units v WHERE v.level = 'village' AND v.path LIKE units.path || '%') LIMIT 1",
    )
  ).rows[0];
  if (!trainer || !province) return 0;
  const communes = (
    await pool.query<{ id: number }>(
      `SELECT c.id FROM units c WHERE c.level = 'commune' AND c.valid_to IS NULL AND c.code <> $1
          AND EXISTS (SELECT 1 FROM units v WHERE v.parent_id = c.id AND v.level = 'village')
        ORDER BY c.code LIMIT 5`,
      [demoCommuneCode],
    )
  ).rows.map((r) => Number(r.id));
  const as = { ...ctx, actorId: Number(trainer.id) };
  const now = ctx.clock.now();
  const base = {
    description: "",
    targetRole: "village_head" as const,
    openEnrolment: false,
    certificate: true,
    passMark: 70,
    idempotencyKey: null,
  };

  const finished = await createCourse(as, {
    ...base,
    title: "Kỹ năng quản lý thôn, bản, khu phố năm 2026",
    description: "Vai trò của trưởng thôn, tổ chức hội nghị thôn, ghi chép và báo cáo.",
    topicCode: "quan_ly_thon",
    format: "in_person",
    targetUnitIds: communes.slice(0, 3),
    capacity: null,
  });
  await addSession(as, finished, { ...morning(now, -92), place: "Trung tâm Chính trị tỉnh", required: true });
  await addSession(as, finished, { ...morning(now, -91), place: "Trung tâm Chính trị tỉnh", required: true });
  await addQuestion(as, finished, {
    prompt: "Hội nghị thôn do ai triệu tập và chủ trì?",
    choices: ["Trưởng thôn", "Chủ tịch UBND xã", "Bí thư Đảng ủy xã"],
    answer: 0,
  });
  await addQuestion(as, finished, {
    prompt: "Biên bản hội nghị thôn được gửi tới đâu?",
    choices: ["Không cần gửi", "UBND xã", "Công an tỉnh"],
    answer: 1,
  });
  await enrolTarget(as, finished);
  // Most came to both days and passed; a few missed a day or failed, as in life.
  const completed = await runCommand(as, "training.demo_results", async (client) => {
    const when = morning(now, -91).endsAt;
    const { rows } = await client.query<{ id: number; n: number }>(
      "SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM training_enrolments WHERE course_id = $1",
      [finished],
    );
    let done = 0;
    for (const r of rows) {
      const attendedBoth = r.n % 7 !== 0;
      const passed = r.n % 9 !== 0;
      await client.query(
        `INSERT INTO training_attendance (enrolment_id, session_id, method, marked_by, marked_at)
         SELECT $1, s.id, CASE WHEN $3 % 2 = 0 THEN 'qr' ELSE 'name' END, $4, s.starts_at
           FROM training_sessions s WHERE s.course_id = $2 AND ($5 OR s.starts_at = (SELECT min(starts_at) FROM training_sessions WHERE course_id = $2))`,
        [r.id, finished, r.n, trainer.id, attendedBoth],
      );
      await client.query(
        "INSERT INTO training_attempts (enrolment_id, correct, total, score, passed, taken_at) VALUES ($1, $2, 2, $3, $4, $5)",
        [r.id, passed ? 2 : 1, passed ? 100 : 50, passed, when],
      );
      if (attendedBoth && passed) {
        await client.query(
          "UPDATE training_enrolments SET completed_at = $2, certificate_code = $3 WHERE id = $1",
          [r.id, when, newCertificateCode()],
        );
        done++;
      }
    }
    return { result: done, subjectType: "training_course", subjectId: finished, after: { completed: done } };
  });

  const open = await createCourse(as, {
    ...base,
    title: "Kỹ năng số: dùng Cầu Nối và nhóm Zalo thôn",
    topicCode: "ky_nang_so",
    format: "online",
    targetUnitIds: [Number(province.id)],
    capacity: 60,
    openEnrolment: true,
  });
  await addSession(as, open, {
    ...morning(now, 30),
    place: "Trực tuyến (đường dẫn gửi trước 1 ngày)",
    required: true,
  });

  const next = await createCourse(as, {
    ...base,
    title: "Pháp luật đất đai cho trưởng thôn",
    topicCode: "phap_luat_dat_dai",
    format: "mixed",
    targetUnitIds: communes.slice(3, 5),
    capacity: null,
  });
  await addSession(as, next, { ...morning(now, 7), place: "Hội trường UBND xã", required: true });
  await addSession(as, next, { ...morning(now, 14), place: "Trực tuyến", required: false });
  await enrolTarget(as, next);
  return completed;
}

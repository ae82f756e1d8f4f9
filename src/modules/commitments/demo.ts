import type { CommandContext } from "../../platform/commands.ts";
import { loadActor } from "../accounts/queries/loadActor.ts";
import { createCommitment } from "./commands/createCommitment.ts";
import { updateCommitment } from "./commands/updateCommitment.ts";
import { sweepOverdueCommitments } from "./sweeps.ts";

const DAY = 86_400_000;

/**
 * A handful of commitments in every state for the demo agency (demo-agency) and two others, made and reported
 * "in the past" so that the public page, the agency's list and the overdue sweep all have something to show.
 * Runs once: skipped when any commitment exists.
 */
export async function seedCommitmentsDemo(ctx: CommandContext): Promise<number> {
  const pool = ctx.pool;
  if (((await pool.query("SELECT 1 FROM commitments LIMIT 1")).rowCount ?? 0) > 0) return 0;
  const user = async (username: string) => {
    const { rows } = await pool.query<{ id: string }>("SELECT id FROM users WHERE lower(username) = $1", [
      username,
    ]);
    return rows[0] ? await loadActor(pool, Number(rows[0].id), "session") : null;
  };
  const coordinator = await user("demo-coordinator");
  const officer = await user("demo-agency");
  const agencyId = officer?.grants.find((g) => g.role === "agency_officer")?.agencyId ?? null;
  if (!coordinator || !officer || agencyId === null) return 0;
  const others = await pool.query<{ id: string }>(
    "SELECT id FROM agencies WHERE retired_at IS NULL AND kind = 'department' AND id <> $1 ORDER BY code LIMIT 2",
    [agencyId],
  );
  const [a2 = agencyId, a3 = agencyId] = others.rows.map((r) => Number(r.id));
  const now = ctx.clock.now().getTime();
  const at = (daysAgo: number) => ({ now: () => new Date(now - daysAgo * DAY) });
  const as = (actor: typeof officer, daysAgo: number) => ({
    pool,
    clock: at(daysAgo),
    actorId: actor.id,
    actor,
  });

  const make = (text: string, agency: number, days: number, daysAgo: number) =>
    createCommitment(
      { pool, clock: at(daysAgo), actorId: coordinator.id },
      { text, agencyId: agency, deadlineWorkingDays: days },
    );

  const road = await make("Khảo sát, sửa chữa tuyến đường liên thôn bị sạt lở sau mưa lũ", agencyId, 30, 20);
  await updateCommitment(as(officer, 12), road.id, {
    action: "progress",
    percent: 30,
    note: "Đã khảo sát hiện trường, lập dự toán sửa chữa.",
  });
  await updateCommitment(as(officer, 3), road.id, {
    action: "progress",
    percent: 60,
    note: "Đã thi công xong 1,2 km rãnh thoát nước.",
  });
  const water = await make("Bổ sung nguồn nước sạch cho các hộ vùng cao", agencyId, 15, 40);
  await updateCommitment(as(officer, 30), water.id, {
    action: "progress",
    percent: 20,
    note: "Đang tìm nguồn nước.",
  });
  const seeds = await make("Hỗ trợ giống cây trồng cho vùng bị thiệt hại do bão", agencyId, 10, 25);
  await updateCommitment(as(officer, 15), seeds.id, {
    action: "done",
    percent: 100,
    note: "Đã cấp 12 tấn giống lúa và ngô cho 340 hộ.",
  });
  await make("Trả lời về việc cấp giấy chứng nhận quyền sử dụng đất rừng", agencyId, 20, 1);
  const school = await make("Sửa chữa phòng học điểm trường bản", a2, 25, 10);
  await updateCommitment(as(coordinator, 2), school.id, {
    action: "progress",
    percent: 10,
    note: "Sở đã bố trí kinh phí.",
  });
  const dup = await make("Lắp đặt đèn chiếu sáng đường thôn", a3, 20, 8);
  await updateCommitment(as(coordinator, 4), dup.id, {
    action: "cancel",
    reason: "Đã gộp vào chương trình chiếu sáng nông thôn của xã.",
  });
  // the water commitment's deadline has passed: the sweep flags it and tells the agency and the coordinator
  await sweepOverdueCommitments({ pool, clock: ctx.clock });
  return 6;
}

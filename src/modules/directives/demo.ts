import type { CommandContext } from "../../platform/commands.ts";
import type { Actor } from "../../platform/http/types.ts";
import { loadActor } from "../accounts/queries/loadActor.ts";
import { acknowledge, recordResponse, reportDissemination } from "./commands/report.ts";
import { createDirective, type DirectiveInput } from "./commands/saveDirective.ts";
import { approveDirective, publishDirective } from "./commands/transitions.ts";

const DAY = 24 * 60 * 60 * 1000;

/** The calendar day in Việt Nam `days` from now, as YYYY-MM-DD. */
function vnDay(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * Demo directives: one published to three communes a week ago, past its acknowledgement deadline, with most
 * villages of the first commune having acknowledged, two having reported dissemination and one the residents'
 * response (so coverage, overdue villages and opinions have something to show); one approved and waiting for
 * a leader to publish it to the whole province; one draft. The communes are taken from the far end of the
 * province's list, away from the demo commune, so journeys there count only their own changes. Runs once.
 */
export async function seedDirectivesDemo(ctx: CommandContext, demoCommuneCode: string): Promise<number> {
  const pool = ctx.pool;
  if ((await pool.query("SELECT 1 FROM directives LIMIT 1")).rowCount) return 0;
  const actorOf = async (username: string): Promise<Actor | null> => {
    const id = (await pool.query<{ id: number }>("SELECT id FROM users WHERE username = $1", [username]))
      .rows[0]?.id;
    return id === undefined ? null : loadActor(pool, Number(id), "session");
  };
  const office = await actorOf("demo-coordinator");
  const leader = await actorOf("demo-leader");
  const province = (
    await pool.query<{ id: number }>(
      "SELECT id FROM units WHERE level = 'province' AND valid_to IS NULL AND EXISTS (SELECT 1 FROM units v WHERE v.level = 'village' AND v.path LIKE units.path || '%') LIMIT 1",
    )
  ).rows[0];
  const communes = (
    await pool.query<{ id: number }>(
      `SELECT c.id FROM units c WHERE c.level = 'commune' AND c.valid_to IS NULL AND c.code <> $1
          AND EXISTS (SELECT 1 FROM units v WHERE v.parent_id = c.id AND v.level = 'village' AND v.valid_to IS NULL)
        ORDER BY c.code DESC LIMIT 3`,
      [demoCommuneCode],
    )
  ).rows.map((r) => Number(r.id));
  if (!office || !leader || !province || communes.length === 0) return 0;
  const now = ctx.clock.now();
  // each step at its own moment `days` from now, so the history reads like a week of real work
  const as = (actor: Actor, days = 0) => ({
    ...ctx,
    clock: { now: () => new Date(now.getTime() + days * DAY) },
    actorId: actor.id,
    actor,
  });

  const base = (extra: Partial<DirectiveInput>): DirectiveInput => ({
    docNumber: "",
    docDate: vnDay(now, -8),
    issuer: "UBND tỉnh",
    title: "",
    summary: "",
    body: "",
    category: "other",
    targetUnitIds: communes,
    targetRoles: ["village_head", "commune_officer"],
    ackDue: vnDay(now, -3),
    disseminateDue: vnDay(now, 7),
    opinionsUntil: vnDay(now, 14),
    ...extra,
  });

  const published = await createDirective(
    as(office, -8),
    base({
      docNumber: "08/CT-UBND",
      title: "Về tăng cường phòng, chống bệnh dịch tả lợn châu Phi",
      summary:
        "Các hộ chăn nuôi không mua bán, vận chuyển lợn ốm, lợn chết; báo ngay cho trưởng thôn khi lợn có dấu hiệu bệnh; không vứt xác lợn ra suối, ra đường. Thôn tổ chức phun khử trùng chuồng trại mỗi tuần một lần.",
      body: "Chỉ thị về tăng cường các biện pháp cấp bách phòng, chống bệnh dịch tả lợn châu Phi trên địa bàn tỉnh. Giao UBND các xã chỉ đạo trưởng thôn phổ biến tới từng hộ chăn nuôi, thống kê đàn lợn và báo cáo kết quả về Sở Nông nghiệp và Môi trường.",
      category: "agriculture",
    }),
  );
  await approveDirective(as(leader, -7.9), published.id);
  await publishDirective(as(leader, -7.8), published.id);

  // the first commune's villages: most acknowledged, two disseminated, one with the residents' response
  const villages = (
    await pool.query<{ village_id: number; user_id: number }>(
      `SELECT dd.village_id, g.user_id FROM directive_deliveries dd
         JOIN role_grants g ON g.role = 'village_head' AND g.unit_id = dd.village_id
        WHERE dd.directive_id = $1 AND dd.commune_id = $2 ORDER BY dd.village_id`,
      [published.id, communes[0]],
    )
  ).rows;
  let acted = 0;
  for (const [i, v] of villages.entries()) {
    if (i >= Math.ceil(villages.length * 0.7)) break;
    const head = await loadActor(pool, Number(v.user_id), "session");
    if (!head) continue;
    const villageId = Number(v.village_id);
    await acknowledge(as(head, -7 + (i * 6) / villages.length), published.id, villageId);
    acted++;
    if (i < 2)
      await reportDissemination(as(head, -1), published.id, villageId, {
        on: vnDay(now, -2 + i),
        form: i === 0 ? "village_meeting" : "loudspeaker",
        households: i === 0 ? 86 : 54,
      });
    if (i === 0)
      await recordResponse(as(head, -1), published.id, villageId, {
        agree: 79,
        disagree: 3,
        opinions:
          "Đề nghị xã hỗ trợ vôi bột và hóa chất khử trùng cho các hộ nghèo\nCần có người của trạm thú y xuống thôn lấy mẫu khi có lợn ốm",
      });
  }

  const approved = await createDirective(
    as(office, -1),
    base({
      docNumber: "11/CT-UBND",
      docDate: vnDay(now, -1),
      title: "Về phòng, chống cháy rừng mùa khô",
      summary:
        "Không đốt nương rẫy, không đốt lửa trong rừng khi có gió lớn. Mỗi thôn lập tổ tuần tra rừng, báo ngay cho xã khi thấy khói hoặc lửa.",
      body: "Chỉ thị về các biện pháp cấp bách phòng cháy, chữa cháy rừng trong mùa khô.",
      category: "environment",
      targetUnitIds: [Number(province.id)],
      ackDue: vnDay(now, 5),
      disseminateDue: vnDay(now, 12),
      opinionsUntil: null,
    }),
  );
  await approveDirective(as(leader, -0.5), approved.id);

  await createDirective(
    as(office),
    base({
      docNumber: "14/CT-UBND",
      docDate: vnDay(now, 0),
      title: "Về vận động người dân tham gia bảo hiểm y tế hộ gia đình",
      summary:
        "Trưởng thôn vận động các hộ chưa có thẻ bảo hiểm y tế tham gia theo hộ gia đình; người thuộc hộ cận nghèo được nhà nước hỗ trợ một phần mức đóng.",
      body: "Dự thảo chỉ thị về phát triển người tham gia bảo hiểm y tế hộ gia đình.",
      category: "health",
      ackDue: vnDay(now, 10),
      disseminateDue: vnDay(now, 20),
      opinionsUntil: vnDay(now, 25),
    }),
  );
  return acted;
}

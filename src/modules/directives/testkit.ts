import type { Database } from "../../platform/db/database.ts";
import { petitionWorld } from "../petitions/testkit.ts";
import type { DirectiveInput } from "./commands/saveDirective.ts";

/** The petitions module's test province, plus a directive draft aimed at chosen units. */
export async function directiveWorld(database: Database) {
  const w = await petitionWorld(database);
  const draft = (targetUnitIds: number[], extra: Partial<DirectiveInput> = {}): DirectiveInput => ({
    docNumber: "12/CT-UBND",
    docDate: "2026-03-01",
    issuer: "UBND tỉnh Quảng Ninh",
    title: "Về tăng cường phòng chống cháy rừng mùa khô",
    summary: "Mỗi thôn tổ chức tuần tra rừng, không đốt nương rẫy trong mùa khô, báo ngay khi thấy khói.",
    body: "Toàn văn chỉ thị về phòng chống cháy rừng mùa khô năm 2026.",
    category: "environment",
    targetUnitIds,
    targetRoles: ["village_head", "commune_officer"],
    ackDue: "2026-03-05",
    disseminateDue: "2026-03-10",
    opinionsUntil: "2026-03-15",
    ...extra,
  });
  return { ...w, draft };
}

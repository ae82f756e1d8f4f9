import ExcelJS from "exceljs";
import type { Queryable } from "../../platform/db/database.ts";
import type { Translate } from "../../platform/i18n/i18n.ts";
import { allVillages } from "./queries/coverage.ts";
import type { DirectiveRow } from "./queries/getDirective.ts";
import { showDay } from "./views/parts.tsx";

/** Coverage as a spreadsheet: one row per village, frozen header, filters. No village head's contact. */
export async function coverageXlsx(
  db: Queryable,
  d: DirectiveRow,
  scope: string[] | null,
  now: Date,
  t: Translate,
): Promise<Buffer> {
  const rows = await allVillages(db, d.id, now, scope);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t("directives.cov.title").slice(0, 31), {
    views: [{ state: "frozen", ySplit: 2 }],
  });
  ws.addRow([`${d.doc_number} — ${d.title}`]);
  ws.getRow(1).font = { bold: true };
  const headers = [
    t("directives.cov.commune"),
    t("directives.cov.village"),
    t("directives.cov.acknowledged"),
    t("directives.field.on"),
    t("directives.field.form"),
    t("directives.cov.households"),
    t("directives.field.agree"),
    t("directives.field.disagree"),
    t("directives.inbox.overdue"),
  ];
  ws.addRow(headers);
  ws.getRow(2).font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      r.commune_name,
      r.name,
      r.acknowledged_at ? t("directives.yes") : t("directives.no"),
      r.disseminated_on ? showDay(r.disseminated_on) : "",
      r.dissemination_form ? t(`directives.form.${r.dissemination_form}`) : "",
      r.households ?? null,
      r.agree ?? null,
      r.disagree ?? null,
      r.overdue ? t("directives.yes") : "",
    ]);
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headers.length } };
  [24, 28, 12, 14, 20, 12, 10, 10, 10].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

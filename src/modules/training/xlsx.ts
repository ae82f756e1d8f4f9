import ExcelJS from "exceljs";
import { formatDate, type Translate } from "../../platform/i18n/i18n.ts";
import type { CommuneCoverage, TopicCoverage, Untrained } from "./queries/coverage.ts";
import type { Person, RecordRow } from "./queries/record.ts";

type Column = { header: string; width: number };

function sheet(wb: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: unknown[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const titleRow = ws.addRow([title]);
  titleRow.font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, columns.length);
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "middle" };
  for (const r of rows) ws.addRow(r).alignment = { vertical: "top", wrapText: true };
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return ws;
}

const day = (d: Date | null) => (d ? formatDate(d) : "");

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function recordXlsx(person: Person, rows: RecordRow[], t: Translate): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    t("training.xlsx.recordSheet"),
    t("training.record.titleOf", { name: person.full_name }),
    [
      { header: t("training.field.title"), width: 40 },
      { header: t("training.field.topic"), width: 30 },
      { header: t("training.record.dates"), width: 24 },
      { header: t("training.record.status"), width: 16 },
      { header: t("training.record.attendance"), width: 14 },
      { header: t("training.record.score"), width: 10 },
      { header: t("training.record.completed"), width: 14 },
      { header: t("training.record.certificate"), width: 22 },
    ],
    rows.map((r) => [
      r.title,
      r.topic,
      r.first_session ? `${day(r.first_session)} – ${day(r.last_session)}` : "",
      t(`training.status.${r.status}`),
      `${r.attended_required}/${r.required}`,
      r.best_score ?? "",
      day(r.completed_at),
      r.certificate_code ?? "",
    ]),
  );
  return toBuffer(wb);
}

export function coverageXlsx(
  communes: CommuneCoverage[],
  topics: TopicCoverage[],
  untrained: Untrained[],
  t: Translate,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    t("training.xlsx.communes"),
    t("training.coverage.byCommune"),
    [
      { header: t("training.coverage.commune"), width: 28 },
      { header: t("training.coverage.heads"), width: 14 },
      { header: t("training.coverage.trained"), width: 14 },
      { header: t("training.coverage.share"), width: 10 },
    ],
    communes.map((c) => [
      c.commune,
      c.heads,
      c.trained,
      c.heads ? Math.round((c.trained * 1000) / c.heads) / 10 : 0,
    ]),
  );
  sheet(
    wb,
    t("training.xlsx.topics"),
    t("training.coverage.topics"),
    [
      { header: t("training.field.topic"), width: 40 },
      { header: t("training.coverage.courses"), width: 12 },
      { header: t("training.coverage.completions"), width: 14 },
    ],
    topics.map((x) => [x.topic, x.courses, x.completions]),
  );
  sheet(
    wb,
    t("training.xlsx.untrained"),
    t("training.coverage.never"),
    [
      { header: t("training.coverage.commune"), width: 28 },
      { header: t("training.coverage.village"), width: 28 },
      { header: t("training.coverage.person"), width: 30 },
    ],
    untrained.map((u) => [u.commune, u.village, u.full_name]),
  );
  return toBuffer(wb);
}

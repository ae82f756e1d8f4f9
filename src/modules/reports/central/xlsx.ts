import ExcelJS from "exceljs";
import { TIME_ZONE, type Translate } from "../../../platform/i18n/i18n.ts";
import { periodLabel } from "./period.ts";
import type { CentralReport, ReportItem } from "./queries/centralReport.ts";

/**
 * The central report as a spreadsheet: a summary sheet (one row per issue, near-duplicates merged, with how many
 * villages and communes raised it) and a detail sheet (one row per petition). Frozen header, filters, widths,
 * dates as real dates shown dd/mm/yyyy. No resident's name or phone, no village head's contact.
 */

/** A date cell showing the calendar day in Việt Nam (exceljs writes dates as UTC). */
function localDay(d: Date | null): Date | null {
  if (!d) return null;
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)));
}

type Column = { key: string; header: string; width: number; date?: boolean; center?: boolean };

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: Column[],
  rows: Record<string, unknown>[],
) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const titleRow = ws.addRow([title]);
  titleRow.font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, columns.length);
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  head.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7ECF2" } };
    c.border = { bottom: { style: "thin" } };
  });
  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => r[c.key] ?? null));
    row.alignment = { vertical: "top", wrapText: true };
  }
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.date) col.numFmt = "dd/mm/yyyy";
    if (c.center) col.alignment = { vertical: "top", horizontal: "center" };
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return ws;
}

export async function buildCentralReportXlsx(report: CentralReport, t: Translate): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cầu Nối";
  wb.created = new Date(0);
  const title = `${t("centralReport.doc.subject").replace(/\s*\|\s*/g, " ")} — ${periodLabel(t, report.year, report.period)}`;
  const category = (name: string | null) => name ?? t("centralReport.report.uncategorised");

  const entries = report.categories.flatMap((c) =>
    c.agencies.flatMap((a) => a.entries.map((e) => ({ c, e }))),
  );
  sheet(
    wb,
    t("centralReport.xlsx.summarySheet"),
    title,
    [
      { key: "no", header: t("centralReport.xlsx.no"), width: 6, center: true },
      { key: "category", header: t("centralReport.xlsx.category"), width: 22 },
      { key: "agency", header: t("centralReport.xlsx.agency"), width: 24 },
      { key: "title", header: t("centralReport.xlsx.title"), width: 40 },
      { key: "body", header: t("centralReport.xlsx.body"), width: 60 },
      { key: "codes", header: t("centralReport.xlsx.codes"), width: 22 },
      { key: "petitions", header: t("centralReport.xlsx.petitions"), width: 10, center: true },
      { key: "villages", header: t("centralReport.xlsx.villages"), width: 9, center: true },
      { key: "communes", header: t("centralReport.xlsx.communes"), width: 9, center: true },
      { key: "places", header: t("centralReport.xlsx.places"), width: 45 },
      { key: "state", header: t("centralReport.xlsx.state"), width: 26 },
      { key: "reply", header: t("centralReport.xlsx.reply"), width: 50 },
      { key: "reference", header: t("centralReport.xlsx.reference"), width: 24 },
      { key: "replyAt", header: t("centralReport.xlsx.replyAt"), width: 14, date: true },
    ],
    entries.map(({ c, e }, i) => {
      const reply = e.replies[0] ?? null;
      return {
        no: i + 1,
        category: category(c.name),
        agency: e.lead.centralAgencyName ?? "",
        title: e.lead.title,
        body: e.lead.body,
        codes: [...e.items, ...e.members].map((x) => x.code).join(", "),
        petitions: e.petitionCount,
        villages: e.villageCount,
        communes: e.communeCount,
        places: e.places
          .map((p) => `${p.communeName ?? ""}: ${p.villages.map((v) => v.name).join(", ")}`)
          .join("; "),
        state: e.states
          .map((s) => (e.states.length > 1 ? `${t(`state.${s.state}`)} (${s.n})` : t(`state.${s.state}`)))
          .join("; "),
        reply: e.replies.map((r) => r.text).join("\n\n"),
        reference: e.replies
          .map((r) => r.reference ?? "")
          .filter(Boolean)
          .join("; "),
        replyAt: localDay(reply?.at ?? null),
      };
    }),
  );

  const items: { c: string; i: ReportItem; merged: boolean }[] = entries.flatMap(({ c, e }) => [
    ...e.items.map((i) => ({ c: category(c.name), i, merged: false })),
    ...e.members.map((i) => ({ c: category(c.name), i, merged: true })),
  ]);
  sheet(
    wb,
    t("centralReport.xlsx.itemsSheet"),
    title,
    [
      { key: "code", header: t("centralReport.xlsx.code"), width: 16 },
      { key: "month", header: t("centralReport.xlsx.month"), width: 10, center: true },
      { key: "escalatedAt", header: t("centralReport.xlsx.escalatedAt"), width: 14, date: true },
      { key: "category", header: t("centralReport.xlsx.category"), width: 22 },
      { key: "agency", header: t("centralReport.xlsx.agency"), width: 24 },
      { key: "title", header: t("centralReport.xlsx.title"), width: 40 },
      { key: "village", header: t("centralReport.xlsx.village"), width: 20 },
      { key: "commune", header: t("centralReport.xlsx.commune"), width: 20 },
      { key: "cluster", header: t("centralReport.xlsx.cluster"), width: 10, center: true },
      { key: "state", header: t("centralReport.xlsx.state"), width: 26 },
      { key: "reply", header: t("centralReport.xlsx.reply"), width: 50 },
      { key: "reference", header: t("centralReport.xlsx.reference"), width: 24 },
      { key: "replyAt", header: t("centralReport.xlsx.replyAt"), width: 14, date: true },
    ],
    items.map(({ c, i, merged }) => ({
      code: i.code,
      month: i.month ?? t("centralReport.xlsx.merged"),
      escalatedAt: localDay(i.escalatedAt),
      category: c,
      agency: i.centralAgencyName ?? "",
      title: i.title,
      village: i.villageName,
      commune: i.communeName ?? "",
      cluster: i.clusterId ?? "",
      state: t(`state.${merged ? "merged" : i.state}`),
      reply: i.reply?.text ?? "",
      reference: i.reply?.reference ?? "",
      replyAt: localDay(i.reply?.at ?? null),
    })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

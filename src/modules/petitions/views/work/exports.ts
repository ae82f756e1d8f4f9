import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { toLocalDate } from "../../../../platform/calendar/index.ts";
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import type { ExportRow } from "../../queries/workLists.ts";

/** Rows to export and, once they are all read, whether the cap left some out. */
export type ExportSource = { rows: AsyncIterable<ExportRow>; status: { truncated: boolean }; cap: number };

type Cell = string | number | Date | null;
type Column = { header: string; width: number; date?: boolean; value: (r: ExportRow) => Cell };

/** A calendar day in Asia/Ho_Chi_Minh as a UTC-midnight Date: what a spreadsheet's date cell means. */
function localDay(d: Date | null): Date | null {
  if (!d) return null;
  // toLocalDate is arithmetic (Vietnam has no daylight saving); formatDate builds an Intl formatter per call,
  // which made a 200,000-row export spend most of its time formatting dates.
  return new Date(`${toLocalDate(d)}T00:00:00Z`);
}

/** The columns of both exports: what officials need to follow up, and no personal data of residents. */
export function exportColumns(t: Translate): Column[] {
  const yesNo = (v: boolean | null) =>
    v === null ? "" : v ? t("petitions.work.yes") : t("petitions.work.no");
  return [
    { header: t("petitions.work.col.code"), width: 16, value: (r) => r.code },
    { header: t("petitions.work.col.title"), width: 50, value: (r) => r.title },
    { header: t("petitions.work.field.kind"), width: 16, value: (r) => t(`kind.${r.kind}`) },
    { header: t("petitions.work.col.category"), width: 28, value: (r) => r.category_name ?? "" },
    { header: t("petitions.work.field.urgency"), width: 12, value: (r) => t(`urgency.${r.urgency}`) },
    { header: t("petitions.work.col.state"), width: 24, value: (r) => t(`state.${r.state}`) },
    { header: t("petitions.work.col.village"), width: 20, value: (r) => r.village_name },
    { header: t("petitions.work.field.commune"), width: 20, value: (r) => r.commune_name ?? "" },
    { header: t("petitions.work.col.households"), width: 10, value: (r) => r.households },
    { header: t("petitions.work.col.holder"), width: 32, value: (r) => r.agency_name ?? "" },
    {
      header: t("petitions.work.col.submitted"),
      width: 12,
      date: true,
      value: (r) => localDay(r.submitted_at),
    },
    {
      header: t("petitions.work.col.deadline"),
      width: 12,
      date: true,
      value: (r) => localDay(r.deadline_at),
    },
    { header: t("petitions.work.overdue"), width: 10, value: (r) => yesNo(r.overdue) },
    {
      header: t("petitions.work.col.answered"),
      width: 12,
      date: true,
      value: (r) => localDay(r.answered_at),
    },
    {
      header: t("petitions.work.overview.onTime"),
      width: 10,
      value: (r) => yesNo(r.answered_at ? r.answered_on_time : null),
    },
  ];
}

const ddmmyyyy = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;

/** Up to `size` rows at a time from an async source (the query already fetches them in keyset batches). */
async function* chunks<T>(rows: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const r of rows) {
    batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * CSV in UTF-8 with a BOM (so Excel reads Vietnamese right), dates dd/mm/yyyy, streamed: each pull reads one
 * batch of rows and sends it as one chunk written by csv-stringify (a chunk per row made the stream ten times
 * slower). The client's reading paces the queries: nothing is fetched before it is asked for.
 */
export function csvStream(src: ExportSource, t: Translate): ReadableStream<Uint8Array> {
  const columns = exportColumns(t);
  const encoder = new TextEncoder();
  const batches = chunks(src.rows, 2000);
  let started = false;
  const cell = (v: Cell) => (v instanceof Date ? ddmmyyyy(v) : v === null ? "" : String(v));
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let text = "";
        if (!started) {
          started = true;
          text = `\uFEFF${stringify([columns.map((c) => c.header)])}`;
        }
        const next = await batches.next();
        if (next.done) {
          if (src.status.truncated) text += stringify([[t("petitions.work.export.capped", { n: src.cap })]]);
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += stringify(next.value.map((r) => columns.map((c) => cell(c.value(r)))));
        controller.enqueue(encoder.encode(text));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** XLSX written with exceljs's streaming writer: rows are committed as they come, never held all at once. */
export function xlsxStream(src: ExportSource, t: Translate): ReadableStream<Uint8Array> {
  const columns = exportColumns(t);
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(t("petitions.work.export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    style: c.date ? { numFmt: "dd/mm/yyyy" } : {},
  }));
  ws.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const r of src.rows) {
        ws.addRow(columns.map((c) => c.value(r))).commit();
        if (out.writableNeedDrain) await once(out, "drain");
      }
      if (src.status.truncated) ws.addRow([t("petitions.work.export.capped", { n: src.cap })]).commit();
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

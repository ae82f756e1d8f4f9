import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { formatDate, TIME_ZONE, type Translate } from "../../../platform/i18n/i18n.ts";
import { periodPhrase } from "./period.ts";
import type { CentralReport, ReportEntry } from "./queries/centralReport.ts";

/**
 * The central report as an official administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4, Times New
 * Roman, margins 20/20/30/15 mm; the issuing body and number on the left, the national title (Quốc hiệu) and motto
 * (Tiêu ngữ) with its rule on the right, then place and date in italics; the kind of document and its subject;
 * "Kính gửi"; the body; "Nơi nhận" and the signature block. Page numbers from the second page, centred at the top.
 * It is built only from what the report holds: no resident's name or phone, no village head's contact.
 */

export type Issuer = "committee" | "office";

export type DocxOptions = {
  /** Always the Vietnamese catalog: the document is an official document of the province. */
  t: Translate;
  province: { name: string; fullName: string };
  issuer: Issuer;
  /** The date printed under the motto. */
  date: Date;
};

/** Millimetres to twips, rounded (docx's own helper truncates: A4 would be 11905 × 16837). */
export const mm = (v: number) => Math.round((v * 1440) / 25.4);
export const FONT = "Times New Roman";
export const PAGE = { width: 210, left: 30, right: 15, top: 20, bottom: 20 };
export const CONTENT = PAGE.width - PAGE.left - PAGE.right; // 165 mm
/** Word's default left + right cell margins (108 twips each), in mm. */
export const CELL_PAD = 3.8;
export const pt = (n: number) => n * 2; // docx sizes are half-points

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
export const GRID = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

export type Text = { text: string; bold?: boolean; italics?: boolean; size?: number };
export type Para = {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  before?: number;
  after?: number;
  firstLine?: number;
  left?: number;
  hanging?: number;
  keepNext?: boolean;
  line?: number;
};

export function para(runs: Text[] | string, o: Para = {}, base: Omit<Text, "text"> = {}): Paragraph {
  const list = typeof runs === "string" ? [{ text: runs }] : runs;
  return new Paragraph({
    alignment: o.align ?? AlignmentType.LEFT,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: o.line ?? 240, lineRule: LineRuleType.AUTO },
    indent: { firstLine: o.firstLine, left: o.left, hanging: o.hanging },
    keepNext: o.keepNext,
    children: list.map(
      (r) =>
        new TextRun({
          // A tab in the text is a real tab (the "Kính gửi:" list aligns on it).
          children: r.text.split("\t").flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part])),
          font: FONT,
          bold: r.bold ?? base.bold,
          italics: r.italics ?? base.italics,
          size: pt(r.size ?? base.size ?? 14),
        }),
    ),
  });
}

/** A centred horizontal rule `width` mm long inside a block `within` mm wide (the lines under a heading). */
export function rule(width: number, within: number): Paragraph {
  const side = Math.max(0, (within - CELL_PAD - width) / 2);
  return new Paragraph({
    indent: { left: mm(side), right: mm(side) },
    // An empty line 4 pt high whose bottom border is the rule, just under the text above.
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 0 } },
    children: [],
  });
}

/** "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026": a leading zero for days below 10 and for months 1 and 2. */
export function officialDateParts(d: Date): { day: string; month: string; year: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const day = Number(parts.day);
  const month = Number(parts.month);
  return {
    day: day < 10 ? `0${day}` : String(day),
    month: month < 3 ? `0${month}` : String(month),
    year: String(parts.year),
  };
}

export function cell(
  children: Paragraph[],
  width: number,
  opts: { borders?: boolean; center?: boolean } = {},
): TableCell {
  return new TableCell({
    width: { size: mm(width), type: WidthType.DXA },
    borders: opts.borders ? undefined : { top: NONE, bottom: NONE, left: NONE, right: NONE },
    verticalAlign: opts.center ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    children: children.length > 0 ? children : [para("")],
  });
}

/** `number` replaces the document number line ("Số: /BB-UBND" for minutes). */
export function header(o: DocxOptions, t: Translate, number?: string): Table {
  const LEFT = 62;
  const RIGHT = CONTENT - LEFT;
  const provinceUpper = o.province.fullName.toLocaleUpperCase("vi");
  const issuerLines =
    o.issuer === "committee"
      ? [
          para(t("centralReport.doc.committee"), { align: AlignmentType.CENTER }, { bold: true, size: 13 }),
          para(provinceUpper, { align: AlignmentType.CENTER }, { bold: true, size: 13 }),
        ]
      : [
          para(
            t("centralReport.doc.parentOffice", { province: provinceUpper }),
            { align: AlignmentType.CENTER },
            { size: 13 },
          ),
          para(t("centralReport.doc.office"), { align: AlignmentType.CENTER }, { bold: true, size: 13 }),
        ];
  const date = officialDateParts(o.date);
  const left = [
    ...issuerLines,
    rule(22, LEFT),
    para(
      number ?? t(o.issuer === "committee" ? "centralReport.doc.number" : "centralReport.doc.numberOffice"),
      { align: AlignmentType.CENTER, before: 120 },
      { size: 13 },
    ),
  ];
  const right = [
    para(t("centralReport.doc.nation"), { align: AlignmentType.CENTER }, { bold: true, size: 12 }),
    para(t("centralReport.doc.motto"), { align: AlignmentType.CENTER }, { bold: true, size: 13 }),
    // As long as the motto: about 62 mm at 13 pt bold.
    rule(61, RIGHT),
    para(
      t("centralReport.doc.placeDate", {
        place: o.province.name,
        day: date.day,
        month: date.month,
        year: date.year,
      }),
      { align: AlignmentType.CENTER, before: 120 },
      { italics: true, size: 14 },
    ),
  ];
  return new Table({
    width: { size: mm(CONTENT), type: WidthType.DXA },
    columnWidths: [mm(LEFT), mm(RIGHT)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, LEFT), cell(right, RIGHT)] })],
  });
}

function recipientsAndSignature(o: DocxOptions, t: Translate, addressed: boolean): Table {
  const LEFT = 80;
  const RIGHT = CONTENT - LEFT;
  const list = [
    ...(addressed ? [t("centralReport.doc.recipientsAbove")] : []),
    ...t("centralReport.doc.recipientsList").split("|"),
    t("centralReport.doc.recipientsArchive"),
  ];
  const left = [
    para(t("centralReport.doc.recipients"), {}, { bold: true, italics: true, size: 12 }),
    ...list.map((line) => para(line, {}, { size: 11 })),
  ];
  const sign =
    o.issuer === "committee"
      ? [
          para(t("centralReport.doc.signFor"), { align: AlignmentType.CENTER }, { bold: true }),
          para(t("centralReport.doc.signTitle"), { align: AlignmentType.CENTER }, { bold: true }),
        ]
      : [para(t("centralReport.doc.signTitleOffice"), { align: AlignmentType.CENTER }, { bold: true })];
  const right = [
    ...sign,
    para(""),
    para(""),
    para(""),
    para(""),
    para(t("centralReport.doc.signName"), { align: AlignmentType.CENTER }, { bold: true }),
  ];
  return new Table({
    width: { size: mm(CONTENT), type: WidthType.DXA },
    columnWidths: [mm(LEFT), mm(RIGHT)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, LEFT), cell(right, RIGHT)] })],
  });
}

function addressees(t: Translate, agencies: { name: string }[]): Paragraph[] {
  const to = t("centralReport.doc.to");
  if (agencies.length <= 1) {
    const name = agencies[0] ? `${agencies[0].name}.` : t("centralReport.doc.toNobody");
    return [para(`${to} ${name}`, { align: AlignmentType.CENTER, before: 240, after: 240 })];
  }
  // "Kính gửi:  - Bộ A;" then each further agency under the first one.
  const start = 35;
  const hang = 24;
  return agencies.map((a, i) => {
    const end = i === agencies.length - 1 ? "." : ";";
    return i === 0
      ? para(`${to}\t- ${a.name}${end}`, { left: mm(start + hang), hanging: mm(hang), before: 240 })
      : para(`- ${a.name}${end}`, { left: mm(start + hang), after: i === agencies.length - 1 ? 240 : 0 });
  });
}

const COLS = { no: 12, content: 52, count: 18, places: 33, agency: 24, note: 26 };

function entryRow(t: Translate, n: number, e: ReportEntry): TableRow {
  const s = 12;
  const codes = [...e.items, ...e.members].map((i) => i.code).join(", ");
  const notes: Paragraph[] = [];
  if (e.clusterId !== null && e.petitionCount > 1)
    notes.push(para(t("centralReport.doc.cluster", { n: e.petitionCount }), {}, { size: s }));
  for (const r of e.replies) {
    notes.push(
      para(
        r.reference
          ? t("centralReport.doc.replied", { reference: r.reference, date: formatDate(r.at) })
          : t("centralReport.doc.repliedNoRef", { date: formatDate(r.at) }),
        {},
        { size: s, italics: true },
      ),
    );
  }
  const center = { align: AlignmentType.CENTER };
  return new TableRow({
    cantSplit: false,
    children: [
      cell([para(String(n), center, { size: s })], COLS.no, { borders: true }),
      cell(
        [
          para(e.lead.title, {}, { size: s, bold: true }),
          para(e.lead.body, { before: 60 }, { size: s }),
          para(t("centralReport.doc.codes", { codes }), { before: 60 }, { size: 11, italics: true }),
        ],
        COLS.content,
        { borders: true },
      ),
      cell(
        [
          para(t("centralReport.doc.countVillages", { n: e.villageCount }), center, { size: s }),
          para(t("centralReport.doc.countCommunes", { n: e.communeCount }), center, { size: s }),
        ],
        COLS.count,
        { borders: true },
      ),
      cell(
        e.places.map((p) =>
          para(`${p.communeName ?? ""}: ${p.villages.map((v) => v.name).join(", ")}`, {}, { size: s }),
        ),
        COLS.places,
        { borders: true },
      ),
      cell([para(e.lead.centralAgencyName ?? "", {}, { size: s })], COLS.agency, { borders: true }),
      cell(notes, COLS.note, { borders: true }),
    ],
  });
}

function categoryTable(t: Translate, entries: ReportEntry[]): Table {
  const head = (key: string, width: number) =>
    cell([para(t(key), { align: AlignmentType.CENTER }, { bold: true, size: 12 })], width, {
      borders: true,
      center: true,
    });
  return new Table({
    width: { size: mm(CONTENT), type: WidthType.DXA },
    columnWidths: Object.values(COLS).map(mm),
    layout: TableLayoutType.FIXED,
    borders: GRID,
    margins: { left: 70, right: 70 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [
          head("centralReport.doc.colNo", COLS.no),
          head("centralReport.doc.colContent", COLS.content),
          head("centralReport.doc.colCount", COLS.count),
          head("centralReport.doc.colPlaces", COLS.places),
          head("centralReport.doc.colAgency", COLS.agency),
          head("centralReport.doc.colNote", COLS.note),
        ],
      }),
      ...entries.map((e, i) => entryRow(t, i + 1, e)),
    ],
  });
}

export async function buildCentralReportDocx(report: CentralReport, o: DocxOptions): Promise<Buffer> {
  const { t } = o;
  const period = periodPhrase(t, report.year, report.period);
  const issuer = t(
    o.issuer === "committee" ? "centralReport.doc.issuerCommittee" : "centralReport.doc.issuerOffice",
  );
  const body = { align: AlignmentType.JUSTIFIED, firstLine: mm(12.7), after: 120, line: 264 };
  const heading = {
    align: AlignmentType.JUSTIFIED,
    firstLine: mm(12.7),
    after: 120,
    before: 120,
    keepNext: true,
  };
  const answered = report.categories
    .flatMap((c) => c.agencies.flatMap((a) => a.entries.flatMap((e) => e.items)))
    .filter((i) => i.reply !== null).length;

  const children: (Paragraph | Table)[] = [
    header(o, t),
    para(t("centralReport.doc.kind"), { align: AlignmentType.CENTER, before: 360 }, { bold: true, size: 14 }),
    // The subject on two balanced lines ("|" in the catalog marks the break).
    ...t("centralReport.doc.subject")
      .split("|")
      .map((line) => para(line.trim(), { align: AlignmentType.CENTER }, { bold: true, size: 14 })),
    para(
      t("centralReport.doc.subjectPeriod", { period }),
      { align: AlignmentType.CENTER },
      { bold: true, size: 14 },
    ),
    rule(40, CONTENT + CELL_PAD),
    ...addressees(t, report.agencies),
    para(t("centralReport.doc.intro", { issuer, period }), body),
    para(t("centralReport.doc.sectionSummary"), heading, { bold: true }),
  ];
  if (report.totals.items === 0) {
    children.push(para(t("centralReport.doc.summaryEmpty"), body));
  } else {
    children.push(
      para(
        t("centralReport.doc.summary", {
          items: report.totals.items,
          villages: report.totals.villages,
          communes: report.totals.communes,
          agencies: report.agencies.length,
          entries: report.totals.entries,
          categories: report.categories.length,
        }),
        body,
      ),
    );
    if (answered > 0) children.push(para(t("centralReport.doc.summaryReplies", { answered }), body));
    children.push(para(t("centralReport.doc.sectionItems"), heading, { bold: true }));
    report.categories.forEach((c, i) => {
      const entries = c.agencies.flatMap((a) => a.entries);
      children.push(
        para(
          t("centralReport.doc.category", {
            n: i + 1,
            name: c.name ?? t("centralReport.doc.uncategorised"),
            entries: entries.length,
          }),
          heading,
          { bold: true },
        ),
        categoryTable(t, entries),
        para("", { after: 60 }),
      );
    });
    children.push(
      para(t("centralReport.doc.sectionProposal"), heading, { bold: true }),
      para(t("centralReport.doc.proposal", { issuer }), { ...body, keepNext: true }),
    );
  }
  children.push(
    // Kept with the signature block: it never stands alone on the last page.
    para(t("centralReport.doc.closing", { issuer }), { ...body, after: 240, keepNext: true }),
    recipientsAndSignature(o, t, report.agencies.length > 0),
  );

  return packOfficialDocument(t("centralReport.doc.title", { period }), children);
}

/**
 * An A4 portrait document in the official frame (Nghị định 30/2020: Times New Roman 14, margins, page numbers
 * centred in the header from the second page on), around the given body.
 */
export function packOfficialDocument(
  title: string,
  children: Paragraph[] | (Paragraph | Table)[],
): Promise<Buffer> {
  const doc = new Document({
    creator: "Cầu Nối",
    title,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297), orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mm(PAGE.top),
              bottom: mm(PAGE.bottom),
              left: mm(PAGE.left),
              right: mm(PAGE.right),
              header: mm(10),
              footer: mm(10),
            },
          },
        },
        headers: {
          first: new Header({ children: [para("")] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

import { AlignmentType, type Paragraph, Table, TableLayoutType, TableRow, WidthType } from "docx";
import { formatDate, formatDateTime, type Translate } from "../../platform/i18n/i18n.ts";
import type { CommitmentRow } from "../commitments/queries/listCommitments.ts";
import {
  CELL_PAD,
  CONTENT,
  cell,
  type DocxOptions,
  GRID,
  header,
  mm,
  NO_BORDERS,
  packOfficialDocument,
  para,
  rule,
} from "../reports/central/docx.ts";
import type { Dialogue } from "./queries/getDialogue.ts";
import type { QuestionRow } from "./queries/questions.ts";

export type MinutesData = {
  d: Dialogue;
  questions: QuestionRow[];
  commitments: CommitmentRow[];
  /** Present by role: how many village heads, commune officers… checked in, of how many invited. */
  attendanceByRole: { role: string; invited: number; present: number }[];
};

const COLS = { no: 12, question: 70, answer: 83 };

function questionTable(t: Translate, questions: QuestionRow[]): Table {
  const s = 12;
  const head = new TableRow({
    tableHeader: true,
    children: [
      cell(
        [para(t("dialogues.minutes.colNo"), { align: AlignmentType.CENTER }, { bold: true, size: s })],
        COLS.no,
        { borders: true, center: true },
      ),
      cell(
        [para(t("dialogues.minutes.colQuestion"), { align: AlignmentType.CENTER }, { bold: true, size: s })],
        COLS.question,
        { borders: true, center: true },
      ),
      cell(
        [para(t("dialogues.minutes.colAnswer"), { align: AlignmentType.CENTER }, { bold: true, size: s })],
        COLS.answer,
        { borders: true, center: true },
      ),
    ],
  });
  const rows = questions.map(
    (q, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([para(String(i + 1), { align: AlignmentType.CENTER }, { size: s })], COLS.no, {
            borders: true,
          }),
          cell(
            [
              para(q.text, { align: AlignmentType.JUSTIFIED }, { size: s }),
              para(
                t("dialogues.minutes.raisedBy", {
                  village: [q.village_name, q.commune_name].filter(Boolean).join(", ") || "—",
                  villages: q.villages,
                }),
                {},
                { size: s, italics: true },
              ),
            ],
            COLS.question,
            { borders: true },
          ),
          cell(
            q.state === "answered"
              ? [
                  para(q.answer_summary ?? "", { align: AlignmentType.JUSTIFIED }, { size: s }),
                  para(
                    t("dialogues.minutes.answeredBy", { by: q.answered_by_text ?? "" }),
                    {},
                    { size: s, italics: true },
                  ),
                ]
              : [
                  para(
                    q.follow_up_code
                      ? t("dialogues.minutes.carriedTo", { code: q.follow_up_code })
                      : t("dialogues.minutes.notReached"),
                    {},
                    { size: s, italics: true },
                  ),
                ],
            COLS.answer,
            { borders: true },
          ),
        ],
      }),
  );
  return new Table({
    width: { size: mm(CONTENT), type: WidthType.DXA },
    columnWidths: [mm(COLS.no), mm(COLS.question), mm(COLS.answer)],
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [head, ...rows],
  });
}

/**
 * The minutes (biên bản) of a dialogue as an official document, on the same frame as the central report
 * (Quốc hiệu, Tiêu ngữ, Times New Roman, Nghị định 30/2020 margins): who attended, every question with the
 * answer and who gave it, the commitments made, and where the questions not reached went.
 */
export async function buildMinutesDocx(m: MinutesData, o: DocxOptions): Promise<Buffer> {
  const { t } = o;
  const { d } = m;
  const body = { align: AlignmentType.JUSTIFIED, firstLine: mm(12.7), after: 120, line: 264 };
  const heading = { align: AlignmentType.JUSTIFIED, after: 120, before: 120, keepNext: true };
  const answered = m.questions.filter((q) => q.state === "answered").length;
  const children: (Paragraph | Table)[] = [
    header(o, t, t("dialogues.minutes.number")),
    para(t("dialogues.minutes.kind"), { align: AlignmentType.CENTER, before: 360 }, { bold: true }),
    para(t("dialogues.minutes.subject", { title: d.title }), { align: AlignmentType.CENTER }, { bold: true }),
    rule(40, CONTENT + CELL_PAD),
    para(
      t("dialogues.minutes.opening", {
        when: formatDateTime(d.starts_at),
        venue: d.venue ?? d.online_url ?? "—",
      }),
      { ...body, before: 240 },
    ),
    para(t("dialogues.minutes.sectionAttendance"), heading, { bold: true }),
    para(t("dialogues.minutes.chairs", { names: d.chairs.map((c) => c.full_name).join(", ") }), body),
    para(t("dialogues.minutes.agencies", { names: d.agencies.map((a) => a.name).join("; ") || "—" }), body),
    para(t("dialogues.minutes.attendance", { present: d.checked_in, invited: d.invited }), body),
    ...m.attendanceByRole.map((r) =>
      para(
        t("dialogues.minutes.attendanceRole", {
          role: t(`dialogues.role.${r.role}`),
          present: r.present,
          invited: r.invited,
        }),
        body,
      ),
    ),
    para(t("dialogues.minutes.sectionQuestions"), heading, { bold: true }),
    para(t("dialogues.minutes.questionsSummary", { n: m.questions.length, answered }), body),
  ];
  if (m.questions.length) children.push(questionTable(t, m.questions), para("", { after: 60 }));
  children.push(para(t("dialogues.minutes.sectionCommitments"), heading, { bold: true }));
  if (m.commitments.length === 0) children.push(para(t("dialogues.minutes.noCommitments"), body));
  for (const [i, c] of m.commitments.entries())
    children.push(
      para(
        t("dialogues.minutes.commitment", {
          n: i + 1,
          code: c.code,
          text: c.text,
          agency: c.agencyName,
          deadline: formatDate(c.deadline),
        }),
        body,
      ),
    );
  children.push(
    para(t("dialogues.minutes.closing", { at: d.closed_at ? formatDateTime(d.closed_at) : "—" }), {
      ...body,
      before: 240,
      after: 360,
      keepNext: true,
    }),
    new Table({
      width: { size: mm(CONTENT), type: WidthType.DXA },
      columnWidths: [mm(CONTENT / 2), mm(CONTENT / 2)],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            cell(
              [
                para(t("dialogues.minutes.secretary"), { align: AlignmentType.CENTER }, { bold: true }),
                para(t("dialogues.minutes.signHint"), { align: AlignmentType.CENTER }, { italics: true }),
              ],
              CONTENT / 2,
            ),
            cell(
              [
                para(t("dialogues.minutes.chair"), { align: AlignmentType.CENTER }, { bold: true }),
                para(t("dialogues.minutes.signHint"), { align: AlignmentType.CENTER }, { italics: true }),
                para(""),
                para(""),
                para(""),
                para(d.chairs[0]?.full_name ?? "", { align: AlignmentType.CENTER }, { bold: true }),
              ],
              CONTENT / 2,
            ),
          ],
        }),
      ],
    }),
  );
  return packOfficialDocument(t("dialogues.minutes.docTitle", { title: d.title }), children);
}

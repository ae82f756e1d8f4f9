import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { formatDate } from "../../platform/i18n/i18n.ts";

const require = createRequire(import.meta.url);
// DejaVu carries every Vietnamese letter with its tone marks; pdfkit's built-in fonts do not.
const REGULAR = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

export type CertificateData = {
  person: string;
  village: string | null;
  course: string;
  topic: string;
  from: Date | null;
  to: Date | null;
  completedAt: Date;
  trainer: string;
  code: string;
  verifyUrl: string;
};

/** A one-page A4 landscape certificate of completion, in Vietnamese, with its verification code and address. */
export function certificatePdf(d: CertificateData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 56,
    info: { Title: `Giấy chứng nhận ${d.code}` },
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const w = doc.page.width - 112;
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .stroke("#0b5394");
  doc.font("bold").fontSize(13).fillColor("#1b1f24");
  doc.text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 56, 60, { width: w, align: "center" });
  doc.font("regular").fontSize(12).text("Độc lập - Tự do - Hạnh phúc", { width: w, align: "center" });
  doc.moveDown(2);
  doc.font("bold").fontSize(28).fillColor("#0b5394").text("GIẤY CHỨNG NHẬN", { width: w, align: "center" });
  doc
    .font("regular")
    .fontSize(14)
    .fillColor("#1b1f24")
    .text("Hoàn thành khóa tập huấn, bồi dưỡng", { width: w, align: "center" });
  doc.moveDown(1.5);
  doc.fontSize(14).text("Chứng nhận ông/bà:", { width: w, align: "center" });
  doc.moveDown(0.3);
  doc.font("bold").fontSize(24).text(d.person, { width: w, align: "center" });
  if (d.village) doc.font("regular").fontSize(13).text(d.village, { width: w, align: "center" });
  doc.moveDown(1);
  doc.font("regular").fontSize(14).text("đã hoàn thành khóa tập huấn", { width: w, align: "center" });
  doc.moveDown(0.3);
  doc.font("bold").fontSize(18).text(d.course, { width: w, align: "center" });
  doc.moveDown(0.3);
  doc.font("regular").fontSize(13).text(`Chủ đề: ${d.topic}`, { width: w, align: "center" });
  const span =
    d.from && d.to
      ? `Thời gian: từ ${formatDate(d.from)} đến ${formatDate(d.to)}`
      : `Hoàn thành ngày ${formatDate(d.completedAt)}`;
  doc.text(span, { width: w, align: "center" });
  const bottom = doc.page.height - 150;
  doc
    .font("regular")
    .fontSize(12)
    .text(`Ngày hoàn thành: ${formatDate(d.completedAt)}`, 72, bottom, { width: w / 2 });
  doc
    .font("bold")
    .fontSize(12)
    .text(`Mã xác minh: ${d.code}`, 72, bottom + 22, { width: w / 2 });
  doc
    .font("regular")
    .fontSize(9)
    .text(`Kiểm tra tại ${d.verifyUrl}`, 72, bottom + 42, { width: w / 2 });
  doc
    .font("bold")
    .fontSize(12)
    .text("GIẢNG VIÊN", 56 + w / 2, bottom, { width: w / 2, align: "center" });
  doc
    .font("regular")
    .fontSize(12)
    .text(d.trainer, 56 + w / 2, bottom + 60, { width: w / 2, align: "center" });
  doc.end();
  return done;
}

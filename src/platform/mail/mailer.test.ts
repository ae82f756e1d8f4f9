import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { SMTPServer } from "smtp-server";
import { createMailer, type MailLog } from "./mailer.ts";

type Received = { from: string; to: string[]; raw: string };

// --- a minimal MIME reader (mailparser is not installed): headers, RFC 2047 words, QP/base64 bodies, multipart ---

function splitMessage(raw: string): { headers: Map<string, string>; body: string } {
  const cut = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, cut).replace(/\r\n[ \t]+/g, " "); // unfold
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body: raw.slice(cut + 4) };
}

function decodeQuotedPrintable(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(soft.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047: =?UTF-8?B?…?= and =?UTF-8?Q?…?=; whitespace between adjacent encoded words is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")).toString("utf8"),
    );
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const cte = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (cte === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (cte === "quoted-printable") return decodeQuotedPrintable(body).toString("utf8");
  return body;
}

/** The decoded text of every leaf part, by content type. */
function parts(raw: string): Map<string, string> {
  const { headers, body } = splitMessage(raw.replace(/\r\n$/, "")); // the message's last line ending
  const type = headers.get("content-type") ?? "text/plain";
  const found = new Map<string, string>();
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    const chunks = body.split(`--${boundary}`).slice(1);
    for (const chunk of chunks) {
      if (chunk.startsWith("--")) break;
      for (const [k, v] of parts(chunk.replace(/^\r\n/, "").replace(/\r\n$/, ""))) found.set(k, v);
    }
  } else {
    found.set(type.split(";")[0]?.trim().toLowerCase() ?? "text/plain", decodeBody(headers, body));
  }
  return found;
}

describe("mailer", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const env = session.envelope;
          received.push({
            from: env.mailFrom ? env.mailFrom.address : "",
            to: env.rcptTo.map((a) => a.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const quiet: MailLog = { info: () => {}, warn: () => {} };

  test("delivers a Vietnamese mail over SMTP to a real server", async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: '"Cầu Nối Quảng Ninh" <khong-tra-loi@caunoi.example>',
      log: quiet,
    });
    try {
      const subject = "Nhắc việc: kiến nghị số 12 về đường liên thôn sắp đến hạn xử lý";
      const text =
        "Kính gửi ông Nguyễn Văn Ánh,\nKiến nghị của thôn Đồng Đăng còn 2 ngày làm việc.\nTrân trọng.";
      const { messageId } = await mailer.send({ to: "truong-thon@example.vn", subject, text });
      assert.match(messageId, /^<.+@.+>$/);
      assert.equal(received.length, 1);
      const [mail] = received;
      assert.deepEqual(mail?.to, ["truong-thon@example.vn"]);
      assert.equal(mail?.from, "khong-tra-loi@caunoi.example");
      const { headers } = splitMessage(mail?.raw ?? "");
      const rawSubject = headers.get("subject") ?? "";
      assert.match(rawSubject, /=\?UTF-8\?[BQ]\?/i, "the subject travels RFC 2047-encoded");
      assert.equal(decodeWords(rawSubject), subject);
      assert.equal(
        decodeWords(headers.get("from") ?? ""),
        "Cầu Nối Quảng Ninh <khong-tra-loi@caunoi.example>",
      );
      assert.equal(headers.get("message-id"), messageId);
      assert.equal(
        parts(mail?.raw ?? "")
          .get("text/plain")
          ?.replace(/\r\n/g, "\n"),
        text,
      );
    } finally {
      mailer.close();
    }
  });

  test("text and html alternatives, several recipients", async () => {
    received.length = 0;
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: "caunoi@example.vn",
      log: quiet,
    });
    try {
      await mailer.send({
        to: ["a@example.vn", "b@example.vn"],
        subject: "Đối thoại ngày 15/7",
        text: "Lịch đối thoại với lãnh đạo tỉnh.",
        html: "<p>Lịch <b>đối thoại</b> với lãnh đạo tỉnh.</p>",
      });
      const [mail] = received;
      assert.deepEqual(mail?.to, ["a@example.vn", "b@example.vn"]);
      const found = parts(mail?.raw ?? "");
      assert.equal(found.get("text/plain"), "Lịch đối thoại với lãnh đạo tỉnh.");
      assert.equal(found.get("text/html"), "<p>Lịch <b>đối thoại</b> với lãnh đạo tỉnh.</p>");
    } finally {
      mailer.close();
    }
  });

  test("without smtpUrl nothing is delivered, and it says so once", async () => {
    received.length = 0;
    const warnings: string[] = [];
    const mailer = createMailer({
      from: "caunoi@example.vn",
      log: { info: () => {}, warn: (_o, msg) => void warnings.push(msg) },
    });
    const a = await mailer.send({ to: "x@example.vn", subject: "Thử", text: "một" });
    const b = await mailer.send({ to: "y@example.vn", subject: "Thử", text: "hai" });
    mailer.close();
    assert.ok(a.messageId && b.messageId && a.messageId !== b.messageId);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? "", /NOT being delivered/);
    assert.equal(received.length, 0);
  });

  test("an unreachable SMTP server is an error for the caller (the outbox retries it)", async () => {
    const mailer = createMailer({
      smtpUrl: "smtp://127.0.0.1:1?connectionTimeout=2000",
      from: "caunoi@example.vn",
      log: quiet,
    });
    await assert.rejects(
      mailer.send({ to: "x@example.vn", subject: "s", text: "t" }),
      /ECONNREFUSED|connect/i,
    );
    mailer.close();
  });
});

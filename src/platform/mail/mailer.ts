import nodemailer from "nodemailer";

/** The slice of a pino logger the mailer uses (a pino Logger fits). */
export type MailLog = {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
};

export type MailMessage = { to: string | string[]; subject: string; text: string; html?: string };

export type Mailer = {
  send(msg: MailMessage): Promise<{ messageId: string }>;
  close(): void;
};

const consoleLog: MailLog = {
  info: () => {},
  warn: (obj, msg) => console.warn(msg, obj),
};

/**
 * Sends mail over SMTP (`smtp://user:pass@host:587`, `smtps://…:465`; nodemailer's URL options apply).
 * Without smtpUrl nothing is delivered: messages are rendered with nodemailer's JSON transport and dropped.
 */
export function createMailer(options: { smtpUrl?: string; from: string; log?: MailLog }): Mailer {
  const log = options.log ?? consoleLog;
  const transport = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : nodemailer.createTransport({ jsonTransport: true });
  if (!options.smtpUrl) {
    log.warn(
      { from: options.from },
      "SMTP_URL is not set: mail is NOT being delivered (messages are rendered and dropped)",
    );
  }
  return {
    async send(msg) {
      const info = await transport.sendMail({
        from: options.from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        ...(msg.html === undefined ? {} : { html: msg.html }),
      });
      log.info({ messageId: info.messageId, delivered: Boolean(options.smtpUrl) }, "mail sent");
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}

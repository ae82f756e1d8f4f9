import type { Context } from "hono";
import { CommandError } from "../../../platform/commands.ts";
import { errorResponse } from "../../../platform/http/errors.tsx";
import { allowed } from "../../../platform/http/guards.ts";
import { page } from "../../../platform/http/render.tsx";
import type { Actor, App, AppEnv, NavItem } from "../../../platform/http/types.ts";
import { createTranslator, TIME_ZONE } from "../../../platform/i18n/i18n.ts";
import { closeCentralReport, recordCentralReply } from "../../petitions/commands/central.ts";
import { canManageCentralReports, canReadCentralReports } from "../../petitions/policy.ts";
import { buildCentralReportDocx, type Issuer } from "./docx.ts";
import { type Period, parsePeriod, parseYear, periodLabel, periodPhrase } from "./period.ts";
import {
  type CentralReport,
  loadCentralReport,
  monthReports,
  provinceOf,
  reportYears,
} from "./queries/centralReport.ts";
import { CloseConfirmPage, ListPage, type ReplyForm, ReportPage, reportHref } from "./views/reportPages.tsx";
import { buildCentralReportXlsx } from "./xlsx.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FLASHES = new Map([
  ["closed", "centralReport.close.done"],
  ["reply", "centralReport.reply.done"],
]);

export function centralReportNav(actor: Actor | null): NavItem[] {
  return canReadCentralReports(actor)
    ? [{ href: "/central-reports", labelKey: "centralReport.nav", order: 40 }]
    : [];
}

function currentYear(c: Context<AppEnv>): number {
  return Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, year: "numeric" }).format(
      c.get("deps").clock.now(),
    ),
  );
}

/** `m3`, `q1.docx`, `y.xlsx` → the period and what to render. */
function parseSpec(spec: string): { period: Period; format: "html" | "docx" | "xlsx" } | null {
  const m = /^([a-z0-9]+?)(?:\.(docx|xlsx))?$/.exec(spec);
  const period = m?.[1] ? parsePeriod(m[1]) : null;
  if (!m || !period) return null;
  return { period, format: (m[2] as "docx" | "xlsx" | undefined) ?? "html" };
}

function reportPage(
  c: Context<AppEnv>,
  report: CentralReport,
  actor: Actor,
  form: ReplyForm,
  status: 200 | 409 | 422 = 200,
) {
  const t = c.get("t");
  const flash = FLASHES.get(c.req.query("done") ?? "") ?? null;
  return page(
    c,
    t("centralReport.report.title", { period: periodLabel(t, report.year, report.period) }),
    (ctx) => (
      <ReportPage
        ctx={ctx}
        report={report}
        canManage={canManageCentralReports(actor)}
        flash={status === 200 ? flash : null}
        form={form}
      />
    ),
    { status, wide: true },
  );
}

const fileName = (year: number, p: Period, ext: string) => `bao-cao-trung-uong-${year}-${p.key}.${ext}`;

export function centralReportRoutes(app: App): void {
  app.get(
    "/central-reports",
    allowed(canReadCentralReports, async (c) => {
      const deps = c.get("deps");
      const now = currentYear(c);
      const asked = c.req.query("year");
      const year = asked === undefined ? now : parseYear(asked);
      if (year === null) return errorResponse(c, 404);
      const [months, known] = await Promise.all([monthReports(deps.pool, year), reportYears(deps.pool)]);
      const years = [...new Set([now, year, ...known])].sort((a, b) => b - a);
      return page(c, c.get("t")("centralReport.list.title", { year: String(year) }), (ctx) => (
        <ListPage ctx={ctx} year={year} years={years} months={months} />
      ));
    }),
  );

  app.get(
    "/central-reports/:year/:spec",
    allowed(canReadCentralReports, async (c, actor) => {
      const deps = c.get("deps");
      const year = parseYear(c.req.param("year"));
      const spec = parseSpec(c.req.param("spec") ?? "");
      if (year === null || !spec) return errorResponse(c, 404);
      const { period, format } = spec;
      if (format === "html") {
        const report = await loadCentralReport(deps.pool, year, period, c.get("locale"));
        return reportPage(c, report, actor, { values: {}, selected: [], errors: {} });
      }
      c.header("Cache-Control", "no-store");
      if (format === "xlsx") {
        const report = await loadCentralReport(deps.pool, year, period, c.get("locale"));
        const body = await buildCentralReportXlsx(report, c.get("t"));
        c.header("Content-Type", XLSX);
        c.header("Content-Disposition", `attachment; filename="${fileName(year, period, "xlsx")}"`);
        return c.body(new Uint8Array(body));
      }
      // The official document is in Vietnamese whatever the reader's language.
      const report = await loadCentralReport(deps.pool, year, period, "vi");
      const province = (await provinceOf(deps.pool, deps.config.provinceCode)) ?? { name: "", fullName: "" };
      const issuer: Issuer = c.req.query("issuer") === "office" ? "office" : "committee";
      const body = await buildCentralReportDocx(report, {
        t: createTranslator(deps.catalogs, "vi"),
        province,
        issuer,
        date: deps.clock.now(),
      });
      c.header("Content-Type", DOCX);
      c.header("Content-Disposition", `attachment; filename="${fileName(year, period, "docx")}"`);
      return c.body(new Uint8Array(body));
    }),
  );

  /** Closing asks first: a closed period cannot be reopened. */
  app.get(
    "/central-reports/:year/:period/close",
    allowed(canManageCentralReports, async (c) => {
      const deps = c.get("deps");
      const year = parseYear(c.req.param("year"));
      const period = parsePeriod(c.req.param("period") ?? "");
      if (year === null || !period?.monthly) return errorResponse(c, 404);
      const month = (await monthReports(deps.pool, year, period.from, period.to))[0];
      if (!month) return errorResponse(c, 404);
      if (month.state !== "open") return errorResponse(c, 409, "petitions.error.reportClosed");
      const t = c.get("t");
      return page(c, t("centralReport.close.title", { period: periodPhrase(t, year, period) }), (ctx) => (
        <CloseConfirmPage ctx={ctx} year={year} period={period} items={month.items} />
      ));
    }),
  );

  app.post(
    "/central-reports/:year/:period/close",
    allowed(canManageCentralReports, async (c, actor) => {
      const deps = c.get("deps");
      const year = parseYear(c.req.param("year"));
      const period = parsePeriod(c.req.param("period") ?? "");
      if (year === null || !period?.monthly) return errorResponse(c, 404);
      const month = (await monthReports(deps.pool, year, period.from, period.to))[0];
      if (!month) return errorResponse(c, 404);
      try {
        await closeCentralReport({ pool: deps.pool, clock: deps.clock, actorId: actor.id, actor }, month.id);
      } catch (err) {
        if (err instanceof CommandError) return errorResponse(c, err.status, err.messageKey);
        throw err;
      }
      return c.redirect(reportHref(year, period, "?done=closed"), 303);
    }),
  );

  app.post(
    "/central-reports/:year/:period/reply",
    allowed(canManageCentralReports, async (c, actor) => {
      const deps = c.get("deps");
      const year = parseYear(c.req.param("year"));
      const period = parsePeriod(c.req.param("period") ?? "");
      if (year === null || !period) return errorResponse(c, 404);
      const body = await c.req.parseBody({ all: true });
      const one = (v: unknown) => (typeof v === "string" ? v : "");
      const text = one(body.text).trim();
      const reference = one(body.reference).trim();
      const raw = ([] as unknown[]).concat(body.ids ?? []).filter((v): v is string => typeof v === "string");
      const ids = [
        ...new Set(
          raw
            .flatMap((v) => v.split(","))
            .map((v) => v.trim())
            .filter((v) => /^\d{1,15}$/.test(v))
            .map(Number),
        ),
      ];
      const report = await loadCentralReport(deps.pool, year, period, c.get("locale"));
      const answerable = new Set(
        report.categories.flatMap((cat) =>
          cat.agencies.flatMap((a) => a.entries.flatMap((e) => e.answerableIds)),
        ),
      );
      const errors: Record<string, string> = {};
      if (ids.length === 0) errors.ids = "petitions.error.noneSelected";
      else if (ids.some((id) => !answerable.has(id))) errors.ids = "centralReport.error.notInReport";
      if (text.length < 10) errors.text = "petitions.error.answerTooShort";
      else if (text.length > 10_000) errors.text = "centralReport.error.textTooLong";
      if (reference.length > 200) errors.reference = "centralReport.error.referenceTooLong";
      const form: ReplyForm = { values: { text, reference }, selected: ids, errors };
      if (Object.keys(errors).length > 0) return reportPage(c, report, actor, form, 422);
      try {
        await recordCentralReply({ pool: deps.pool, clock: deps.clock, actorId: actor.id, actor }, ids, {
          text,
          reference: reference || null,
        });
      } catch (err) {
        if (!(err instanceof CommandError)) throw err;
        const field = err.field === "petitionIds" ? "ids" : err.field;
        if (field === "text" || field === "ids") {
          const fresh = await loadCentralReport(deps.pool, year, period, c.get("locale"));
          return reportPage(c, fresh, actor, { ...form, errors: { [field]: err.messageKey } }, 422);
        }
        return errorResponse(c, err.status, err.messageKey);
      }
      return c.redirect(reportHref(year, period, "?done=reply"), 303);
    }),
  );
}

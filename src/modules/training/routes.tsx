import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { type CommandContext, CommandError } from "../../platform/commands.ts";
import { readStoredFile } from "../../platform/files/store.ts";
import { errorResponse, notFound } from "../../platform/http/errors.tsx";
import { allowed, authed } from "../../platform/http/guards.ts";
import { hitRateLimit } from "../../platform/http/rateLimit.ts";
import { page } from "../../platform/http/render.tsx";
import { clientIp, formBody, intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { unitChoices } from "../units/queries/choices.ts";
import { certificatePdf } from "./certificate.ts";
import { checkInByToken, markAttendance } from "./commands/attendance.ts";
import { addMaterial, addQuestion, addSession } from "./commands/courseParts.ts";
import { createCourse } from "./commands/createCourse.ts";
import { cancelEnrolment, enrolTarget, selfEnrol } from "./commands/enrolment.ts";
import { submitAttempt } from "./commands/takeTest.ts";
import { ensureDefaultTopics, saveTopic } from "./commands/topics.ts";
import { parseCourse, parseQuestion, parseSession } from "./forms.ts";
import {
  canCreateCourse,
  canDownloadCertificate,
  canEditTopics,
  canManageCourse,
  canOverseeTraining,
  canSelfEnrol,
  canTakeTest,
  canViewCourse,
  canViewRecord,
} from "./policy.ts";
import { qrSvg } from "./qr.ts";
import {
  type Course,
  enrolmentById,
  enrolmentByToken,
  enrolmentOf,
  listAllCourses,
  listCoursesForParticipant,
  listParticipants,
  loadCourse,
  presentAt,
  topicOptions,
} from "./queries/courses.ts";
import { coverageByCommune, neverTrained, topicsCovered, twelveMonthsBefore } from "./queries/coverage.ts";
import { findCertificate, personRecord } from "./queries/record.ts";
import { MAX_ATTEMPTS, normalizeCertificateCode } from "./rules.ts";
import { AttendancePage, CheckinPage, PeoplePage } from "./views/attendancePage.tsx";
import { CourseForm } from "./views/courseForm.tsx";
import { type CourseForms, CoursePage } from "./views/coursePage.tsx";
import { CoursesPage } from "./views/coursesPage.tsx";
import { CoveragePage } from "./views/coveragePage.tsx";
import { RecordPage } from "./views/recordPage.tsx";
import { TestPage, TestResultPage } from "./views/testPage.tsx";
import { TopicsPage } from "./views/topicsPage.tsx";
import { VerifyPage } from "./views/verifyPage.tsx";
import { coverageXlsx, recordXlsx } from "./xlsx.ts";

type C = Context<AppEnv>;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const UNTRAINED_ON_PAGE = 300;

const DONE: Record<string, string> = {
  created: "training.done.created",
  session: "training.done.session",
  material: "training.done.material",
  question: "training.done.question",
  enrolled: "training.done.enrolled",
  waitlisted: "training.done.waitlisted",
  cancelled: "training.done.cancelled",
  marked: "training.done.marked",
  topic: "training.done.topic",
};

const cmd = (c: C, actor: Actor | null): CommandContext => ({
  pool: c.get("deps").pool,
  clock: c.get("deps").clock,
  actorId: actor?.id ?? null,
});

const done = (c: C) => DONE[c.req.query("done") ?? ""] ?? null;

/** Maps an expected refusal to its 4xx page; anything else is a real error and propagates. */
function refused(c: C, err: unknown) {
  if (err instanceof CommandError)
    return errorResponse(c, err.status === 400 ? 422 : err.status, err.messageKey);
  throw err;
}

async function courseOr404(c: C) {
  const id = intParam(c.req.param("id"));
  return id === undefined ? null : loadCourse(c.get("deps").pool, id, c.get("locale"));
}

async function coursePage(c: C, actor: Actor, course: Course, forms: CourseForms, status: 200 | 422 = 200) {
  const enrolment = await enrolmentOf(c.get("deps").pool, course.id, actor.id);
  if (!canViewCourse(actor, course, !!enrolment)) return errorResponse(c, 403);
  return page(
    c,
    course.title,
    (ctx) => (
      <CoursePage
        ctx={ctx}
        course={course}
        enrolment={enrolment}
        can={{ manage: canManageCourse(actor, course), selfEnrol: canSelfEnrol(actor, course) }}
        done={done(c)}
        forms={forms}
      />
    ),
    { status },
  );
}

async function courseFormPage(
  c: C,
  values: Record<string, string>,
  targets: string[],
  errors: Record<string, string>,
) {
  const deps = c.get("deps");
  await ensureDefaultTopics(deps.pool);
  const [topics, units] = await Promise.all([
    topicOptions(deps.pool, c.get("locale")),
    unitChoices(deps.pool, deps.config.provinceCode),
  ]);
  const t = c.get("t");
  return page(
    c,
    t("training.new"),
    (ctx) => (
      <CourseForm
        ctx={ctx}
        values={values}
        targets={targets}
        errors={errors}
        topics={topics.map((x) => ({ value: x.code, label: x.name }))}
        units={units.map((u) => ({
          value: String(u.id),
          label: u.level === "province" ? t("training.wholeProvince", { name: u.full_name }) : u.full_name,
        }))}
      />
    ),
    { status: Object.keys(errors).length ? 422 : 200 },
  );
}

async function attendancePage(c: C, course: Course, sessionId: number, q: string) {
  const session = course.sessions.find((s) => s.id === sessionId);
  if (!session) return notFound(c);
  const pool = c.get("deps").pool;
  const [people, present] = await Promise.all([
    listParticipants(pool, course.id, { sessionId, q, limit: 60 }),
    presentAt(pool, course.id, sessionId),
  ]);
  return page(c, c.get("t")("training.attendance.title"), (ctx) => (
    <AttendancePage
      ctx={ctx}
      course={course}
      session={session}
      people={people}
      present={present}
      q={q}
      done={done(c)}
    />
  ));
}

function download(c: C, body: Buffer, type: string, filename: string, inline = false) {
  return c.body(new Uint8Array(body), 200, {
    "Content-Type": type,
    "Content-Length": String(body.length),
    "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${filename}"`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  });
}

/** Training: courses, enrolment, attendance, the test, certificates, records and the province's coverage. */
export function trainingRoutes(app: App): void {
  app.get(
    "/training",
    authed(async (c, actor) => {
      const pool = c.get("deps").pool;
      const oversee = canOverseeTraining(actor);
      const isTrainer = actor.grants.some((g) => g.role === "trainer");
      const mine = isTrainer && c.req.query("all") !== "1";
      const courses = oversee
        ? await listAllCourses(pool, c.get("locale"), actor.id, mine)
        : await listCoursesForParticipant(pool, c.get("locale"), actor.id);
      return page(c, c.get("t")("training.title"), (ctx) => (
        <CoursesPage
          ctx={ctx}
          courses={courses}
          done={done(c)}
          links={{
            create: canCreateCourse(actor),
            topics: canEditTopics(actor),
            coverage: oversee,
            record: actor.grants.some((g) => g.role === "village_head"),
            mine: isTrainer ? mine : null,
          }}
        />
      ));
    }),
  );

  // ------------------------------------------------------------------------------------------ courses
  app.get(
    "/training/courses/new",
    allowed(canCreateCourse, (c) =>
      courseFormPage(
        c,
        { idempotencyKey: randomBytes(12).toString("hex"), certificate: "1", passMark: "70" },
        [],
        {},
      ),
    ),
  );

  app.post(
    "/training/courses/new",
    allowed(canCreateCourse, async (c, actor) => {
      const all = await c.req.parseBody({ all: true });
      const body = await formBody(c);
      const raw = all.targetUnitIds;
      const targets = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
        (v): v is string => typeof v === "string",
      );
      if (body.requiredShown && body.required !== "1") body.required = "0";
      const parsed = parseCourse(body, targets);
      if (!parsed.ok) return courseFormPage(c, body, targets, parsed.errors);
      const key = /^[0-9a-f]{24}$/.test(body.idempotencyKey ?? "") ? (body.idempotencyKey ?? null) : null;
      let id: number;
      try {
        id = await createCourse(
          { ...cmd(c, actor), actorId: actor.id },
          { ...parsed.data.course, idempotencyKey: key },
        );
        const existing = await loadCourse(c.get("deps").pool, id, c.get("locale"));
        // a retried submission already has its first session
        if (existing && existing.sessions.length === 0)
          await addSession(cmd(c, actor), id, parsed.data.session);
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return courseFormPage(c, body, targets, { [err.field]: err.messageKey });
        return refused(c, err);
      }
      return c.redirect(`/training/courses/${id}?done=created`, 303);
    }),
  );

  app.get(
    "/training/courses/:id{[0-9]+}",
    authed(async (c, actor) => {
      const course = await courseOr404(c);
      if (!course) return notFound(c);
      return coursePage(c, actor, course, { values: {}, errors: {}, which: null });
    }),
  );

  const managed = (path: string, handler: (c: C, actor: Actor, course: Course) => Promise<Response>) =>
    app.post(
      path,
      authed(async (c, actor) => {
        const course = await courseOr404(c);
        if (!course) return notFound(c);
        if (!canManageCourse(actor, course)) return errorResponse(c, 403);
        try {
          return await handler(c, actor, course);
        } catch (err) {
          return refused(c, err);
        }
      }),
    );

  managed("/training/courses/:id{[0-9]+}/sessions", async (c, actor, course) => {
    const body = await formBody(c);
    if (body.requiredShown && body.required !== "1") body.required = "0";
    const parsed = parseSession(body);
    if (!parsed.ok)
      return coursePage(c, actor, course, { values: body, errors: parsed.errors, which: "session" }, 422);
    await addSession(cmd(c, actor), course.id, parsed.data);
    return c.redirect(`/training/courses/${course.id}?done=session`, 303);
  });

  managed("/training/courses/:id{[0-9]+}/materials", async (c, actor, course) => {
    const raw = await c.req.parseBody();
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === "string") values[k] = v;
    const title = (values.title ?? "").trim();
    const url = (values.url ?? "").trim();
    const file = raw.file instanceof File && raw.file.size > 0 ? raw.file : null;
    const errors: Record<string, string> = {};
    if (!title || title.length > 200) errors.title = "training.error.materialTitle";
    if (!file && !url) errors.file = "training.error.materialEither";
    if (url && (!/^https?:\/\/[^\s]+$/i.test(url) || url.length > 1000)) errors.url = "training.error.url";
    if (Object.keys(errors).length)
      return coursePage(c, actor, course, { values, errors, which: "material" }, 422);
    try {
      await addMaterial(
        cmd(c, actor),
        course.id,
        file ? { title, bytes: new Uint8Array(await file.arrayBuffer()) } : { title, url },
      );
    } catch (err) {
      if (err instanceof CommandError && err.field)
        return coursePage(
          c,
          actor,
          course,
          { values, errors: { [err.field]: err.messageKey }, which: "material" },
          422,
        );
      throw err;
    }
    return c.redirect(`/training/courses/${course.id}?done=material`, 303);
  });

  managed("/training/courses/:id{[0-9]+}/questions", async (c, actor, course) => {
    const body = await formBody(c);
    const parsed = parseQuestion(body);
    if (!parsed.ok)
      return coursePage(c, actor, course, { values: body, errors: parsed.errors, which: "question" }, 422);
    await addQuestion(cmd(c, actor), course.id, parsed.data);
    return c.redirect(`/training/courses/${course.id}?done=question`, 303);
  });

  managed("/training/courses/:id{[0-9]+}/enrol-target", async (c, actor, course) => {
    const r = await enrolTarget(cmd(c, actor), course.id);
    return c.redirect(
      `/training/courses/${course.id}/people?enrolled=${r.enrolled}&waitlisted=${r.waitlisted}`,
      303,
    );
  });

  app.get(
    "/training/courses/:id{[0-9]+}/people",
    authed(async (c, actor) => {
      const course = await courseOr404(c);
      if (!course) return notFound(c);
      if (!canManageCourse(actor, course)) return errorResponse(c, 403);
      const people = await listParticipants(c.get("deps").pool, course.id, {});
      const added = intParam(c.req.query("enrolled"));
      const waiting = intParam(c.req.query("waitlisted"));
      const t = c.get("t");
      return page(
        c,
        t("training.people.title"),
        (ctx) => (
          <>
            {added !== undefined ? (
              <div class="alert ok" role="status">
                {t("training.done.enrolTarget", { enrolled: added, waitlisted: waiting ?? 0 })}
              </div>
            ) : null}
            <PeoplePage ctx={ctx} course={course} people={people} />
          </>
        ),
        { wide: true },
      );
    }),
  );

  // ---------------------------------------------------------------------------------------- enrolment
  app.post(
    "/training/courses/:id{[0-9]+}/enrol",
    authed(async (c, actor) => {
      const course = await courseOr404(c);
      if (!course) return notFound(c);
      if (!canSelfEnrol(actor, course)) return errorResponse(c, 403, "training.error.cannotEnrol");
      try {
        const status = await selfEnrol(cmd(c, actor), course.id, actor.id);
        return c.redirect(`/training/courses/${course.id}?done=${status}`, 303);
      } catch (err) {
        return refused(c, err);
      }
    }),
  );

  app.post(
    "/training/enrolments/:id{[0-9]+}/cancel",
    authed(async (c, actor) => {
      const pool = c.get("deps").pool;
      const e = await enrolmentById(pool, Number(c.req.param("id")));
      const course = e ? await loadCourse(pool, Number(e.course_id), c.get("locale")) : null;
      if (!e || !course) return notFound(c);
      const own = Number(e.user_id) === actor.id;
      if (!own && !canManageCourse(actor, course)) return errorResponse(c, 403);
      try {
        await cancelEnrolment(cmd(c, actor), Number(e.id));
      } catch (err) {
        return refused(c, err);
      }
      return c.redirect(
        own ? `/training/courses/${course.id}?done=cancelled` : `/training/courses/${course.id}/people`,
        303,
      );
    }),
  );

  app.get(
    "/training/enrolments/:id{[0-9]+}/qr.svg",
    authed(async (c, actor) => {
      const pool = c.get("deps").pool;
      const e = await enrolmentById(pool, Number(c.req.param("id")));
      const course = e ? await loadCourse(pool, Number(e.course_id), c.get("locale")) : null;
      if (!e || !course) return notFound(c);
      if (Number(e.user_id) !== actor.id && !canManageCourse(actor, course)) return errorResponse(c, 403);
      const svg = await qrSvg(`${c.get("deps").config.baseUrl}/training/checkin/${e.qr_token}`);
      return c.body(svg, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "private, no-store" });
    }),
  );

  // ---------------------------------------------------------------------------------------- attendance
  app.get(
    "/training/courses/:id{[0-9]+}/sessions/:sid{[0-9]+}",
    authed(async (c, actor) => {
      const course = await courseOr404(c);
      if (!course) return notFound(c);
      if (!canManageCourse(actor, course)) return errorResponse(c, 403);
      return attendancePage(c, course, Number(c.req.param("sid")), (c.req.query("q") ?? "").slice(0, 80));
    }),
  );

  managed("/training/courses/:id{[0-9]+}/sessions/:sid{[0-9]+}", async (c, actor, course) => {
    const body = await formBody(c);
    const sessionId = Number(c.req.param("sid"));
    const enrolmentId = intParam(body.enrolmentId);
    if (enrolmentId === undefined || !course.sessions.some((s) => s.id === sessionId)) return notFound(c);
    await markAttendance(cmd(c, actor), { courseId: course.id, sessionId, enrolmentId, method: "name" });
    const q = (body.q ?? "").slice(0, 80);
    return c.redirect(
      `/training/courses/${course.id}/sessions/${sessionId}?done=marked${q ? `&q=${encodeURIComponent(q)}` : ""}`,
      303,
    );
  });

  // The organiser's phone camera opens the URL in a participant's QR code. Marking is idempotent, and only the
  // course's trainer (or an admin) can do it, so opening the link is the whole check-in.
  app.get(
    "/training/checkin/:token{[0-9a-f]{64}}",
    authed(async (c, actor) => {
      const e = await enrolmentByToken(c.get("deps").pool, c.req.param("token") ?? "");
      if (!e) return notFound(c);
      if (!canManageCourse(actor, { trainerId: Number(e.trainer_id) }))
        return errorResponse(c, 403, "training.error.checkinTrainerOnly");
      const base = { person: e.full_name, courseId: Number(e.course_id), title: e.title };
      if (e.status !== "enrolled")
        return page(
          c,
          c.get("t")("training.checkin.title"),
          (ctx) => <CheckinPage ctx={ctx} outcome="notEnrolled" sessionId={null} {...base} />,
          { status: 409 },
        );
      const r = await checkInByToken(cmd(c, actor), { id: Number(e.id), ...base });
      const outcome = r.kind === "noSession" ? "noSession" : r.again ? "again" : "marked";
      return page(
        c,
        c.get("t")("training.checkin.title"),
        (ctx) => (
          <CheckinPage
            ctx={ctx}
            outcome={outcome}
            sessionId={r.kind === "marked" ? r.sessionId : null}
            {...base}
          />
        ),
        { status: r.kind === "noSession" ? 409 : 200 },
      );
    }),
  );

  // --------------------------------------------------------------------------------------------- test
  const testGate = async (
    c: C,
    actor: Actor,
  ): Promise<
    { error: Response } | { course: Course; e: NonNullable<Awaited<ReturnType<typeof enrolmentOf>>> }
  > => {
    const course = await courseOr404(c);
    if (!course || course.questions.length === 0) return { error: await notFound(c) };
    const e = await enrolmentOf(c.get("deps").pool, course.id, actor.id);
    if (!e || !canTakeTest(actor, actor.id, e.status))
      return { error: await errorResponse(c, 403, "training.error.testEnrolledOnly") };
    return { course, e };
  };

  app.get(
    "/training/courses/:id{[0-9]+}/test",
    authed(async (c, actor) => {
      const g = await testGate(c, actor);
      if ("error" in g) return g.error;
      if (g.e.passed || g.e.attempts >= MAX_ATTEMPTS)
        return c.redirect(`/training/courses/${g.course.id}`, 303);
      return page(c, c.get("t")("training.test.title"), (ctx) => (
        <TestPage ctx={ctx} course={g.course} attempt={g.e.attempts + 1} chosen={{}} missing={false} />
      ));
    }),
  );

  app.post(
    "/training/courses/:id{[0-9]+}/test",
    authed(async (c, actor) => {
      const g = await testGate(c, actor);
      if ("error" in g) return g.error;
      const body = await formBody(c);
      const answers = g.course.questions.map((q) => {
        const v = body[`q${q.id}`];
        return v !== undefined && /^\d$/.test(v) && Number(v) < q.choices.length ? Number(v) : null;
      });
      if (answers.some((a) => a === null))
        return page(
          c,
          c.get("t")("training.test.title"),
          (ctx) => <TestPage ctx={ctx} course={g.course} attempt={g.e.attempts + 1} chosen={body} missing />,
          { status: 422 },
        );
      try {
        const result = await submitAttempt(cmd(c, actor), g.e.id, answers);
        const after = await enrolmentOf(c.get("deps").pool, g.course.id, actor.id);
        return page(c, c.get("t")("training.test.result"), (ctx) => (
          <TestResultPage
            ctx={ctx}
            course={g.course}
            result={result}
            certificateCode={after?.certificateCode ?? null}
          />
        ));
      } catch (err) {
        return refused(c, err);
      }
    }),
  );

  // ------------------------------------------------------------------------------- materials, certificates
  app.get(
    "/training/materials/:mid{[0-9]+}",
    authed(async (c, actor) => {
      const pool = c.get("deps").pool;
      const { rows } = await pool.query<{ course_id: number; file_key: string | null; mime: string | null }>(
        "SELECT course_id, file_key, mime FROM training_materials WHERE id = $1",
        [Number(c.req.param("mid"))],
      );
      const m = rows[0];
      const course = m ? await loadCourse(pool, Number(m.course_id), c.get("locale")) : null;
      if (!m?.file_key || !course) return notFound(c);
      const enrolled = !!(await enrolmentOf(pool, course.id, actor.id));
      if (!canViewCourse(actor, course, enrolled)) return errorResponse(c, 403);
      const file = await readStoredFile(pool, m.file_key);
      if (!file) return notFound(c);
      const ext = file.mime.split("/")[1] ?? "bin";
      return download(
        c,
        file.bytes,
        file.mime,
        `tai-lieu-${c.req.param("mid")}.${ext}`,
        file.mime === "application/pdf",
      );
    }),
  );

  app.get(
    "/training/certificates/:file{[0-9A-Z-]{19}\\.pdf}",
    authed(async (c, actor) => {
      const code = normalizeCertificateCode((c.req.param("file") ?? "").replace(/\.pdf$/, ""));
      const found = code ? await findCertificate(c.get("deps").pool, code) : null;
      if (!code || !found) return notFound(c);
      if (!canDownloadCertificate(actor, Number(found.user_id), { trainerId: Number(found.trainer_id) }))
        return errorResponse(c, 403);
      const base = c.get("deps").config.baseUrl;
      const pdf = await certificatePdf({
        person: found.full_name,
        village: found.village,
        course: found.title,
        topic: found.topic,
        from: found.first_session,
        to: found.last_session,
        completedAt: found.completed_at,
        trainer: found.trainer,
        code,
        verifyUrl: `${base}/training/verify/${code}`,
      });
      return download(c, pdf, "application/pdf", `chung-nhan-${code}.pdf`);
    }),
  );

  // Public: anyone holding a certificate's code can check it. Rate-limited so codes cannot be enumerated.
  const verify = async (c: C, typed: string) => {
    const deps = c.get("deps");
    const t = c.get("t");
    if (!typed.trim())
      return page(c, t("training.verify.title"), (ctx) => (
        <VerifyPage ctx={ctx} code="" outcome="form" found={null} />
      ));
    const limit = await hitRateLimit(
      deps.pool,
      `training.verify:${clientIp(c)}`,
      30,
      60_000,
      deps.clock.now(),
    );
    if (!limit.allowed) {
      c.header("Retry-After", String(limit.retryAfterSeconds));
      return errorResponse(c, 429);
    }
    const code = normalizeCertificateCode(typed);
    const found = code ? await findCertificate(deps.pool, code) : null;
    const outcome = !code ? "malformed" : found ? "found" : "unknown";
    return page(
      c,
      t("training.verify.title"),
      (ctx) => <VerifyPage ctx={ctx} code={code ?? typed.slice(0, 40)} outcome={outcome} found={found} />,
      { status: outcome === "found" ? 200 : 404 },
    );
  };
  app.get("/training/verify", (c) => verify(c, (c.req.query("code") ?? "").slice(0, 60)));
  app.get("/training/verify/:code{[0-9A-Za-z -]{1,40}}", (c) => verify(c, c.req.param("code") ?? ""));

  // ------------------------------------------------------------------------------------ records, coverage
  const record = (own: boolean) =>
    authed(async (c, actor) => {
      const xlsx = c.req.path.endsWith(".xlsx");
      const id = own ? actor.id : intParam(c.req.param("uid")?.replace(/\.xlsx$/, ""));
      if (id === undefined) return notFound(c);
      if (!canViewRecord(actor, id)) return errorResponse(c, 403);
      const r = await personRecord(c.get("deps").pool, id, c.get("locale"));
      if (!r) return notFound(c);
      const t = c.get("t");
      if (xlsx) return download(c, await recordXlsx(r.person, r.rows, t), XLSX, `tap-huan-${id}.xlsx`);
      return page(
        c,
        own ? t("training.myRecord") : t("training.record.titleOf", { name: r.person.full_name }),
        (ctx) => (
          <RecordPage
            ctx={ctx}
            person={r.person}
            rows={r.rows}
            own={own}
            xlsx={own ? "/training/me.xlsx" : `/training/people/${id}.xlsx`}
          />
        ),
        { wide: true },
      );
    });
  app.get("/training/me", record(true));
  app.get("/training/me.xlsx", record(true));
  app.get("/training/people/:uid{[0-9]+(\\.xlsx)?}", record(false));

  app.get(
    "/training/coverage",
    allowed(canOverseeTraining, async (c) => {
      const deps = c.get("deps");
      const since = twelveMonthsBefore(deps.clock.now());
      const communeId = intParam(c.req.query("commune")) ?? null;
      const [communes, topics, untrained] = await Promise.all([
        coverageByCommune(deps.pool, since),
        topicsCovered(deps.pool, since, c.get("locale")),
        neverTrained(deps.pool, communeId, UNTRAINED_ON_PAGE),
      ]);
      return page(
        c,
        c.get("t")("training.coverage.title"),
        (ctx) => (
          <CoveragePage
            ctx={ctx}
            since={since}
            communes={communes}
            topics={topics}
            untrained={untrained}
            communeId={communeId}
            untrainedLimit={UNTRAINED_ON_PAGE}
          />
        ),
        { wide: true },
      );
    }),
  );

  app.get(
    "/training/coverage.xlsx",
    allowed(canOverseeTraining, async (c) => {
      const deps = c.get("deps");
      const since = twelveMonthsBefore(deps.clock.now());
      const [communes, topics, untrained] = await Promise.all([
        coverageByCommune(deps.pool, since),
        topicsCovered(deps.pool, since, c.get("locale")),
        neverTrained(deps.pool, null, 1_000_000),
      ]);
      return download(
        c,
        await coverageXlsx(communes, topics, untrained, c.get("t")),
        XLSX,
        "do-bao-phu-tap-huan.xlsx",
      );
    }),
  );

  // ------------------------------------------------------------------------------------------ topics
  const topicsPage = async (c: C, values: Record<string, string>, errors: Record<string, string>) => {
    const pool = c.get("deps").pool;
    await ensureDefaultTopics(pool);
    const topics = await topicOptions(pool, c.get("locale"), true);
    return page(
      c,
      c.get("t")("training.topics.title"),
      (ctx) => <TopicsPage ctx={ctx} topics={topics} values={values} errors={errors} done={done(c)} />,
      { status: Object.keys(errors).length ? 422 : 200 },
    );
  };
  app.get(
    "/training/topics",
    allowed(canEditTopics, (c) => topicsPage(c, {}, {})),
  );
  app.post(
    "/training/topics",
    allowed(canEditTopics, async (c, actor) => {
      const body = await formBody(c);
      const sortText = (body.sort ?? "").trim() || "100";
      const sort = /^\d{1,4}$/.test(sortText) ? Number(sortText) : Number.NaN;
      try {
        await saveTopic(cmd(c, actor), {
          code: (body.code ?? "").trim(),
          nameVi: body.nameVi ?? "",
          nameEn: body.nameEn ?? "",
          sort,
          active: body.active === "1",
        });
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return topicsPage(c, body, { [err.field]: err.messageKey });
        return refused(c, err);
      }
      return c.redirect("/training/topics?done=topic", 303);
    }),
  );
}

import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { CommandError } from "../../platform/commands.ts";
import { errorResponse, wantsJson } from "../../platform/http/errors.tsx";
import { parseForm } from "../../platform/http/forms.ts";
import { authed } from "../../platform/http/guards.ts";
import { CsrfField, ErrorSummary, Field, Flash } from "../../platform/http/layout.tsx";
import { page } from "../../platform/http/render.tsx";
import { clientIp, formBody } from "../../platform/http/request.ts";
import { safeLocalPath } from "../../platform/http/safeUrl.ts";
import { type App, type AppEnv, SESSION_COOKIE } from "../../platform/http/types.ts";
import { login } from "./commands/login.ts";
import { changePassword } from "./commands/manageUsers.ts";
import { MIN_PASSWORD_LENGTH } from "./passwords.ts";
import { destroySession, SESSION_TTL_MS } from "./sessions.ts";
import { LoginPage } from "./views/loginPage.tsx";

const loginSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, "accounts.error.usernameRequired")
    .max(100, "form.tooLong")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: PostgreSQL refuses NUL in text; no username has controls
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: "accounts.error.invalidLogin" }),
  password: z.string().min(1, "accounts.error.passwordRequired").max(200, "form.tooLong"),
  next: z.string().optional(),
});

const passwordSchema = z
  .object({
    current: z.string().min(1, "accounts.error.passwordRequired"),
    next: z.string().min(MIN_PASSWORD_LENGTH, "accounts.error.passwordShort").max(200, "form.tooLong"),
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { message: "accounts.error.passwordMismatch", path: ["confirm"] });

export function accountsRoutes(app: App): void {
  app.get("/login", (c) => {
    const next = safeLocalPath(c.req.query("next"), "");
    const actor = c.get("actor");
    if (actor) return c.redirect(next || c.get("deps").homeFor(actor), 303);
    return page(c, c.get("t")("accounts.login.title"), (ctx) => (
      <LoginPage ctx={ctx} values={{}} errors={{}} next={next} />
    ));
  });

  app.post("/login", async (c) => {
    const deps = c.get("deps");
    const t = c.get("t");
    const form = parseForm(loginSchema, await formBody(c));
    if (!form.ok) {
      return page(
        c,
        t("accounts.login.title"),
        (ctx) => (
          <LoginPage
            ctx={ctx}
            values={form.values}
            errors={form.errors}
            next={safeLocalPath(form.values.next, "")}
          />
        ),
        { status: 422 },
      );
    }
    const res = await login(deps, {
      username: form.data.username,
      password: form.data.password,
      ip: clientIp(c),
    });
    const next = safeLocalPath(form.data.next, "");
    if (!res.ok) {
      const errors = {
        password:
          res.reason === "rate_limited" ? "accounts.error.rateLimited" : "accounts.error.invalidLogin",
      };
      if (res.retryAfterSeconds) c.header("Retry-After", String(res.retryAfterSeconds));
      return page(
        c,
        t("accounts.login.title"),
        (ctx) => (
          <LoginPage ctx={ctx} values={{ username: form.data.username }} errors={errors} next={next} />
        ),
        { status: res.reason === "rate_limited" ? 429 : 422 },
      );
    }
    setCookie(c, SESSION_COOKIE, res.sessionToken, {
      httpOnly: true,
      sameSite: "Lax",
      secure: deps.config.baseUrl.startsWith("https://"),
      path: "/",
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    if (res.mustChangePassword) return c.redirect("/account/password?first=1", 303);
    const actor = await deps.auth.fromSession(res.sessionToken, deps.clock.now());
    return c.redirect(next || (actor ? deps.homeFor(actor) : "/"), 303);
  });

  app.post("/logout", async (c) => {
    const sid = getCookie(c, SESSION_COOKIE);
    if (sid) await destroySession(c.get("deps").pool, sid);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/", 303);
  });

  app.get(
    "/account",
    authed((c, actor) => {
      const t = c.get("t");
      return page(c, t("accounts.account.title"), (ctx) => (
        <section>
          <h1>{t("accounts.account.title")}</h1>
          <Flash
            ctx={ctx}
            messageKey={c.req.query("done") === "password" ? "accounts.password.changed" : null}
          />
          <dl class="facts">
            <dt>{t("accounts.field.fullName")}</dt>
            <dd>{actor.fullName}</dd>
            <dt>{t("accounts.field.username")}</dt>
            <dd>{actor.username}</dd>
          </dl>
          <h2>{t("accounts.account.roles")}</h2>
          <ul>
            {actor.grants.map((g) => (
              <li>{t(`role.${g.role}`)}</li>
            ))}
          </ul>
          <p>
            <a class="button secondary" href="/account/password">
              {t("accounts.password.title")}
            </a>
          </p>
        </section>
      ));
    }),
  );

  const passwordPage = (c: Context<AppEnv>, errors: Record<string, string>, status: 200 | 422 = 200) => {
    const t = c.get("t");
    return page(
      c,
      t("accounts.password.title"),
      (ctx) => (
        <section class="narrow">
          <h1>{t("accounts.password.title")}</h1>
          {c.req.query("first") ? <div class="alert warn">{t("accounts.password.mustChange")}</div> : null}
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action="/account/password" novalidate>
            <CsrfField ctx={ctx} />
            <Field
              ctx={ctx}
              name="current"
              type="password"
              label={t("accounts.field.currentPassword")}
              errors={errors}
              required
              autocomplete="current-password"
            />
            <Field
              ctx={ctx}
              name="next"
              type="password"
              label={t("accounts.field.newPassword")}
              errors={errors}
              required
              autocomplete="new-password"
              hint={t("accounts.password.hint", { n: MIN_PASSWORD_LENGTH })}
            />
            <Field
              ctx={ctx}
              name="confirm"
              type="password"
              label={t("accounts.field.confirmPassword")}
              errors={errors}
              required
              autocomplete="new-password"
            />
            <button type="submit">{t("accounts.password.submit")}</button>
          </form>
        </section>
      ),
      { status },
    );
  };

  app.get(
    "/account/password",
    authed((c) => passwordPage(c, {})),
  );

  app.post(
    "/account/password",
    authed(async (c, actor) => {
      const deps = c.get("deps");
      const form = parseForm(passwordSchema, await formBody(c));
      if (!form.ok) return passwordPage(c, form.errors, 422);
      try {
        await changePassword(
          { pool: deps.pool, clock: deps.clock, actorId: actor.id },
          {
            current: form.data.current,
            next: form.data.next,
            keepSessionToken: getCookie(c, SESSION_COOKIE),
          },
        );
      } catch (err) {
        if (err instanceof CommandError)
          return passwordPage(c, { [err.field ?? "_form"]: err.messageKey }, 422);
        throw err;
      }
      return c.redirect("/account?done=password", 303);
    }),
  );

  // Until a temporary password is replaced, the account can do nothing else.
  app.use(async (c, next) => {
    const actor = c.get("actor");
    const path = new URL(c.req.url).pathname;
    if (
      actor?.mustChangePassword &&
      actor.via === "session" &&
      !["/account/password", "/logout"].includes(path) &&
      !path.startsWith("/lang/")
    ) {
      if (c.req.method === "GET" && !wantsJson(c)) return c.redirect("/account/password?first=1", 303);
      return errorResponse(c, 403, "accounts.password.mustChange");
    }
    await next();
  });
}

import { stringify } from "csv-stringify/sync";
import type { Context } from "hono";
import { type CommandContext, CommandError } from "../../platform/commands.ts";
import { errorResponse } from "../../platform/http/errors.tsx";
import { type FieldErrors, parseForm } from "../../platform/http/forms.ts";
import { allowed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { formBody, intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { USER_COLUMNS } from "../units/data/userFile.ts";
import {
  grantSchema,
  NEW_USER_DEFAULTS,
  newUserSchema,
  resolveScope,
  type ScopeInput,
  searchText,
  tokenSchema,
  withDefaults,
} from "./adminForms.ts";
import { importUsersFile } from "./commands/importUsers.ts";
import {
  addGrant,
  createApiToken,
  createUser,
  removeGrant,
  resetPassword,
  revokeApiToken,
  setUserActive,
} from "./commands/manageUsers.ts";
import {
  canEditGrants,
  canGiveGrant,
  canImportUsers,
  canManageTokens,
  canManageUser,
  canOpenUserAdmin,
  canSeeAdminDashboard,
  communeScopes,
  grantableRoles,
  isAdmin,
  type UserSubject,
} from "./policy.ts";
import { dashboardCounts } from "./queries/dashboard.ts";
import { listUsers, MAX_PAGE, type UserListFilter } from "./queries/listUsers.ts";
import { listAgencies, listAreas } from "./queries/scope.ts";
import { loadUserDetail, subjectOf, tokenBelongsTo, type UserDetail } from "./queries/userDetail.ts";
import { isRole, ROLES } from "./roles.ts";
import { ConfirmPage } from "./views/confirmPage.tsx";
import { DashboardPage } from "./views/dashboardPage.tsx";
import { ImportPage, type ImportView, MAX_IMPORT_BYTES } from "./views/importPage.tsx";
import { NewUserPage } from "./views/newUserPage.tsx";
import type { ScopeChoices } from "./views/scopeFields.tsx";
import { SecretPage } from "./views/secretPage.tsx";
import { type DetailForms, emptyForms, UserDetailPage } from "./views/userDetailPage.tsx";
import { UsersListPage } from "./views/usersListPage.tsx";

type C = Context<AppEnv>;

const ID = "{[0-9]+}";
const DONE = ["created", "deactivated", "activated", "grantAdded", "grantRemoved", "tokenRevoked"];

const commandContext = (c: C, actor: Actor): CommandContext => {
  const deps = c.get("deps");
  return { pool: deps.pool, clock: deps.clock, actorId: actor.id };
};

/** Where a commune officer may act; null for an administrator (everywhere). */
const scopeLimit = (actor: Actor): string[] | null => (isAdmin(actor) ? null : communeScopes(actor));

async function scopeChoices(
  c: C,
  actor: Actor,
  candidates: ScopeChoices["candidates"] = [],
): Promise<ScopeChoices> {
  const deps = c.get("deps");
  return {
    roles: grantableRoles(actor),
    areas: await listAreas(deps.pool, deps.config.provinceCode, scopeLimit(actor)),
    agencies: isAdmin(actor) ? await listAgencies(deps.pool) : null,
    candidates,
  };
}

const scopeInput = (body: Record<string, string>): ScopeInput => ({
  role: body.role ?? "",
  unitId: (body.unitId ?? "").trim(),
  village: searchText(body.village),
  villageId: (body.villageId ?? "").trim(),
  agencyId: (body.agencyId ?? "").trim(),
});

const typed = (body: Record<string, string>): Record<string, string> => {
  const { _csrf, ...rest } = body;
  return rest;
};

/** The command's field names onto the form's. */
const formField = (field: string | undefined): string =>
  field === "unitId" || field === "agencyId" || field === "username" ? field : "role";

const isUniqueViolation = (err: unknown): boolean =>
  typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "23505";

/** Loads the account named in the path and checks the policy: 404 when there is none, 403 when not allowed. */
async function withSubject(
  c: C,
  actor: Actor,
  check: (actor: Actor, subject: UserSubject) => boolean,
  fn: (user: UserDetail) => Response | Promise<Response>,
): Promise<Response> {
  const id = intParam(c.req.param("id"));
  const user =
    id === undefined ? null : await loadUserDetail(c.get("deps").pool, id, c.get("deps").clock.now());
  if (!user) return errorResponse(c, 404, "accounts.error.notFound");
  if (!check(actor, subjectOf(user))) return errorResponse(c, 403);
  return fn(user);
}

async function detailPage(
  c: C,
  actor: Actor,
  user: UserDetail,
  opts: {
    forms?: DetailForms;
    flash?: string | null;
    flashKind?: "ok" | "error";
    status?: 200 | 404 | 409 | 422;
  } = {},
) {
  const t = c.get("t");
  const subject = subjectOf(user);
  const rights = {
    editGrants: canEditGrants(actor, subject),
    tokens: canManageTokens(actor, subject),
    manage: canManageUser(actor, subject),
    self: user.id === actor.id,
  };
  const candidates = opts.forms?.grant.candidates ?? [];
  const choices = rights.editGrants ? await scopeChoices(c, actor, candidates) : null;
  return page(
    c,
    t("accounts.detail.title", { name: user.fullName }),
    (ctx) => (
      <UserDetailPage
        ctx={ctx}
        user={user}
        rights={rights}
        choices={choices}
        forms={opts.forms ?? emptyForms()}
        flash={opts.flash ?? null}
        flashKind={opts.flashKind}
      />
    ),
    { status: opts.status ?? 200 },
  );
}

function secretPage(
  c: C,
  p: {
    heading: string;
    lead: string;
    facts: [string, string][];
    secretLabel: string;
    secret: string;
    advice: string[];
    links: { href: string; label: string }[];
  },
  status: 200 | 201 = 200,
) {
  // Shown once: never stored in a cache, never in the history's saved copy.
  c.header("Cache-Control", "no-store");
  return page(c, p.heading, (ctx) => <SecretPage ctx={ctx} {...p} />, { status });
}

export function adminRoutes(app: App): void {
  app.get(
    "/admin",
    allowed(canSeeAdminDashboard, async (c) => {
      const deps = c.get("deps");
      const counts = await dashboardCounts(deps.pool, deps.config.provinceCode, deps.clock.now());
      return page(
        c,
        c.get("t")("accounts.dashboard.title"),
        (ctx) => <DashboardPage ctx={ctx} counts={counts} />,
        {
          wide: true,
        },
      );
    }),
  );

  app.get(
    "/admin/users",
    allowed(canOpenUserAdmin, async (c, actor) => {
      const t = c.get("t");
      const role = c.req.query("role") ?? "";
      const status = c.req.query("status");
      const filter: UserListFilter = {
        q: searchText(c.req.query("q")),
        role: isRole(role) ? role : "",
        status: status === "active" || status === "inactive" ? status : "all",
        page: Math.min(MAX_PAGE, Math.max(1, intParam(c.req.query("page")) ?? 1)),
        villageHeadsWithin: scopeLimit(actor),
      };
      const result = await listUsers(c.get("deps").pool, filter);
      const done = c.req.query("done");
      const villageHeadsOnly = !isAdmin(actor);
      return page(
        c,
        t(villageHeadsOnly ? "accounts.admin.villageHeadsTitle" : "accounts.admin.usersTitle"),
        (ctx) => (
          <UsersListPage
            ctx={ctx}
            filter={filter}
            result={result}
            roles={ROLES}
            canImport={canImportUsers(actor)}
            villageHeadsOnly={villageHeadsOnly}
            flash={done && DONE.includes(done) ? `accounts.done.${done}` : null}
          />
        ),
        { wide: true },
      );
    }),
  );

  const newUserPage = (
    c: C,
    choices: ScopeChoices,
    values: Record<string, string>,
    errors: FieldErrors,
    status: 200 | 422 = 200,
  ) => {
    const t = c.get("t");
    const title = t(choices.roles.length === 1 ? "accounts.new.titleVillageHead" : "accounts.new.title");
    return page(
      c,
      title,
      (ctx) => <NewUserPage ctx={ctx} values={values} errors={errors} choices={choices} />,
      { status },
    );
  };

  app.get(
    "/admin/users/new",
    allowed(canOpenUserAdmin, async (c, actor) => {
      const choices = await scopeChoices(c, actor);
      // A commune officer of one commune has it chosen already.
      const values: Record<string, string> = {};
      const communes = choices.areas.filter((a) => a.level === "commune");
      if (!isAdmin(actor) && communes.length === 1 && communes[0]) values.unitId = String(communes[0].id);
      return newUserPage(c, choices, values, {});
    }),
  );

  app.post(
    "/admin/users/new",
    allowed(canOpenUserAdmin, async (c, actor) => {
      const deps = c.get("deps");
      const t = c.get("t");
      const body = withDefaults(await formBody(c), NEW_USER_DEFAULTS);
      const values = typed(body);
      const form = parseForm(newUserSchema, body);
      const scope = await resolveScope(deps.pool, scopeInput(body), {
        provinceCode: deps.config.provinceCode,
        within: scopeLimit(actor),
      });
      const rerender = async (errors: FieldErrors, candidates: ScopeChoices["candidates"] = []) =>
        newUserPage(c, await scopeChoices(c, actor, candidates), values, errors, 422);
      if (scope.ok && scope.villageId !== null) values.villageId = String(scope.villageId);
      if (!form.ok || !scope.ok) {
        return rerender(
          { ...(form.ok ? {} : form.errors), ...(scope.ok ? {} : scope.errors) },
          scope.ok ? [] : scope.candidates,
        );
      }
      if (!canGiveGrant(actor, scope.target)) return errorResponse(c, 403);
      const d = form.data;
      let created: { id: number; password: string };
      try {
        created = await createUser(commandContext(c, actor), {
          username: d.username,
          fullName: d.fullName,
          email: d.email,
          phone: d.phone,
          mustChangePassword: true,
          grants: [scope.grant],
        });
      } catch (err) {
        if (err instanceof CommandError) return rerender({ [formField(err.field)]: err.messageKey });
        if (isUniqueViolation(err)) return rerender({ username: "accounts.error.usernameTaken" });
        throw err;
      }
      return secretPage(
        c,
        {
          heading: t("accounts.created.title"),
          lead: t("accounts.created.lead", { name: d.fullName }),
          facts: [
            [t("accounts.field.fullName"), d.fullName],
            [t("accounts.field.username"), d.username],
          ],
          secretLabel: t("accounts.field.tempPassword"),
          secret: created.password,
          advice: [
            t("accounts.secret.handOver"),
            t("accounts.secret.mustChange"),
            t("accounts.secret.onceOnly"),
          ],
          links: [
            { href: `/admin/users/${created.id}`, label: t("accounts.created.open") },
            { href: "/admin/users/new", label: t("accounts.created.another") },
          ],
        },
        201,
      );
    }),
  );

  // Importing village heads from a spreadsheet ------------------------------------------------------------------

  const importPage = (c: C, view: ImportView, status: 200 | 400 | 413 | 422 = 200) => {
    if (view.kind === "done") c.header("Cache-Control", "no-store");
    return page(c, c.get("t")("accounts.import.title"), (ctx) => <ImportPage ctx={ctx} view={view} />, {
      status,
      wide: true,
    });
  };

  app.get(
    "/admin/users/import",
    allowed(canImportUsers, (c) => importPage(c, { kind: "form" })),
  );

  app.get(
    "/admin/users/import/template.csv",
    allowed(canImportUsers, (c) => {
      const csv = stringify([USER_COLUMNS.map((col) => col.aliases[0] ?? col.field)], {
        record_delimiter: "\r\n",
      });
      // The byte-order mark makes Excel read the header as UTF-8.
      return c.body(`\uFEFF${csv}`, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="mau-tai-khoan-truong-thon.csv"',
      });
    }),
  );

  app.post(
    "/admin/users/import",
    allowed(canImportUsers, async (c, actor) => {
      let file: unknown;
      try {
        file = (await c.req.parseBody()).file;
      } catch {
        return importPage(c, { kind: "form", error: "accounts.import.error.noFile" }, 400);
      }
      if (!(file instanceof Blob) || file.size === 0) {
        return importPage(c, { kind: "form", error: "accounts.import.error.noFile" }, 422);
      }
      if (file.size > MAX_IMPORT_BYTES)
        return importPage(c, { kind: "form", error: "accounts.import.error.tooLarge" }, 413);
      const filename = (file instanceof File ? file.name : "").slice(0, 200) || "upload";
      const out = await importUsersFile(
        commandContext(c, actor),
        new Uint8Array(await file.arrayBuffer()),
        filename,
      );
      if (!out.ok) return importPage(c, { kind: "errors", errors: out.errors, filename }, 422);
      return importPage(c, { kind: "done", accounts: out.accounts, filename });
    }),
  );

  // One account ----------------------------------------------------------------------------------------------------

  app.get(
    `/admin/users/:id${ID}`,
    allowed(canOpenUserAdmin, (c, actor) =>
      withSubject(c, actor, canManageUser, (user) => {
        const done = c.req.query("done");
        return detailPage(c, actor, user, {
          flash: done && DONE.includes(done) ? `accounts.done.${done}` : null,
        });
      }),
    ),
  );

  app.post(
    `/admin/users/:id${ID}/grants`,
    allowed(isAdmin, (c, actor) =>
      withSubject(c, actor, canEditGrants, async (user) => {
        const deps = c.get("deps");
        const body = withDefaults(await formBody(c));
        const values = typed(body);
        const form = parseForm(grantSchema, body);
        const scope = await resolveScope(deps.pool, scopeInput(body), {
          provinceCode: deps.config.provinceCode,
          within: scopeLimit(actor),
        });
        const rerender = (
          errors: FieldErrors,
          candidates: ScopeChoices["candidates"] = [],
          status: 409 | 422 = 422,
        ) =>
          detailPage(c, actor, user, {
            forms: { ...emptyForms(), grant: { values, errors, candidates } },
            status,
          });
        if (scope.ok && scope.villageId !== null) values.villageId = String(scope.villageId);
        if (!form.ok || !scope.ok) {
          return rerender(
            { ...(form.ok ? {} : form.errors), ...(scope.ok ? {} : scope.errors) },
            scope.ok ? [] : scope.candidates,
          );
        }
        try {
          await addGrant(commandContext(c, actor), user.id, scope.grant);
        } catch (err) {
          if (err instanceof CommandError)
            return rerender({ [formField(err.field)]: err.messageKey }, [], err.status === 409 ? 409 : 422);
          throw err;
        }
        return c.redirect(`/admin/users/${user.id}?done=grantAdded`, 303);
      }),
    ),
  );

  app.post(
    `/admin/users/:id${ID}/grants/:grantId${ID}/remove`,
    allowed(isAdmin, (c, actor) =>
      withSubject(c, actor, canEditGrants, async (user) => {
        const grantId = intParam(c.req.param("grantId"));
        if (grantId === undefined || !user.grants.some((g) => g.id === grantId)) return errorResponse(c, 404);
        try {
          await removeGrant(commandContext(c, actor), user.id, grantId);
        } catch (err) {
          if (err instanceof CommandError) return errorResponse(c, 404);
          throw err;
        }
        return c.redirect(`/admin/users/${user.id}?done=grantRemoved`, 303);
      }),
    ),
  );

  app.post(
    `/admin/users/:id${ID}/reset-password`,
    allowed(canOpenUserAdmin, (c, actor) =>
      withSubject(c, actor, canManageUser, async (user) => {
        const t = c.get("t");
        // One's own password is changed knowing the current one, on the account page.
        if (user.id === actor.id) return c.redirect("/account/password", 303);
        const password = await resetPassword(commandContext(c, actor), user.id);
        return secretPage(c, {
          heading: t("accounts.reset.title"),
          lead: t("accounts.reset.lead", { name: user.fullName }),
          facts: [
            [t("accounts.field.fullName"), user.fullName],
            [t("accounts.field.username"), user.username],
          ],
          secretLabel: t("accounts.field.tempPassword"),
          secret: password,
          advice: [
            t("accounts.secret.handOver"),
            t("accounts.secret.mustChange"),
            t("accounts.secret.onceOnly"),
          ],
          links: [{ href: `/admin/users/${user.id}`, label: t("accounts.created.open") }],
        });
      }),
    ),
  );

  app.get(
    `/admin/users/:id${ID}/deactivate`,
    allowed(canOpenUserAdmin, (c, actor) =>
      withSubject(c, actor, canManageUser, (user) => {
        const t = c.get("t");
        return page(c, t("accounts.deactivate.title", { name: user.fullName }), (ctx) => (
          <ConfirmPage
            ctx={ctx}
            heading={t("accounts.deactivate.title", { name: user.fullName })}
            body={[t("accounts.deactivate.body1"), t("accounts.deactivate.body2")]}
            action={`/admin/users/${user.id}/deactivate`}
            submit={t("accounts.deactivate.submit")}
            cancelHref={`/admin/users/${user.id}`}
            danger
          />
        ));
      }),
    ),
  );

  for (const [verb, active] of [
    ["deactivate", false],
    ["activate", true],
  ] as const) {
    app.post(
      `/admin/users/:id${ID}/${verb}`,
      allowed(canOpenUserAdmin, (c, actor) =>
        withSubject(c, actor, canManageUser, async (user) => {
          try {
            await setUserActive(commandContext(c, actor), user.id, active);
          } catch (err) {
            if (err instanceof CommandError)
              return detailPage(c, actor, user, { flash: err.messageKey, flashKind: "error", status: 409 });
            throw err;
          }
          return c.redirect(`/admin/users/${user.id}?done=${active ? "activated" : "deactivated"}`, 303);
        }),
      ),
    );
  }

  // API tokens -----------------------------------------------------------------------------------------------------

  app.post(
    `/admin/users/:id${ID}/tokens`,
    allowed(isAdmin, (c, actor) =>
      withSubject(c, actor, canManageTokens, async (user) => {
        const t = c.get("t");
        const body = withDefaults(await formBody(c), { name: "" });
        const form = parseForm(tokenSchema, body);
        if (!form.ok) {
          return detailPage(c, actor, user, {
            forms: { ...emptyForms(), token: { values: form.values, errors: form.errors } },
            status: 422,
          });
        }
        let token: string;
        try {
          token = await createApiToken(commandContext(c, actor), user.id, form.data.name);
        } catch (err) {
          if (err instanceof CommandError)
            return detailPage(c, actor, user, { flash: err.messageKey, flashKind: "error", status: 409 });
          throw err;
        }
        return secretPage(
          c,
          {
            heading: t("accounts.tokens.createdTitle"),
            lead: t("accounts.tokens.createdLead", { name: form.data.name, user: user.fullName }),
            facts: [
              [t("accounts.tokens.name"), form.data.name],
              [t("accounts.field.username"), user.username],
            ],
            secretLabel: t("accounts.tokens.secret"),
            secret: token,
            advice: [
              t("accounts.tokens.adviceStore"),
              t("accounts.tokens.adviceHeader"),
              t("accounts.tokens.adviceOnce"),
            ],
            links: [{ href: `/admin/users/${user.id}`, label: t("accounts.created.open") }],
          },
          201,
        );
      }),
    ),
  );

  app.post(
    `/admin/users/:id${ID}/tokens/:tokenId${ID}/revoke`,
    allowed(isAdmin, (c, actor) =>
      withSubject(c, actor, canManageTokens, async (user) => {
        const tokenId = intParam(c.req.param("tokenId"));
        if (tokenId === undefined || !(await tokenBelongsTo(c.get("deps").pool, tokenId, user.id))) {
          return errorResponse(c, 404);
        }
        try {
          await revokeApiToken(commandContext(c, actor), tokenId);
        } catch (err) {
          // already revoked: the outcome the person wanted
          if (!(err instanceof CommandError)) throw err;
        }
        return c.redirect(`/admin/users/${user.id}?done=tokenRevoked`, 303);
      }),
    ),
  );
}

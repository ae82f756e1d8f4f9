import type { FC } from "hono/jsx";
import { CsrfField, type PageContext } from "../../../platform/http/layout.tsx";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import type { ImportError } from "../../units/data/importTable.ts";
import { USER_COLUMNS } from "../../units/data/userFile.ts";
import { importColumnLabel, importErrorText } from "../importText.ts";

export type ImportView =
  | { kind: "form"; error?: string }
  | { kind: "errors"; errors: readonly ImportError[]; filename: string }
  | { kind: "done"; accounts: { username: string; fullName: string; password: string }[]; filename: string };

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** "Chỉ nhận: village_head" reads "Chỉ nhận: Bí thư chi bộ, trưởng thôn". */
const withRoleNames = (e: ImportError, t: Translate): ImportError =>
  e.messageKey === "import.error.unknownRole" && typeof e.params?.allowed === "string"
    ? {
        ...e,
        params: {
          ...e.params,
          allowed: e.params.allowed
            .split(", ")
            .map((r) => `${t(`role.${r}`)}`)
            .join("; "),
        },
      }
    : e;

const UploadForm: FC<{ ctx: PageContext; error?: string }> = ({ ctx, error }) => {
  const { t } = ctx;
  return (
    <form method="post" action="/admin/users/import" enctype="multipart/form-data" novalidate>
      <CsrfField ctx={ctx} />
      <div class={error ? "field invalid" : "field"}>
        <label for="f-file">
          {t("accounts.import.file")}
          <span class="req"> *</span>
        </label>
        <p class="hint" id="f-file-hint">
          {t("accounts.import.fileHint", { mb: MAX_IMPORT_BYTES / 1024 / 1024 })}
        </p>
        {error ? (
          <p class="err" id="f-file-err">
            {t(error)}
          </p>
        ) : null}
        <input
          id="f-file"
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          required
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "f-file-hint f-file-err" : "f-file-hint"}
        />
      </div>
      <button type="submit">{t("accounts.import.submit")}</button>
    </form>
  );
};

/** Upload, every bad row at once (nothing imported), or the new accounts with their temporary passwords, once. */
export const ImportPage: FC<{ ctx: PageContext; view: ImportView }> = ({ ctx, view }) => {
  const { t, locale } = ctx;
  return (
    <section>
      <p>
        <a href="/admin/users">{t("accounts.admin.backToList")}</a>
      </p>
      <h1>{t("accounts.import.title")}</h1>
      {view.kind === "done" ? (
        <>
          <div class="alert ok" role="status">
            {t("accounts.import.done", { n: view.accounts.length, file: view.filename })}
          </div>
          <div class="alert warn">
            <ul>
              <li>{t("accounts.import.printAdvice")}</li>
              <li>{t("accounts.secret.handOver")}</li>
              <li>{t("accounts.secret.onceOnly")}</li>
            </ul>
          </div>
          <div class="scroll">
            <table>
              <caption>{t("accounts.import.accountsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("accounts.field.fullName")}</th>
                  <th scope="col">{t("accounts.field.username")}</th>
                  <th scope="col">{t("accounts.field.tempPassword")}</th>
                </tr>
              </thead>
              <tbody>
                {view.accounts.map((a) => (
                  <tr>
                    <td>{a.fullName}</td>
                    <td>
                      <code>{a.username}</code>
                    </td>
                    <td>
                      <code>{a.password}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a class="button" href="/admin/users">
              {t("accounts.admin.backToList")}
            </a>
          </p>
        </>
      ) : (
        <>
          {view.kind === "errors" ? (
            <div class="alert error" role="alert">
              <p>
                <strong>{t("accounts.import.nothingImported")}</strong>
              </p>
              <p>{t("accounts.import.errorsLead", { n: view.errors.length, file: view.filename })}</p>
            </div>
          ) : null}
          {view.kind === "errors" ? (
            <div class="scroll">
              <table>
                <caption>{t("accounts.import.errorsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      {t("accounts.import.row")}
                    </th>
                    <th scope="col">{t("accounts.import.column")}</th>
                    <th scope="col">{t("accounts.import.value")}</th>
                    <th scope="col">{t("accounts.import.message")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.errors.map((e) => (
                    <tr>
                      <td class="num">{e.row > 0 ? e.row : "—"}</td>
                      <td>{importColumnLabel(locale, e.field)}</td>
                      <td>{e.value ? <code>{e.value}</code> : "—"}</td>
                      <td>{importErrorText(locale, withRoleNames(e, t))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t("accounts.import.lead")}</p>
          )}
          <UploadForm ctx={ctx} error={view.kind === "form" ? view.error : undefined} />
          <h2>{t("accounts.import.columns")}</h2>
          <p>
            <a href="/admin/users/import/template.csv" download="">
              {t("accounts.import.template")}
            </a>
          </p>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("accounts.import.column")}</th>
                  <th scope="col">{t("accounts.import.required")}</th>
                  <th scope="col">{t("accounts.import.example")}</th>
                </tr>
              </thead>
              <tbody>
                {USER_COLUMNS.map((c) => (
                  <tr>
                    <td>{c.aliases[0]}</td>
                    <td>{c.required ? t("accounts.import.yes") : t("accounts.import.no")}</td>
                    <td>{t(`accounts.import.example.${c.field}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted">{t("accounts.import.rules")}</p>
        </>
      )}
    </section>
  );
};

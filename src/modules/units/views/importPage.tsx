import type { FC } from "hono/jsx";
import { CsrfField, type PageContext } from "../../../platform/http/layout.tsx";
import type { ImportError } from "../data/importTable.ts";
import { labelOr, Notice } from "./common.tsx";

/** The columns of the village file, as the page explains them (same order as the template). */
export const IMPORT_COLUMNS = [
  { field: "commune_code", required: true },
  { field: "village_name", required: true },
  { field: "type", required: false },
  { field: "head_name", required: false },
  { field: "phone", required: false },
  { field: "village_code", required: false },
] as const;

export type ImportOutcome =
  | { kind: "none" }
  | { kind: "fileError"; messageKey: string }
  | { kind: "errors"; errors: readonly ImportError[]; filename: string }
  | { kind: "done"; count: number; created: number; updated: number };

const ErrorTable: FC<{ ctx: PageContext; errors: readonly ImportError[] }> = ({ ctx, errors }) => {
  const { t } = ctx;
  return (
    <>
      <h2 id="import-errors">{t("units.import.errorsTitle")}</h2>
      <div class="scroll">
        <table aria-labelledby="import-errors">
          <thead>
            <tr>
              <th scope="col" class="num">
                {t("units.import.err.row")}
              </th>
              <th scope="col">{t("units.import.err.column")}</th>
              <th scope="col">{t("units.import.err.message")}</th>
              <th scope="col">{t("units.import.err.value")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e) => (
              <tr>
                <td class="num">{e.row === 0 ? t("units.import.wholeFile") : e.row}</td>
                <td>{labelOr(t, `import.field.${e.field}`, e.field)}</td>
                <td>{t(e.messageKey, e.params)}</td>
                <td>{e.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

export const ImportPage: FC<{ ctx: PageContext; outcome: ImportOutcome }> = ({ ctx, outcome }) => {
  const { t } = ctx;
  const fileError = outcome.kind === "fileError" ? outcome.messageKey : null;
  return (
    <section>
      <nav aria-label={t("units.crumbs")}>
        <ol class="crumbs">
          <li>
            <a href="/units">{t("units.title")}</a>
          </li>
          <li aria-current="page">{t("units.import.title")}</li>
        </ol>
      </nav>
      <h1>{t("units.import.title")}</h1>
      {outcome.kind === "done" ? (
        <Notice
          ctx={ctx}
          messageKey="units.import.done"
          params={{ count: outcome.count, created: outcome.created, updated: outcome.updated }}
        />
      ) : null}
      {outcome.kind === "errors" ? (
        <>
          <Notice
            ctx={ctx}
            kind="error"
            messageKey="units.import.failed"
            params={{ n: outcome.errors.length }}
          />
          <ErrorTable ctx={ctx} errors={outcome.errors} />
        </>
      ) : null}
      <p>{t("units.import.lead")}</p>
      <form method="post" action="/admin/units/import" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <div class={fileError ? "field invalid" : "field"}>
          <label for="f-file">
            {t("units.import.file")}
            <span class="req"> *</span>
          </label>
          <p class="hint" id="f-file-hint">
            {t("units.import.fileHint")}
          </p>
          {fileError ? (
            <p class="err" id="f-file-err" role="alert">
              {t(fileError)}
            </p>
          ) : null}
          <input
            id="f-file"
            name="file"
            type="file"
            required
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-invalid={fileError ? "true" : undefined}
            aria-describedby={fileError ? "f-file-hint f-file-err" : "f-file-hint"}
          />
        </div>
        <div class="actions">
          <button type="submit">{t("units.import.submit")}</button>
          <a href="/admin/units/import/template.csv" download>
            {t("units.import.template")}
          </a>
        </div>
      </form>
      <h2 id="import-columns">{t("units.import.columns")}</h2>
      <div class="scroll">
        <table aria-labelledby="import-columns">
          <thead>
            <tr>
              <th scope="col">{t("units.import.col.column")}</th>
              <th scope="col">{t("units.import.col.required")}</th>
              <th scope="col">{t("units.import.col.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMNS.map((c) => (
              <tr>
                <th scope="row">{t(`import.field.${c.field}`)}</th>
                <td>{t(c.required ? "units.import.yes" : "units.import.no")}</td>
                <td>{t(`units.import.about.${c.field}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">{t("units.import.rules")}</p>
    </section>
  );
};

import type { Child, FC } from "hono/jsx";
import type { Locale, Translate } from "../i18n/i18n.ts";
import type { Actor, NavItem } from "./types.ts";

export type PageContext = {
  t: Translate;
  locale: Locale;
  actor: Actor | null;
  csrf: string;
  nav: NavItem[];
  path: string;
  unread?: number;
};

export const Layout: FC<{ ctx: PageContext; title: string; children?: Child; wide?: boolean }> = ({
  ctx,
  title,
  children,
  wide,
}) => {
  const { t, actor } = ctx;
  const other: Locale = ctx.locale === "vi" ? "en" : "vi";
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t("app.name")}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/app.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t("layout.skip")}
        </a>
        <header class="top">
          <div class="bar">
            <a class="brand" href="/">
              {t("app.name")}
            </a>
            <nav aria-label={t("layout.nav")} class="nav">
              <ul>
                {ctx.nav.map((item) => (
                  <li>
                    <a href={item.href} aria-current={ctx.path.startsWith(item.href) ? "page" : undefined}>
                      {t(item.labelKey)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="me">
              <a href={`/lang/${other}?back=${encodeURIComponent(ctx.path)}`} lang={other} hreflang={other}>
                {other === "en" ? "English" : "Tiếng Việt"}
              </a>
              {actor ? (
                <>
                  <a href="/inbox">
                    {t("layout.inbox")}
                    {ctx.unread ? <span class="badge">{ctx.unread}</span> : null}
                  </a>
                  <a href="/account">{actor.fullName}</a>
                  <form method="post" action="/logout" class="inline">
                    <input type="hidden" name="_csrf" value={ctx.csrf} />
                    <button type="submit" class="link">
                      {t("layout.logout")}
                    </button>
                  </form>
                </>
              ) : (
                <a href="/login">{t("layout.login")}</a>
              )}
            </div>
          </div>
        </header>
        <main id="main" class={wide ? "wide" : undefined}>
          {children}
        </main>
        <footer class="foot">
          <p>{t("layout.footer")}</p>
        </footer>
      </body>
    </html>
  );
};

export const CsrfField: FC<{ ctx: PageContext }> = ({ ctx }) => (
  <input type="hidden" name="_csrf" value={ctx.csrf} />
);

export const ErrorSummary: FC<{ ctx: PageContext; errors: Record<string, string> }> = ({ ctx, errors }) => {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="alert error" role="alert">
      <p>{ctx.t("form.fixBelow", { n: entries.length })}</p>
      <ul>
        {entries.map(([field, key]) => (
          <li>
            <a href={`#f-${field}`}>{ctx.t(key)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
};

type FrameProps = {
  ctx: PageContext;
  name: string;
  label: string;
  errors?: Record<string, string>;
  required?: boolean;
  hint?: string;
};

/** The id, described-by and error of a field, shared by inputs and selects. */
function frameParts(p: FrameProps) {
  const error = p.errors?.[p.name];
  const id = `f-${p.name}`;
  const describedBy =
    [p.hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  return { error, id, describedBy };
}

/** Label, hint and error around a control: the error sits beside the field it is about. */
const FieldFrame: FC<FrameProps & { children?: Child }> = (p) => {
  const { error, id } = frameParts(p);
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>
        {p.label}
        {p.required ? <span class="req"> *</span> : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {error ? (
        <p class="err" id={`${id}-err`}>
          {p.ctx.t(error)}
        </p>
      ) : null}
      {p.children}
    </div>
  );
};

type FieldProps = FrameProps & {
  values?: Record<string, string>;
  type?: string;
  autocomplete?: string;
  inputmode?: "url" | "search" | "email" | "none" | "numeric" | "tel" | "text" | "decimal";
};

/** A labelled input that shows its error beside it and keeps what was typed. */
export const Field: FC<FieldProps> = (p) => {
  const { error, id, describedBy } = frameParts(p);
  return (
    <FieldFrame {...p}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        value={p.type === "password" ? undefined : (p.values?.[p.name] ?? "")}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
      />
    </FieldFrame>
  );
};

export type Option = { value: string; label: string; lang?: string };
export type OptionGroup = { label: string; options: Option[] };

/** A labelled select that shows its error beside it and keeps the chosen value. */
export const SelectField: FC<
  FrameProps & {
    options?: Option[];
    groups?: OptionGroup[];
    values?: Record<string, string>;
    /** The first, empty choice ("— choose —"). */
    blank?: string;
  }
> = (p) => {
  const { error, id, describedBy } = frameParts(p);
  const selected = p.values?.[p.name] ?? "";
  const option = (o: Option) => (
    <option value={o.value} selected={o.value === selected} lang={o.lang}>
      {o.label}
    </option>
  );
  return (
    <FieldFrame {...p}>
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
      >
        {p.blank !== undefined ? option({ value: "", label: p.blank }) : null}
        {(p.options ?? []).map(option)}
        {(p.groups ?? []).map((g) => (
          <optgroup label={g.label}>{g.options.map(option)}</optgroup>
        ))}
      </select>
    </FieldFrame>
  );
};

export const Flash: FC<{ ctx: PageContext; messageKey?: string | null; kind?: "ok" | "error" }> = ({
  ctx,
  messageKey,
  kind,
}) =>
  messageKey ? (
    <div class={`alert ${kind ?? "ok"}`} role="status">
      {ctx.t(messageKey)}
    </div>
  ) : null;

export const Pager: FC<{ ctx: PageContext; page: number; hasNext: boolean; base: string }> = ({
  ctx,
  page,
  hasNext,
  base,
}) => {
  const sep = base.includes("?") ? "&" : "?";
  return (
    <nav class="pager" aria-label={ctx.t("layout.pages")}>
      {page > 1 ? <a href={`${base}${sep}page=${page - 1}`}>{ctx.t("layout.prev")}</a> : <span />}
      <span>{ctx.t("layout.page", { n: page })}</span>
      {hasNext ? <a href={`${base}${sep}page=${page + 1}`}>{ctx.t("layout.next")}</a> : <span />}
    </nav>
  );
};

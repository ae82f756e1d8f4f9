import type { FC } from "hono/jsx";
import { CsrfField, type PageContext } from "../../../platform/http/layout.tsx";

/** A step that asks before something hard to undo; works without JavaScript. */
export const ConfirmPage: FC<{
  ctx: PageContext;
  heading: string;
  body: string[];
  action: string;
  submit: string;
  cancelHref: string;
  danger?: boolean;
}> = (p) => (
  <section>
    <h1>{p.heading}</h1>
    {p.body.map((b) => (
      <p>{b}</p>
    ))}
    <form method="post" action={p.action} class="actions">
      <CsrfField ctx={p.ctx} />
      <button type="submit" class={p.danger ? "danger" : undefined}>
        {p.submit}
      </button>
      <a href={p.cancelHref}>{p.ctx.t("form.cancel")}</a>
    </form>
  </section>
);

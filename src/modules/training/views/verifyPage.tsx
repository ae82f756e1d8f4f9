import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate } from "../../../platform/i18n/i18n.ts";
import type { findCertificate } from "../queries/record.ts";

type Found = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

/** The public check of a certificate: anyone with the code sees who completed what, and when. */
export const VerifyPage: FC<{
  ctx: PageContext;
  code: string;
  outcome: "form" | "found" | "unknown" | "malformed";
  found: Found | null;
}> = ({ ctx, code, outcome, found }) => {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t("training.verify.title")}</h1>
      <p>{t("training.verify.intro")}</p>
      <form method="get" action="/training/verify" class="search">
        <label for="f-code">{t("training.verify.code")}</label>
        <input
          id="f-code"
          name="code"
          value={code}
          autocomplete="off"
          aria-invalid={outcome === "malformed" ? "true" : undefined}
        />
        <button type="submit">{t("training.verify.check")}</button>
      </form>
      {outcome === "found" && found ? (
        <div class="alert ok verify-result" role="status">
          <p>
            <strong>{t("training.verify.valid")}</strong>
          </p>
          <dl class="meta-list">
            <dt>{t("training.verify.holder")}</dt>
            <dd>{found.full_name}</dd>
            {found.village ? (
              <>
                <dt>{t("training.coverage.village")}</dt>
                <dd>{found.village}</dd>
              </>
            ) : null}
            <dt>{t("training.verify.course")}</dt>
            <dd>{found.title}</dd>
            <dt>{t("training.field.topic")}</dt>
            <dd>{found.topic}</dd>
            {found.first_session && found.last_session ? (
              <>
                <dt>{t("training.record.dates")}</dt>
                <dd>
                  {formatDate(found.first_session)} – {formatDate(found.last_session)}
                </dd>
              </>
            ) : null}
            <dt>{t("training.record.completed")}</dt>
            <dd>{formatDate(found.completed_at)}</dd>
            <dt>{t("training.verify.code")}</dt>
            <dd class="code">{code}</dd>
          </dl>
        </div>
      ) : null}
      {outcome === "unknown" ? (
        <div class="alert error" role="alert">
          {t("training.verify.unknown", { code })}
        </div>
      ) : null}
      {outcome === "malformed" ? (
        <div class="alert error" role="alert">
          {t("training.verify.malformed")}
        </div>
      ) : null}
    </section>
  );
};

import type { FC } from "hono/jsx";
import { MAX_FILE_BYTES } from "../../../platform/files/store.ts";
import { CsrfField, ErrorSummary, type PageContext } from "../../../platform/http/layout.tsx";
import { MAX_PHOTOS } from "../commands/submitPetition.ts";
import type { CategoryOption, VillageOption, VisibleSimilar } from "../queries/pageData.ts";
import { FILING_KINDS, URGENCIES } from "../states.ts";
import {
  CheckboxField,
  type Errors,
  FileField,
  InputField,
  RadioGroup,
  SelectField,
  TextAreaField,
  type Values,
} from "./fields.tsx";
import { SimilarList } from "./similarList.tsx";

export const TITLE_MAX = 200;
export const BODY_MAX = 10_000;

export type NewPetitionProps = {
  ctx: PageContext;
  villages: VillageOption[];
  categories: CategoryOption[];
  values: Values;
  errors: Errors;
  similar: VisibleSimilar[] | null;
  /** Files were chosen but the form came back (an error, or the similar check): they must be chosen again. */
  filesLost: boolean;
};

export const villageLabel = (v: VillageOption) => (v.commune_name ? `${v.name} – ${v.commune_name}` : v.name);

/** The village head's form: works on a 360 px phone without JavaScript; the similar check is a plain submit. */
export const NewPetitionPage: FC<NewPetitionProps> = ({
  ctx,
  villages,
  categories,
  values,
  errors,
  similar,
  filesLost,
}) => {
  const { t } = ctx;
  const single = villages.length === 1 ? villages[0] : undefined;
  const mb = Math.round(MAX_FILE_BYTES / 1024 / 1024);
  return (
    <section class="petition-form">
      <p class="crumbs-back">
        <a href="/petitions/mine">{t("petitions.mine.back")}</a>
      </p>
      <h1>{t("petitions.form.title")}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {filesLost ? (
        <div class="alert warn" role="status">
          {t("petitions.form.filesAgain")}
        </div>
      ) : null}
      <form
        method="post"
        action="/petitions/new"
        enctype="multipart/form-data"
        novalidate
        data-similar-form=""
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="idempotency_key" value={values.idempotency_key ?? ""} />
        {single ? (
          <>
            <input type="hidden" name="villageId" value={String(single.id)} />
            <p class="village-line">
              <strong>{t("petitions.form.village")}:</strong> {villageLabel(single)}
            </p>
          </>
        ) : (
          <SelectField
            ctx={ctx}
            name="villageId"
            label={t("petitions.form.village")}
            required
            blank={t("petitions.form.chooseVillage")}
            options={villages.map((v) => ({ value: String(v.id), label: villageLabel(v) }))}
            values={values}
            errors={errors}
          />
        )}
        <RadioGroup
          ctx={ctx}
          name="kind"
          label={t("petitions.form.kind")}
          required
          options={FILING_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          values={values}
          errors={errors}
        />
        <SelectField
          ctx={ctx}
          name="categoryCode"
          label={t("petitions.form.category")}
          blank={t("petitions.form.categoryUnknown")}
          options={categories.map((c) => ({
            value: c.code,
            label: ctx.locale === "en" ? c.name_en : c.name_vi,
          }))}
          values={values}
          errors={errors}
        />
        <InputField
          ctx={ctx}
          name="title"
          label={t("petitions.form.titleField")}
          hint={t("petitions.form.titleHint")}
          required
          maxlength={TITLE_MAX}
          values={values}
          errors={errors}
        />
        <TextAreaField
          ctx={ctx}
          name="body"
          label={t("petitions.form.body")}
          hint={t("petitions.form.bodyHint")}
          required
          rows={7}
          maxlength={BODY_MAX}
          values={values}
          errors={errors}
        />
        <div class="similar-box">
          {/* The check comes first: Enter in a field sends the form's first button, which must not be a "join". */}
          <button type="submit" name="intent" value="similar" class="secondary" data-similar-button="">
            {t("petitions.form.checkSimilar")}
          </button>
          <div id="similar-results" aria-live="polite" data-similar-results="">
            <SimilarList t={t} items={similar} joinable />
          </div>
        </div>
        <RadioGroup
          ctx={ctx}
          name="urgency"
          label={t("petitions.form.urgency")}
          required
          hint={t("petitions.form.urgencyHint")}
          options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
          values={values}
          errors={errors}
        />
        <InputField
          ctx={ctx}
          name="households"
          type="number"
          inputmode="numeric"
          min={1}
          max={1_000_000}
          label={t("petitions.form.households")}
          required
          values={values}
          errors={errors}
        />
        <InputField
          ctx={ctx}
          name="location"
          label={t("petitions.form.location")}
          hint={t("petitions.form.locationHint")}
          maxlength={300}
          values={values}
          errors={errors}
        />
        <FileField
          ctx={ctx}
          name="photos"
          label={t("petitions.form.photos")}
          hint={t("petitions.form.photosHint", { n: MAX_PHOTOS, mb })}
          accept="image/*"
          capture="environment"
          multiple
          errors={errors}
        />
        <FileField
          ctx={ctx}
          name="voice"
          label={t("petitions.form.voice")}
          hint={t("petitions.form.voiceHint", { mb })}
          accept="audio/*"
          errors={errors}
        />
        <fieldset class="restricted">
          <legend>{t("petitions.form.residents")}</legend>
          <p class="hint">{t("petitions.form.residentsHint")}</p>
          <TextAreaField
            ctx={ctx}
            name="residentNames"
            label={t("petitions.form.residentNames")}
            rows={2}
            maxlength={2000}
            values={values}
            errors={errors}
          />
          <InputField
            ctx={ctx}
            name="residentPhones"
            type="tel"
            inputmode="tel"
            label={t("petitions.form.residentPhones")}
            maxlength={500}
            values={values}
            errors={errors}
          />
          <CheckboxField
            ctx={ctx}
            name="consent"
            value="yes"
            label={t("petitions.form.consent")}
            values={values}
            errors={errors}
          />
        </fieldset>
        <div class="actions">
          <button type="submit" name="intent" value="submit">
            {t("petitions.form.submit")}
          </button>
          <button type="submit" name="intent" value="draft" class="secondary">
            {t("petitions.form.draft")}
          </button>
        </div>
      </form>
      <script src="/assets/petition-form.js" defer />
    </section>
  );
};

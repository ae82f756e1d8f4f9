import type { Child, FC } from "hono/jsx";
import { CsrfField, type PageContext } from "../../../platform/http/layout.tsx";
import type { AnswerTemplate } from "../queries/answerTemplates.ts";
import type { PetitionDetail, PetitionView } from "../queries/getPetition.ts";
import type { AgencyOption, CategoryOption } from "../queries/pageData.ts";
import { usualLevel } from "../queries/pageData.ts";
import { KINDS, LEVELS, URGENCIES } from "../states.ts";
import {
  CheckboxField,
  type Errors,
  FileField,
  FormError,
  InputField,
  type OptionGroup,
  RadioGroup,
  SelectField,
  TextAreaField,
  type Values,
} from "./fields.tsx";
import { BODY_MAX, TITLE_MAX } from "./newPetitionPage.tsx";

/** The steps a person takes from the detail page, each a small form that works without JavaScript. */
export const FORM_ACTIONS = [
  "submit",
  "receive",
  "route",
  "answer",
  "confirm",
  "start",
  "return",
  "redirect",
  "escalate",
  "hand_back",
  "extend",
  "reopen",
] as const;
export type FormAction = (typeof FORM_ACTIONS)[number];
export const isFormAction = (v: string): v is FormAction => (FORM_ACTIONS as readonly string[]).includes(v);

/** The main step of a state opens by itself; the others wait behind their summary. */
const PRIMARY: ReadonlySet<FormAction> = new Set(["submit", "receive", "route", "answer", "confirm"]);
export const REDIRECT_PROCEDURES = ["complaint", "denunciation", "voter_recommendation"] as const;

export type ActionOptions = {
  categories: CategoryOption[];
  agencies: AgencyOption[];
  proposedAgencyId: number | null;
  centralAgencies: AgencyOption[];
  templates: AnswerTemplate[];
  template: AnswerTemplate | null;
};

/** A form that came back with errors (or a template chosen): which one, what was typed, what went wrong. */
export type FormState = { action: string; values: Values; errors: Errors };

function defaults(action: FormAction, p: PetitionDetail, o: ActionOptions): Values {
  switch (action) {
    case "receive": {
      const category = o.categories.find((c) => c.code === p.category_code);
      return {
        kind: p.kind,
        categoryCode: p.category_code ?? "",
        urgency: p.urgency,
        level: p.level ?? usualLevel(category?.usual_level) ?? "province",
      };
    }
    case "route":
      return { agencyId: String(o.proposedAgencyId ?? p.agency_id ?? "") };
    case "answer":
      // Publishing is a choice made each time (the public page is masked, but privacy comes first).
      return o.template ? { answer: o.template.body } : {};
    case "submit":
      return {
        title: p.title,
        body: p.body,
        households: String(p.households),
        location: p.location ?? "",
        categoryCode: p.category_code ?? "",
      };
    default:
      return {};
  }
}

const ActionCard: FC<{
  ctx: PageContext;
  id: string;
  title: string;
  open: boolean;
  children?: Child;
}> = ({ id, title, open, children }) => (
  <details class="action-card" id={id} open={open}>
    <summary>{title}</summary>
    <div class="action-body">{children}</div>
  </details>
);

const Post: FC<{
  ctx: PageContext;
  action: string;
  petition: PetitionDetail;
  multipart?: boolean;
  children?: Child;
}> = ({ ctx, action, petition, multipart, children }) => (
  <form
    method="post"
    action={`/petitions/${petition.id}/actions/${action}`}
    enctype={multipart ? "multipart/form-data" : undefined}
    novalidate
  >
    <CsrfField ctx={ctx} />
    <input type="hidden" name="version" value={String(petition.version)} />
    {children}
  </form>
);

function agencyGroups(t: PageContext["t"], agencies: AgencyOption[], proposed: number | null): OptionGroup[] {
  const groups = new Map<string, OptionGroup>();
  for (const a of agencies) {
    const label = t(`agencies.kind.${a.kind}`);
    let g = groups.get(a.kind);
    if (!g) {
      g = { label: label === `agencies.kind.${a.kind}` ? a.kind : label, options: [] };
      groups.set(a.kind, g);
    }
    g.options.push({
      value: String(a.id),
      label: a.id === proposed ? `${a.name} (${t("petitions.act.proposed")})` : a.name,
    });
  }
  return [...groups.values()];
}

export const ActionForms: FC<{
  ctx: PageContext;
  view: PetitionView;
  actions: FormAction[];
  options: ActionOptions;
  state: FormState | null;
}> = ({ ctx, view, actions, options, state }) => {
  const { t } = ctx;
  const p = view.petition;
  const many = actions.length > 2;
  const valuesFor = (a: FormAction): Values => (state?.action === a ? state.values : defaults(a, p, options));
  const errorsFor = (a: FormAction): Errors => (state?.action === a ? state.errors : {});
  const isOpen = (a: FormAction) =>
    state?.action === a || !many || PRIMARY.has(a) || (a === "answer" && !!options.template);
  const categoryOptions = options.categories.map((c) => ({
    value: c.code,
    label: ctx.locale === "en" ? c.name_en : c.name_vi,
  }));
  const forms: Child[] = [];
  for (const a of actions) {
    const values = valuesFor(a);
    const errors = errorsFor(a);
    const prefix = `a-${a}`;
    const common = { ctx, values, errors, prefix };
    const title = t(`petitions.act.${a}.title`);
    switch (a) {
      case "start":
        forms.push(
          <div class="action-card plain" id="act-start">
            <FormError ctx={ctx} errors={errors} />
            <Post ctx={ctx} action="start" petition={p}>
              <p class="hint">{t("petitions.act.start.hint")}</p>
              <button type="submit">{title}</button>
            </Post>
          </div>,
        );
        break;
      case "receive":
        forms.push(
          <ActionCard ctx={ctx} id="act-receive" title={title} open={isOpen(a)}>
            <FormError ctx={ctx} errors={errors} />
            <Post ctx={ctx} action="receive" petition={p}>
              <SelectField
                {...common}
                name="kind"
                label={t("petitions.act.kind")}
                required
                options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                hint={t("petitions.act.kindHint")}
              />
              <SelectField
                {...common}
                name="categoryCode"
                label={t("petitions.form.category")}
                blank={t("petitions.act.noCategory")}
                options={categoryOptions}
              />
              <SelectField
                {...common}
                name="urgency"
                label={t("petitions.form.urgency")}
                required
                options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
              />
              <SelectField
                {...common}
                name="level"
                label={t("petitions.act.level")}
                required
                options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
              />
              <button type="submit">{t("petitions.act.receive.button")}</button>
            </Post>
          </ActionCard>,
        );
        break;
      case "return":
      case "hand_back":
        forms.push(
          <ActionCard ctx={ctx} id={`act-${a}`} title={title} open={isOpen(a)}>
            <FormError ctx={ctx} errors={errors} />
            <Post ctx={ctx} action={a} petition={p}>
              <TextAreaField
                {...common}
                name="reason"
                label={t(`petitions.act.${a}.reason`)}
                required
                rows={3}
                maxlength={2000}
              />
              <button type="submit" class="secondary">
                {t(`petitions.act.${a}.button`)}
              </button>
            </Post>
          </ActionCard>,
        );
        break;
      case "redirect":
        forms.push(
          <ActionCard ctx={ctx} id="act-redirect" title={title} open={isOpen(a)}>
            <FormError ctx={ctx} errors={errors} />
            <Post ctx={ctx} action="redirect" petition={p}>
              <p class="hint">{t("petitions.act.redirect.hint")}</p>
              <SelectField
                {...common}
                name="procedure"
                label={t("petitions.act.procedure")}
                required
                blank={t("petitions.act.choose")}
                options={REDIRECT_PROCEDURES.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              />
              <TextAreaField
                {...common}
                name="note"
                label={t("petitions.act.redirect.note")}
                rows={3}
                maxlength={2000}
              />
              <button type="submit" class="secondary">
                {t("petitions.act.redirect.button")}
              </button>
            </Post>
          </ActionCard>,
        );
        break;
      case "route": {
        const proposed = options.agencies.find((x) => x.id === options.proposedAgencyId);
        forms.push(
          <ActionCard ctx={ctx} id="act-route" title={title} open={isOpen(a)}>
            <FormError ctx={ctx} errors={errors} />
            <Post ctx={ctx} action="route" petition={p}>
              <SelectField
                {...common}
                name="agencyId"
                label={t("petitions.act.agency")}
                required
                blank={t("petitions.act.choose")}
                hint={
                  proposed
                    ? t("petitions.act.proposedHint", { agency: proposed.name })
                    : t("petitions.act.noProposal")
                }
                groups={agencyGroups(t, options.agencies, options.proposedAgencyId)}
              />
              <TextAreaField
                {...common}
                name="note"
                label={t("petitions.act.route.note")}
                rows={3}
                maxlength={2000}
              />
              <button type="submit">{t("petitions.act.route.button")}</button>
            </Post>
          </ActionCard>,
        );
        break;
      }
      case "escalate":
        forms.push(
          <ActionCard ctx={ctx} id="act-escalate" title={title} open={isOpen(a)}>
            <FormError ctx={ctx} errors={errors} />
            <Post ctx={ctx} action="escalate" petition={p}>
              <SelectField
                {...common}
                name="centralAgencyId"
                label={t("petitions.act.centralAgency")}
                required
                blank={t("petitions.act.choose")}
                options={options.centralAgencies.map((x) => ({ value: String(x.id), label: x.name }))}
              />
              <TextAreaField
                {...common}
                name="note"
                label={t("petitions.act.escalate.note")}
                rows={3}
                maxlength={2000}
              />
              <button type="submit" class="secondary">
                {t("petitions.act.escalate.button")}
              </button>
            </Post>
          </ActionCard>,
        );
        break;
      case "answer":
        forms.push(
          <ActionCard ctx={ctx} id="act-answer" title={title} open={isOpen(a)}>
            {options.templates.length > 0 ? (
              <form method="get" action={`/petitions/${p.id}#act-answer`} class="template-pick">
                <SelectField
                  ctx={ctx}
                  prefix="tpl"
                  name="template"
                  label={t("petitions.act.template")}
                  blank={t("petitions.act.choose")}
                  options={options.templates.map((x) => ({ value: String(x.id), label: x.title }))}
                  values={{ template: options.template ? String(options.template.id) : "" }}
                />
                <button type="submit" class="secondary">
                  {t("petitions.act.useTemplate")}
                </button>
              </form>
            ) : null}
            <FormError ctx={ctx} errors={errors} />
            {Object.keys(errors).length > 0 ? (
              <p class="alert warn" role="status">
                {t("petitions.act.answer.filesAgain")}
              </p>
            ) : null}
            <Post ctx={ctx} action="answer" petition={p} multipart>
              <TextAreaField
                {...common}
                name="answer"
                label={t("petitions.act.answer.text")}
                required
                rows={8}
                maxlength={20_000}
                hint={t("petitions.act.answer.hint")}
              />
              <FileField
                {...common}
                name="files"
                label={t("petitions.act.answer.files")}
                hint={t("petitions.act.answer.filesHint")}
                accept="image/*,audio/*,application/pdf"
                multiple
              />
              <CheckboxField
                {...common}
                name="publish"
                value="yes"
                label={t("petitions.act.answer.publish")}
                hint={t("petitions.act.answer.publishHint")}
              />
              <button type="submit">{t("petitions.act.answer.button")}</button>
            </Post>
          </ActionCard>,
        );
        break;
      case "extend":
        forms.push(
          <ActionCard ctx={ctx} id="act-extend" title={title} open={isOpen(a)}>
            <FormError ctx={ctx} errors={errors} />
            <Post ctx={ctx} action="extend" petition={p}>
              <InputField
                {...common}
                name="workingDays"
                type="number"
                inputmode="numeric"
                min={1}
                max={30}
                label={t("petitions.act.extend.days")}
                required
              />
              <TextAreaField
                {...common}
                name="reason"
                label={t("petitions.act.extend.reason")}
                required
                rows={3}
                maxlength={2000}
              />
              <button type="submit" class="secondary">
                {t("petitions.act.extend.button")}
              </button>
            </Post>
          </ActionCard>,
        );
        break;
      case "confirm":
      case "reopen":
        forms.push(
          <ActionCard
            ctx={ctx}
            id="act-confirm"
            title={t("petitions.act.confirm.title")}
            open={isOpen("confirm")}
          >
            <FormError ctx={ctx} errors={errors} />
            <Post ctx={ctx} action="confirm" petition={p}>
              <RadioGroup
                {...common}
                name="satisfied"
                label={t("petitions.act.confirm.question")}
                required
                options={[
                  { value: "yes", label: t("petitions.act.confirm.yes") },
                  { value: "no", label: t("petitions.act.confirm.no") },
                ]}
              />
              <TextAreaField
                {...common}
                name="reason"
                label={t("petitions.act.confirm.reason")}
                hint={t("petitions.act.confirm.reasonHint")}
                rows={3}
                maxlength={2000}
              />
              <button type="submit">{t("petitions.act.confirm.button")}</button>
            </Post>
          </ActionCard>,
        );
        break;
      case "submit":
        forms.push(
          <ActionCard
            ctx={ctx}
            id="act-submit"
            title={t(p.state === "draft" ? "petitions.act.submit.draftTitle" : "petitions.act.submit.title")}
            open
          >
            {p.state === "returned" && p.return_reason ? (
              <p class="alert warn">{t("petitions.act.submit.asked", { reason: p.return_reason })}</p>
            ) : null}
            <FormError ctx={ctx} errors={errors} />
            <Post ctx={ctx} action="submit" petition={p}>
              <InputField
                {...common}
                name="title"
                label={t("petitions.form.titleField")}
                required
                maxlength={TITLE_MAX}
              />
              <TextAreaField
                {...common}
                name="body"
                label={t("petitions.form.body")}
                required
                rows={7}
                maxlength={BODY_MAX}
              />
              <SelectField
                {...common}
                name="categoryCode"
                label={t("petitions.form.category")}
                blank={t("petitions.form.categoryUnknown")}
                options={categoryOptions}
              />
              <InputField
                {...common}
                name="households"
                type="number"
                inputmode="numeric"
                min={1}
                label={t("petitions.form.households")}
                required
              />
              <InputField {...common} name="location" label={t("petitions.form.location")} maxlength={300} />
              <button type="submit">
                {t(p.state === "draft" ? "petitions.act.submit.draftButton" : "petitions.act.submit.button")}
              </button>
            </Post>
          </ActionCard>,
        );
        break;
    }
  }
  if (forms.length === 0) return null;
  return (
    <section class="actions-panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t("petitions.detail.actions")}</h2>
      {forms}
    </section>
  );
};

/** The coordinator's decision on an agency's request for more time. */
export const ExtensionDecision: FC<{
  ctx: PageContext;
  petition: PetitionDetail;
  request: NonNullable<PetitionView["pendingExtension"]>;
  canDecide: boolean;
  state: FormState | null;
}> = ({ ctx, petition, request, canDecide, state }) => {
  const { t } = ctx;
  const mine = state?.action === "extension";
  const values = mine ? state.values : {};
  const errors = mine ? state.errors : {};
  return (
    <section class="extension" id="act-extension" aria-labelledby="extension-heading">
      <h2 id="extension-heading">{t("petitions.ext.heading")}</h2>
      <p>{t("petitions.ext.request", { n: request.working_days })}</p>
      <p class="note">{request.reason}</p>
      {canDecide ? (
        <>
          <FormError ctx={ctx} errors={errors} />
          <form method="post" action={`/petitions/${petition.id}/extension/${request.id}`} novalidate>
            <CsrfField ctx={ctx} />
            <RadioGroup
              ctx={ctx}
              prefix="ext"
              name="decision"
              label={t("petitions.ext.decision")}
              required
              options={[
                { value: "approve", label: t("petitions.ext.approve") },
                { value: "refuse", label: t("petitions.ext.refuse") },
              ]}
              values={values}
              errors={errors}
            />
            <TextAreaField
              ctx={ctx}
              prefix="ext"
              name="note"
              label={t("petitions.ext.note")}
              rows={2}
              maxlength={2000}
              values={values}
              errors={errors}
            />
            <button type="submit">{t("petitions.ext.button")}</button>
          </form>
        </>
      ) : (
        <p class="muted">{t("petitions.ext.waiting")}</p>
      )}
    </section>
  );
};

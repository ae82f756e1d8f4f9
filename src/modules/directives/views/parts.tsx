import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate, type Translate } from "../../../platform/i18n/i18n.ts";
import { percent } from "../rules.ts";

/** yyyy-mm-dd (a calendar day) as dd/mm/yyyy, without moving it through a time zone. */
export function showDay(d: string | null): string {
  if (!d) return "—";
  const [y, m, day] = d.split("-");
  return `${day}/${m}/${y}`;
}

export { formatDate };

export const StateBadge: FC<{ t: Translate; state: string }> = ({ t, state }) => (
  <span class={`badge-state dir-state-${state}`}>{t(`directives.state.${state}`)}</span>
);

/** A share as a number and a bar drawn with a <meter>, readable without colour. */
export const Share: FC<{ part: number; whole: number }> = ({ part, whole }) => {
  const p = percent(part, whole);
  return (
    <span class="dir-share">
      <meter min={0} max={100} value={p} />
      <span>
        {p}% ({part}/{whole})
      </span>
    </span>
  );
};

type AreaProps = {
  ctx: PageContext;
  name: string;
  label: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  rows?: number;
  hint?: string;
  required?: boolean;
};

/** A labelled textarea that keeps what was typed and shows its error beside it. */
export const TextArea: FC<AreaProps> = (p) => {
  const error = p.errors[p.name];
  const id = `f-${p.name}`;
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
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 4}
        required={p.required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={
          [p.hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined
        }
      >
        {p.values[p.name] ?? ""}
      </textarea>
    </div>
  );
};

/** Paragraphs of plain text as typed (no HTML is ever taken from the author). */
export const Paragraphs: FC<{ text: string }> = ({ text }) => (
  <>
    {text
      .split(/\n\s*\n|\r\n\s*\r\n/)
      .filter((p) => p.trim())
      .map((p) => (
        <p class="dir-text">{p.trim()}</p>
      ))}
  </>
);

import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDateTime } from "../../../platform/i18n/i18n.ts";
import type { DialogueListRow } from "../queries/getDialogue.ts";
import { DialogueStateBadge } from "./parts.tsx";

export const DialogueListPage: FC<{ ctx: PageContext; rows: DialogueListRow[]; canCreate: boolean }> = ({
  ctx,
  rows,
  canCreate,
}) => {
  const { t } = ctx;
  return (
    <>
      <h1>{t("dialogues.list.title")}</h1>
      {canCreate ? (
        <p>
          <a class="button" href="/dialogues/new">
            {t("dialogues.list.new")}
          </a>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p class="muted">{t("dialogues.list.empty")}</p>
      ) : (
        <ul class="dialogue-list">
          {rows.map((d) => (
            <li>
              <a href={`/dialogues/${d.id}`}>{d.title}</a>
              <p class="meta">
                <span class="code">{d.code}</span> · {formatDateTime(d.starts_at)} ·{" "}
                <DialogueStateBadge t={t} state={d.state} />
                {" · "}
                {t("dialogues.list.counts", { invited: d.invited, questions: d.questions })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};

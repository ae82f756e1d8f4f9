import type { FC } from "hono/jsx";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import type { VisibleSimilar } from "../queries/pageData.ts";
import { StateBadge } from "./fields.tsx";

/**
 * Petitions already raised that look like this one. Those the reader may not open show only their title,
 * commune and state: that it exists is useful, who raised it is not theirs to know.
 */
export const SimilarList: FC<{ t: Translate; items: VisibleSimilar[] | null; joinable?: boolean }> = ({
  t,
  items,
  joinable = false,
}) => {
  if (items === null) return null;
  if (items.length === 0) return <p class="muted">{t("petitions.similar.none")}</p>;
  return (
    <div class="similar">
      <h2>{t("petitions.similar.heading", { n: items.length })}</h2>
      <p class="hint">{t(joinable ? "petitions.join.hint" : "petitions.similar.hint")}</p>
      <ul class="similar-list">
        {items.map((s) => (
          <li>
            {s.canOpen ? <a href={`/petitions/${s.id}`}>{s.title}</a> : <span class="title">{s.title}</span>}
            <span class="where">
              {s.village_name
                ? t("petitions.similar.place", { village: s.village_name, commune: s.commune_name ?? "" })
                : t("petitions.similar.commune", { commune: s.commune_name ?? "" })}
            </span>{" "}
            <StateBadge t={t} state={s.state} />
            {joinable ? (
              // A submit button of the village head's form: it sends what was typed and files it as joining this one.
              <button type="submit" name="joins" value={String(s.id)} class="secondary join-button">
                {t("petitions.join.button")}
                <span class="sr-only"> – {s.title}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
};

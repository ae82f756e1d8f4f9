import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import type { CommitmentRow } from "../queries/listCommitments.ts";
import type { DialogueHeading } from "../queries/summary.ts";
import type { CommitmentState } from "../states.ts";
import { CommitmentList } from "./commitmentList.tsx";
import { FilterForm, type ListFilters } from "./filters.tsx";
import { StateChart } from "./listPages.tsx";

export type DialogueGroup = {
  dialogueId: number | null;
  title: string | null;
  /** The dialogue has a public summary page to link to. */
  linked: boolean;
  rows: CommitmentRow[];
};

/** Groups rows by dialogue, newest dialogue first; commitments made outside any dialogue last. */
export function groupByDialogue(
  rows: CommitmentRow[],
  headings: Map<number, DialogueHeading>,
): DialogueGroup[] {
  const groups = new Map<number | null, CommitmentRow[]>();
  for (const r of rows) {
    const list = groups.get(r.dialogueId) ?? [];
    list.push(r);
    groups.set(r.dialogueId, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
    .map(([dialogueId, list]) => ({
      dialogueId,
      title: dialogueId === null ? null : (headings.get(dialogueId)?.title ?? null),
      linked: dialogueId !== null && headings.get(dialogueId)?.isPublic === true,
      rows: list,
    }));
}

/**
 * The public accountability page: no login, no personal data (no officer's name, no note, no evidence file):
 * what was promised, who must do it, by when, and how far it got.
 */
export const PublicPage: FC<{
  ctx: PageContext;
  groups: DialogueGroup[];
  total: number;
  filters: ListFilters;
  agencies: { id: number; name: string }[];
  counts: Record<CommitmentState, number>;
}> = ({ ctx, groups, total, filters, agencies, counts }) => {
  const { t } = ctx;
  return (
    <>
      <h1>{t("commitments.public.title")}</h1>
      <p>{t("commitments.public.intro")}</p>
      <StateChart ctx={ctx} counts={counts} title={t("commitments.public.chart")} />
      <FilterForm ctx={ctx} action="/cong-khai/cam-ket" agencies={agencies} filters={filters} />
      <p class="ck-count">{t("commitments.count", { n: total })}</p>
      {groups.length === 0 ? <p class="ck-empty">{t("commitments.list.empty")}</p> : null}
      {groups.map((g) => {
        const hid = `ck-g-${g.dialogueId ?? "none"}`;
        return (
          <section class="ck-group" aria-labelledby={hid}>
            <h2 id={hid}>
              {g.dialogueId === null ? (
                t("commitments.public.noDialogue")
              ) : g.linked ? (
                <a href={`/cong-khai/doi-thoai/${g.dialogueId}`}>
                  {g.title ?? t("commitments.public.dialogue", { id: g.dialogueId })}
                </a>
              ) : (
                (g.title ?? t("commitments.public.dialogue", { id: g.dialogueId }))
              )}
            </h2>
            <CommitmentList t={t} rows={g.rows} href={() => null} />
          </section>
        );
      })}
    </>
  );
};

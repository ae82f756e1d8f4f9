import type { FC } from "hono/jsx";
import type { PageContext } from "../../../../platform/http/layout.tsx";
import { formatDate } from "../../../../platform/i18n/i18n.ts";
import type { CappedCount } from "../../queries/workLists.ts";
import { INBOX_BUCKETS, type InboxBucket, type WorkItem } from "../../queries/workQueues.ts";
import { Counter, Counters, countText, NextPager, PetitionHeadCells, PetitionHeadColumns } from "./parts.tsx";

type Props = {
  ctx: PageContext;
  bucket: InboxBucket;
  counts: Record<InboxBucket, CappedCount>;
  items: WorkItem[];
  next: string | null;
  after: boolean;
};

/** The commune officer's and the coordinator's work: four buckets with their counts, one open at a time. */
export const InboxPage: FC<Props> = ({ ctx, bucket, counts, items, next, after }) => {
  const { t } = ctx;
  const link = (b: InboxBucket, extra = "") => `/petitions/inbox?bucket=${b}${extra}`;
  return (
    <section>
      <h1>{t("petitions.work.inbox.title")}</h1>
      <p class="muted">{t("petitions.work.inbox.intro")}</p>
      <Counters label={t("petitions.work.inbox.buckets")}>
        {INBOX_BUCKETS.map((b) => (
          <Counter
            label={t(`petitions.work.inbox.${b}`)}
            value={countText(ctx, counts[b])}
            href={link(b)}
            current={b === bucket}
            tone={(b === "handed_back" || b === "reopened") && counts[b].n > 0 ? "warn" : undefined}
          />
        ))}
      </Counters>
      <h2>{t(`petitions.work.inbox.${bucket}`)}</h2>
      <p class="muted">{t(`petitions.work.inbox.${bucket}.hint`)}</p>
      {items.length === 0 ? (
        <p>{t("petitions.work.inbox.empty")}</p>
      ) : (
        <table class="cardlist">
          <thead>
            <tr>
              <PetitionHeadColumns ctx={ctx} />
              <th scope="col">{t("petitions.work.col.submitted")}</th>
              <th scope="col">{t("petitions.work.col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr>
                <PetitionHeadCells ctx={ctx} p={p}>
                  {p.hand_backs > 0 ? (
                    <>
                      {" "}
                      <span class="tag">{t("petitions.work.handBacks", { n: p.hand_backs })}</span>
                    </>
                  ) : null}
                </PetitionHeadCells>
                <td data-label={t("petitions.work.col.submitted")}>
                  {p.submitted_at ? formatDate(p.submitted_at) : "—"}
                </td>
                <td>
                  <a class="button secondary small" href={`/petitions/${p.id}`}>
                    {t(`petitions.work.inbox.${bucket}.act`)}
                    <span class="sr-only"> {p.code}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NextPager
        ctx={ctx}
        first={after ? link(bucket) : null}
        next={next ? link(bucket, `&after=${next}`) : null}
      />
    </section>
  );
};

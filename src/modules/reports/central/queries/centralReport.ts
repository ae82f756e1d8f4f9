import type { Queryable } from "../../../../platform/db/database.ts";
import type { Locale } from "../../../../platform/i18n/i18n.ts";
import type { Period } from "../period.ts";

/**
 * The central report of a period, compiled from the monthly `central_reports` of the year. It reads petitions,
 * units, categories, agencies and the timeline — never `petition_residents` nor village heads' names or phones:
 * what it returns goes to central agencies.
 */

export type CentralReply = { text: string; reference: string | null; at: Date };

export type ReportItem = {
  id: number;
  code: string;
  title: string;
  body: string;
  state: string;
  /** Month of the report it is in; null for a merged member of a cluster (it follows its lead). */
  month: number | null;
  escalatedAt: Date | null;
  categoryCode: string | null;
  categoryName: string | null;
  categorySort: number | null;
  centralAgencyId: number | null;
  centralAgencyName: string | null;
  clusterId: number | null;
  villageId: number;
  villageName: string;
  communeId: number | null;
  communeName: string | null;
  reply: CentralReply | null;
};

export type ReportPlace = {
  communeId: number | null;
  communeName: string | null;
  villages: { id: number; name: string }[];
};

/** One line of the report: a single petition, or a cluster of near-duplicates shown once with its weight. */
export type ReportEntry = {
  key: string;
  clusterId: number | null;
  lead: ReportItem;
  /** The petitions of this entry that are in the report's period. */
  items: ReportItem[];
  /** Merged members of the cluster (not in any report themselves): their villages count too. */
  members: ReportItem[];
  petitionCount: number;
  villageCount: number;
  communeCount: number;
  places: ReportPlace[];
  states: { state: string; n: number }[];
  replies: CentralReply[];
  /** Items a central reply may still be recorded for. */
  answerableIds: number[];
};

export type AgencyGroup = { id: number | null; name: string | null; entries: ReportEntry[] };
export type CategoryGroup = {
  code: string | null;
  name: string | null;
  agencies: AgencyGroup[];
  entryCount: number;
  itemCount: number;
};
export type MonthReport = { id: number; month: number; state: string; closedAt: Date | null; items: number };

export type CentralReport = {
  year: number;
  period: Period;
  months: MonthReport[];
  categories: CategoryGroup[];
  /** The central agencies the report is addressed to. */
  agencies: { id: number; name: string }[];
  totals: { items: number; entries: number; petitions: number; villages: number; communes: number };
};

export const ANSWERABLE_STATES = ["escalated_central", "in_central_report"] as const;

type Row = {
  id: number;
  code: string;
  title: string;
  body: string;
  state: string;
  month: number | null;
  escalated_at: Date | null;
  category_code: string | null;
  category_name: string | null;
  category_sort: number | null;
  central_agency_id: number | null;
  central_agency_name: string | null;
  cluster_id: number | null;
  village_id: number;
  village_name: string;
  commune_id: number | null;
  commune_name: string | null;
  reply_text: string | null;
  reply_reference: string | null;
  reply_at: Date | null;
};

/** The monthly reports of a year (open or closed) with how many items each holds. */
export async function monthReports(db: Queryable, year: number, from = 1, to = 12): Promise<MonthReport[]> {
  const { rows } = await db.query<{
    id: number;
    month: number;
    state: string;
    closed_at: Date | null;
    items: number;
  }>(
    `SELECT r.id, r.period_index AS month, r.state, r.closed_at,
            (SELECT count(*)::int FROM petitions p WHERE p.central_report_id = r.id) AS items
       FROM central_reports r
      WHERE r.period_kind = 'month' AND r.year = $1 AND r.period_index BETWEEN $2 AND $3
      ORDER BY r.period_index`,
    [year, from, to],
  );
  return rows.map((r) => ({
    id: r.id,
    month: r.month,
    state: r.state,
    closedAt: r.closed_at,
    items: r.items,
  }));
}

/** Years that have central reports, newest first. */
export async function reportYears(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ year: number }>(
    "SELECT DISTINCT year FROM central_reports WHERE period_kind = 'month' ORDER BY year DESC",
  );
  return rows.map((r) => r.year);
}

export async function loadCentralReport(
  db: Queryable,
  year: number,
  period: Period,
  locale: Locale,
): Promise<CentralReport> {
  const months = await monthReports(db, year, period.from, period.to);
  const ids = months.map((m) => m.id);
  const en = locale === "en";
  const { rows } = await db.query<Row>(
    `WITH r AS (SELECT id, period_index FROM central_reports WHERE id = ANY($1::bigint[])),
     inside AS (
       SELECT p.id, r.period_index AS month FROM petitions p JOIN r ON r.id = p.central_report_id
     ),
     members AS (
       SELECT m.id, NULL::int AS month FROM petitions m
        WHERE m.state = 'merged'
          AND m.cluster_id IN (SELECT p.cluster_id FROM petitions p JOIN inside i ON i.id = p.id WHERE p.cluster_id IS NOT NULL)
          AND m.id NOT IN (SELECT id FROM inside)
     ),
     picked AS (SELECT * FROM inside UNION ALL SELECT * FROM members)
     SELECT p.id, p.code, p.title, p.body, p.state, k.month,
            esc.at AS escalated_at,
            p.category_code, ${en ? "cat.name_en" : "cat.name_vi"} AS category_name, cat.sort AS category_sort,
            p.central_agency_id, ${en ? "COALESCE(a.name_en, a.name)" : "a.name"} AS central_agency_name,
            p.cluster_id, p.village_id, v.full_name AS village_name,
            c.id AS commune_id, c.full_name AS commune_name,
            rep.note AS reply_text, rep.data->>'reference' AS reply_reference, rep.at AS reply_at
       FROM picked k
       JOIN petitions p ON p.id = k.id
       JOIN units v ON v.id = p.village_id
       LEFT JOIN units c ON c.id = v.parent_id
       LEFT JOIN categories cat ON cat.code = p.category_code
       LEFT JOIN agencies a ON a.id = p.central_agency_id
       LEFT JOIN LATERAL (
         SELECT e.at FROM petition_events e WHERE e.petition_id = p.id AND e.action = 'escalate' ORDER BY e.id DESC LIMIT 1
       ) esc ON true
       LEFT JOIN LATERAL (
         SELECT e.note, e.data, e.at FROM petition_events e WHERE e.petition_id = p.id AND e.action = 'central_answer' ORDER BY e.id DESC LIMIT 1
       ) rep ON true
      ORDER BY p.id`,
    [ids],
  );
  return compile(year, period, months, rows.map(toItem));
}

function toItem(r: Row): ReportItem {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    body: r.body,
    state: r.state,
    month: r.month,
    escalatedAt: r.escalated_at,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    categorySort: r.category_sort,
    centralAgencyId: r.central_agency_id,
    centralAgencyName: r.central_agency_name,
    clusterId: r.cluster_id,
    villageId: r.village_id,
    villageName: r.village_name,
    communeId: r.commune_id,
    communeName: r.commune_name,
    reply:
      r.reply_text !== null && r.reply_at
        ? { text: r.reply_text, reference: r.reply_reference, at: r.reply_at }
        : null,
  };
}

const collator = new Intl.Collator("vi");

/** Groups items (ordered by id) into entries, agencies and categories. Pure, so it is tested on its own. */
export function compile(
  year: number,
  period: Period,
  months: MonthReport[],
  all: ReportItem[],
): CentralReport {
  const entries = new Map<string, { items: ReportItem[]; members: ReportItem[] }>();
  for (const it of all) {
    const key = it.clusterId !== null ? `c${it.clusterId}` : `p${it.id}`;
    const e = entries.get(key) ?? { items: [], members: [] };
    (it.month === null ? e.members : e.items).push(it);
    entries.set(key, e);
  }
  const built: ReportEntry[] = [];
  for (const [key, e] of entries) {
    const lead = e.items[0];
    if (!lead) continue; // members only come with an item of their cluster in the report
    built.push(entry(key, lead, e.items, e.members));
  }
  const categories = new Map<string, CategoryGroup>();
  for (const e of built) {
    const ck = e.lead.categoryCode ?? "";
    const cat = categories.get(ck) ?? {
      code: e.lead.categoryCode,
      name: e.lead.categoryName,
      agencies: [],
      entryCount: 0,
      itemCount: 0,
    };
    let ag = cat.agencies.find((a) => a.id === e.lead.centralAgencyId);
    if (!ag) {
      ag = { id: e.lead.centralAgencyId, name: e.lead.centralAgencyName, entries: [] };
      cat.agencies.push(ag);
    }
    ag.entries.push(e);
    cat.entryCount++;
    cat.itemCount += e.items.length;
    categories.set(ck, cat);
  }
  const sortOf = (c: CategoryGroup) =>
    c.agencies[0]?.entries[0]?.lead.categorySort ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...categories.values()].sort(
    (a, b) => sortOf(a) - sortOf(b) || collator.compare(a.name ?? "", b.name ?? ""),
  );
  for (const c of ordered) {
    c.agencies.sort((a, b) =>
      a.name === null ? 1 : b.name === null ? -1 : collator.compare(a.name, b.name),
    );
    for (const a of c.agencies)
      a.entries.sort((x, y) => y.villageCount - x.villageCount || x.lead.id - y.lead.id);
  }
  const agencies = new Map<number, string>();
  for (const e of built)
    if (e.lead.centralAgencyId !== null) agencies.set(e.lead.centralAgencyId, e.lead.centralAgencyName ?? "");
  const inReport = all.filter((i) => i.month !== null);
  const counted = built.flatMap((e) => [...e.items, ...e.members]);
  return {
    year,
    period,
    months,
    categories: ordered,
    agencies: [...agencies]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    totals: {
      items: inReport.length,
      entries: built.length,
      petitions: counted.length,
      villages: new Set(counted.map((i) => i.villageId)).size,
      communes: new Set(counted.map((i) => i.communeId ?? `v${i.villageId}`)).size,
    },
  };
}

function entry(key: string, lead: ReportItem, items: ReportItem[], members: ReportItem[]): ReportEntry {
  const everyone = [...items, ...members];
  const places = new Map<string, ReportPlace>();
  for (const i of everyone) {
    const ck = i.communeId === null ? `v${i.villageId}` : String(i.communeId);
    const place = places.get(ck) ?? { communeId: i.communeId, communeName: i.communeName, villages: [] };
    if (!place.villages.some((v) => v.id === i.villageId))
      place.villages.push({ id: i.villageId, name: i.villageName });
    places.set(ck, place);
  }
  const placeList = [...places.values()].sort((a, b) =>
    collator.compare(a.communeName ?? "", b.communeName ?? ""),
  );
  for (const p of placeList) p.villages.sort((a, b) => collator.compare(a.name, b.name));
  const states = new Map<string, number>();
  for (const i of items) states.set(i.state, (states.get(i.state) ?? 0) + 1);
  const replies: CentralReply[] = [];
  for (const i of items) {
    const r = i.reply;
    if (r && !replies.some((x) => x.text === r.text && x.reference === r.reference)) replies.push(r);
  }
  return {
    key,
    clusterId: lead.clusterId,
    lead,
    items,
    members,
    petitionCount: everyone.length,
    villageCount: placeList.reduce((n, p) => n + p.villages.length, 0),
    communeCount: placeList.length,
    places: placeList,
    states: [...states].map(([state, n]) => ({ state, n })),
    replies,
    answerableIds: items
      .filter((i) => (ANSWERABLE_STATES as readonly string[]).includes(i.state))
      .map((i) => i.id),
  };
}

/** The province the deployment serves (for the document's header and place name). */
export async function provinceOf(
  db: Queryable,
  provinceCode: string,
): Promise<{ name: string; fullName: string } | null> {
  const { rows } = await db.query<{ name: string; full_name: string }>(
    "SELECT name, full_name FROM units WHERE level = 'province' AND code = $1 ORDER BY valid_to IS NULL DESC, id LIMIT 1",
    [provinceCode],
  );
  const r = rows[0];
  return r ? { name: r.name, fullName: r.full_name } : null;
}

import { parseDate } from "../../../../platform/i18n/i18n.ts";
import type { PetitionFilters } from "../../queries/listPetitions.ts";
import { KINDS, STATES, URGENCIES } from "../../states.ts";

/** What the filter form sends back, as typed (to show again), the filters it means, and field errors. */
export type ListParams = {
  filters: PetitionFilters;
  values: Record<string, string>;
  states: string[];
  errors: Record<string, string>;
  after: string | null;
};

const id = (v: string | null | undefined) => (v && /^\d{1,15}$/.test(v) ? Number(v) : undefined);

/** dd/mm/yyyy (what people type) or yyyy-mm-dd (what links carry) → yyyy-mm-dd, or undefined. */
export function parseDay(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const [y, m, d] = t.split("-");
    return parseDate(`${d}/${m}/${y}`);
  }
  return parseDate(t);
}

const FIELDS = [
  "q",
  "kind",
  "category",
  "unitId",
  "agencyId",
  "urgency",
  "overdue",
  "from",
  "to",
  "sort",
] as const;

/** The list's GET parameters. Unknown values of closed lists are ignored; a date that is not one is a field error. */
export function parseListParams(search: URLSearchParams): ListParams {
  const values: Record<string, string> = {};
  for (const k of FIELDS) {
    const v = search.get(k);
    if (v !== null) values[k] = v.slice(0, 200);
  }
  const errors: Record<string, string> = {};
  const states = search.getAll("state").filter((s) => (STATES as readonly string[]).includes(s));
  const f: PetitionFilters = {};
  const q = (values.q ?? "").trim();
  if (q) f.q = q;
  if (states.length) f.state = [...new Set(states)];
  if ((KINDS as readonly string[]).includes(values.kind ?? "")) f.kind = values.kind;
  if (/^[a-z0-9_]{1,60}$/.test(values.category ?? "")) f.category = values.category;
  if ((URGENCIES as readonly string[]).includes(values.urgency ?? "")) f.urgency = values.urgency;
  f.unitId = id(values.unitId);
  f.agencyId = id(values.agencyId);
  if (values.overdue === "1") f.overdue = true;
  for (const k of ["from", "to"] as const) {
    const raw = (values[k] ?? "").trim();
    if (!raw) continue;
    const day = parseDay(raw);
    if (day) f[k] = day;
    else errors[k] = "petitions.work.error.date";
  }
  if (f.from && f.to && f.from > f.to) errors.to = "petitions.work.error.dateOrder";
  f.sort = values.sort === "deadline" ? "deadline" : "newest";
  const after = search.get("after");
  return {
    filters: f,
    values,
    states: f.state ?? [],
    errors,
    after: after && /^[0-9n_]{1,40}$/.test(after) ? after : null,
  };
}

/** Whether any filter narrows the list (the filter panel then starts open). */
export function hasFilters(p: ListParams): boolean {
  const f = p.filters;
  return !!(
    f.state?.length ||
    f.kind ||
    f.category ||
    f.unitId ||
    f.agencyId ||
    f.urgency ||
    f.overdue ||
    p.values.from ||
    p.values.to
  );
}

/** A link to `path` with the same filters (and `extra`), without the page cursor unless given. */
export function withParams(
  path: string,
  p: Pick<ListParams, "values" | "states">,
  extra: Record<string, string> = {},
): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(p.values)) if (v.trim() !== "" && !(k in extra)) s.set(k, v);
  for (const st of p.states) s.append("state", st);
  for (const [k, v] of Object.entries(extra)) if (v !== "") s.set(k, v);
  const qs = s.toString();
  return qs ? `${path}?${qs}` : path;
}

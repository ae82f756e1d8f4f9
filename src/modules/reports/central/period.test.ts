import assert from "node:assert/strict";
import { test } from "node:test";
import { officialDateParts } from "./docx.ts";
import { parsePeriod, parseYear } from "./period.ts";
import { compile, type ReportItem } from "./queries/centralReport.ts";

test("periods: months and cumulative compilations from January", () => {
  assert.deepEqual(parsePeriod("m1"), { key: "m1", monthly: true, from: 1, to: 1 });
  assert.deepEqual(parsePeriod("m12"), { key: "m12", monthly: true, from: 12, to: 12 });
  assert.deepEqual(parsePeriod("q1"), { key: "q1", monthly: false, from: 1, to: 3 });
  assert.deepEqual(parsePeriod("h1"), { key: "h1", monthly: false, from: 1, to: 6 });
  assert.deepEqual(parsePeriod("9m"), { key: "9m", monthly: false, from: 1, to: 9 });
  assert.deepEqual(parsePeriod("y"), { key: "y", monthly: false, from: 1, to: 12 });
  for (const bad of ["m0", "m13", "m01", "q2", "", "M3", "m3.docx", "constructor", "__proto__"])
    assert.equal(parsePeriod(bad), null, bad);
  assert.equal(parseYear("2026"), 2026);
  for (const bad of ["1999", "2101", "26", "2026a", undefined]) assert.equal(parseYear(bad), null);
});

test("official dates: a leading zero for days below 10 and for January and February, in Việt Nam's time", () => {
  assert.deepEqual(officialDateParts(new Date("2026-02-04T18:00:00Z")), {
    day: "05",
    month: "02",
    year: "2026",
  });
  assert.deepEqual(officialDateParts(new Date("2026-03-15T02:00:00Z")), {
    day: "15",
    month: "3",
    year: "2026",
  });
  assert.deepEqual(officialDateParts(new Date("2026-12-31T17:30:00Z")), {
    day: "01",
    month: "01",
    year: "2027",
  });
});

let id = 0;
const item = (o: Partial<ReportItem>): ReportItem => ({
  id: ++id,
  code: `KN-${id}`,
  title: `t${id}`,
  body: "",
  state: "escalated_central",
  month: 3,
  escalatedAt: null,
  categoryCode: "dat_dai",
  categoryName: "Đất đai",
  categorySort: 0,
  centralAgencyId: 1,
  centralAgencyName: "Bộ A",
  clusterId: null,
  villageId: 1,
  villageName: "Thôn 1",
  communeId: 1,
  communeName: "Xã 1",
  reply: null,
  ...o,
});

test("compile: a cluster is one entry under its lead, counted by distinct villages and communes", () => {
  const period = parsePeriod("q1");
  assert.ok(period);
  const items = [
    item({ clusterId: 5, villageId: 1 }),
    item({
      categoryCode: "y_te",
      categoryName: "Y tế",
      categorySort: 9,
      centralAgencyId: 2,
      centralAgencyName: "Bộ B",
    }),
    item({ clusterId: 5, villageId: 1, month: 1 }), // the same village twice counts once
    item({
      clusterId: 5,
      villageId: 2,
      villageName: "Thôn 2",
      communeId: 2,
      communeName: "Xã 2",
      state: "in_central_report",
    }),
    item({
      clusterId: 5,
      villageId: 3,
      villageName: "Thôn 3",
      communeId: 2,
      communeName: "Xã 2",
      month: null,
      state: "merged",
    }),
    item({ clusterId: 6, month: null, state: "merged" }), // a member whose cluster has no item in the period
  ];
  const r = compile(2026, period, [], items);
  assert.deepEqual(
    r.categories.map((c) => c.code),
    ["dat_dai", "y_te"],
  );
  const e = r.categories[0]?.agencies[0]?.entries[0];
  assert.ok(e);
  assert.equal(e.lead.id, items[0]?.id);
  assert.equal(e.items.length, 3);
  assert.equal(e.members.length, 1);
  assert.equal(e.petitionCount, 4);
  assert.equal(e.villageCount, 3);
  assert.equal(e.communeCount, 2);
  assert.deepEqual(e.answerableIds, [items[0]?.id, items[2]?.id, items[3]?.id]);
  assert.deepEqual(e.states, [
    { state: "escalated_central", n: 2 },
    { state: "in_central_report", n: 1 },
  ]);
  assert.deepEqual(r.totals, { items: 4, entries: 2, petitions: 5, villages: 3, communes: 2 });
});

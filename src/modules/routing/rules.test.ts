import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { matches, mostSpecific, type RoutingRule } from "./rules.ts";

const rule = (
  id: number,
  categoryCode: string | null,
  unitPath: string | null,
  agencyId: number,
  level = "province",
): RoutingRule => ({
  id,
  categoryCode,
  unitPath,
  level,
  agencyId,
  active: true,
});

test("the most specific rule wins: category beats any-category, a deeper subtree beats the province", () => {
  const rules = [
    rule(1, null, "/1/", 10), // anything in the province → office
    rule(2, "dat_dai", "/1/", 20), // land → Sở NN&MT
    rule(3, "dat_dai", "/1/57/", 30), // land in one commune → its committee
    rule(4, null, "/1/57/", 40),
  ];
  assert.equal(mostSpecific(rules, "dat_dai", "/1/57/900/", "province")?.agencyId, 30);
  assert.equal(mostSpecific(rules, "dat_dai", "/1/58/901/", "province")?.agencyId, 20);
  assert.equal(mostSpecific(rules, "y_te", "/1/57/900/", "province")?.agencyId, 40);
  assert.equal(mostSpecific(rules, "y_te", "/1/58/901/", "province")?.agencyId, 10);
  assert.equal(mostSpecific(rules, "y_te", "/1/58/901/", "commune"), undefined);
  assert.equal(
    mostSpecific([{ ...rule(5, null, null, 50), active: false }], null, "/1/", "province"),
    undefined,
  );
});

const pathArb = fc
  .array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 })
  .map((xs) => `/${xs.join("/")}/`);
const ruleArb = fc.record({
  id: fc.integer({ min: 1, max: 1000 }),
  categoryCode: fc.option(fc.constantFrom("dat_dai", "y_te", "moi_truong"), { nil: null }),
  unitPath: fc.option(pathArb, { nil: null }),
  level: fc.constantFrom("commune", "province"),
  agencyId: fc.integer({ min: 1, max: 50 }),
  active: fc.boolean(),
});

test("property: the chosen rule matches, and no matching rule is more specific", () => {
  fc.assert(
    fc.property(
      fc.array(ruleArb, { maxLength: 12 }),
      fc.constantFrom("dat_dai", "y_te", "moi_truong"),
      pathArb,
      fc.constantFrom("commune", "province"),
      (rules, cat, path, level) => {
        const best = mostSpecific(rules, cat, path, level);
        const matching = rules.filter((r) => matches(r, cat, path, level));
        assert.equal(best === undefined, matching.length === 0);
        if (!best) return;
        assert.ok(matches(best, cat, path, level));
        for (const r of matching) {
          if (r.categoryCode && !best.categoryCode)
            assert.fail("a category rule lost to an any-category rule");
          if (!!r.categoryCode === !!best.categoryCode) {
            const depth = (p: string | null) => (p ? p.split("/").filter(Boolean).length : 0);
            assert.ok(depth(r.unitPath) <= depth(best.unitPath));
          }
        }
      },
    ),
  );
});

test("property: the result does not depend on the order of the rules", () => {
  fc.assert(
    fc.property(fc.array(ruleArb, { maxLength: 10 }), pathArb, (rules, path) => {
      const a = mostSpecific(rules, "dat_dai", path, "province");
      const b = mostSpecific([...rules].reverse(), "dat_dai", path, "province");
      assert.equal(a?.id, b?.id);
    }),
  );
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stringify } from "csv-stringify/sync";
import {
  generateDemoVillages,
  QUANG_NINH_HIGHLAND_COMMUNES,
  QUANG_NINH_ISLAND_COMMUNES,
} from "./demoVillages.ts";
import { loadOfficialUnits } from "./officialUnits.ts";
import { fold } from "./text.ts";
import { normalisePhone, parseVillageFile } from "./villageFile.ts";

const DATA_DIR = new URL("../../../../../shared/data/vn-admin/", import.meta.url);
const units = loadOfficialUnits(DATA_DIR);
const communes = units.provinceCommunes;
const villages = generateDemoVillages(communes, { seed: 22, total: 1452, lineage: units.lineage });

function countsByCommune(list: readonly { communeCode: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of list) counts.set(v.communeCode, (counts.get(v.communeCode) ?? 0) + 1);
  return counts;
}

describe("generateDemoVillages (Quảng Ninh)", () => {
  it("generates exactly 1,452 villages with unique codes 'communeCode-nnn'", () => {
    assert.equal(villages.length, 1452);
    assert.equal(new Set(villages.map((v) => v.code)).size, 1452);
    for (const v of villages) {
      assert.match(v.code, /^\d{5}-\d{3}$/);
      assert.ok(v.code.startsWith(`${v.communeCode}-`));
    }
  });

  it("gives every one of the 54 communes at least 5, wards more than islands", () => {
    const counts = countsByCommune(villages);
    assert.equal(counts.size, 54);
    for (const c of communes) assert.ok((counts.get(c.code) ?? 0) >= 5, c.code);
    const avg = (codes: string[]) => codes.reduce((s, c) => s + (counts.get(c) ?? 0), 0) / codes.length;
    const wards = communes.filter((c) => c.type === "phuong").map((c) => c.code);
    assert.ok(avg(wards) > avg(["07192", "06967"]) * 2);
    assert.ok((counts.get("07192") ?? 0) < 20, "Cô Tô is small");
    assert.ok(QUANG_NINH_ISLAND_COMMUNES.has("07192"));
  });

  it("is deterministic for a seed and differs between seeds; never uses Math.random", () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error("Math.random used");
    };
    try {
      const again = generateDemoVillages(communes, { seed: 22, total: 1452, lineage: units.lineage });
      assert.deepEqual(again, villages);
      const other = generateDemoVillages(communes, { seed: "another", total: 1452, lineage: units.lineage });
      assert.equal(other.length, 1452);
      assert.notDeepEqual(other, villages);
    } finally {
      Math.random = original;
    }
  });

  it("names villages by commune kind: wards khu phố / tổ dân phố, bản only in highland communes", () => {
    const typeOf = new Map(communes.map((c) => [c.code, c.type]));
    for (const v of villages) {
      if (typeOf.get(v.communeCode) === "phuong")
        assert.ok(v.type === "khu_pho" || v.type === "to_dan_pho", v.name);
      if (v.type === "ban") {
        assert.ok(QUANG_NINH_HIGHLAND_COMMUNES.has(v.communeCode), v.name);
        assert.ok(v.name.startsWith("Bản "), v.name);
      }
      if (v.type === "thon") assert.ok(v.name.startsWith("Thôn "), v.name);
      if (v.type === "to_dan_pho") assert.ok(v.name.startsWith("Tổ dân phố "), v.name);
    }
    assert.ok(villages.some((v) => v.type === "ban"));
    assert.ok(villages.some((v) => v.type === "thon"));
  });

  it("keeps village names unique within a commune (after folding diacritics)", () => {
    const keys = villages.map((v) => `${v.communeCode}|${fold(v.name)}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it("gives each head a three-part Vietnamese name and a unique, valid mobile number", () => {
    for (const v of villages) {
      assert.ok(v.headName.split(" ").length >= 3, v.headName);
      assert.match(v.phone, /^0[35789]\d{8}$/);
      assert.equal(normalisePhone(v.phone), v.phone);
    }
    assert.equal(new Set(villages.map((v) => v.phone)).size, villages.length);
    assert.ok(villages.some((v) => v.headGender === "female"));
    assert.ok(villages.some((v) => v.headGender === "male"));
  });

  it("hits any total exactly and refuses one too small for the minimum", () => {
    assert.equal(generateDemoVillages(communes, { seed: 1, total: 270 }).length, 270);
    assert.equal(generateDemoVillages(communes, { seed: 1, total: 2001 }).length, 2001);
    assert.throws(() => generateDemoVillages(communes, { seed: 1, total: 269 }), RangeError);
  });

  it("round-trips through the village importer", async () => {
    const csv = stringify([
      ["commune_code", "village_name", "type", "head_name", "phone"],
      ...villages.map((v) => [v.communeCode, v.name, v.type, v.headName, v.phone]),
    ]);
    const known = new Set(communes.map((c) => c.code));
    const result = await parseVillageFile(Buffer.from(csv), "demo.csv", known);
    assert.ok(result.ok, JSON.stringify(result.ok ? null : result.errors.slice(0, 3)));
    assert.equal(result.rows.length, 1452);
    assert.deepEqual(
      result.rows.map((r) => [r.communeCode, r.name, r.type, r.headName, r.phone]),
      villages.map((v) => [v.communeCode, v.name, v.type, v.headName, v.phone]),
    );
  });
});

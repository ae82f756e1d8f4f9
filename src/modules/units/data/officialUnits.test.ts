import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  loadCategories,
  loadDepartments,
  loadOfficialUnits,
  predecessorCodes,
  REORGANISATION_DATE,
  successorCodes,
} from "./officialUnits.ts";

const DATA_DIR = new URL("../../../../../shared/data/vn-admin/", import.meta.url);

describe("loadOfficialUnits (Quảng Ninh, from its own pre-2025 files)", () => {
  const units = loadOfficialUnits(DATA_DIR);

  it("reads 34 provinces and 3,321 communes, codes as strings with leading zeros", () => {
    assert.equal(units.provinces.length, 34);
    assert.equal(units.communes.length, 3321);
    assert.ok(units.provinces.every((p) => /^\d{2}$/.test(p.code)));
    assert.ok(units.communes.every((c) => /^\d{5}$/.test(c.code)));
    assert.equal(units.provinces[0]?.code, "01");
    assert.equal(new Set(units.communes.map((c) => c.code)).size, 3321);
    const byType = (t: string) => units.communes.filter((c) => c.type === t).length;
    assert.deepEqual([byType("xa"), byType("phuong"), byType("dac_khu")], [2611, 697, 13]);
  });

  it("gives Quảng Ninh's 54 communes: 30 phường, 22 xã, 2 đặc khu", () => {
    assert.equal(units.province.fullName, "Tỉnh Quảng Ninh");
    assert.equal(units.provinceCommunes.length, 54);
    const count = (t: string) => units.provinceCommunes.filter((c) => c.type === t).length;
    assert.deepEqual([count("phuong"), count("xa"), count("dac_khu")], [30, 22, 2]);
    const haTu = units.provinceCommunes.find((c) => c.code === "06652");
    assert.equal(haTu?.fullName, "Phường Hà Tu");
  });

  it("gives 13 pre-2025 districts and 171 pre-2025 communes with their district", () => {
    assert.equal(units.pre2025Source, "province_files");
    assert.equal(units.oldDistricts.length, 13);
    assert.equal(units.oldCommunes.length, 171);
    const districts = new Set(units.oldDistricts.map((d) => d.code));
    assert.ok(units.oldCommunes.every((c) => c.districtCode !== null && districts.has(c.districtCode)));
    assert.equal(units.oldCommunes.filter((c) => c.type === "thi_tran").length, 7);
  });

  it("keeps validity: 2026 units from 2025-07-01, pre-2025 units until 2025-07-01 (exclusive)", () => {
    assert.equal(REORGANISATION_DATE, "2025-07-01");
    assert.ok(units.communes.every((c) => c.validFrom === "2025-07-01" && c.validTo === null));
    assert.ok(units.provinces.every((p) => p.validFrom === "2025-07-01" && p.validTo === null));
    assert.ok(units.oldCommunes.every((c) => c.validTo === "2025-07-01"));
    assert.ok(units.oldDistricts.every((d) => d.validTo === "2025-07-01"));
  });

  it("maps every old Quảng Ninh commune to at least one existing 2026 Quảng Ninh commune", () => {
    const qn = new Set(units.provinceCommunes.map((c) => c.code));
    for (const old of units.oldCommunes) {
      const successors = successorCodes(units.lineage, old.code);
      assert.ok(successors.length >= 1, `${old.code} ${old.fullName} has no successor`);
      assert.ok(
        successors.every((code) => qn.has(code)),
        `${old.code} → ${successors.join(",")}`,
      );
    }
    // …and every 2026 commune was formed from at least one old commune.
    for (const c of units.provinceCommunes)
      assert.ok(predecessorCodes(units.lineage, c.code).length >= 1, c.code);
    assert.equal(units.lineage.length, 184);
  });

  it("records full and partial merges (Hải Lạng split three ways; Ba Chẽ's corrected code)", () => {
    const haiLang = units.lineage.filter((l) => l.oldCode === "06886");
    assert.deepEqual(haiLang.map((l) => l.newCode).sort(), ["06799", "06886", "06978"]);
    assert.ok(haiLang.every((l) => l.mergeType === "partial"));
    assert.deepEqual(successorCodes(units.lineage, "06970"), ["06978"]);
    // The same code can name different units before and after: 06652 was Phường Hà Phong.
    assert.equal(units.oldCommunes.find((c) => c.code === "06652")?.fullName, "Phường Hà Phong");
    assert.deepEqual(successorCodes(units.lineage, "06652"), ["06652"]);
  });

  it("accepts a path string as well as a URL", () => {
    const again = loadOfficialUnits(decodeURIComponent(DATA_DIR.pathname), "22");
    assert.equal(again.oldCommunes.length, 171);
  });

  it("rejects an unknown province", () => {
    assert.throws(() => loadOfficialUnits(DATA_DIR, "99"), /unknown province/);
  });
});

describe("loadOfficialUnits (a province without its own files: from the national mapping)", () => {
  const units = loadOfficialUnits(DATA_DIR, "08"); // Tuyên Quang = old Hà Giang + Tuyên Quang

  it("derives pre-2025 districts and communes from the mapping's old_* columns", () => {
    assert.equal(units.pre2025Source, "national_mapping");
    assert.equal(units.provinceCommunes.length, 124);
    assert.equal(units.oldDistricts.length, 18);
    assert.deepEqual([...new Set(units.oldDistricts.map((d) => d.provinceCode))].sort(), ["02", "08"]);
    assert.ok(units.oldCommunes.length > 300);
    const current = new Set(units.provinceCommunes.map((c) => c.code));
    for (const old of units.oldCommunes) {
      const successors = successorCodes(units.lineage, old.code);
      assert.ok(successors.length >= 1 && successors.every((s) => current.has(s)), old.code);
    }
  });
});

describe("loadCategories and loadDepartments", () => {
  it("reads the 25 proposed petition categories", () => {
    const categories = loadCategories(DATA_DIR);
    assert.equal(categories.length, 25);
    const land = categories.find((c) => c.code === "dat_dai");
    assert.equal(land?.nameVi, "Đất đai");
    assert.equal(land?.nameEn, "Land");
    assert.deepEqual(land?.usualLevels, ["xa", "tinh"]);
    assert.match(land?.defaultHandler ?? "", /Sở Nông nghiệp và Môi trường/);
    assert.deepEqual(categories.find((c) => c.code === "khac")?.usualLevels, []);
  });

  it("reads Quảng Ninh's 14 departments", () => {
    const departments = loadDepartments(DATA_DIR);
    assert.equal(departments.length, 14);
    assert.ok(
      departments.some((d) => d.shortCode === "SNNMT" && d.nameVi === "Sở Nông nghiệp và Môi trường"),
    );
    assert.ok(departments.every((d) => /^[A-Z_]+$/.test(d.shortCode)));
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  buildAgencyCatalog,
  CENTRAL_AGENCIES,
  suggestHandlers,
  verticalAgencies,
} from "./agenciesCatalog.ts";
import { loadCategories, loadDepartments, loadOfficialUnits } from "./officialUnits.ts";

const DATA_DIR = new URL("../../../../../shared/data/vn-admin/", import.meta.url);
const units = loadOfficialUnits(DATA_DIR);
const departments = loadDepartments(DATA_DIR);
const catalog = buildAgencyCatalog({ province: units.province, communes: units.communes, departments });

describe("buildAgencyCatalog (Quảng Ninh)", () => {
  it("has 14 departments, 54 commune committees, the vertical agencies and 17 central agencies", () => {
    const count = (kind: string) => catalog.filter((a) => a.kind === kind).length;
    assert.equal(count("department"), 14);
    assert.equal(count("commune_committee"), 54);
    assert.equal(count("vertical"), 6);
    assert.equal(count("central"), 17);
    assert.equal(CENTRAL_AGENCIES.length, 17);
  });

  it("uses unique, stable ASCII codes", () => {
    assert.equal(new Set(catalog.map((a) => a.code)).size, catalog.length);
    assert.ok(
      catalog.every((a) => /^[A-Z0-9_-]+$/.test(a.code)),
      "ASCII codes",
    );
    for (const code of [
      "SNNMT-22",
      "UBND-06652",
      "CA-22",
      "BDBP-22",
      "THUE-22",
      "BHXH-22",
      "DL-22",
      "BO-NNMT",
    ]) {
      assert.ok(
        catalog.some((a) => a.code === code),
        code,
      );
    }
  });

  it("names a commune committee after the commune's full name and links it to the commune", () => {
    const haTu = catalog.find((a) => a.code === "UBND-06652");
    assert.deepEqual(haTu, {
      code: "UBND-06652",
      nameVi: "UBND Phường Hà Tu",
      nameEn: "People's Committee of Ha Tu Ward",
      kind: "commune_committee",
      unitCode: "06652",
    });
  });

  it("links departments and vertical agencies to the province, central agencies to nothing", () => {
    assert.ok(
      catalog
        .filter((a) => a.kind === "department" || a.kind === "vertical")
        .every((a) => a.unitCode === "22"),
    );
    assert.ok(catalog.filter((a) => a.kind === "central").every((a) => a.unitCode === null));
    assert.equal(catalog.find((a) => a.code === "THUE-22")?.nameVi, "Thuế tỉnh Quảng Ninh");
    assert.ok(catalog.some((a) => a.nameVi === "Bộ Nông nghiệp và Môi trường"));
  });

  it("gives an inland province no Border Guard and a city its own wording", () => {
    const hanoi = units.provinces.find((p) => p.code === "01");
    assert.ok(hanoi);
    const vertical = verticalAgencies(hanoi);
    assert.ok(!vertical.some((a) => a.code === "BDBP-01"));
    assert.equal(vertical.find((a) => a.code === "CA-01")?.nameVi, "Công an thành phố Hà Nội");
  });
});

describe("suggestHandlers", () => {
  const categories = loadCategories(DATA_DIR);
  const codes = new Set(catalog.map((a) => a.code));

  it("turns each category's default handler text into known agency codes", () => {
    for (const category of categories) {
      const s = suggestHandlers(category, departments, "22");
      assert.ok(s.agencyCodes.length > 0 || s.communeCommittee, category.code);
      for (const code of s.agencyCodes) assert.ok(codes.has(code), `${category.code}: ${code}`);
    }
  });

  it("reads departments, vertical agencies and the commune level", () => {
    const by = (code: string) => {
      const category = categories.find((c) => c.code === code);
      assert.ok(category, code);
      return suggestHandlers(category, departments, "22");
    };
    assert.deepEqual(by("dat_dai"), { agencyCodes: ["SNNMT-22"], communeCommittee: true });
    assert.deepEqual(by("bien_gioi_doi_ngoai").agencyCodes, ["SNGV-22", "BDBP-22"]);
    assert.deepEqual(by("tai_chinh_thue_dau_tu").agencyCodes, ["STC-22", "THUE-22"]);
  });
});

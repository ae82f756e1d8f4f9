import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { parseUserFile } from "./villageFile.ts";

const VILLAGES = new Set(["06652-001", "06652-002", "06838-001"]);

function csv(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.from(stringify(rows.map((r) => [...r])));
}

describe("parseUserFile", () => {
  it("imports good rows, defaulting the role to village_head", async () => {
    const result = await parseUserFile(
      csv([
        ["username", "full_name", "phone", "email", "village_code", "role"],
        ["Hatu.khu1", "Nguyễn Văn An", "0912 345 678", "An@Example.vn", "06652-001", ""],
        ["binhlieu_ban1", "Hoàng Thị Dung", "+84345678901", "", "06838-001", "Bí thư chi bộ kiêm trưởng bản"],
      ]),
      "users.csv",
      VILLAGES,
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.rows, [
      {
        row: 2,
        username: "hatu.khu1",
        fullName: "Nguyễn Văn An",
        phone: "0912345678",
        email: "an@example.vn",
        villageCode: "06652-001",
        role: "village_head",
      },
      {
        row: 3,
        username: "binhlieu_ban1",
        fullName: "Hoàng Thị Dung",
        phone: "0345678901",
        email: null,
        villageCode: "06838-001",
        role: "village_head",
      },
    ]);
  });

  it("reads an XLSX with Vietnamese headers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Trưởng thôn");
    sheet.addRow(["Tên đăng nhập", "Họ và tên", "Số điện thoại", "Mã thôn", "Vai trò"]);
    sheet.addRow(["khu2", "Trần Thị Bình", 987654321, "06652-002", "Trưởng thôn"]);
    const file = Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    const result = await parseUserFile(file, "users.bin", VILLAGES);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.format, "xlsx");
    assert.equal(result.rows[0]?.phone, "0987654321");
    assert.equal(result.rows[0]?.role, "village_head");
  });

  it("lists every bad row and imports nothing", async () => {
    const result = await parseUserFile(
      csv([
        ["username", "full_name", "phone", "email", "village_code", "role"],
        ["good1", "Nguyễn Văn An", "0912345678", "", "06652-001", ""], // 2 ok
        ["good1", "Lê Văn B", "0912345679", "", "06652-002", ""], // 3 duplicate username
        ["nguyễn", "Lê Văn C", "0912345670", "not-an-email", "06838-001", ""], // 4 bad username, bad email
        ["ok3", "", "", "", "99999-001", "admin"], // 5 no name, no phone, unknown village, role not allowed
        ["ok4", "Phạm Văn D", "0912345671", "", "06652-001", "village_head"], // 6 second head of 06652-001
      ]),
      "users.csv",
      VILLAGES,
    );
    assert.equal(result.ok, false);
    const errors = result.ok ? [] : result.errors;
    assert.deepEqual(
      errors.map((e) => [e.row, e.field, e.messageKey]),
      [
        [3, "username", "import.error.duplicateUsername"],
        [4, "username", "import.error.badUsername"],
        [4, "email", "import.error.badEmail"],
        [5, "full_name", "import.error.emptyFullName"],
        [5, "phone", "import.error.emptyPhone"],
        [5, "role", "import.error.unknownRole"],
        [5, "village_code", "import.error.unknownVillage"],
        [6, "village_code", "import.error.duplicateVillageHead"],
      ],
    );
    assert.deepEqual(errors[7]?.params, { firstRow: 2 });
  });

  it("accepts other roles when allowed", async () => {
    const result = await parseUserFile(
      csv([
        ["username", "full_name", "phone", "village_code", "role"],
        ["phoban1", "Vi Văn E", "0812345678", "06652-001", "commune_officer"],
      ]),
      "u.csv",
      VILLAGES,
      { allowedRoles: ["village_head", "commune_officer"] },
    );
    assert.ok(result.ok);
    assert.equal(result.rows[0]?.role, "commune_officer");
  });

  it("reports missing required columns", async () => {
    const result = await parseUserFile(
      csv([
        ["username", "phone"],
        ["a", "0912345678"],
      ]),
      "u.csv",
      VILLAGES,
    );
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? [] : result.errors.map((e) => [e.row, e.field, e.messageKey]), [
      [1, "full_name", "import.error.missingColumn"],
      [1, "village_code", "import.error.missingColumn"],
    ]);
  });
});

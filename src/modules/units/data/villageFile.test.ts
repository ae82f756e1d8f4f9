import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import fc from "fast-check";
import {
  IMPORT_FIELD_KEYS,
  IMPORT_MESSAGE_KEYS,
  type ImportError,
  inferVillageType,
  MAX_IMPORT_ROWS,
  messagesEn,
  messagesVi,
  normalisePhone,
  parseVillageFile,
  parseVillageType,
  type VillageImportRow,
} from "./villageFile.ts";
import { VILLAGE_TYPES } from "./villageTypes.ts";

const KNOWN = new Set(["06652", "06658", "06838", "07192"]);

async function xlsx(
  rows: readonly (readonly (string | number | null)[])[],
  sheetName = "Danh sách",
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as unknown as ArrayBuffer);
}

function csv(rows: readonly (readonly string[])[], delimiter = ","): Buffer {
  return Buffer.from(
    stringify(
      rows.map((r) => [...r]),
      { delimiter },
    ),
  );
}

function assertOk(
  result: Awaited<ReturnType<typeof parseVillageFile>>,
): asserts result is Extract<typeof result, { ok: true }> {
  assert.ok(result.ok, result.ok ? "" : JSON.stringify(result.errors, null, 1));
}

function errorsOf(result: Awaited<ReturnType<typeof parseVillageFile>>): ImportError[] {
  assert.equal(result.ok, false, "expected the file to be rejected");
  return result.ok ? [] : result.errors;
}

const EN_HEADER = ["commune_code", "village_name", "type", "head_name", "phone"];
const VI_HEADER = ["Mã xã", "Tên thôn", "Loại", "Họ tên trưởng thôn", "Điện thoại"];

describe("parseVillageFile: good files", () => {
  it("imports a good CSV with English headers", async () => {
    const result = await parseVillageFile(
      csv([
        EN_HEADER,
        ["06652", "Khu Đồng Mai", "khu_pho", "Nguyễn Văn An", "0912345678"],
        ["06652", "Tổ dân phố 3", "tổ dân phố", "Trần Thị Bình", "+84 98 765 4321"],
        ["06838", "Bản Khe Tâm", "ban", "", ""],
      ]),
      "thon.csv",
      KNOWN,
    );
    assertOk(result);
    assert.equal(result.format, "csv");
    assert.deepEqual(result.rows, [
      {
        row: 2,
        communeCode: "06652",
        name: "Khu Đồng Mai",
        type: "khu_pho",
        headName: "Nguyễn Văn An",
        phone: "0912345678",
        code: null,
      },
      {
        row: 3,
        communeCode: "06652",
        name: "Tổ dân phố 3",
        type: "to_dan_pho",
        headName: "Trần Thị Bình",
        phone: "0987654321",
        code: null,
      },
      {
        row: 4,
        communeCode: "06838",
        name: "Bản Khe Tâm",
        type: "ban",
        headName: null,
        phone: null,
        code: null,
      },
    ]);
  });

  it("imports a good XLSX with Vietnamese headers, a title row and numeric cells", async () => {
    const file = await xlsx([
      ["DANH SÁCH THÔN, BẢN, KHU PHỐ TỈNH QUẢNG NINH"],
      [],
      ["STT", ...VI_HEADER],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
      [1, 6652, "Khu 5", "Khu", "Phạm Văn Cường", 912345678],
      [2, "06838", "Thôn Đồng Văn", "Thon", "Hoàng Thị Dung", "0345 678 901"],
      [3, "07192", "Thôn Nam Hà", "", "", 84987654321],
    ]);
    const result = await parseVillageFile(file, "thon.xlsx", KNOWN);
    assertOk(result);
    assert.equal(result.format, "xlsx");
    assert.deepEqual(
      result.rows.map((r) => [r.row, r.communeCode, r.name, r.type, r.phone]),
      [
        [5, "06652", "Khu 5", "khu_pho", "0912345678"],
        [6, "06838", "Thôn Đồng Văn", "thon", "0345678901"],
        [7, "07192", "Thôn Nam Hà", "thon", "0987654321"],
      ],
    );
  });

  it("handles a UTF-8 BOM and semicolons (Excel's CSV in Vietnamese locale)", async () => {
    const body = csv(
      [
        ["MÃ XÃ", "Tên thôn", "loai", "Ho ten truong thon", "Dien thoai"],
        ["06658", "Khu phố 1", "Khu phố", "Lê Văn Đức", "0771234567"],
        ["06658", "Thôn Hòa Bình, Cao Xanh", "thôn", "Vũ Thị Hà", ""],
      ],
      ";",
    );
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
    const result = await parseVillageFile(file, "thon.csv", KNOWN);
    assertOk(result);
    assert.deepEqual(
      result.rows.map((r) => [r.communeCode, r.name, r.type]),
      [
        ["06658", "Khu phố 1", "khu_pho"],
        ["06658", "Thôn Hòa Bình, Cao Xanh", "thon"],
      ],
    );
  });

  it("finds the delimiter and the header below a title line", async () => {
    const text = `DANH SÁCH THÔN, KHU PHỐ\n\n${VI_HEADER.join(";")}\n06652;Khu 3, Hà Tu;khu;;0912345678\n`;
    const result = await parseVillageFile(Buffer.from(text), "x.csv", KNOWN);
    assertOk(result);
    assert.deepEqual(
      result.rows.map((r) => [r.row, r.name]),
      [[4, "Khu 3, Hà Tu"]],
    );
  });

  it("reads an XLSX renamed .csv as XLSX (format by content, not by name)", async () => {
    const file = await xlsx([EN_HEADER, ["06652", "Khu 1", "khu", "Đỗ Văn Em", "0901234567"]]);
    const result = await parseVillageFile(file, "thon.csv", KNOWN);
    assertOk(result);
    assert.equal(result.format, "xlsx");
    assert.equal(result.rows[0]?.name, "Khu 1");
  });

  it("reads Excel's sep= line, skips empty lines and keeps spreadsheet row numbers", async () => {
    const text = `sep=;\r\n${EN_HEADER.join(";")}\r\n\r\n06652;Khu 2;khu phố;;\r\n`;
    const result = await parseVillageFile(Buffer.from(text), "x.csv", KNOWN);
    assertOk(result);
    assert.deepEqual(
      result.rows.map((r) => r.row),
      [3],
    );
  });

  it("infers the type from the name when the type cell or column is empty", async () => {
    const result = await parseVillageFile(
      csv([
        ["Mã xã", "Tên thôn"],
        ["06652", "Tổ dân phố 7"],
        ["06838", "Bản Nà Làng"],
        ["06838", "Thôn Sông Moc"],
      ]),
      "x.csv",
      KNOWN,
    );
    assertOk(result);
    assert.deepEqual(
      result.rows.map((r) => r.type),
      ["to_dan_pho", "ban", "thon"],
    );
  });
});

describe("parseVillageFile: bad files", () => {
  it("lists every bad row with its row number and field, and imports nothing", async () => {
    const result = await parseVillageFile(
      csv([
        VI_HEADER,
        ["06652", "Khu 1", "khu phố", "Nguyễn Văn A", "0912345678"], // 2 ok
        ["99999", "Khu 2", "khu phố", "", ""], // 3 unknown commune
        ["06652", "", "khu phố", "", ""], // 4 empty name
        ["06652", "Khu 3", "làng", "", ""], // 5 unknown type
        ["06652", "Khu 4", "khu", "", "12345"], // 6 bad phone
        ["06652", "KHU 1", "khu", "", ""], // 7 duplicate of row 2
        ["06838", "Thôn Hòa Bình", "thôn", "", ""], // 8 ok
        ["06838", "thon hoa binh", "thon", "", ""], // 9 duplicate of row 8 (diacritics, case)
        ["06838", "Thôn Hoà Bình", "thôn", "", ""], // 10 duplicate of row 8 (tone-mark placement)
        ["06652", "Thôn Hòa Bình", "thôn", "", ""], // 11 same name, other commune: fine
        ["", "Khu 9", "khu", "Ng3uyen", "0912"], // 12 three problems
      ]),
      "thon.csv",
      KNOWN,
    );
    const errors = errorsOf(result);
    assert.deepEqual(
      errors.map((e) => [e.row, e.field, e.messageKey]),
      [
        [3, "commune_code", "import.error.unknownCommune"],
        [4, "village_name", "import.error.emptyVillageName"],
        [5, "type", "import.error.unknownType"],
        [6, "phone", "import.error.badPhone"],
        [7, "village_name", "import.error.duplicateVillage"],
        [9, "village_name", "import.error.duplicateVillage"],
        [10, "village_name", "import.error.duplicateVillage"],
        [12, "commune_code", "import.error.emptyCommuneCode"],
        [12, "head_name", "import.error.badHeadName"],
        [12, "phone", "import.error.badPhone"],
      ],
    );
    assert.deepEqual(errors[4]?.params, { firstRow: 2 });
    assert.deepEqual(errors[6]?.params, { firstRow: 8 });
    assert.equal(errors[0]?.value, "99999");
    assert.equal(errors[3]?.value, "12345");
  });

  it("reports bad rows of an XLSX with their sheet row numbers", async () => {
    const file = await xlsx([
      ["Danh sách thôn"],
      VI_HEADER,
      ["06652", "Khu 1", "khu", "", ""],
      ["12", "Khu 2", "x", "", ""],
    ]);
    const errors = errorsOf(await parseVillageFile(file, "a.xlsx", KNOWN));
    assert.deepEqual(
      errors.map((e) => [e.row, e.field, e.messageKey]),
      [
        [4, "commune_code", "import.error.unknownCommune"],
        [4, "type", "import.error.unknownType"],
      ],
    );
  });

  it("reports missing columns on the header row", async () => {
    const errors = errorsOf(
      await parseVillageFile(
        csv([
          ["Tên thôn", "Loại"],
          ["Khu 1", "khu"],
        ]),
        "a.csv",
        KNOWN,
      ),
    );
    assert.deepEqual(errors, [
      {
        row: 1,
        field: "commune_code",
        messageKey: "import.error.missingColumn",
        value: "",
        params: { column: "Mã xã" },
      },
    ]);
    const none = errorsOf(
      await parseVillageFile(
        csv([
          ["a", "b"],
          ["1", "2"],
        ]),
        "a.csv",
        KNOWN,
      ),
    );
    assert.deepEqual(
      none.map((e) => e.field),
      ["commune_code", "village_name"],
    );
  });

  it("rejects empty files, header-only files and unreadable files", async () => {
    const key = async (buffer: Buffer) =>
      errorsOf(await parseVillageFile(buffer, "f", KNOWN)).map((e) => e.messageKey);
    assert.deepEqual(await key(Buffer.alloc(0)), ["import.error.emptyFile"]);
    assert.deepEqual(await key(Buffer.from("\ufeff\r\n\r\n")), ["import.error.emptyFile"]);
    assert.deepEqual(await key(csv([EN_HEADER])), ["import.error.noRows"]);
    assert.deepEqual(await key(await xlsx([])), ["import.error.emptyFile"]);
    assert.deepEqual(await key(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), [
      "import.error.unreadableFile",
    ]);
    assert.deepEqual(await key(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), [
      "import.error.unsupportedFormat",
    ]);
    // "Thôn" in Windows-1258/Latin-1 bytes is not UTF-8.
    assert.deepEqual(await key(Buffer.from([0x4d, 0xe3, 0x20, 0x78, 0xe3, 0x2c, 0x54, 0xea, 0x6e, 0x0a])), [
      "import.error.badEncoding",
    ]);
    assert.deepEqual(await key(Buffer.from('commune_code,village_name\n06652,"Khu 1\n')), [
      "import.error.malformedCsv",
    ]);
  });

  it(`rejects more than ${MAX_IMPORT_ROWS} rows`, async () => {
    const lines = [EN_HEADER.join(",")];
    for (let i = 0; i <= MAX_IMPORT_ROWS; i++) lines.push(`06652,Khu ${i},khu,,`);
    const errors = errorsOf(await parseVillageFile(Buffer.from(lines.join("\n")), "big.csv", KNOWN));
    assert.deepEqual(errors, [
      {
        row: 0,
        field: "file",
        messageKey: "import.error.tooManyRows",
        value: "",
        params: { max: MAX_IMPORT_ROWS, count: MAX_IMPORT_ROWS + 1 },
      },
    ]);
  });
});

describe("village file helpers", () => {
  it("normalises phone numbers", () => {
    assert.equal(normalisePhone("0912 345 678"), "0912345678");
    assert.equal(normalisePhone("+84 912.345.678"), "0912345678");
    assert.equal(normalisePhone("84912345678"), "0912345678");
    assert.equal(normalisePhone("0084912345678"), "0912345678");
    assert.equal(normalisePhone("912345678"), "0912345678");
    assert.equal(normalisePhone("(091) 234-5678"), "0912345678");
    assert.equal(normalisePhone("0212345678"), null);
    assert.equal(normalisePhone("02033825123"), null);
    assert.equal(normalisePhone("091234567"), null);
    assert.equal(normalisePhone("09123456789"), null);
    assert.equal(normalisePhone("abc"), null);
  });

  it("reads Vietnamese type words with or without diacritics", () => {
    assert.equal(parseVillageType("Thôn"), "thon");
    assert.equal(parseVillageType("BẢN"), "ban");
    assert.equal(parseVillageType("khu pho"), "khu_pho");
    assert.equal(parseVillageType("Khu"), "khu_pho");
    assert.equal(parseVillageType("Tổ dân phố"), "to_dan_pho");
    assert.equal(parseVillageType("to_dan_pho"), "to_dan_pho");
    assert.equal(parseVillageType("làng"), null);
    assert.equal(inferVillageType("Khu phố 3"), "khu_pho");
    assert.equal(inferVillageType("Khuổi Luông"), null);
    assert.equal(inferVillageType("Bản Pắc Pò"), "ban");
  });

  it("has Vietnamese and English text for every message key", () => {
    for (const key of [...IMPORT_MESSAGE_KEYS, ...IMPORT_FIELD_KEYS]) {
      assert.ok(messagesVi[key].length > 0, key);
      assert.ok(messagesEn[key].length > 0, key);
    }
  });
});

describe("parseVillageFile: property", () => {
  const syllable = fc.constantFrom(
    "Đồng",
    "Mai",
    "Hòa",
    "Bình",
    "Khe",
    "Tâm",
    "Nà",
    "Làng",
    "Quảng",
    "Hà",
    "Tiên",
    "Yên",
    "1",
    "2",
    "A",
    'B"',
    "Tây,",
    "Nam;",
  );
  const name = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => s.join(" "));
  const headName = fc.option(
    fc
      .tuple(
        fc.constantFrom("Nguyễn", "Trần", "Lê", "Hoàng", "Nông"),
        fc.constantFrom("Văn", "Thị", "Đức"),
        fc.constantFrom("An", "Bình", "Hằng", "Sơn"),
      )
      .map((parts) => parts.join(" ")),
    { nil: null },
  );
  const phone = fc.option(
    fc
      .tuple(fc.constantFrom("03", "05", "07", "08", "09"), fc.stringMatching(/^\d{8}$/))
      .map(([p, rest]) => p + rest),
    { nil: null },
  );
  const row = fc.record({
    communeCode: fc.constantFrom(...KNOWN),
    name,
    type: fc.constantFrom(...VILLAGE_TYPES),
    headName,
    phone,
  });
  const rows = fc.uniqueArray(row, {
    minLength: 1,
    maxLength: 30,
    selector: (r) =>
      `${r.communeCode}|${r.name
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/gi, "d")
        .toLowerCase()}`,
  });

  it("round-trips any valid rows through CSV (comma or semicolon, with or without BOM) and XLSX", async () => {
    await fc.assert(
      fc.asyncProperty(
        rows,
        fc.constantFrom(",", ";"),
        fc.boolean(),
        fc.boolean(),
        async (input, sep, bom, asXlsx) => {
          const table = [
            EN_HEADER,
            ...input.map((r) => [r.communeCode, r.name, r.type, r.headName ?? "", r.phone ?? ""]),
          ];
          let file: Buffer;
          if (asXlsx) file = await xlsx(table);
          else {
            file = csv(table, sep);
            if (bom) file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), file]);
          }
          const result = await parseVillageFile(file, "p.csv", KNOWN);
          assertOk(result);
          const expected: VillageImportRow[] = input.map((r, i) => ({ row: i + 2, ...r, code: null }));
          assert.deepEqual(result.rows, expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

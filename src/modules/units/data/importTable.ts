// Reading an uploaded spreadsheet (XLSX or CSV) into rows of text cells, and finding its
// header row. The format is decided by the content (XLSX is a ZIP: "PK\x03\x04"), never by the
// file name. Row numbers are the ones a person sees in the spreadsheet (1-based).

import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { ImportMessageKey } from "./importMessages.ts";
import { cleanText, foldKey } from "./text.ts";

/** Most data rows accepted in one file. */
export const MAX_IMPORT_ROWS = 50_000;

/** How far down the header row is looked for (title rows above it are common). */
const HEADER_SEARCH_ROWS = 10;

export interface ImportError {
  /** Spreadsheet row (header = 1 when it is the first row); 0 for problems with the whole file. */
  readonly row: number;
  /** Canonical column name (`commune_code`, `phone` …), or `file`. */
  readonly field: string;
  readonly messageKey: ImportMessageKey;
  /** The offending cell text ("" when there is none). */
  readonly value: string;
  /** Values for the message's {placeholders}. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export type ImportResult<T> =
  | { readonly ok: true; readonly rows: T[]; readonly format: FileFormat }
  | { readonly ok: false; readonly errors: ImportError[] };

export type FileFormat = "xlsx" | "csv";

export interface SheetRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export type SheetResult =
  | { readonly ok: true; readonly format: FileFormat; readonly rows: SheetRow[] }
  | { readonly ok: false; readonly error: ImportError };

function fileError(messageKey: ImportMessageKey, params?: Record<string, string | number>): ImportError {
  return params === undefined
    ? { row: 0, field: "file", messageKey, value: "" }
    : { row: 0, field: "file", messageKey, value: "", params };
}

/** True when the bytes start with a ZIP local-file header (XLSX, but also ODS, DOCX …). */
export function isZip(buffer: Uint8Array): boolean {
  return buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

/** The legacy binary Excel format (.xls, OLE2 compound file). */
function isOle2(buffer: Uint8Array): boolean {
  return buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0;
}

/** Reads the file's non-empty rows as trimmed NFC text cells. */
export async function readSheet(buffer: Uint8Array): Promise<SheetResult> {
  if (buffer.length === 0) return { ok: false, error: fileError("import.error.emptyFile") };
  if (isZip(buffer)) return readXlsx(buffer);
  if (isOle2(buffer)) return { ok: false, error: fileError("import.error.unsupportedFormat") };
  return readCsv(buffer);
}

// ---------------------------------------------------------------------------------------------
// XLSX

async function readXlsx(buffer: Uint8Array): Promise<SheetResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); it reads Node buffers at runtime.
    await workbook.xlsx.load(Buffer.from(buffer) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, error: fileError("import.error.unreadableFile") };
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible" && ws.actualRowCount > 0);
  if (sheet === undefined) return { ok: false, error: fileError("import.error.emptyFile") };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((cell) => cell !== "")) rows.push({ row: rowNumber, cells });
  });
  return { ok: true, format: "xlsx", rows };
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** The text a person sees in a cell, whatever exceljs made of it. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return cleanText(value);
  if (typeof value === "number") {
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isObject(value)) {
    if ("richText" in value && Array.isArray(value.richText)) {
      return cleanText(value.richText.map((part: { text?: unknown }) => String(part.text ?? "")).join(""));
    }
    if ("error" in value && typeof value.error === "string") return value.error;
    if ("result" in value) {
      const result = value.result;
      return result === undefined ? "" : cellText(result as ExcelJS.CellValue);
    }
    if ("text" in value && (typeof value.text === "string" || isObject(value.text))) {
      return cellText(value.text as ExcelJS.CellValue);
    }
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// CSV

function decodeText(buffer: Uint8Array): string | null {
  try {
    if (buffer[0] === 0xff && buffer[1] === 0xfe)
      return new TextDecoder("utf-16le", { fatal: true }).decode(buffer);
    if (buffer[0] === 0xfe && buffer[1] === 0xff)
      return new TextDecoder("utf-16be", { fatal: true }).decode(buffer);
    // TextDecoder drops a UTF-8 byte-order mark by default.
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return null;
  }
}

/**
 * Picks the delimiter (",", ";" or tab) that occurs most often, outside quotes, on any one of the
 * first non-empty lines (a title line above the header may have none).
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== "")
    .slice(0, HEADER_SEARCH_ROWS);
  let best = ",";
  let bestCount = 0;
  for (const delimiter of [",", ";", "\t"]) {
    for (const line of lines) {
      let quoted = false;
      let count = 0;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (!quoted && ch === delimiter) count++;
      }
      if (count > bestCount) {
        best = delimiter;
        bestCount = count;
      }
    }
  }
  return best;
}

function readCsv(buffer: Uint8Array): SheetResult {
  const decoded = decodeText(buffer);
  if (decoded === null) return { ok: false, error: fileError("import.error.badEncoding") };
  if (decoded.includes("\u0000")) return { ok: false, error: fileError("import.error.unsupportedFormat") };
  let text = decoded.replace(/^\ufeff/, "");
  // Excel's "sep=;" first line names the delimiter and is not shown as a row.
  let delimiter: string;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep?.[1] !== undefined) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  } else {
    delimiter = detectDelimiter(text);
  }
  if (text.trim() === "") return { ok: false, error: fileError("import.error.emptyFile") };
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const line = isObject(error) && "lines" in error && typeof error.lines === "number" ? error.lines : 0;
    return {
      ok: false,
      error: {
        row: line,
        field: "file",
        messageKey: "import.error.malformedCsv",
        value: "",
        params: { row: line },
      },
    };
  }
  const rows: SheetRow[] = [];
  records.forEach((record, index) => {
    const cells = record.map((cell) => cleanText(cell));
    if (cells.some((cell) => cell !== "")) rows.push({ row: index + 1, cells });
  });
  return { ok: true, format: "csv", rows };
}

// ---------------------------------------------------------------------------------------------
// Header

export interface ColumnSpec<F extends string> {
  readonly field: F;
  readonly required: boolean;
  /** Header texts accepted for this column, compared after folding (case, diacritics, punctuation). */
  readonly aliases: readonly string[];
}

export interface Table<F extends string> {
  readonly format: FileFormat;
  readonly headerRow: number;
  /** The data rows (below the header), with a getter per canonical field. */
  readonly rows: readonly { readonly row: number; readonly get: (field: F) => string }[];
}

/** Rows like "(1) (2) (3)" that number the columns under the header in official forms. */
function isColumnNumbering(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== "");
  return filled.length > 0 && filled.every((c) => /^\(\d+\)$/.test(c));
}

/**
 * Reads the file, finds the header row among the first rows (the one naming most known
 * columns) and maps the data rows to canonical fields. Returns every file-level problem.
 */
export async function readTable<F extends string>(
  buffer: Uint8Array,
  columns: readonly ColumnSpec<F>[],
): Promise<{ ok: true; table: Table<F> } | { ok: false; errors: ImportError[] }> {
  const sheet = await readSheet(buffer);
  if (!sheet.ok) return { ok: false, errors: [sheet.error] };
  if (sheet.rows.length === 0) return { ok: false, errors: [fileError("import.error.emptyFile")] };

  const aliasToField = new Map<string, F>();
  for (const spec of columns) {
    aliasToField.set(foldKey(spec.field), spec.field);
    for (const alias of spec.aliases) aliasToField.set(foldKey(alias), spec.field);
  }

  // The candidate row naming the most columns wins; the first one on a tie.
  interface Header {
    index: number;
    map: Map<F, number>;
    duplicates: { field: F; col: number }[];
  }
  let found: Header | null = null;
  for (const [index, candidate] of sheet.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const map = new Map<F, number>();
    const duplicates: { field: F; col: number }[] = [];
    for (const [col, cell] of candidate.cells.entries()) {
      const f = aliasToField.get(foldKey(cell));
      if (f === undefined) continue;
      if (map.has(f)) duplicates.push({ field: f, col });
      else map.set(f, col);
    }
    if (map.size > 0 && (found === null || map.size > found.map.size)) found = { index, map, duplicates };
  }
  const headerRow = found === null ? (sheet.rows[0]?.row ?? 1) : (sheet.rows[found.index]?.row ?? 1);
  const headerCells = found === null ? [] : (sheet.rows[found.index]?.cells ?? []);

  const errors: ImportError[] = [];
  for (const spec of columns) {
    if (spec.required && !found?.map.has(spec.field)) {
      errors.push({
        row: headerRow,
        field: spec.field,
        messageKey: "import.error.missingColumn",
        value: "",
        params: { column: spec.aliases[0] ?? spec.field },
      });
    }
  }
  for (const dup of found?.duplicates ?? []) {
    errors.push({
      row: headerRow,
      field: dup.field,
      messageKey: "import.error.duplicateColumn",
      value: headerCells[dup.col] ?? "",
    });
  }
  if (errors.length > 0 || found === null) return { ok: false, errors };

  const map = found.map;
  const data = sheet.rows.slice(found.index + 1).filter((r) => !isColumnNumbering(r.cells));
  if (data.length === 0) return { ok: false, errors: [fileError("import.error.noRows")] };
  if (data.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      errors: [fileError("import.error.tooManyRows", { max: MAX_IMPORT_ROWS, count: data.length })],
    };
  }
  return {
    ok: true,
    table: {
      format: sheet.format,
      headerRow,
      rows: data.map((r) => ({
        row: r.row,
        get: (f: F) => {
          const col = map.get(f);
          return col === undefined ? "" : (r.cells[col] ?? "");
        },
      })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Shared cell rules

/**
 * A Vietnamese mobile number in its national form ("0912345678"), or null when the text is
 * not one. Accepts spaces, dots, dashes, parentheses, the +84 / 84 / 0084 prefixes, and nine
 * digits whose leading zero a spreadsheet dropped.
 */
export function normalisePhone(raw: string): string | null {
  let digits = raw.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("0084")) digits = `0${digits.slice(4)}`;
  else if (/^84\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`;
  else if (/^[35789]\d{8}$/.test(digits)) digits = `0${digits}`;
  return /^0[35789]\d{8}$/.test(digits) ? digits : null;
}

// Reading the bundled, trusted data CSVs (vn-admin). Every value stays a string: unit codes
// carry leading zeros ("06652", "01") and must never be parsed as numbers.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

export type CsvRecord = Readonly<Record<string, string>>;

/** Turns a directory given as a path or a file: URL into a path string. */
export function dirPath(dir: string | URL): string {
  if (dir instanceof URL) return decodeURIComponent(dir.pathname);
  if (dir.startsWith("file:")) return decodeURIComponent(new URL(dir).pathname);
  return dir;
}

/**
 * Reads `file` from `dir` and checks that every column in `required` is present.
 * Values are NFC-normalised and trimmed. Throws with the file name on any problem.
 */
export function readDataCsv(dir: string | URL, file: string, required: readonly string[]): CsvRecord[] {
  const path = join(dirPath(dir), file);
  const text = readFileSync(path, "utf8");
  const rows = parse(text, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, unknown>[];
  const first = rows[0];
  if (first === undefined) throw new Error(`${file}: no data rows`);
  const missing = required.filter((column) => !(column in first));
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(", ")}`);
  return rows.map((row) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(row)) {
      out[key] = typeof value === "string" ? value.normalize("NFC") : "";
    }
    return out;
  });
}

/** A required, non-empty value of a record (throws naming the file and row when empty). */
export function field(record: CsvRecord, column: string, file: string, index: number): string {
  const value = record[column];
  if (value === undefined || value === "") {
    throw new Error(`${file}: row ${index + 2}: empty ${column}`);
  }
  return value;
}

/** Narrows `value` to one of `allowed` or throws naming the file and row. */
export function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  file: string,
  index: number,
  column: string,
): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    throw new Error(`${file}: row ${index + 2}: unexpected ${column} "${value}"`);
  }
  return found;
}

import type pg from "pg";
import type { CommandContext } from "../../../platform/commands.ts";
import type { ImportError } from "../data/importTable.ts";
import { fold } from "../data/text.ts";
import { parseVillageFile } from "../data/villageFile.ts";
import { villageCode } from "../data/villageTypes.ts";
import { importVillages, type VillageInput, villageFullName } from "./importVillages.ts";

export type VillageFileOutcome =
  | { ok: true; count: number; created: number; updated: number }
  | { ok: false; errors: readonly ImportError[] };

async function currentCommuneCodes(pool: pg.Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ code: string }>(
    "SELECT code FROM units WHERE level = 'commune' AND valid_to IS NULL AND retired_at IS NULL",
  );
  return new Set(rows.map((r) => r.code));
}

/**
 * Validates the whole file first; a file with any bad row imports nothing and every bad row is named.
 * Rows without a code match an existing village of the commune by name (without diacritics) or get the next code.
 */
export async function importVillageFile(
  ctx: CommandContext,
  buffer: Uint8Array,
  filename: string,
): Promise<VillageFileOutcome> {
  const parsed = await parseVillageFile(buffer, filename, await currentCommuneCodes(ctx.pool));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const communes = [...new Set(parsed.rows.map((r) => r.communeCode))];
  const { rows: existing } = await ctx.pool.query<{ code: string; name: string; commune_code: string }>(
    `SELECT v.code, v.name, c.code AS commune_code FROM units v JOIN units c ON c.id = v.parent_id
      WHERE v.level = 'village' AND c.code = ANY($1::text[])`,
    [communes],
  );
  const byName = new Map(existing.map((e) => [`${e.commune_code}|${fold(e.name)}`, e.code]));
  const known = new Set(existing.map((e) => e.code));
  const nextSeq = new Map<string, number>();
  for (const e of existing) {
    const seq = Number(e.code.split("-").pop());
    if (Number.isInteger(seq)) nextSeq.set(e.commune_code, Math.max(nextSeq.get(e.commune_code) ?? 0, seq));
  }
  let created = 0;
  const villages: VillageInput[] = parsed.rows.map((r) => {
    let code = r.code ?? byName.get(`${r.communeCode}|${fold(villageFullName(r.name, r.type))}`) ?? null;
    if (!code) {
      const seq = (nextSeq.get(r.communeCode) ?? 0) + 1;
      nextSeq.set(r.communeCode, seq);
      code = villageCode(r.communeCode, seq);
    }
    if (!known.has(code)) created++;
    return {
      code,
      communeCode: r.communeCode,
      name: r.name,
      type: r.type,
      headName: r.headName,
      headPhone: r.phone,
    };
  });
  const { count } = await importVillages(ctx, villages, filename);
  return { ok: true, count, created, updated: count - created };
}

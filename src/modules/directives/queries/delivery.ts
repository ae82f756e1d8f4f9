import type { Queryable } from "../../../platform/db/database.ts";

export type DeliveryRow = {
  id: number;
  directive_id: number;
  village_id: number;
  commune_id: number;
  village_path: string;
  village_name: string;
  commune_name: string;
  delivered_at: Date;
  acknowledged_at: Date | null;
  acknowledged_version: number | null;
  disseminated_on: string | null;
  disseminated_at: Date | null;
  dissemination_form: string | null;
  households: number | null;
  evidence_key: string | null;
  evidence_mime: string | null;
  agree: number | null;
  disagree: number | null;
  responded_at: Date | null;
};

export async function getDelivery(
  db: Queryable,
  directiveId: number,
  villageId: number,
  forUpdate = false,
): Promise<DeliveryRow | undefined> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT dd.id, dd.directive_id, dd.village_id, dd.commune_id, dd.village_path, v.name AS village_name,
            c.name AS commune_name, dd.delivered_at, dd.acknowledged_at, dd.acknowledged_version,
            to_char(dd.disseminated_on, 'YYYY-MM-DD') AS disseminated_on, dd.disseminated_at, dd.dissemination_form,
            dd.households, dd.evidence_key, dd.evidence_mime, dd.agree, dd.disagree, dd.responded_at
       FROM directive_deliveries dd JOIN units v ON v.id = dd.village_id JOIN units c ON c.id = dd.commune_id
      WHERE dd.directive_id = $1 AND dd.village_id = $2${forUpdate ? " FOR UPDATE OF dd" : ""}`,
    [directiveId, villageId],
  );
  return rows[0];
}

export type OpinionRow = {
  id: number;
  text: string;
  stance: string;
  petition_id: number | null;
  petition_code: string | null;
  created_at: Date;
};

export async function opinionsOf(db: Queryable, deliveryId: number): Promise<OpinionRow[]> {
  const { rows } = await db.query<OpinionRow>(
    `SELECT o.id, o.text, o.stance, o.petition_id, p.code AS petition_code, o.created_at
       FROM directive_opinions o LEFT JOIN petitions p ON p.id = o.petition_id
      WHERE o.delivery_id = $1 ORDER BY o.id`,
    [deliveryId],
  );
  return rows;
}

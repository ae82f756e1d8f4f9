import type { Queryable } from "../../../platform/db/database.ts";
import type { DirectiveSubject } from "../policy.ts";
import { type DirectiveState, isDirectiveState } from "../rules.ts";

export type Target = { unitId: number; path: string; name: string; level: string };

export type DirectiveRow = {
  id: number;
  doc_number: string;
  doc_date: string;
  issuer: string;
  title: string;
  summary: string;
  body: string;
  category: string;
  targets: Target[];
  target_roles: string[];
  ack_due: string;
  disseminate_due: string;
  opinions_until: string | null;
  state: DirectiveState;
  version: number;
  created_by: number | null;
  approved_by: number | null;
  approved_at: Date | null;
  published_at: Date | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  villages: number;
  updated_at: Date;
};

export const DIRECTIVE_COLUMNS = `id, doc_number, to_char(doc_date, 'YYYY-MM-DD') AS doc_date, issuer, title, summary, body,
  category, targets, target_roles, to_char(ack_due, 'YYYY-MM-DD') AS ack_due,
  to_char(disseminate_due, 'YYYY-MM-DD') AS disseminate_due, to_char(opinions_until, 'YYYY-MM-DD') AS opinions_until,
  state, version, created_by, approved_by, approved_at, published_at, revoked_at, revoke_reason, villages, updated_at`;

export async function getDirective(
  db: Queryable,
  id: number,
  forUpdate = false,
): Promise<DirectiveRow | undefined> {
  const { rows } = await db.query<DirectiveRow>(
    `SELECT ${DIRECTIVE_COLUMNS} FROM directives WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`,
    [id],
  );
  const r = rows[0];
  return r && isDirectiveState(r.state) ? r : undefined;
}

export function subjectOf(d: Pick<DirectiveRow, "state" | "targets">): DirectiveSubject {
  return { state: d.state, targetPaths: d.targets.map((t) => t.path) };
}

export type AttachmentRow = {
  id: number;
  storage_key: string;
  mime: string;
  size: number;
  original_name: string;
};

export async function attachmentsOf(db: Queryable, id: number): Promise<AttachmentRow[]> {
  const { rows } = await db.query<AttachmentRow>(
    "SELECT id, storage_key, mime, size, original_name FROM directive_attachments WHERE directive_id = $1 ORDER BY id",
    [id],
  );
  return rows;
}

export type VersionRow = {
  version: number;
  note: string | null;
  at: Date;
  by_name: string | null;
  content: Record<string, unknown>;
};

export async function versionsOf(db: Queryable, id: number): Promise<VersionRow[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT v.version, v.note, v.at, u.full_name AS by_name, v.content FROM directive_versions v
       LEFT JOIN users u ON u.id = v.by WHERE v.directive_id = $1 ORDER BY v.version DESC`,
    [id],
  );
  return rows;
}

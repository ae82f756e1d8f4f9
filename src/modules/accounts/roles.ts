export const ROLES = [
  "admin",
  "coordinator",
  "leader",
  "agency_officer",
  "commune_officer",
  "village_head",
  "editor",
  "moderator",
  "trainer",
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}

/** Which kind of scope each role is granted over. */
export const ROLE_SCOPE: Record<Role, "unit" | "agency" | "unit_optional"> = {
  admin: "unit_optional",
  coordinator: "unit_optional",
  leader: "unit_optional",
  agency_officer: "agency",
  commune_officer: "unit",
  village_head: "unit",
  editor: "unit_optional",
  moderator: "unit_optional",
  trainer: "unit_optional",
};

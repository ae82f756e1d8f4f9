import { hasRole } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";

/** The province overview is for those who work province-wide. */
export const canSeeOverview = (actor: Actor | null): boolean =>
  hasRole(actor, "admin", "coordinator", "leader", "editor", "moderator", "trainer");

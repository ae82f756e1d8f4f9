import { hasRole } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";

/** The holiday calendar decides every deadline: only administrators edit it. */
export const canManageCalendar = (actor: Actor | null): boolean => hasRole(actor, "admin");

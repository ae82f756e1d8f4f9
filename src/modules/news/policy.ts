import { hasRole } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";

/** Editors (and admins) write, schedule and publish articles. */
export const canEditNews = (a: Actor | null): boolean => hasRole(a, "editor", "admin");

/** Moderators (and admins) approve, reject or mark readers' feedback as spam. */
export const canModerateFeedback = (a: Actor | null): boolean => hasRole(a, "moderator", "admin");

/** Anyone, signed in or not, reads published articles and may leave feedback. */
export const canReadPublic = (_a: Actor | null): boolean => true;

/** A non-public article (draft, scheduled, unpublished) is shown only to those who edit. */
export const canSeeArticle = (a: Actor | null, state: string): boolean =>
  state === "published" || canEditNews(a);

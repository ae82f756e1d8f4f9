/** An article's life: draft → scheduled → published → unpublished (and back). One table, pure. */
export const ARTICLE_STATES = ["draft", "scheduled", "published", "unpublished"] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export type ArticleAction = "publish" | "schedule" | "unschedule" | "unpublish" | "to_draft";

const TRANSITIONS: Record<ArticleAction, { from: readonly ArticleState[]; to: ArticleState }> = {
  publish: { from: ["draft", "scheduled", "unpublished"], to: "published" },
  schedule: { from: ["draft", "unpublished"], to: "scheduled" },
  unschedule: { from: ["scheduled"], to: "draft" },
  unpublish: { from: ["published"], to: "unpublished" },
  to_draft: { from: ["unpublished"], to: "draft" },
};

export function isArticleState(v: unknown): v is ArticleState {
  return typeof v === "string" && (ARTICLE_STATES as readonly string[]).includes(v);
}

/** The state after the action, or null when the action is not possible from this state. */
export function nextState(from: ArticleState, action: ArticleAction): ArticleState | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(from) ? rule.to : null;
}

export function actionsFrom(from: ArticleState): ArticleAction[] {
  return (Object.keys(TRANSITIONS) as ArticleAction[]).filter((a) => nextState(from, a) !== null);
}

/**
 * Going public (publish or schedule) when the province wants four eyes: the first editor's click is a request,
 * a different editor's click carries it out; the same editor cannot approve their own request.
 */
export type PublishDecision = "go" | "request" | "needs_other_editor";

export function decidePublish(
  requireSecondEditor: boolean,
  publishRequestedBy: number | null,
  actorId: number,
): PublishDecision {
  if (!requireSecondEditor) return "go";
  if (publishRequestedBy === null) return "request";
  return publishRequestedBy === actorId ? "needs_other_editor" : "go";
}

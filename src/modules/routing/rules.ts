/**
 * Routing: category × unit subtree × level → agency. Pure: the most specific matching rule wins —
 * a rule naming the category beats one for any category; then the deeper unit subtree beats the shallower.
 */
export type RoutingRule = {
  id: number;
  categoryCode: string | null;
  /** Path of the rule's unit ('/1/57/'); null = anywhere. */
  unitPath: string | null;
  level: string;
  agencyId: number;
  active: boolean;
};

export function matches(
  rule: RoutingRule,
  categoryCode: string | null,
  unitPath: string,
  level: string,
): boolean {
  return (
    rule.active &&
    rule.level === level &&
    (rule.categoryCode === null || rule.categoryCode === categoryCode) &&
    (rule.unitPath === null || unitPath.startsWith(rule.unitPath))
  );
}

/** Higher is more specific: category first, then depth of the unit subtree. Ties: the newer rule (higher id). */
export function specificity(rule: RoutingRule): [number, number, number] {
  const depth = rule.unitPath ? rule.unitPath.split("/").filter(Boolean).length : 0;
  return [rule.categoryCode ? 1 : 0, depth, rule.id];
}

export function mostSpecific(
  rules: readonly RoutingRule[],
  categoryCode: string | null,
  unitPath: string,
  level: string,
): RoutingRule | undefined {
  let best: RoutingRule | undefined;
  for (const r of rules) {
    if (!matches(r, categoryCode, unitPath, level)) continue;
    if (!best) {
      best = r;
      continue;
    }
    const [a1, a2, a3] = specificity(r);
    const [b1, b2, b3] = specificity(best);
    if (a1 > b1 || (a1 === b1 && (a2 > b2 || (a2 === b2 && a3 > b3)))) best = r;
  }
  return best;
}

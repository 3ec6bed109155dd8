/** A partner as the succession chain needs it: who took over from it, if anyone. */
export type Succeeded = Readonly<{ partnerId: string; succeededBy: string | null }>;

/**
 * R16: each succeeded partner and the partner at the end of its line of successors (a CCG whose ICB
 * was itself succeeded answers to the last one), which takes over its open obligations.
 */
export function successorsOf(partners: readonly Succeeded[]): Record<string, string> {
  const byId = new Map(partners.map((partner) => [partner.partnerId, partner]));
  const successors: Record<string, string> = {};
  for (const partner of partners) {
    const seen = new Set([partner.partnerId]);
    let current = partner.succeededBy;
    while (current && byId.get(current)?.succeededBy && !seen.has(current)) {
      seen.add(current);
      current = byId.get(current)?.succeededBy ?? null;
    }
    if (current) successors[partner.partnerId] = current;
  }
  return successors;
}

/** The quorum as the API gives it (R7): counted from the terms in force, or the platform's defaults before any, as it says. */
export interface QuorumRule {
  percentage: number;
  representativeCount: number;
  required: number;
  platformDefault: boolean;
}

/**
 * The overview's quorum row. The API counts a group without terms of reference against the
 * platform's defaults, and so do its meetings, so the page says which it is rather than let the
 * figures pass for the group's own; and with nobody to count, a count of "0 of 0" says nothing.
 */
export function quorumSummary({ percentage, representativeCount, required, platformDefault }: QuorumRule): string {
  const share = `${percentage}% of the representatives, rounded up`;
  if (representativeCount === 0)
    return platformDefault
      ? `No terms of reference or representatives are recorded yet, so there is no quorum to count. Until the group adopts terms, the platform’s default is ${share}.`
      : `No representatives are recorded yet, so there is no quorum to count. The terms of reference set ${share}.`;
  const count = `${required} of ${representativeCount} representatives (${percentage}%, rounded up)`;
  return platformDefault
    ? `No terms of reference are recorded yet, so the platform’s default applies: ${count}`
    : count;
}

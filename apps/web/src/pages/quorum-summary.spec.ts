import { quorumSummary } from './quorum-summary';

describe('the quorum row of the group overview', () => {
  const tenRepresentatives = { percentage: 66, representativeCount: 10, required: 7 };
  const nobody = { percentage: 66, representativeCount: 0, required: 0 };
  const own = { platformDefault: false };
  const byDefault = { platformDefault: true };

  it('given the group’s own terms and representatives, then it gives the count and the share it comes from', () => {
    expect(quorumSummary({ ...tenRepresentatives, ...own })).toBe('7 of 10 representatives (66%, rounded up)');
  });

  it('given the platform’s default, then it says the count is the platform’s default, not the group’s own', () => {
    expect(quorumSummary({ ...tenRepresentatives, ...byDefault })).toBe(
      'No terms of reference are recorded yet, so the platform’s default applies: 7 of 10 representatives (66%, rounded up)',
    );
  });

  it('given the platform’s default and no representatives, then it says plainly there is no quorum to count, never “0 of 0”', () => {
    const summary = quorumSummary({ ...nobody, ...byDefault });
    expect(summary).toBe(
      'No terms of reference or representatives are recorded yet, so there is no quorum to count. Until the group adopts terms, the platform’s default is 66% of the representatives, rounded up.',
    );
  });

  it('given the group’s own terms but no representatives, then there is no quorum to count, and the terms’ share is named', () => {
    expect(quorumSummary({ ...nobody, ...own, percentage: 75 })).toBe(
      'No representatives are recorded yet, so there is no quorum to count. The terms of reference set 75% of the representatives, rounded up.',
    );
  });
});

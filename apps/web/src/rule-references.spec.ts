import { withoutRuleReferences } from './rule-references';

describe('an API sentence shown on a page', () => {
  it.each([
    ["The workstream's status is reported by its lead (W1).", "The workstream's status is reported by its lead."],
    [
      '2 tasks are still open: complete, cancel or carry them over first (W3).',
      '2 tasks are still open: complete, cancel or carry them over first.',
    ],
    [
      'Only its members read the group (R43): the page shows none.',
      'Only its members read the group: the page shows none.',
    ],
    ['Decided by the chair (R8, R9) on the day (L5), as agreed.', 'Decided by the chair on the day, as agreed.'],
  ])('leaves out the rule it names: %s', (given, then) => {
    expect(withoutRuleReferences(given)).toBe(then);
  });

  it.each([
    'Agreed at the meeting of 12 March 2020 (quarterly).',
    'Bristol (BNSSG) sent its report.',
    'Version 2 (draft) was published.',
  ])('keeps what is not a rule: %s', (sentence) => {
    expect(withoutRuleReferences(sentence)).toBe(sentence);
  });
});

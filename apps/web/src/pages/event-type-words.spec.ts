import { eventTypeInWords } from './event-type-words';

describe('an event type, in words', () => {
  it('given the types auditors meet on the audit page, then each reads as a sentence', () => {
    expect(eventTypeInWords('PersonRegistered')).toBe('Person registered');
    expect(eventTypeInWords('TreeHeadSigned')).toBe('Tree head signed');
    expect(eventTypeInWords('TermsOfReferenceReviewed')).toBe('Terms of reference reviewed');
    expect(eventTypeInWords('MinutesApproved')).toBe('Minutes approved');
  });

  it('given an acronym in a type, then it stays in capitals', () => {
    expect(eventTypeInWords('ICBNamed')).toBe('ICB named');
    expect(eventTypeInWords('ReviewLCSPRStarted')).toBe('Review LCSPR started');
  });
});

import { takesChanges } from './takes-changes';

describe('takesChanges (W3)', () => {
  it('given an active workstream, when a change is asked of it, then it takes it', () => {
    expect(takesChanges('ACTIVE')).toBe(true);
  });

  it('given a closed workstream, when a change is asked of it, then it takes none', () => {
    expect(takesChanges('CLOSED')).toBe(false);
  });
});

import { mayBeSubstituted } from './substitute';

describe('mayBeSubstituted (R8)', () => {
  it('given a representative who sent apologies or was absent, when a substitute attended, then it is recorded', () => {
    expect(mayBeSubstituted('APOLOGIES')).toBe(true);
    expect(mayBeSubstituted('ABSENT')).toBe(true);
  });

  it('given a representative who was present, when a substitute is sent with them, then it is not', () => {
    expect(mayBeSubstituted('PRESENT')).toBe(false);
  });
});

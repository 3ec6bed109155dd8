import { successorsOf } from './succession';

describe('successorsOf (R16)', () => {
  it('maps each succeeded partner to the last of its line of successors', () => {
    expect(
      successorsOf([
        { partnerId: 'banes-ccg', succeededBy: 'bsw-icb' },
        { partnerId: 'bsw-icb', succeededBy: 'wessex-board' },
        { partnerId: 'wessex-board', succeededBy: null },
        { partnerId: 'police', succeededBy: null },
      ]),
    ).toEqual({ 'banes-ccg': 'wessex-board', 'bsw-icb': 'wessex-board' });
  });

  it('leaves partners that were never succeeded out', () => {
    expect(successorsOf([{ partnerId: 'police', succeededBy: null }])).toEqual({});
  });
});

import { Succeeded, successorOn, successorsOf } from './succession';

const ICB_DAY = '2022-07-01';
const BOARD_DAY = '2025-04-01';
/** BaNES CCG succeeded by the BSW ICB on 1 July 2022, itself succeeded by a Wessex board on 1 April 2025; and the police. */
const line: Succeeded[] = [
  { partnerId: 'banes-ccg', succeededBy: 'bsw-icb', succeededOn: ICB_DAY },
  { partnerId: 'bsw-icb', succeededBy: 'wessex-board', succeededOn: BOARD_DAY },
  { partnerId: 'wessex-board', succeededBy: null, succeededOn: null },
  { partnerId: 'police', succeededBy: null, succeededOn: null },
];

describe('successorOn (R16)', () => {
  it('given a partner never succeeded, when read on any day, then it is its own end of the line', () => {
    expect(successorOn(line, 'police', '2019-06-01')).toBe('police');
    expect(successorOn(line, 'police', null)).toBe('police');
  });

  it('given the BaNES CCG, when read before the ICB succeeded it, then the line ends at the CCG', () => {
    expect(successorOn(line, 'banes-ccg', '2022-06-30')).toBe('banes-ccg');
  });

  it('given the BaNES CCG, when read from the day the ICB succeeded it, then the line ends at the ICB until the board took over', () => {
    expect(successorOn(line, 'banes-ccg', ICB_DAY)).toBe('bsw-icb');
    expect(successorOn(line, 'banes-ccg', '2025-03-31')).toBe('bsw-icb');
    expect(successorOn(line, 'banes-ccg', BOARD_DAY)).toBe('wessex-board');
  });

  it('given no day, when read, then every succession recorded counts', () => {
    expect(successorOn(line, 'banes-ccg', null)).toBe('wessex-board');
  });

  it('given an organisation that is no partner, when read, then the line ends at it', () => {
    expect(successorOn(line, 'wiltshire-council', '2020-01-15')).toBe('wiltshire-council');
  });
});

describe('successorsOf (R16)', () => {
  it('maps each succeeded partner to the last of its line of successors', () => {
    expect(successorsOf(line)).toEqual({ 'banes-ccg': 'wessex-board', 'bsw-icb': 'wessex-board' });
  });

  it('leaves partners that were never succeeded out', () => {
    expect(successorsOf([{ partnerId: 'police', succeededBy: null, succeededOn: null }])).toEqual({});
  });
});

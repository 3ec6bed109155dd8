import { historyDetails } from './history-record';

describe('what an event of the history says in words (historyDetails)', () => {
  it.each([
    [
      'a core partner admitted names the partner',
      { partnerId: 'b3e1', name: 'Avon and Somerset Police', agencyType: 'POLICE', areaIds: ['a1'] },
      'Avon and Somerset Police',
    ],
    [
      'a representative appointed names the person, their job title and role in words',
      {
        appointmentId: 'c9',
        personId: 'p1',
        partnerId: 'b3e1',
        name: 'Will White',
        title: 'Detective Superintendent',
        role: 'DEPUTY_CHAIR',
        seniority: 'SENIOR',
        startDate: '2019-06-01',
      },
      'Will White, Detective Superintendent, Deputy chair',
    ],
    ['an event of ids only says nothing', { meetingId: 'm1', personIds: ['p1', 'p2'] }, ''],
    [
      'a long text is cut short',
      { decision: `Agreed ${'to review the neglect strategy '.repeat(5)}` },
      `Agreed ${'to review the neglect strategy '.repeat(5)}`.slice(0, 79) + '…',
    ],
  ])('%s', (_, data, said) => {
    expect(historyDetails(JSON.stringify(data), false)).toBe(said);
  });

  it('says an event the reader may not read is withheld, whatever its data', () => {
    expect(historyDetails('{}', true)).toBe('Withheld');
  });

  it('says nothing of data that is not an object', () => {
    expect(historyDetails('null', false)).toBe('');
    expect(historyDetails('"text"', false)).toBe('');
  });
});

import { oldestFirst } from './oldest-first';

describe('oldest first by a day', () => {
  const dueOn = (item: { dueOn: string | null }) => item.dueOn;

  it('given items recorded out of order, then the earliest day comes first', () => {
    const items = [{ dueOn: '2026-06-30' }, { dueOn: '2025-11-03' }, { dueOn: '2026-01-01' }];
    expect(oldestFirst(items, dueOn).map(dueOn)).toEqual(['2025-11-03', '2026-01-01', '2026-06-30']);
  });

  it('given items of the same day, then they keep the order they came in; without a day, they come last', () => {
    const items = [
      { id: 'a', dueOn: null },
      { id: 'b', dueOn: '2026-01-01' },
      { id: 'c', dueOn: '2025-12-31' },
      { id: 'd', dueOn: '2026-01-01' },
    ];
    expect(oldestFirst(items, dueOn).map((item) => item.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

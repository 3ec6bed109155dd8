import { ApiRefusal } from '../api-client';
import { filterAddressRefusals, historyFilterRefusal } from './history-filter-refusal';

describe('historyFilterRefusal', () => {
  it('given a window that ends before it starts, when shown on the audit page, then it names both dates as the page writes dates', () => {
    const refusal = new ApiRefusal('VALIDATION_FAILED', '"from" (2026-12-01) is after "to" (2026-01-01)', 'from', {
      from: '2026-12-01',
      to: '2026-01-01',
    });

    expect(historyFilterRefusal(refusal)).toEqual({
      field: 'from',
      text: 'The start date, 1 December 2026, is after the end date, 1 January 2026',
    });
  });

  it('given a window starting on a day still to come, when shown on the audit page, then it says the from date must be past', () => {
    const refusal = new ApiRefusal('VALIDATION_FAILED', '"from" (2026-11-24) is after today (2026-11-23): …', 'from', {
      from: '2026-11-24',
      today: '2026-11-23',
    });

    expect(historyFilterRefusal(refusal)).toEqual({
      field: 'from',
      text: 'The from date must be today or in the past',
    });
  });

  it('given an id the API never gave out, when shown, then it asks for the id on its own field in people’s words', () => {
    const refusal = new ApiRefusal(
      'NOT_FOUND',
      'filter.entityId names nothing: it must be an id this API gave out.',
      'filter.entityId',
    );

    expect(historyFilterRefusal(refusal)).toEqual({
      field: 'entityId',
      text: 'Enter the entity id as the platform shows it, like 0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54',
    });
  });

  it('given an id no event concerns, when shown, then it is the API’s sentence on the entity id', () => {
    const refusal = new ApiRefusal('NOT_FOUND', 'No event concerns that id.', null);

    expect(historyFilterRefusal(refusal)).toEqual({ field: 'entityId', text: 'No event concerns that id.' });
  });

  it('given a next-events address of the order recorded asked as it happened, when shown, then it is told on the order', () => {
    const refusal = new ApiRefusal('VALIDATION_FAILED', 'The "after" cursor was given out for …', 'after', {
      cursorOrder: 'RECORDED',
    });

    expect(historyFilterRefusal(refusal)).toEqual({
      field: 'order',
      text: 'The address goes on from a list shown as recorded: show the history again to start from its first events',
    });
  });
});

describe('filterAddressRefusals', () => {
  const OFFERED = { kind: ['MEETING', 'POLICY'], order: ['RECORDED', 'HAPPENED'] };

  it('given a kind of record the list offers, or none, when the address is read, then nothing is refused', () => {
    expect(filterAddressRefusals({ kind: 'MEETING', entityId: 'x', 'from-day': '1' }, OFFERED)).toEqual([]);
    expect(filterAddressRefusals({ kind: '' }, OFFERED)).toEqual([]);
    expect(filterAddressRefusals({ order: 'HAPPENED' }, OFFERED)).toEqual([]);
  });

  it('given a kind of record the list does not offer, when the address is read, then it is refused on its field', () => {
    expect(filterAddressRefusals({ kind: 'BOGUS' }, OFFERED)).toEqual([
      { field: 'kind', text: 'Choose a kind of record from the list' },
    ]);
  });

  it('given an order the list does not offer, when the address is read, then it is refused on its field', () => {
    expect(filterAddressRefusals({ order: 'SIDEWAYS' }, OFFERED)).toEqual([
      { field: 'order', text: 'Choose an order from the list' },
    ]);
    expect(filterAddressRefusals({ order: ['RECORDED', 'HAPPENED'] }, OFFERED)).toEqual([
      { field: 'order', text: 'Give the order once: the address has it more than once' },
    ]);
  });

  it('given a field given twice, when the address is read, then it is refused on its field rather than dropped', () => {
    expect(
      filterAddressRefusals(
        { kind: ['MEETING', 'POLICY'], 'to-day': ['1', '2'], 'to-year': ['2026', '2027'] },
        OFFERED,
      ),
    ).toEqual([
      { field: 'kind', text: 'Give the kind of record once: the address has it more than once' },
      { field: 'to', text: 'Give the to date once: the address has it more than once' },
    ]);
  });
});

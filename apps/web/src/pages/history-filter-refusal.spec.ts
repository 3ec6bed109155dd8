import { ApiRefusal } from '../api-client';
import { historyFilterRefusal } from './history-filter-refusal';

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
});

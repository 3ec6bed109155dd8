import { changeReasonOf } from './change-reason';

const notAdopted = { areaId: 'north-somerset', decision: 'NOT_ADOPTED', reason: 'The local procedure covers this.' };

describe('changeReasonOf: the reason given for a change itself (A1)', () => {
  it('given a change recorded with a reason, then that is its reason', () => {
    expect(changeReasonOf('DecisionRecorded', { text: 'Agreed' }, { reason: 'Minuted late', schemaVersion: 3 })).toBe(
      'Minuted late',
    );
  });

  it('given no reason, then it has none', () => {
    expect(changeReasonOf('DecisionRecorded', { text: 'Agreed' }, { schemaVersion: 3 })).toBeNull();
    expect(changeReasonOf('DecisionRecorded', { text: 'Agreed' }, { reason: null, schemaVersion: 3 })).toBeNull();
  });

  it('given an area’s refusal recorded before version 3 with its reason in the metadata, then the change has no reason', () => {
    const reason = notAdopted.reason;
    expect(changeReasonOf('PolicyAdoptionRecorded', notAdopted, { reason, schemaVersion: 2 })).toBeNull();
    expect(changeReasonOf('PolicyAdoptionRecorded', notAdopted, { reason })).toBeNull();
  });

  it('given an area’s decision whose change reason differs from its decision’s reason, then the change keeps it', () => {
    expect(
      changeReasonOf('PolicyAdoptionRecorded', notAdopted, {
        reason: 'Entered from the board minutes',
        schemaVersion: 2,
      }),
    ).toBe('Entered from the board minutes');
  });

  it('given an area’s refusal recorded from version 3, then a change reason equal to it is still the change’s', () => {
    const reason = notAdopted.reason;
    expect(changeReasonOf('PolicyAdoptionRecorded', notAdopted, { reason, schemaVersion: 3 })).toBe(reason);
  });
});

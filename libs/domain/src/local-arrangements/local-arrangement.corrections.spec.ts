import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { CorrectPolicyAdoption, localArrangementDecider, PolicyAdoptionRecorded } from './local-arrangement.decider';

const bristolManager: Actor = { personId: 'bm-bristol', partnerId: null, roles: ['AREA_BUSINESS_MANAGER'] };
const now = '2026-11-23T09:00:00.000Z';
const REASON = 'Bristol’s board adopted it with the local escalation contacts as a variation.';
const adopted: PolicyAdoptionRecorded = {
  type: 'PolicyAdoptionRecorded',
  data: {
    areaId: 'bristol',
    policyId: 'escalation',
    version: 1,
    decision: 'ADOPTED',
    variation: null,
    reason: null,
    decidedOn: '2021-05-03',
  },
};
const correct = (overrides: Partial<CorrectPolicyAdoption['data']> = {}): CorrectPolicyAdoption => ({
  type: 'CorrectPolicyAdoption',
  data: {
    areaId: 'bristol',
    policyId: 'escalation',
    version: 1,
    decision: 'ADOPTED_WITH_VARIATION',
    variation: 'Escalation contacts are those of Bristol’s front door.',
    reason: null,
    decidedOn: null,
    publishedToAreaOn: '2021-04-01',
    correctionReason: REASON,
    managedAreaIds: ['bristol'],
    actor: bristolManager,
    now,
    ...overrides,
  },
});
const spec = specification(localArrangementDecider);

describe('correcting an area’s decision on a regional policy (A7, R11)', () => {
  it('records the decision as it should have been, on the day recorded, with the reason for the correction', () =>
    spec
      .given([adopted])
      .when(correct())
      .then([
        {
          type: 'PolicyAdoptionCorrected',
          data: {
            ...adopted.data,
            decision: 'ADOPTED_WITH_VARIATION',
            variation: 'Escalation contacts are those of Bristol’s front door.',
            correctionReason: REASON,
          },
        },
      ]));

  it('corrects the day of the decision when given, never into the future', () => {
    spec
      .given([adopted])
      .when(correct({ decidedOn: '2021-04-28' }))
      .then([
        {
          type: 'PolicyAdoptionCorrected',
          data: {
            ...adopted.data,
            decision: 'ADOPTED_WITH_VARIATION',
            variation: 'Escalation contacts are those of Bristol’s front door.',
            decidedOn: '2021-04-28',
            correctionReason: REASON,
          },
        },
      ]);
    spec
      .given([adopted])
      .when(correct({ decidedOn: '2026-11-24' }))
      .thenFails('VALIDATION_FAILED', /future/);
  });

  it('is refused as OUT_OF_RANGE when corrected to a day before the version was published to the area', () => {
    spec
      .given([adopted])
      .when(correct({ decidedOn: '2015-01-01' }))
      .thenFails(
        'OUT_OF_RANGE',
        /The date of the decision \(2015-01-01\) is before version 1's publication \(2021-04-01\)/,
      );
    expect(spec.refusal([adopted], correct({ decidedOn: '2021-03-31' })).details).toEqual({
      earliest: '2021-04-01',
      field: 'decidedOn',
    });
  });

  it('is refused without a reason for the correction', () =>
    spec
      .given([adopted])
      .when(correct({ correctionReason: ' ' }))
      .thenFails('VALIDATION_FAILED', /reason/));

  it('is NOT_FOUND for a version the area has not decided on', () =>
    spec
      .given([adopted])
      .when(correct({ version: 2 }))
      .thenFails('NOT_FOUND'));

  it('is corrected by the area’s own business manager only (R41)', () => {
    spec
      .given([adopted])
      .when(correct({ managedAreaIds: ['somerset'] }))
      .thenFails('FORBIDDEN');
    spec
      .given([adopted])
      .when(correct({ actor: { personId: 'admin', partnerId: null, roles: ['ADMINISTRATOR'] } }))
      .thenFails('FORBIDDEN');
  });

  it('keeps the rules of a decision: a variation needs its text, not adopting needs a reason', () => {
    spec
      .given([adopted])
      .when(correct({ variation: null }))
      .thenFails('VALIDATION_FAILED', /variation/);
    spec
      .given([adopted])
      .when(correct({ decision: 'NOT_ADOPTED' }))
      .thenFails('VALIDATION_FAILED', /reason/);
  });
});

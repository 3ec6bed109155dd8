import { AREAS } from '../testing/avon-and-somerset.fixture';
import { restrictionOf } from './restriction-of';

const issued = (restricted: boolean | undefined) => ({
  communicationId: 'c1',
  groupId: 'g1',
  title: 'Escalation about the out-of-hours service',
  body: 'Detail for the partners concerned.',
  areas: [AREAS.bristol, AREAS.northSomerset],
  cascadeBy: '2026-12-31',
  ...(restricted === undefined ? {} : { restricted }),
});

describe('which recorded events carry restricted content (R42)', () => {
  it('given a communication issued restricted, then it is restricted to its group and the areas it went to', () => {
    expect(restrictionOf('CommunicationIssued', issued(true))).toEqual({
      groupId: 'g1',
      areaIds: [AREAS.bristol.areaId, AREAS.northSomerset.areaId],
    });
  });

  it('given a communication issued open, or recorded before restriction existed, then it is not restricted', () => {
    expect(restrictionOf('CommunicationIssued', issued(false))).toBeNull();
    expect(restrictionOf('CommunicationIssued', issued(undefined))).toBeNull();
  });

  it('given any other event, then it is not restricted', () => {
    expect(restrictionOf('RepresentativeAppointed', { groupId: 'g1', restricted: true })).toBeNull();
  });
});

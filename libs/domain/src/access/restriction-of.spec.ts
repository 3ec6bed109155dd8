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

  it('given an escalation or a practice review marked restricted, then it is restricted to its group and its area', () => {
    const escalation = {
      areaId: 'bristol',
      groupId: 'g1',
      escalationId: 'e1',
      title: 't',
      detail: 'd',
      raisedOn: '2026-11-02',
    };
    expect(restrictionOf('EscalationRaised', { ...escalation, restricted: true })).toEqual({
      groupId: 'g1',
      areaIds: ['bristol'],
    });
    expect(restrictionOf('EscalationRaised', { ...escalation, restricted: false })).toBeNull();
    const decision = { areaId: 'bristol', groupId: 'g1', reviewId: 'r1', restricted: true, reason: 'Learning.' };
    expect(restrictionOf('RapidReviewDecisionRecorded', decision)).toEqual({ groupId: 'g1', areaIds: ['bristol'] });
    expect(restrictionOf('SeriousIncidentNotified', decision)).toEqual({ groupId: 'g1', areaIds: ['bristol'] });
  });

  it('given any other event, then it is not restricted', () => {
    expect(restrictionOf('RepresentativeAppointed', { groupId: 'g1', restricted: true })).toBeNull();
  });
});

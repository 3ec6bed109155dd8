import { AREAS } from '../testing/avon-and-somerset.fixture';
import { EarlierRestrictions, restrictionOf, restrictionToRemember } from './restriction-of';

const nothingEarlier: EarlierRestrictions = { item: () => null };

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
    expect(restrictionOf('CommunicationIssued', issued(true), nothingEarlier)).toEqual({
      groupId: 'g1',
      areaIds: [AREAS.bristol.areaId, AREAS.northSomerset.areaId],
    });
  });

  it('given a communication issued open, or recorded before restriction existed, then it is not restricted', () => {
    expect(restrictionOf('CommunicationIssued', issued(false), nothingEarlier)).toBeNull();
    expect(restrictionOf('CommunicationIssued', issued(undefined), nothingEarlier)).toBeNull();
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
    expect(restrictionOf('EscalationRaised', { ...escalation, restricted: true }, nothingEarlier)).toEqual({
      groupId: 'g1',
      areaIds: ['bristol'],
    });
    expect(restrictionOf('EscalationRaised', { ...escalation, restricted: false }, nothingEarlier)).toBeNull();
    const decision = { areaId: 'bristol', groupId: 'g1', reviewId: 'r1', restricted: true, reason: 'Learning.' };
    expect(restrictionOf('RapidReviewDecisionRecorded', decision, nothingEarlier)).toEqual({
      groupId: 'g1',
      areaIds: ['bristol'],
    });
    expect(restrictionOf('SeriousIncidentNotified', decision, nothingEarlier)).toEqual({
      groupId: 'g1',
      areaIds: ['bristol'],
    });
  });

  it('given any other event, then it is not restricted', () => {
    expect(restrictionOf('RepresentativeAppointed', { groupId: 'g1', restricted: true }, nothingEarlier)).toBeNull();
  });

  it('given a response to or resolution of an escalation, then it is restricted as the escalation was raised', () => {
    const restricted = { groupId: 'g1', areaIds: ['bristol'] };
    const earlier: EarlierRestrictions = { item: (id) => (id === 'e1' ? restricted : null) };
    const answer = { groupId: 'g1', areaId: 'bristol', respondedOn: '2026-11-10', response: 'r' };
    expect(restrictionOf('EscalationResponded', { ...answer, escalationId: 'e1' }, earlier)).toEqual(restricted);
    expect(restrictionOf('EscalationResolved', { ...answer, escalationId: 'e1' }, earlier)).toEqual(restricted);
    expect(restrictionOf('EscalationResponded', { ...answer, escalationId: 'e2' }, earlier)).toBeNull();
  });

  it('given a practice review notified restricted, when its panel notification or its published review is recorded, then that is restricted as the review was', () => {
    const restricted = { groupId: 'g1', areaIds: ['bristol'] };
    const earlier: EarlierRestrictions = { item: (id) => (id === 'r1' ? restricted : null) };
    const notified = { areaId: 'bristol', notifiedOn: '2026-11-04', rapidReviewDueOn: '2026-11-25' };
    const published = { areaId: 'bristol', publishedOn: '2027-05-01', link: 'https://example.org/lcspr' };
    expect(restrictionOf('PanelNotificationRecorded', { ...notified, reviewId: 'r1' }, earlier)).toEqual(restricted);
    expect(restrictionOf('LocalReviewPublished', { ...published, reviewId: 'r1' }, earlier)).toEqual(restricted);
    expect(restrictionOf('PanelNotificationRecorded', { ...notified, reviewId: 'r2' }, earlier)).toBeNull();
    expect(restrictionOf('LocalReviewPublished', { ...published, reviewId: 'r2' }, earlier)).toBeNull();
  });

  it('given a practice review notified restricted, then its restriction is remembered for its later events', () => {
    const restricted = { groupId: 'g1', areaIds: ['bristol'] };
    expect(restrictionToRemember('SeriousIncidentNotified', { reviewId: 'r1' }, restricted)).toBe('r1');
    expect(restrictionToRemember('SeriousIncidentNotified', { reviewId: 'r1' }, null)).toBeNull();
    expect(restrictionToRemember('LocalReviewPublished', { reviewId: 'r1' }, restricted)).toBeNull();
  });

  it('given an escalation raised restricted, then its restriction is remembered for the events that answer it', () => {
    const restricted = { groupId: 'g1', areaIds: ['bristol'] };
    expect(restrictionToRemember('EscalationRaised', { escalationId: 'e1' }, restricted)).toBe('e1');
    expect(restrictionToRemember('EscalationRaised', { escalationId: 'e1' }, null)).toBeNull();
    expect(restrictionToRemember('EscalationResponded', { escalationId: 'e1' }, restricted)).toBeNull();
    expect(restrictionToRemember('RapidReviewDecisionRecorded', { reviewId: 'r1' }, restricted)).toBeNull();
  });
});

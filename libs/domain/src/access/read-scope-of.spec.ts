import { readScopeOf } from './read-scope-of';

describe('readScopeOf: whose business an event’s content is, when narrower than the group’s (R43)', () => {
  it('given figures, a yearly report or an escalation an area sent up, then they are that area’s reports', () => {
    for (const type of [
      'PerformanceFiguresSubmitted',
      'YearlyReportSubmitted',
      'EscalationRaised',
      'LocalDecisionShared',
    ]) {
      expect(readScopeOf('local-arrangement-bristol', type, { areaId: 'bristol', groupId: 'g' })).toEqual({
        areaId: 'bristol',
        workstreamId: null,
      });
    }
  });

  it('given a practice review the area records, then it is that area’s reports', () => {
    const notified = readScopeOf('local-arrangement-bristol', 'SeriousIncidentNotified', { areaId: 'bristol' });
    expect(notified).toEqual({ areaId: 'bristol', workstreamId: null });
  });

  it('given what an area records of its own arrangement, then it is that area’s, read with localArrangement', () => {
    for (const type of [
      'RelevantAgencyRecorded',
      'LocalGroupRecorded',
      'ArrangementsPublished',
      'SecretaryOfStateNotified',
    ]) {
      expect(readScopeOf('local-arrangement-bristol', type, { areaId: 'bristol' })).toEqual({
        areaId: 'bristol',
        workstreamId: null,
      });
    }
  });

  it('given an area’s acknowledgement of an item in its feed, then it is that area’s, read with its feed', () => {
    const acknowledged = { areaId: 'bristol', position: 7, acknowledgedAt: '2026-11-20T10:00:00.000Z' };
    expect(readScopeOf('local-arrangement-bristol', 'FeedItemAcknowledged', acknowledged)).toEqual({
      areaId: 'bristol',
      workstreamId: null,
    });
  });

  it('given the region’s response to an area’s escalation, then it is the area’s reports, though in the region’s stream', () => {
    const data = { groupId: 'g', areaId: 'bristol', escalationId: 'e', response: 'A rota.', respondedOn: '2026-11-10' };
    expect(readScopeOf('regional-reports-g', 'EscalationResponded', data)).toEqual({
      areaId: 'bristol',
      workstreamId: null,
    });
  });

  it('given a task added, carried in or completed, then it is the workstream’s tasks', () => {
    for (const type of ['TaskAdded', 'TaskCarriedIn', 'TaskCompleted']) {
      expect(readScopeOf('workstream-w1', type, { taskId: 't1' })).toEqual({ areaId: null, workstreamId: 'w1' });
    }
  });

  it('given a workstream commissioned, a member added or its status reported, then it is the group’s business', () => {
    for (const type of ['WorkstreamCommissioned', 'WorkstreamMemberAdded', 'WorkstreamStatusReported']) {
      expect(readScopeOf('workstream-w1', type, { groupId: 'g' })).toBeNull();
    }
  });

  it('given an area’s policy adoption or a group’s meeting, then no narrower scope', () => {
    expect(readScopeOf('local-arrangement-bristol', 'PolicyAdoptionRecorded', { areaId: 'bristol' })).toBeNull();
    expect(readScopeOf('meeting-m', 'MeetingScheduled', { groupId: 'g' })).toBeNull();
  });
});

import { SYSTEM_ACTOR } from '@app/event-store';
import { entitiesOf, streamEntity } from './entities-of';

const police = { personId: 'victoria-capel', partnerId: 'police', roles: ['REPRESENTATIVE'] };

describe('entitiesOf: which entities an event concerns', () => {
  it('given a response to a recommendation, then it concerns the meeting, the recommendation, the partner and who answered', () => {
    const event = {
      streamId: 'meeting-m1',
      data: { recommendationId: 'r1', partnerId: 'police', response: 'ACCEPTED', reason: null },
      metadata: { actor: police },
    };
    expect(entitiesOf(event).sort()).toEqual(['m1', 'police', 'r1', 'victoria-capel']);
  });

  it('given a recommendation to two partners, then it concerns each of them, named in a list', () => {
    const event = {
      streamId: 'meeting-m1',
      data: { recommendationId: 'r1', targetPartnerIds: ['police', 'icb'], dueDate: '2026-09-30' },
      metadata: { actor: { personId: 'chair', partnerId: 'north-somerset', roles: ['CHAIR'] } },
    };
    expect(entitiesOf(event).sort()).toEqual(['chair', 'icb', 'm1', 'north-somerset', 'police', 'r1']);
  });

  it('given ids nested in the data, then they count too: a task carried in with its owner, areas in a list', () => {
    const event = {
      streamId: 'workstream-w2',
      data: {
        task: { taskId: 't1', ownerId: 'owner', title: 'A task' },
        fromWorkstreamId: 'w1',
        areas: [{ areaId: 'bristol', name: 'Bristol' }],
      },
      metadata: { actor: { personId: 'lead', partnerId: null, roles: [] } },
    };
    expect(entitiesOf(event).sort()).toEqual(['bristol', 'lead', 'owner', 't1', 'w1', 'w2']);
  });

  it('given an effect the platform recorded itself, then the system actor is not an entity, and empty or null ids are skipped', () => {
    const event = {
      streamId: 'regional-group-g1',
      data: { noticeId: 'n1', partnerId: 'icb', scopeDecisionId: null, endedAppointmentIds: [], placeholderId: '' },
      metadata: { actor: SYSTEM_ACTOR },
    };
    expect(entitiesOf(event).sort()).toEqual(['g1', 'icb', 'n1']);
  });

  it('given the platform’s access stream, then only the people named concern it: the stream is no entity', () => {
    const event = {
      streamId: 'access-platform',
      data: { personId: 'auditor', role: 'AUDITOR', areaId: null },
      metadata: { actor: { personId: 'admin', partnerId: null, roles: ['ADMINISTRATOR'] } },
    };
    expect(entitiesOf(event).sort()).toEqual(['admin', 'auditor']);
  });
});

describe('streamEntity', () => {
  it('names the kind of aggregate and the entity of each stream', () => {
    expect(streamEntity('regional-group-g1')).toEqual({ kind: 'REGIONAL_GROUP', entityId: 'g1' });
    expect(streamEntity('local-arrangement-bristol')).toEqual({ kind: 'LOCAL_ARRANGEMENT', entityId: 'bristol' });
    expect(streamEntity('access-platform')).toEqual({ kind: 'ACCESS', entityId: null });
    expect(streamEntity('counter-1')).toEqual({ kind: 'OTHER', entityId: null });
  });
});

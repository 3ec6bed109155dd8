import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import {
  AcknowledgeInboxItem,
  EscalationResolved,
  regionalReportsDecider,
  RespondToEscalation,
  ResolveEscalation,
  SentItem,
} from './regional-reports.decider';

const spec = specification(regionalReportsDecider);
const now = '2026-11-23T10:00:00.000Z';
const member: Actor = { personId: 'rep', partnerId: 'police', roles: ['REPRESENTATIVE'] };
const chair: Actor = { personId: 'chair', partnerId: 'council', roles: ['REPRESENTATIVE', 'CHAIR'] };
const bristolManager: Actor = { personId: 'bm', partnerId: null, roles: ['AREA_BUSINESS_MANAGER'] };
const escalation: SentItem = { areaId: 'bristol', itemId: 'e-1', kind: 'ESCALATION', on: '2026-11-02' };
const report: SentItem = { areaId: 'bristol', itemId: 'y-1', kind: 'YEARLY_REPORT', on: '2026-10-15' };

const acknowledge = (data: Partial<AcknowledgeInboxItem['data']> = {}): AcknowledgeInboxItem => ({
  type: 'AcknowledgeInboxItem',
  data: { groupId: 'g', actor: member, now, item: report, ...data },
});
const respond = (data: Partial<RespondToEscalation['data']> = {}): RespondToEscalation => ({
  type: 'RespondToEscalation',
  data: { groupId: 'g', actor: member, now, escalation, response: 'Raised with the ICB.', respondedOn: null, ...data },
});
const resolve = (data: Partial<ResolveEscalation['data']> = {}): ResolveEscalation => ({
  type: 'ResolveEscalation',
  data: { groupId: 'g', actor: member, now, escalation, resolution: 'Rota agreed.', resolvedOn: '2026-11-20', ...data },
});
const resolved: EscalationResolved = {
  type: 'EscalationResolved',
  data: { groupId: 'g', areaId: 'bristol', escalationId: 'e-1', resolution: 'Rota agreed.', resolvedOn: '2026-11-20' },
};

describe("the region's inbox (L2, R11)", () => {
  it('a member of the group acknowledges an item an area sent', () =>
    spec
      .given([])
      .when(acknowledge())
      .then([
        {
          type: 'InboxItemAcknowledged',
          data: { groupId: 'g', areaId: 'bristol', itemId: 'y-1', acknowledgedAt: now },
        },
      ]));
  it('an area business manager is not the region', () =>
    spec
      .given([])
      .when(acknowledge({ actor: bristolManager }))
      .thenFails('FORBIDDEN'));
  it('an item no area sent is refused', () =>
    spec
      .given([])
      .when(acknowledge({ item: null }))
      .thenFails('NOT_FOUND'));
  it('an item is acknowledged once', () =>
    spec
      .given(regionalReportsDecider.decide(acknowledge(), regionalReportsDecider.initialState))
      .when(acknowledge())
      .thenFails('ALREADY_EXISTS'));
});

describe("the region's response to an escalation (L2)", () => {
  it('records a response dated today', () =>
    spec
      .given([])
      .when(respond())
      .then([
        {
          type: 'EscalationResponded',
          data: {
            groupId: 'g',
            areaId: 'bristol',
            escalationId: 'e-1',
            response: 'Raised with the ICB.',
            respondedOn: '2026-11-23',
          },
        },
      ]));
  it('is refused for something that is not an escalation', () =>
    spec
      .given([])
      .when(respond({ escalation: report }))
      .thenFails('NOT_FOUND'));
  it('is refused before the escalation was raised', () =>
    spec
      .given([])
      .when(respond({ respondedOn: '2026-11-01' }))
      .thenFails('OUT_OF_RANGE'));
  it('is refused once resolved', () => spec.given([resolved]).when(respond()).thenFails('CONFLICT'));
  it('resolves it', () => spec.given([]).when(resolve()).then([resolved]));
  it('resolves it once', () => spec.given([resolved]).when(resolve()).thenFails('ALREADY_EXISTS'));
});

describe("the group's list of measures (L2)", () => {
  const define = (actor: Actor, name = 'Rapid reviews held') => ({
    type: 'DefineMeasure' as const,
    data: { groupId: 'g', actor, now, measureId: 'm-1', name },
  });
  it('the chair adds a measure', () =>
    spec
      .given([])
      .when(define(chair))
      .then([{ type: 'MeasureDefined', data: { groupId: 'g', measureId: 'm-1', name: 'Rapid reviews held' } }]));
  it('a member who is not the chair is refused', () => spec.given([]).when(define(member)).thenFails('FORBIDDEN'));
  it('a name already kept is refused', () =>
    spec
      .given([{ type: 'MeasureDefined', data: { groupId: 'g', measureId: 'm-0', name: 'Rapid reviews held' } }])
      .when(define(chair, 'rapid  reviews HELD'))
      .thenFails('ALREADY_EXISTS'));
});

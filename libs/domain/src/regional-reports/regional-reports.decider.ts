import { Decider, Message } from '../shared/decider';
import { dateOrToday, IsoDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';

/**
 * The region's own record of what the areas send up (L2): the measures it asks figures for, and
 * what it did with each item (acknowledged it; for an escalation, its responses and resolution).
 * R11: the region reads, acknowledges and responds, never edits a local arrangement's records, so
 * all of this is in the region's stream, one per group, and never in an area's.
 */
export const regionalReportsStream = (groupId: string): string => `regional-reports-${groupId}`;

export type MeasureDefined = Message<'MeasureDefined', { groupId: string; measureId: string; name: string }>;
export type InboxItemAcknowledged = Message<
  'InboxItemAcknowledged',
  { groupId: string; areaId: string; itemId: string; acknowledgedAt: string }
>;
export type EscalationResponded = Message<
  'EscalationResponded',
  { groupId: string; areaId: string; escalationId: string; response: string; respondedOn: IsoDate }
>;
export type EscalationResolved = Message<
  'EscalationResolved',
  { groupId: string; areaId: string; escalationId: string; resolution: string; resolvedOn: IsoDate }
>;
export type RegionalReportsEvent = MeasureDefined | InboxItemAcknowledged | EscalationResponded | EscalationResolved;

/** An item an area sent up, as the handler found it in the area's stream; null when there is none. */
export type SentItem = Readonly<{ areaId: string; itemId: string; kind: string; on: IsoDate }>;

type ByRegion = { groupId: string; actor: Actor; now: string };
export type DefineMeasure = Message<'DefineMeasure', ByRegion & { measureId: string; name: string }>;
export type AcknowledgeInboxItem = Message<'AcknowledgeInboxItem', ByRegion & { item: SentItem | null }>;
export type RespondToEscalation = Message<
  'RespondToEscalation',
  ByRegion & { escalation: SentItem | null; response: string; respondedOn: IsoDate | null }
>;
export type ResolveEscalation = Message<
  'ResolveEscalation',
  ByRegion & { escalation: SentItem | null; resolution: string; resolvedOn: IsoDate | null }
>;
export type RegionalReportsCommand = DefineMeasure | AcknowledgeInboxItem | RespondToEscalation | ResolveEscalation;

export type RegionalReportsState = Readonly<{
  measures: Readonly<Record<string, string>>;
  acknowledged: readonly string[];
  /** Escalations the region has resolved, by id, with the day. */
  resolved: Readonly<Record<string, IsoDate>>;
  /** The day of the latest response to each escalation. */
  responded: Readonly<Record<string, IsoDate>>;
}>;

/**
 * R11, R43: the region acts on what its areas send up (acknowledging, responding, resolving) through
 * its members, the group's current representatives; an auditor or administrator reads but does not
 * answer. The decider refuses by it and pages ask it (through the API) before offering those forms.
 */
export function mayActForRegion(actor: Actor): boolean {
  return actor.roles.includes('REPRESENTATIVE');
}

function requireRegion(actor: Actor, action: string): void {
  if (!mayActForRegion(actor))
    throw new DomainError('FORBIDDEN', `Only a current representative of the regional group ${action}.`, {
      requiredRole: 'REPRESENTATIVE',
    });
}

function requireEscalation(escalation: SentItem | null): SentItem {
  if (!escalation || escalation.kind !== 'ESCALATION')
    throw new DomainError('NOT_FOUND', 'No area of this group raised that escalation.');
  return escalation;
}

export const regionalReportsDecider: Decider<RegionalReportsCommand, RegionalReportsEvent, RegionalReportsState> = {
  initialState: { measures: {}, acknowledged: [], resolved: {}, responded: {} },
  evolve(state, event) {
    switch (event.type) {
      case 'MeasureDefined':
        return { ...state, measures: { ...state.measures, [event.data.measureId]: event.data.name } };
      case 'InboxItemAcknowledged':
        return { ...state, acknowledged: [...state.acknowledged, event.data.itemId] };
      case 'EscalationResponded':
        return { ...state, responded: { ...state.responded, [event.data.escalationId]: event.data.respondedOn } };
      case 'EscalationResolved':
        return { ...state, resolved: { ...state.resolved, [event.data.escalationId]: event.data.resolvedOn } };
    }
  },
  decide(command, state) {
    const { actor, groupId, now } = command.data;
    switch (command.type) {
      case 'DefineMeasure': {
        if (!actor.roles.includes('CHAIR') && !actor.roles.includes('ADMINISTRATOR'))
          throw new DomainError('FORBIDDEN', "Only an administrator or the group's chair keeps its list of measures.", {
            requiredRole: 'ADMINISTRATOR or CHAIR',
          });
        const name = command.data.name.trim().replace(/\s+/g, ' ');
        if (Object.values(state.measures).some((existing) => existing.toLowerCase() === name.toLowerCase()))
          throw new DomainError('ALREADY_EXISTS', `The group already keeps a measure named ${name}.`);
        return [{ type: 'MeasureDefined', data: { groupId, measureId: command.data.measureId, name } }];
      }
      case 'AcknowledgeInboxItem': {
        requireRegion(actor, 'acknowledges what an area sent up');
        const { item } = command.data;
        if (!item) throw new DomainError('NOT_FOUND', "There is no such item in the group's inbox.");
        if (state.acknowledged.includes(item.itemId))
          throw new DomainError('ALREADY_EXISTS', 'The region has already acknowledged that item.');
        return [
          {
            type: 'InboxItemAcknowledged',
            data: { groupId, areaId: item.areaId, itemId: item.itemId, acknowledgedAt: now },
          },
        ];
      }
      case 'RespondToEscalation': {
        requireRegion(actor, 'responds to an escalation');
        const escalation = requireEscalation(command.data.escalation);
        if (state.resolved[escalation.itemId])
          throw new DomainError('CONFLICT', 'That escalation is resolved; the area raises a new one to reopen it.');
        const respondedOn = dateOrToday(command.data.respondedOn, now);
        requireNotFuture(respondedOn, now, 'The day of the response');
        requireNotBefore(respondedOn, escalation.on, 'The day of the response', 'the escalation was raised');
        const response = command.data.response.trim();
        const { areaId, itemId: escalationId } = escalation;
        return [{ type: 'EscalationResponded', data: { groupId, areaId, escalationId, response, respondedOn } }];
      }
      case 'ResolveEscalation': {
        requireRegion(actor, 'resolves an escalation');
        const escalation = requireEscalation(command.data.escalation);
        if (state.resolved[escalation.itemId])
          throw new DomainError(
            'ALREADY_EXISTS',
            `That escalation was resolved on ${state.resolved[escalation.itemId]}.`,
          );
        const resolvedOn = dateOrToday(command.data.resolvedOn, now);
        requireNotFuture(resolvedOn, now, 'The day it was resolved');
        requireNotBefore(resolvedOn, escalation.on, 'The day it was resolved', 'the escalation was raised');
        const resolution = command.data.resolution.trim();
        const { areaId, itemId: escalationId } = escalation;
        return [{ type: 'EscalationResolved', data: { groupId, areaId, escalationId, resolution, resolvedOn } }];
      }
    }
  },
};

import { CommunicationEvent } from '../communications/communication.decider';
import { RapidReviewDecisionRecorded, SeriousIncidentNotified } from '../local-arrangements/practice-review.events';
import { EscalationRaised } from '../local-arrangements/reports-up.events';
import { EscalationResolved, EscalationResponded } from '../regional-reports/regional-reports.decider';

/** Whom a restricted event's content concerns: its group, and the areas whose managers may read it (R42). */
export type Restriction = Readonly<{ groupId: string; areaIds: readonly string[] }>;

/**
 * What an event's restriction may depend on beyond the event: the region's response to an
 * escalation, and its resolution, say what the escalation was about but carry no mark of their own,
 * so they are restricted as the escalation they answer was raised (null when it was not restricted).
 */
export type EarlierRestrictions = Readonly<{ escalation: (escalationId: string) => Restriction | null }>;

/**
 * R42 for one recorded event, wherever it is shown whole (the history, an export for a reader):
 * whether what it says is restricted, and to whom. Only events that carry restricted content are
 * named here; every other event is open to whoever may read its stream.
 */
export function restrictionOf(type: string, data: unknown, earlier: EarlierRestrictions): Restriction | null {
  if (type === 'CommunicationIssued') {
    const issued = data as CommunicationEvent['data'];
    if (!issued.restricted) return null;
    return { groupId: issued.groupId, areaIds: issued.areas.map((area) => area.areaId) };
  }
  if (type === 'EscalationRaised' || type === 'SeriousIncidentNotified' || type === 'RapidReviewDecisionRecorded') {
    const item = data as (EscalationRaised | SeriousIncidentNotified | RapidReviewDecisionRecorded)['data'];
    if (!item.restricted) return null;
    return { groupId: item.groupId, areaIds: [item.areaId] };
  }
  if (type === 'EscalationResponded' || type === 'EscalationResolved') {
    return earlier.escalation((data as (EscalationResponded | EscalationResolved)['data']).escalationId);
  }
  return null;
}

/**
 * The escalation whose restriction the events answering it inherit, when this event raised it
 * restricted: what a reader applying events in order remembers for `EarlierRestrictions`.
 */
export function restrictionToRemember(type: string, data: unknown, restriction: Restriction | null): string | null {
  return restriction && type === 'EscalationRaised' ? (data as EscalationRaised['data']).escalationId : null;
}

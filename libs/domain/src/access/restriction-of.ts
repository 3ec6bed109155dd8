import { CommunicationEvent } from '../communications/communication.decider';
import {
  LocalReviewPublished,
  PanelNotificationRecorded,
  RapidReviewDecisionRecorded,
  SeriousIncidentNotified,
} from '../local-arrangements/practice-review.events';
import { EscalationRaised } from '../local-arrangements/reports-up.events';
import { EscalationResolved, EscalationResponded } from '../regional-reports/regional-reports.decider';

/** Whom a restricted event's content concerns: its group, and the areas whose managers may read it (R42). */
export type Restriction = Readonly<{ groupId: string; areaIds: readonly string[] }>;

/**
 * What an event's restriction may depend on beyond the event: the later events of an item recorded
 * restricted say what the item is about but carry no mark of their own (the region's response to an
 * escalation and its resolution; a practice review's panel notification and published link), so they
 * are restricted as the item was recorded. `item` gives that restriction by the item's id (escalation
 * and review ids are minted per kind, so never shared), null when it was not restricted.
 */
export type EarlierRestrictions = Readonly<{ item: (itemId: string) => Restriction | null }>;

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
    return earlier.item((data as (EscalationResponded | EscalationResolved)['data']).escalationId);
  }
  if (type === 'PanelNotificationRecorded' || type === 'LocalReviewPublished') {
    return earlier.item((data as (PanelNotificationRecorded | LocalReviewPublished)['data']).reviewId);
  }
  return null;
}

/**
 * The item whose restriction its later events inherit, when this event recorded it restricted (an
 * escalation raised, a serious incident notified): what a reader applying events in order remembers
 * for `EarlierRestrictions`.
 */
export function restrictionToRemember(type: string, data: unknown, restriction: Restriction | null): string | null {
  if (!restriction) return null;
  if (type === 'EscalationRaised') return (data as EscalationRaised['data']).escalationId;
  if (type === 'SeriousIncidentNotified') return (data as SeriousIncidentNotified['data']).reviewId;
  return null;
}

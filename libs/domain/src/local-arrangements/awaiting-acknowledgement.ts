import { groupDateOf, IsoDate } from '../shared/dates';

/** What the rule reads of an item sent between an area and its region, either way (L2 up, L3 down). */
export interface AcknowledgeableItem {
  /** What it is: a feed item's kind (`TREE_HEAD`, `MINUTES_PUBLISHED`...) or a report's (`ESCALATION`...). */
  readonly kind: string;
  /** The day it arrived: the day the area sent it up, or the day it flowed down (London time). */
  readonly arrivedOn: IsoDate;
  /** When it was acknowledged (an instant), or null. */
  readonly acknowledgedAt: string | null;
  /** The days it was answered otherwise: the region's responses to an escalation, and its resolution. */
  readonly answeredOn: readonly IsoDate[];
}

/**
 * L2, L3: whether an item waits for acknowledgement on day `on`: it had arrived by then and, by the end
 * of that day, was neither acknowledged nor answered. An answer (a response, a resolution) says more than
 * an acknowledgement would, so an item answered waits for nothing. A signed head of the log (A4) is for
 * the area's own system to keep as a witness, not work for a person: it never waits.
 */
export function awaitingAcknowledgement(item: AcknowledgeableItem, on: IsoDate): boolean {
  if (item.kind === 'TREE_HEAD' || item.arrivedOn > on) return false;
  const acknowledged = item.acknowledgedAt !== null && groupDateOf(item.acknowledgedAt) <= on;
  return !acknowledged && !item.answeredOn.some((day) => day <= on);
}

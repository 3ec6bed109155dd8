import { groupDateOf, IsoDate, isIsoDate } from '../shared/dates';

/**
 * Data fields that, in every event carrying them, say when the thing happened in the world, in
 * order of preference: a notice's `givenOn` before its `effectiveOn`, an appointment's or a
 * commission's `startDate` before a workstream's planned `endDate`, a meeting's date (`membershipOn`, `heldOn`)
 * before the moment it was recorded open (a closing always carries its day: upcast.ts fills older ones), a chair's `from` and a rotation's `on`. Fields naming a future date
 * (`dueDate`, `reviewOn`, a meeting's `startsAt` when it is booked) are deliberately absent.
 */
const HAPPENED_ON_FIELDS = [
  'givenOn',
  'withdrawnOn',
  'leftOn',
  'establishedOn',
  'admittedOn',
  'addedOn',
  'removedOn',
  'changedOn',
  'adoptedOn',
  'reviewedOn',
  'agreedOn',
  'attendedOn',
  'decidedOn',
  'madeOn',
  'respondedOn',
  'approvedOn',
  'publishedOn',
  'publishedAt',
  'retiredOn',
  'reportedOn',
  // L2, L5: the authority became aware before it notified the panel; an escalation raised, figures sent, one resolved.
  'awareOn',
  'notifiedOn',
  'raisedOn',
  'submittedOn',
  'resolvedOn',
  'acknowledgedAt',
  'membershipOn',
  'heldOn',
  'openedAt',
  'closedOn',
  'establishedAt',
  'dissolvedAt',
  'from',
  'on',
  'effectiveOn',
  'startDate',
  'endDate',
] as const;

/**
 * The date an event happened in the world (DOMAIN.md, "Audit and time"): the first real-world
 * date its data carries, or else the date the platform recorded it, for events whose data holds
 * no date of their own (attendance, a decision, a task started). A fact cannot have happened after
 * it was recorded: a date later than the London day of the recording is a plan (a workstream
 * commissioned to start next month, a succession or a version taking effect later), and the event
 * happened on the day it was recorded.
 */
export function happenedOn(data: unknown, recordedAt: string): IsoDate {
  const recordedOn = groupDateOf(recordedAt);
  const carried = firstDateCarried(data);
  return carried !== null && carried <= recordedOn ? carried : recordedOn;
}

function firstDateCarried(data: unknown): IsoDate | null {
  if (!data || typeof data !== 'object') return null;
  const fields = data as Record<string, unknown>;
  for (const field of HAPPENED_ON_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' && isIsoDate(value.slice(0, 10))) return groupDateOf(value);
  }
  return null;
}

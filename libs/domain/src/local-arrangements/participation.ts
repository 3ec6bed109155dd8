import { IsoDate } from '../shared/dates';

/** One organisation taking part in an area's arrangement, with the days it does (`to` exclusive). */
export type Participant = Readonly<{ agencyType: string; from: IsoDate; to: IsoDate | null }>;

/** Whether a participant takes part on `date`: from its first day until the day before `to`. */
export function participatesOn(participant: Pick<Participant, 'from' | 'to'>, date: IsoDate): boolean {
  return participant.from <= date && (participant.to === null || participant.to > date);
}

/**
 * L1, the one rule: of the agency types required of participants on `date` (see requiredTypesOn),
 * those no participant of the area brings that day. Participants are the area's relevant agencies
 * and the core partners covering it.
 */
export function participationGapsOn(
  required: readonly string[],
  participants: readonly Participant[],
  date: IsoDate,
): string[] {
  const present = new Set(participants.filter((p) => participatesOn(p, date)).map((p) => p.agencyType));
  return required.filter((type) => !present.has(type));
}

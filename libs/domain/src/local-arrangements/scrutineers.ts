import { IsoDate } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { participatesOn } from './participation';

/** Scrutineers by id, each with the days of the appointment (`to` exclusive). */
export type ScrutineerTerms = Readonly<Record<string, Readonly<{ from: IsoDate; to: IsoDate | null }>>>;

/**
 * L6: who may have done scrutiny work on an area's arrangements on `date`: a scrutineer the area
 * appointed, or one appointed for its whole group, whose scrutiny covers each area's arrangements
 * (the areas' quality assurance links to the region's independent scrutiny). Either must hold the
 * appointment on that day.
 */
export function requireScrutineerOn(
  scrutineerId: string,
  date: IsoDate,
  appointed: Readonly<{ area: ScrutineerTerms; group: ScrutineerTerms }>,
): void {
  const scrutineer = appointed.area[scrutineerId] ?? appointed.group[scrutineerId];
  if (!scrutineer)
    throw new DomainError('NOT_FOUND', `Neither the area nor its group has appointed a scrutineer ${scrutineerId}.`);
  if (!participatesOn(scrutineer, date)) {
    throw new DomainError('OUT_OF_RANGE', `The scrutineer was not appointed on ${date}.`, {
      earliest: scrutineer.from,
    });
  }
}

import { IsoDate, requireNotBefore } from '../shared/dates';
import { ActiveGroup } from '../regional-group/regional-group.state';

/**
 * The day an area joined its group: a founding area on the group's establishment. What the area
 * records for itself or sends up happened in the arrangements the group knows from that day.
 */
export function areaJoinedOn(group: ActiveGroup, areaId: string): IsoDate {
  // An area not in the group joined it no earlier than its establishment; the handler has already refused it.
  return group.areas.find((area) => area.areaId === areaId)?.addedOn ?? group.establishedOn;
}

/** OUT_OF_RANGE: a fact of the area dated before it joined its group (1800-01-01, a slip of the keyboard). */
export function requireSinceAreaJoined(date: IsoDate, joinedOn: IsoDate, label: string): void {
  requireNotBefore(date, joinedOn, label, 'the area joined its group');
}

import { IsoDate } from '../shared/dates';
import { currentAppointments, RegionalGroupState } from '../regional-group/regional-group.state';
import { AccessState, grantsOf } from './access.decider';

/**
 * Who is reading, as the access stream knows them: the roles an administrator granted them
 * (ADMINISTRATOR, AUDITOR, AREA_BUSINESS_MANAGER) and the areas they are business manager for.
 * Membership of a group or a workstream is not here: it depends on the date and is read from
 * the group's or workstream's own events.
 */
export type Reader = Readonly<{
  personId: string;
  platformRoles: readonly string[];
  managedAreaIds: readonly string[];
}>;

/** Something that can be marked restricted (R42): a communication, an escalation, a practice review. */
export type RestrictableItem = Readonly<{
  restricted: boolean;
  /** The areas the item concerns: their business managers may read it. */
  areaIds: readonly string[];
}>;

/** The areas a person is business manager for, from their grants. */
export function managedAreaIdsOf(access: AccessState, personId: string): string[] {
  return grantsOf(access, personId)
    .filter((grant) => grant.role === 'AREA_BUSINESS_MANAGER' && grant.areaId)
    .map((grant) => grant.areaId as string);
}

export function readerOf(access: AccessState, personId: string): Reader {
  return {
    personId,
    platformRoles: grantsOf(access, personId).map((grant) => grant.role),
    managedAreaIds: managedAreaIdsOf(access, personId),
  };
}

const isAuditor = (reader: Reader): boolean => reader.platformRoles.includes('AUDITOR');
const isAdministrator = (reader: Reader): boolean => reader.platformRoles.includes('ADMINISTRATOR');

/**
 * A group's members on `date`: the people who represent one of its partners then (the chair and
 * deputy are representatives too). A dissolved group has no members once its partners have left.
 */
export function isGroupMember(group: RegionalGroupState, personId: string, date: IsoDate): boolean {
  if (group.status !== 'active') return false;
  return currentAppointments(group, date).some((appointment) => appointment.personId === personId);
}

/**
 * R43: a group's business (its membership, meetings and calendar, policies, workstreams, notices)
 * is for its members on `date`, administrators and auditors.
 */
export function mayReadGroup(group: RegionalGroupState, reader: Reader, date: IsoDate): boolean {
  return isAdministrator(reader) || isAuditor(reader) || isGroupMember(group, reader.personId, date);
}

/**
 * R43: an area's feed, reports and acknowledgements are for that area's business managers, the
 * members of the group it belongs to, and auditors. Administrators run the platform; they are not
 * party to an area's own business.
 */
export function mayReadAreaFeed(group: RegionalGroupState, areaId: string, reader: Reader, date: IsoDate): boolean {
  return isAuditor(reader) || reader.managedAreaIds.includes(areaId) || isGroupMember(group, reader.personId, date);
}

/**
 * R43: a list that gathers the reports of a group's areas (its practice reviews, the region's
 * inbox) answers whoever may read the group's business or one of its areas' reports, each reader
 * getting only the areas they may read. An administrator reads the group but no area's reports,
 * so gets an empty list, not a refusal; someone who may read neither is refused.
 */
export function mayListAreaReports(group: RegionalGroupState, reader: Reader, date: IsoDate): boolean {
  return mayReadGroup(group, reader, date) || readableAreasOf(group, reader, date).length > 0;
}

/** R43: of a group's areas, in the group's order, those whose feeds and reports the reader may read on `date`. */
export function readableAreasOf(group: RegionalGroupState, reader: Reader, date: IsoDate): string[] {
  const areas = group.status === 'none' ? [] : group.areas;
  return areas.filter((area) => mayReadAreaFeed(group, area.areaId, reader, date)).map((area) => area.areaId);
}

/**
 * R43: a workstream's tasks are for its people (its lead and members, as `peopleOf` gives them),
 * the members of its group, and auditors.
 */
export function mayReadWorkstream(
  workstreamPeople: readonly string[],
  group: RegionalGroupState,
  reader: Reader,
  date: IsoDate,
): boolean {
  return isAuditor(reader) || workstreamPeople.includes(reader.personId) || isGroupMember(group, reader.personId, date);
}

/**
 * R42: an item marked restricted is for the group's members, the business managers of the areas
 * it concerns, and auditors, whatever view shows it; anyone else who may read that view sees that
 * it is there but not what it says. An item not marked restricted is for whoever may read the view.
 */
export function mayReadItem(item: RestrictableItem, group: RegionalGroupState, reader: Reader, date: IsoDate): boolean {
  if (!item.restricted) return true;
  if (isAuditor(reader) || isGroupMember(group, reader.personId, date)) return true;
  return item.areaIds.some((areaId) => reader.managedAreaIds.includes(areaId));
}

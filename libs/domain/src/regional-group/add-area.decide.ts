import { requireNotBefore, requireNotFuture } from '../shared/dates';
import { Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { normaliseName } from '../shared/text';
import { gapsCreated } from './coverage';
import { currentPartner } from './membership.decide';
import { requireAdministratorOrChair } from './permissions';
import { AreaAdded, PartnerCoverageChanged } from './regional-group.events';
import { ActiveGroup, areasOn, evolveGroup } from './regional-group.state';

export type AddArea = Message<
  'AddArea',
  {
    areaId: string;
    name: string;
    addedOn: string;
    coveringPartnerIds: readonly string[];
    actor: Actor;
    now: string;
  }
>;

/** A new area's name as recorded, proposed (`coverageGapsIf`) or added alike. */
export function newAreaName(raw: string): string {
  const name = normaliseName(raw);
  if (name.length === 0) throw new DomainError('VALIDATION_FAILED', 'A new area needs a name.');
  return name;
}

/**
 * The events a new area makes: the area, then each covering partner's coverage extended to it
 * from that day. `coverageGapsIf` answers a proposed area with the same events, so the what-if and
 * the record cannot disagree.
 */
export function newAreaEvents(
  group: ActiveGroup,
  area: Readonly<{ areaId: string; name: string; addedOn: string; coveringPartnerIds: readonly string[] }>,
): [AreaAdded, ...PartnerCoverageChanged[]] {
  const covering = area.coveringPartnerIds.map((partnerId): PartnerCoverageChanged => {
    const partner = currentPartner(group, partnerId);
    return {
      type: 'PartnerCoverageChanged',
      data: {
        partnerId,
        areaIds: [...areasOn(partner.coverage, area.addedOn), area.areaId],
        changedOn: area.addedOn,
        gapsAccepted: [],
      },
    };
  });
  const added: AreaAdded = { type: 'AreaAdded', data: { ...area, gapsAccepted: [] } };
  const after = [added, ...covering].reduce((state, event) => evolveGroup(state, event) as ActiveGroup, group);
  const gaps = gapsCreated(group, after, area.addedOn);
  return [{ ...added, data: { ...added.data, gapsAccepted: gaps } }, ...covering];
}

/**
 * R1-R3: whoever may change the membership adds an area from the day it joined, never before the
 * group existed nor in the future. Its gaps are reported with it, never refused: a new authority
 * joins whether or not every partner covers it yet.
 */
export function addArea(command: AddArea, group: ActiveGroup): [AreaAdded, ...PartnerCoverageChanged[]] {
  const { actor, now, areaId, addedOn } = command.data;
  requireAdministratorOrChair(group, actor, 'add an area');
  const name = newAreaName(command.data.name);
  if (group.areas.some((area) => area.areaId === areaId || area.name.toLowerCase() === name.toLowerCase())) {
    throw new DomainError('ALREADY_EXISTS', `${group.name} already has an area ${name}.`);
  }
  requireNotFuture(addedOn, now, 'The day the area joined');
  requireNotBefore(addedOn, group.establishedOn, 'The day the area joined', `${group.name} was established`);
  const coveringPartnerIds = [...new Set(command.data.coveringPartnerIds)];
  return newAreaEvents(group, { areaId, name, addedOn, coveringPartnerIds });
}

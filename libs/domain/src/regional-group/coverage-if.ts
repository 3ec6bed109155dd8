import { requireDate, requireNotBefore } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { gapsCreated } from './coverage';
import { currentPartner } from './membership.decide';
import { departure } from './notice.decide';
import { CoverageGap, PartnerCoverageChanged } from './regional-group.events';
import { ActiveGroup, evolveGroup } from './regional-group.state';
import { newAreaEvents, newAreaName } from './add-area.decide';

/** R3's "what if": a change nobody has proposed, on the day it would take effect. */
export type CoverageChangeIf =
  | Readonly<{ kind: 'DEPARTURE'; partnerId: string; on: string }>
  | Readonly<{ kind: 'COVERAGE_CHANGE'; partnerId: string; areaIds: readonly string[]; on: string }>
  | Readonly<{ kind: 'NEW_AREA'; name: string; coveringPartnerIds: readonly string[]; on: string }>;

/** The id a proposed area is known by in the answer: it has none until it is added. */
export const PROPOSED_AREA_ID = 'proposed-area';

function coverageChanged(group: ActiveGroup, partnerId: string, areaIds: readonly string[], on: string) {
  const event: PartnerCoverageChanged = {
    type: 'PartnerCoverageChanged',
    data: { partnerId, areaIds, changedOn: on, gapsAccepted: [] },
  };
  return evolveGroup(group, event) as ActiveGroup;
}

/**
 * R3: the coverage gaps a departure, a coverage change or a new area would make on its day, worked
 * out by the same rules a recorded change meets (coverage.ts, notice.decide.ts), recording nothing.
 */
export function coverageGapsIf(group: ActiveGroup, change: CoverageChangeIf): CoverageGap[] {
  requireDate(change.on, 'The day of the change');
  requireNotBefore(change.on, group.establishedOn, 'The day of the change', `${group.name} was established`);
  switch (change.kind) {
    case 'DEPARTURE':
      currentPartner(group, change.partnerId);
      return [...departure(group, 'what-if', change.partnerId, change.on).data.coverageGaps];
    case 'COVERAGE_CHANGE': {
      currentPartner(group, change.partnerId);
      const unknown = change.areaIds.filter((id) => !group.areas.some((area) => area.areaId === id));
      if (unknown.length > 0) throw new DomainError('NOT_FOUND', `${group.name} has no area ${unknown.join(', ')}.`);
      return gapsCreated(group, coverageChanged(group, change.partnerId, change.areaIds, change.on), change.on);
    }
    case 'NEW_AREA': {
      const name = newAreaName(change.name);
      const [added] = newAreaEvents(group, {
        areaId: PROPOSED_AREA_ID,
        name,
        addedOn: change.on,
        coveringPartnerIds: change.coveringPartnerIds,
      });
      return [...added.data.gapsAccepted];
    }
  }
}

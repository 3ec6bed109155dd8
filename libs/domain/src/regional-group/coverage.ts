import { IsoDate } from '../shared/dates';
import { ActiveGroup, areasOn, groupAreasOn, partnersOn } from './regional-group.state';
import { termsInForceOn } from './terms';
import { Area, CoverageGap } from './regional-group.events';
import { requiredTypesOn } from './law';

export type AreaCoverage = Readonly<{
  areaId: string;
  areaName: string;
  covered: readonly string[];
  missing: readonly string[];
}>;

/** A member partner as coverage needs it: its agency type and the areas it covers on the day. */
export type CoveringPartner = Readonly<{ agencyType: string; areaIds: readonly string[] }>;

/**
 * R3: per area, the agency types the member partners bring and the required ones none brings.
 * The one rule, for the domain's state and for read-model rows alike.
 */
export function areaCoverage(
  areas: readonly Area[],
  partners: readonly CoveringPartner[],
  required: readonly string[],
): AreaCoverage[] {
  // Indexed by area first: a region's areas and partners are each read once, not once per area.
  const typesByArea = new Map<string, Set<string>>();
  for (const partner of partners) {
    for (const areaId of partner.areaIds) {
      const types = typesByArea.get(areaId) ?? new Set<string>();
      typesByArea.set(areaId, types.add(partner.agencyType));
    }
  }
  return areas.map((area) => {
    const types = typesByArea.get(area.areaId);
    return {
      areaId: area.areaId,
      areaName: area.name,
      covered: types ? [...types].sort() : [],
      missing: types ? required.filter((type) => !types.has(type)) : [...required],
    };
  });
}

/** R3 as the membership, coverage and terms stood on `date` (A3). */
export function coverageOn(group: ActiveGroup, date: IsoDate): AreaCoverage[] {
  const partners = partnersOn(group, date).map((p) => ({
    agencyType: p.agencyType,
    areaIds: areasOn(p.coverage, date),
  }));
  return areaCoverage(
    groupAreasOn(group, date),
    partners,
    requiredTypesOn(termsInForceOn(group.terms, date).terms, group.requirements, 'PARTNERS', date),
  );
}

export function gapsIn(coverage: readonly AreaCoverage[]): CoverageGap[] {
  return coverage.flatMap((area) =>
    area.missing.map((agencyType) => ({ areaId: area.areaId, areaName: area.areaName, agencyType })),
  );
}

export function gapsOn(group: ActiveGroup, date: IsoDate): CoverageGap[] {
  return gapsIn(coverageOn(group, date));
}

/** Gaps present on `date` after a change that were not there before it. */
export function gapsCreated(before: ActiveGroup, after: ActiveGroup, date: IsoDate): CoverageGap[] {
  const missingBefore = new Map(coverageOn(before, date).map((area) => [area.areaId, area.missing]));
  return gapsIn(
    coverageOn(after, date).map((area) => {
      const existing = missingBefore.get(area.areaId);
      return existing ? { ...area, missing: area.missing.filter((type) => !existing.includes(type)) } : area;
    }),
  );
}

export function describeGaps(gaps: readonly CoverageGap[]): string {
  return gaps
    .map((gap) => `${gap.areaName} would have no ${gap.agencyType.toLowerCase().replace(/_/g, ' ')} partner`)
    .join('; ');
}

import { IsoDate } from '../shared/dates';
import { ActiveGroup, areasOn, groupAreasOn, partnersOn, termsInForceOn } from './regional-group.state';
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
  return areas.map((area) => {
    const covered = [
      ...new Set(partners.filter((p) => p.areaIds.includes(area.areaId)).map((p) => p.agencyType)),
    ].sort();
    return {
      areaId: area.areaId,
      areaName: area.name,
      covered,
      missing: required.filter((type) => !covered.includes(type)),
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
    requiredTypesOn(termsInForceOn(group, date), group.requirements, 'PARTNERS', date),
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
  const existing = new Set(gapsOn(before, date).map((gap) => `${gap.areaId}/${gap.agencyType}`));
  return gapsOn(after, date).filter((gap) => !existing.has(`${gap.areaId}/${gap.agencyType}`));
}

export function describeGaps(gaps: readonly CoverageGap[]): string {
  return gaps
    .map((gap) => `${gap.areaName} would have no ${gap.agencyType.toLowerCase().replace(/_/g, ' ')} partner`)
    .join('; ');
}

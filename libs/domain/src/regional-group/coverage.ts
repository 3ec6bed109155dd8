import { ActiveGroup, currentPartners, termsInForce } from './regional-group.state';
import { CoverageGap } from './regional-group.events';

export type AreaCoverage = Readonly<{
  areaId: string;
  areaName: string;
  covered: readonly string[];
  missing: readonly string[];
}>;

/** R3: per area, the agency types its current core partners bring, and the required ones none brings. */
export function coverageOf(group: ActiveGroup): AreaCoverage[] {
  const required = termsInForce(group).statutoryTypesPerArea;
  const partners = currentPartners(group);
  return group.areas.map((area) => {
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

export function gapsOf(group: ActiveGroup): CoverageGap[] {
  return coverageOf(group).flatMap((area) =>
    area.missing.map((agencyType) => ({ areaId: area.areaId, areaName: area.areaName, agencyType })),
  );
}

/** Gaps present after a change that were not there before it. */
export function gapsCreated(before: ActiveGroup, after: ActiveGroup): CoverageGap[] {
  const existing = new Set(gapsOf(before).map((gap) => `${gap.areaId}/${gap.agencyType}`));
  return gapsOf(after).filter((gap) => !existing.has(`${gap.areaId}/${gap.agencyType}`));
}

export function describeGaps(gaps: readonly CoverageGap[]): string {
  return gaps
    .map((gap) => `${gap.areaName} would have no ${gap.agencyType.toLowerCase().replace(/_/g, ' ')} partner`)
    .join('; ');
}

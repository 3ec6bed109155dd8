import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LocalArrangementQueries, TimeView } from '@app/read-models';
import { derivedId } from '../common/derived-id';
import { GroupTimeViews } from '../common/group-time-views';
import { AgencyTypeRequirement } from './law.types';
import { AgencyType } from './membership.types';
import { toAgencyType } from './membership.fields';
import { RegionalGroup } from './regional-group.types';

/** R2: the law as data on a group, as recorded by the view's position; in force or not on the day seen on. */
@Resolver(() => RegionalGroup)
export class RegionalGroupLawFields {
  constructor(
    private readonly views: GroupTimeViews,
    private readonly law: LocalArrangementQueries,
  ) {}

  private viewOf(group: RegionalGroup): TimeView {
    return group.view ?? this.views.today();
  }

  @ResolveField(() => [AgencyTypeRequirement], {
    description: 'Agency types required of partners or participants, with their commencement, past or to come.',
  })
  agencyRequirements(@Parent() group: RegionalGroup): AgencyTypeRequirement[] {
    const view = this.viewOf(group);
    return (this.law.requirementsOfGroups([group.id], view).get(group.id) ?? []).map((row) => ({
      id: derivedId('AgencyTypeRequirement', group.id, row.code, row.scope),
      code: row.code,
      inForceFrom: row.inForceFrom,
      scope: row.scope,
      inForce: row.inForceFrom <= view.on,
      gapsFromCommencement: row.gaps,
    }));
  }

  @ResolveField(() => [AgencyType], { description: 'Agency types the group defined beyond the platform’s own list.' })
  definedAgencyTypes(@Parent() group: RegionalGroup): AgencyType[] {
    return (this.law.definedTypesOfGroups([group.id], this.viewOf(group)).get(group.id) ?? []).map((type) =>
      toAgencyType({ ...type, statutory: false }),
    );
  }
}

import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { delegationBelowMinimum, inForceOn } from '@app/domain';
import { GraphqlContext } from '../graphql/graphql-context';
import { LocalArrangementQueries, TimeView } from '@app/read-models';
import { derivedId } from '../common/derived-id';
import { GroupTimeViews } from '../common/group-time-views';
import { AgencyTypeRequirement, PartnershipChair } from './law.types';
import { AgencyType, Representative } from './membership.types';
import { toAgencyType, toRepresentative } from './membership.fields';
import { RegionalGroup } from './regional-group.types';

/** R2, R17: the law as data and delegation on a group, as recorded by the view's position; in force or not on the day seen on. */
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

  @ResolveField(() => String, {
    nullable: true,
    description: 'R17: the least seniority a delegated safeguarding partner should hold on the day seen on.',
  })
  delegateMinimumSeniority(@Parent() group: RegionalGroup): string | null {
    const view = this.viewOf(group);
    return inForceOn(this.law.delegationOfGroup(group.id, view).minimums, view.on)?.seniority ?? null;
  }

  @ResolveField(() => PartnershipChair, {
    nullable: true,
    description: 'R17: the partnership chair on the day seen on.',
  })
  partnershipChair(@Parent() group: RegionalGroup): PartnershipChair | null {
    const view = this.viewOf(group);
    const chair = inForceOn(this.law.delegationOfGroup(group.id, view).chairs, view.on);
    return chair ? { ...chair, id: derivedId('PartnershipChair', group.id, chair.from) } : null;
  }

  @ResolveField(() => [Representative], {
    description:
      'R17: delegated safeguarding partners seated on the day seen on whose seniority is below the minimum then in force (flagged, not refused).',
  })
  async delegationsBelowMinimum(
    @Parent() group: RegionalGroup,
    @Context() context: GraphqlContext,
  ): Promise<Representative[]> {
    const view = this.viewOf(group);
    const { minimums } = this.law.delegationOfGroup(group.id, view);
    const rows = await context.loaders.representativesOfGroup.load({ id: group.id, args: { view } });
    return rows
      .filter(
        (row) =>
          row.current &&
          row.role === 'DELEGATED_SAFEGUARDING_PARTNER' &&
          delegationBelowMinimum(row.seniority, minimums, view.on),
      )
      .map((row) => toRepresentative(row, view));
  }
}

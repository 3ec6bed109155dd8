import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../graphql/graphql-context';
import { agencyTypesOn, delegationBelowMinimum, inForceOn, termsInForceOn } from '@app/domain';
import { LocalArrangementQueries, TimeView } from '@app/read-models';
import { derivedId } from '../common/derived-id';
import { GroupTimeViews } from '../common/group-time-views';
import { AgencyTypeRequirement, DelegatedSafeguardingPartner, PartnershipChair } from './law.types';
import { AgencyType } from './membership.types';
import { toAgencyType } from './membership.fields';
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

  @ResolveField(() => [AgencyType], {
    description:
      'R2: every agency type the group knows, the platform’s and its own, each statutory when partners of that type are required on the day seen on (its terms and requirements), not by the platform’s fixed list.',
  })
  async agencyTypes(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<AgencyType[]> {
    const view = this.viewOf(group);
    const { terms } = termsInForceOn(
      await context.loaders.termsOfGroup.load({ id: group.id, args: { view } }),
      view.on,
    );
    return agencyTypesOn(
      terms,
      this.law.definedTypesOfGroups([group.id], view).get(group.id) ?? [],
      this.law.requirementsOfGroups([group.id], view).get(group.id) ?? [],
      view.on,
    ).map(toAgencyType);
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

  @ResolveField(() => [DelegatedSafeguardingPartner], {
    description:
      'R17: each statutory partner’s delegated safeguarding partner, and the lead who named them, in force on the day seen on.',
  })
  safeguardingPartners(@Parent() group: RegionalGroup): DelegatedSafeguardingPartner[] {
    const view = this.viewOf(group);
    const { minimums } = this.law.delegationOfGroup(group.id, view);
    return this.law.safeguardingPartnersOfGroup(group.id, view).map((row) => ({
      id: derivedId('DelegatedSafeguardingPartner', group.id, row.partnerId, row.from),
      partnerId: row.partnerId,
      name: row.delegateName,
      title: row.delegateTitle,
      seniority: row.delegateSeniority,
      lead: { name: row.leadName, title: row.leadTitle },
      from: row.from,
      belowMinimum: delegationBelowMinimum(row.delegateSeniority, minimums, view.on),
    }));
  }

  @ResolveField(() => [DelegatedSafeguardingPartner], {
    description:
      'R17: the delegated safeguarding partners in force on the day seen on whose seniority is below the minimum then in force (flagged, not refused).',
  })
  delegationsBelowMinimum(@Parent() group: RegionalGroup): DelegatedSafeguardingPartner[] {
    return this.safeguardingPartners(group).filter((delegate) => delegate.belowMinimum);
  }
}

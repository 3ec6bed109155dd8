import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AgencyType as DomainAgencyType,
  agencyTypeOn,
  areaCoverage,
  quorumRequired,
  requiredTypesOn,
  termsAdoptedBy,
  termsInForceOn,
  termsReviewOn,
} from '@app/domain';
import {
  areasSeenBy,
  LocalArrangementQueries,
  PartnerRow,
  RepresentativeRow,
  TermsRow,
  TimeView,
} from '@app/read-models';
import { GraphqlContext } from '../graphql/graphql-context';
import { Viewed } from '../graphql/loaders';
import { derivedId } from '../common/derived-id';
import {
  AgencyType,
  AreaCoverage,
  CorePartner,
  FundingContribution,
  QuorumRule,
  Representative,
  ReviewStatus,
  TermsOfReference,
} from './membership.types';
import { LocalArea, RegionalGroup } from './regional-group.types';
import { FundingArgs } from './membership.inputs';
import { GroupTimeViews } from '../common/group-time-views';

export function toAgencyType(type: DomainAgencyType): AgencyType {
  return { ...type, id: derivedId('AgencyType', type.code) };
}

export function toPartner(row: PartnerRow, view: TimeView): CorePartner {
  return {
    id: row.partnerId,
    groupId: row.groupId,
    name: row.name,
    agencyTypeCode: row.agencyType,
    admittedOn: row.admittedOn,
    current: row.member,
    succeededOn: row.succeededOn,
    succeededById: row.succeededBy,
    view,
  };
}

export function toRepresentative(row: RepresentativeRow, view: TimeView): Representative {
  return { ...row, id: row.appointmentId, view };
}

/**
 * The membership as it stood on the group's view: today, recorded now, unless the query asked
 * asAt a day or asRecordedAt a moment (A3). Every rule comes from libs/domain.
 */
@Resolver(() => RegionalGroup)
export class RegionalGroupMembershipFields {
  constructor(
    private readonly views: GroupTimeViews,
    private readonly law: LocalArrangementQueries,
  ) {}

  private viewOf(group: RegionalGroup): TimeView {
    return group.view ?? this.views.today();
  }

  /** The key of a loader that answers for the group's view. */
  private seen(group: RegionalGroup): Viewed {
    return { id: group.id, args: { view: this.viewOf(group) } };
  }

  private async termsInForce(group: RegionalGroup, context: GraphqlContext) {
    return termsInForceOn(await context.loaders.termsOfGroup.load(this.seen(group)), this.viewOf(group).on);
  }

  private async representativesSeen(group: RegionalGroup, context: GraphqlContext): Promise<RepresentativeRow[]> {
    return context.loaders.representativesOfGroup.load(this.seen(group));
  }

  @ResolveField(() => [CorePartner], {
    description: 'Core partners on the day seen on; former ones (succeeded, gone) too when includeFormer is true.',
  })
  async partners(
    @Parent() group: RegionalGroup,
    @Context() context: GraphqlContext,
    @Args('includeFormer', { defaultValue: false }) includeFormer: boolean,
  ): Promise<CorePartner[]> {
    const view = this.viewOf(group);
    const rows = await context.loaders.partnersOfGroup.load(this.seen(group));
    return rows.filter((row) => includeFormer || row.member).map((row) => toPartner(row, view));
  }

  @ResolveField(() => [Representative], {
    description:
      'Representatives holding a seat on the day seen on; earlier appointments too when includeFormer is true.',
  })
  async representatives(
    @Parent() group: RegionalGroup,
    @Context() context: GraphqlContext,
    @Args('includeFormer', { defaultValue: false }) includeFormer: boolean,
  ): Promise<Representative[]> {
    const rows = await this.representativesSeen(group, context);
    return rows.filter((row) => includeFormer || row.current).map((row) => toRepresentative(row, this.viewOf(group)));
  }

  private async postHolder(
    group: RegionalGroup,
    context: GraphqlContext,
    post: 'chair' | 'deputyChair',
  ): Promise<Representative | null> {
    const view = this.viewOf(group);
    const holder = (await context.loaders.officersOfGroup.load(this.seen(group)))?.[post];
    const row = holder ? await context.loaders.appointment.load({ id: holder, args: { view } }) : null;
    return row ? toRepresentative(row, view) : null;
  }

  @ResolveField(() => Representative, { nullable: true, description: 'Null while the post is vacant.' })
  chair(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<Representative | null> {
    return this.postHolder(group, context, 'chair');
  }

  @ResolveField(() => Representative, { nullable: true, description: 'Null while the post is vacant.' })
  deputyChair(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<Representative | null> {
    return this.postHolder(group, context, 'deputyChair');
  }

  @ResolveField(() => [AreaCoverage], {
    description: 'R3, per area, from the partners, terms and agency type requirements in force on the day seen on.',
  })
  async coverage(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<AreaCoverage[]> {
    const view = this.viewOf(group);
    const [areas, partners] = await Promise.all([
      context.loaders.areasOfGroup.load(group.id),
      context.loaders.partnersOfGroup.load(this.seen(group)),
    ]);
    const members = partners.filter((p) => p.member);
    const areaIds = await context.loaders.areaIdsOfPartner.loadMany(
      members.map((p) => ({ id: p.partnerId, args: { view } })),
    );
    const covering = members.map((p, i) => ({ agencyType: p.agencyType, areaIds: areaIds[i] as string[] }));
    const requirements = this.law.requirementsOfGroups([group.id], view).get(group.id) ?? [];
    const required = requiredTypesOn(
      (await this.termsInForce(group, context)).terms,
      requirements,
      'PARTNERS',
      view.on,
    );
    return areaCoverage(
      areasSeenBy(areas, view).map((area) => ({ areaId: area.areaId, name: area.name })),
      covering,
      required,
    ).map((area) => ({
      id: derivedId('AreaCoverage', group.id, area.areaId),
      area: { id: area.areaId, name: area.areaName },
      covered: [...area.covered],
      missing: [...area.missing],
    }));
  }

  @ResolveField(() => QuorumRule)
  async quorum(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<QuorumRule> {
    const { terms, platformDefault } = await this.termsInForce(group, context);
    const percentage = terms.quorumPercentage;
    const representativeCount = (await this.representativesSeen(group, context)).filter((row) => row.current).length;
    return {
      id: derivedId('QuorumRule', group.id),
      percentage,
      representativeCount,
      required: quorumRequired(percentage, representativeCount),
      platformDefault,
    };
  }

  @ResolveField(() => TermsOfReference, {
    description: 'R12: the versions adopted and reviews held by the day seen on.',
  })
  async termsOfReference(
    @Parent() group: RegionalGroup,
    @Context() context: GraphqlContext,
  ): Promise<TermsOfReference> {
    const view = this.viewOf(group);
    const id = derivedId('TermsOfReference', group.id);
    const toVersion = (row: TermsRow) => ({ ...row, id: derivedId('TermsOfReferenceVersion', group.id, row.version) });
    const [terms, termsReviews] = await Promise.all([
      context.loaders.termsOfGroup.load(this.seen(group)),
      context.loaders.termsReviewsOfGroup.load(this.seen(group)),
    ]);
    const versions = terms.filter((row) => row.adoptedOn <= view.on).map(toVersion);
    const reviews = termsReviews.map(({ position, ...row }) => ({
      ...row,
      id: derivedId('TermsOfReferenceReview', group.id, position),
    }));
    const inForce = termsAdoptedBy(versions, view.on);
    if (!inForce)
      return { id, inForce: null, versions, reviews, nextReviewDue: null, reviewStatus: ReviewStatus.NOT_ADOPTED };
    const review = termsReviewOn(
      inForce,
      reviews.map((r) => r.reviewedOn),
      view.on,
    );
    return {
      id,
      inForce,
      versions,
      reviews,
      nextReviewDue: review.nextReviewDue,
      reviewStatus: ReviewStatus[review.status],
    };
  }

  @ResolveField(() => [FundingContribution], {
    description: 'R15: contributions by financial year, as they stood on the day seen on; optionally one year.',
  })
  async funding(
    @Parent() group: RegionalGroup,
    @Args() { financialYear }: FundingArgs,
    @Context() context: GraphqlContext,
  ): Promise<FundingContribution[]> {
    const view = this.viewOf(group);
    const rows = await context.loaders.fundingOfGroup.load({
      id: group.id,
      args: { financialYear: financialYear ?? null, view },
    });
    return rows.map((row) => ({
      ...row,
      id: derivedId('FundingContribution', group.id, row.partnerId, row.financialYear, row.validFrom),
      view,
    }));
  }
}

@Resolver(() => CorePartner)
export class CorePartnerFields {
  @ResolveField(() => AgencyType, { description: 'The kind of organisation, named as on the day seen on.' })
  agencyType(@Parent() partner: CorePartner): AgencyType {
    return toAgencyType(
      agencyTypeOn(partner.agencyTypeCode, partner.view.on) ?? {
        code: partner.agencyTypeCode,
        name: partner.agencyTypeCode,
        statutory: false,
      },
    );
  }

  @ResolveField(() => [LocalArea], {
    description: 'The areas the partner covered on the day seen on (none outside its membership).',
  })
  async areas(@Parent() partner: CorePartner, @Context() context: GraphqlContext): Promise<LocalArea[]> {
    const ids = await context.loaders.areaIdsOfPartner.load({ id: partner.id, args: { view: partner.view } });
    const areas = await context.loaders.area.loadMany(ids);
    return areas.flatMap((area) => (area && !(area instanceof Error) ? [{ id: area.areaId, name: area.name }] : []));
  }

  @ResolveField(() => CorePartner, { nullable: true, description: 'The organisation that took over (R16).' })
  async succeededBy(@Parent() partner: CorePartner, @Context() context: GraphqlContext): Promise<CorePartner | null> {
    const row = partner.succeededById
      ? await context.loaders.partner.load({ id: partner.succeededById, args: { view: partner.view } })
      : null;
    return row ? toPartner(row, partner.view) : null;
  }

  @ResolveField(() => [CorePartner], { description: 'Organisations this one succeeded.' })
  async predecessors(@Parent() partner: CorePartner, @Context() context: GraphqlContext): Promise<CorePartner[]> {
    const all = await context.loaders.partnersOfGroup.load({ id: partner.groupId, args: { view: partner.view } });
    return all.filter((row) => row.succeededBy === partner.id).map((row) => toPartner(row, partner.view));
  }
}

@Resolver(() => Representative)
export class RepresentativeFields {
  @ResolveField(() => CorePartner)
  async partner(@Parent() representative: Representative, @Context() context: GraphqlContext): Promise<CorePartner> {
    const { partnerId, view } = representative;
    return toPartner((await context.loaders.partner.load({ id: partnerId, args: { view } })) as PartnerRow, view);
  }
}

@Resolver(() => FundingContribution)
export class FundingContributionFields {
  @ResolveField(() => CorePartner)
  async partner(@Parent() contribution: FundingContribution, @Context() context: GraphqlContext): Promise<CorePartner> {
    const { partnerId, view } = contribution;
    return toPartner((await context.loaders.partner.load({ id: partnerId, args: { view } })) as PartnerRow, view);
  }
}

import { Inject } from '@nestjs/common';
import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  addMonthsToDate,
  agencyType,
  AgencyType as DomainAgencyType,
  dateOf,
  DEFAULT_TERMS,
  isCurrentOn,
  quorumRequired,
} from '@app/domain';
import { PartnerRow, RepresentativeRow, TermsRow, termsRowInForceOn } from '@app/read-models';
import { Clock } from '@app/platform';
import { GraphqlContext } from '../graphql/graphql-context';
import { CLOCK } from '../infrastructure/injection-tokens';
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

const REVIEW_INTERVAL_MONTHS = 12;

export function toAgencyType(type: DomainAgencyType): AgencyType {
  return { ...type, id: derivedId('AgencyType', type.code) };
}

export function toPartner(row: PartnerRow): CorePartner {
  return {
    id: row.partnerId,
    groupId: row.groupId,
    name: row.name,
    agencyTypeCode: row.agencyType,
    admittedOn: row.admittedOn,
    current: row.succeededBy === null && row.leftOn === null,
    succeededOn: row.succeededOn,
    succeededById: row.succeededBy,
  };
}

/** What the membership looks like today: every "current" below is as of the injected clock. */
@Resolver(() => RegionalGroup)
export class RegionalGroupMembershipFields {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  private today(): string {
    return dateOf(this.clock.now().toISOString());
  }

  private toRepresentative(row: RepresentativeRow): Representative {
    return { ...row, id: row.appointmentId, current: isCurrentOn(row, this.today()) };
  }

  private async currentRepresentatives(groupId: string, context: GraphqlContext): Promise<RepresentativeRow[]> {
    const [rows, partners] = await Promise.all([
      context.loaders.representativesOfGroup.load(groupId),
      context.loaders.partnersOfGroup.load(groupId),
    ]);
    const current = new Set(
      partners.filter((p) => p.succeededBy === null && p.leftOn === null).map((p) => p.partnerId),
    );
    return rows.filter((row) => isCurrentOn(row, this.today()) && current.has(row.partnerId));
  }

  @ResolveField(() => [CorePartner], {
    description: 'Core partners; former ones (succeeded) too when includeFormer is true.',
  })
  async partners(
    @Parent() group: RegionalGroup,
    @Context() context: GraphqlContext,
    @Args('includeFormer', { defaultValue: false }) includeFormer: boolean,
  ): Promise<CorePartner[]> {
    const rows = await context.loaders.partnersOfGroup.load(group.id);
    return rows.map(toPartner).filter((partner) => includeFormer || partner.current);
  }

  @ResolveField(() => [Representative], {
    description: 'Current representatives; past appointments too when includeFormer is true.',
  })
  async representatives(
    @Parent() group: RegionalGroup,
    @Context() context: GraphqlContext,
    @Args('includeFormer', { defaultValue: false }) includeFormer: boolean,
  ): Promise<Representative[]> {
    const rows = includeFormer
      ? await context.loaders.representativesOfGroup.load(group.id)
      : await this.currentRepresentatives(group.id, context);
    return rows.map((row) => this.toRepresentative(row));
  }

  @ResolveField(() => Representative, { nullable: true, description: 'Null while the post is vacant.' })
  async chair(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<Representative | null> {
    const chair = (await context.loaders.officersOfGroup.load(group.id))?.chair;
    const row = chair ? await context.loaders.appointment.load(chair) : null;
    return row ? this.toRepresentative(row) : null;
  }

  @ResolveField(() => Representative, { nullable: true, description: 'Null while the post is vacant.' })
  async deputyChair(
    @Parent() group: RegionalGroup,
    @Context() context: GraphqlContext,
  ): Promise<Representative | null> {
    const deputyChair = (await context.loaders.officersOfGroup.load(group.id))?.deputyChair;
    const row = deputyChair ? await context.loaders.appointment.load(deputyChair) : null;
    return row ? this.toRepresentative(row) : null;
  }

  @ResolveField(() => [AreaCoverage], {
    description: 'R3, per area, from the current partners and the terms in force.',
  })
  async coverage(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<AreaCoverage[]> {
    const required = (await this.termsInForce(group.id, context)).statutoryTypesPerArea;
    const [areas, partners] = await Promise.all([
      context.loaders.areasOfGroup.load(group.id),
      context.loaders.partnersOfGroup.load(group.id),
    ]);
    const current = partners.filter((p) => p.succeededBy === null && p.leftOn === null);
    const areaIds = await context.loaders.areaIdsOfPartner.loadMany(current.map((p) => p.partnerId));
    return areas.map((area) => {
      const covered = [
        ...new Set(current.filter((_, i) => (areaIds[i] as string[]).includes(area.areaId)).map((p) => p.agencyType)),
      ].sort();
      return {
        id: derivedId('AreaCoverage', group.id, area.areaId),
        area: { id: area.areaId, name: area.name },
        covered,
        missing: required.filter((type) => !covered.includes(type)),
      };
    });
  }

  @ResolveField(() => QuorumRule)
  async quorum(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<QuorumRule> {
    const percentage = (await this.termsInForce(group.id, context)).quorumPercentage;
    const representativeCount = (await this.currentRepresentatives(group.id, context)).length;
    return {
      id: derivedId('QuorumRule', group.id),
      percentage,
      representativeCount,
      required: quorumRequired(percentage, representativeCount),
    };
  }

  @ResolveField(() => TermsOfReference)
  async termsOfReference(
    @Parent() group: RegionalGroup,
    @Context() context: GraphqlContext,
  ): Promise<TermsOfReference> {
    const id = derivedId('TermsOfReference', group.id);
    const toVersion = (row: TermsRow) => ({ ...row, id: derivedId('TermsOfReferenceVersion', group.id, row.version) });
    const [terms, termsReviews] = await Promise.all([
      context.loaders.termsOfGroup.load(group.id),
      context.loaders.termsReviewsOfGroup.load(group.id),
    ]);
    const versions = terms.map(toVersion);
    const reviews = termsReviews.map(({ position, ...row }) => ({
      ...row,
      id: derivedId('TermsOfReferenceReview', group.id, position),
    }));
    const today = this.today();
    const inForceRow = termsRowInForceOn(terms, today);
    if (!inForceRow)
      return { id, inForce: null, versions, reviews, nextReviewDue: null, reviewStatus: ReviewStatus.NOT_ADOPTED };
    const inForce = toVersion(inForceRow);
    const lastReviewed = [inForce.adoptedOn, ...reviews.map((r) => r.reviewedOn)].sort().pop() as string;
    const nextReviewDue = addMonthsToDate(lastReviewed, REVIEW_INTERVAL_MONTHS);
    const reviewStatus =
      nextReviewDue < today
        ? ReviewStatus.OVERDUE
        : addMonthsToDate(today, 1) >= nextReviewDue
          ? ReviewStatus.DUE
          : ReviewStatus.NOT_DUE;
    return { id, inForce, versions, reviews, nextReviewDue, reviewStatus };
  }

  @ResolveField(() => [FundingContribution], {
    description: 'R15: contributions by financial year, optionally one year.',
  })
  async funding(
    @Parent() group: RegionalGroup,
    @Args('financialYear', { type: () => String, nullable: true }) financialYear: string | null,
    @Context() context: GraphqlContext,
  ): Promise<FundingContribution[]> {
    const rows = await context.loaders.fundingOfGroup.load({
      id: group.id,
      args: { financialYear: financialYear ?? null },
    });
    return rows.map((row) => ({
      ...row,
      id: derivedId('FundingContribution', group.id, row.partnerId, row.financialYear),
    }));
  }

  private async termsInForce(groupId: string, context: GraphqlContext) {
    return termsRowInForceOn(await context.loaders.termsOfGroup.load(groupId), this.today()) ?? DEFAULT_TERMS;
  }
}

@Resolver(() => CorePartner)
export class CorePartnerFields {
  @ResolveField(() => AgencyType)
  agencyType(@Parent() partner: CorePartner): AgencyType {
    return toAgencyType(
      agencyType(partner.agencyTypeCode) ?? {
        code: partner.agencyTypeCode,
        name: partner.agencyTypeCode,
        statutory: false,
      },
    );
  }

  @ResolveField(() => [LocalArea], { description: 'The areas the partner covers now (none once succeeded).' })
  async areas(@Parent() partner: CorePartner, @Context() context: GraphqlContext): Promise<LocalArea[]> {
    const ids = await context.loaders.areaIdsOfPartner.load(partner.id);
    const areas = await context.loaders.area.loadMany(ids);
    return areas.flatMap((area) => (area && !(area instanceof Error) ? [{ id: area.areaId, name: area.name }] : []));
  }

  @ResolveField(() => CorePartner, { nullable: true, description: 'The organisation that took over (R16).' })
  async succeededBy(@Parent() partner: CorePartner, @Context() context: GraphqlContext): Promise<CorePartner | null> {
    const row = partner.succeededById ? await context.loaders.partner.load(partner.succeededById) : null;
    return row ? toPartner(row) : null;
  }

  @ResolveField(() => [CorePartner], { description: 'Organisations this one succeeded.' })
  async predecessors(@Parent() partner: CorePartner, @Context() context: GraphqlContext): Promise<CorePartner[]> {
    const all = await context.loaders.partnersOfGroup.load(partner.groupId);
    return all.filter((row) => row.succeededBy === partner.id).map(toPartner);
  }
}

@Resolver(() => Representative)
export class RepresentativeFields {
  @ResolveField(() => CorePartner)
  async partner(@Parent() representative: Representative, @Context() context: GraphqlContext): Promise<CorePartner> {
    return toPartner((await context.loaders.partner.load(representative.partnerId)) as PartnerRow);
  }
}

@Resolver(() => FundingContribution)
export class FundingContributionFields {
  @ResolveField(() => CorePartner)
  async partner(@Parent() contribution: FundingContribution, @Context() context: GraphqlContext): Promise<CorePartner> {
    return toPartner((await context.loaders.partner.load(contribution.partnerId)) as PartnerRow);
  }
}

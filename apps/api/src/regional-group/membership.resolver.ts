import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { platformAgencyTypesOn, RegionalGroupEvent } from '@app/domain';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { requestMeta } from '../common/command-gateway';
import { GroupTimeViews } from '../common/group-time-views';
import { GraphqlContext } from '../graphql/graphql-context';
import {
  AdmitCorePartnerInput,
  AdoptTermsOfReferenceInput,
  AppointChairInput,
  AppointRepresentativeInput,
  ChangePartnerCoverageInput,
  CorrectAppointmentDatesInput,
  CorrectFundingContributionInput,
  EndRepresentativeAppointmentInput,
  FundingContributionInput,
  RecordSuccessionInput,
  RecordTermsOfReferenceReviewInput,
  RotateChairInput,
} from './membership.inputs';
import { AgencyType, ChairPost, CoverageGap, RegionalGroupChange } from './membership.types';
import {
  DefineAgencyTypeInput,
  RecordPartnershipChairInput,
  RequireAgencyTypeInput,
  SetDelegateMinimumSeniorityInput,
} from './law.inputs';
import { GetRegionalGroupQuery } from './regional-group.queries';
import { toAgencyType } from './membership.fields';
import { RegionalGroupService } from './regional-group.service';

function consequences(
  events: readonly RegionalGroupEvent[],
): Pick<RegionalGroupChange, 'coverageGapsCreated' | 'postsVacated'> {
  return {
    coverageGapsCreated: events.flatMap((event) =>
      'gapsAccepted' in event.data ? (event.data.gapsAccepted as CoverageGap[]) : [],
    ),
    postsVacated: events.flatMap((event) => (event.type === 'ChairPostVacated' ? [event.data.post as ChairPost] : [])),
  };
}

/** Membership, terms of reference and funding of a regional group (R2-R5, R7, R12, R15-R17). */
@Resolver()
export class MembershipResolver {
  constructor(
    private readonly service: RegionalGroupService,
    private readonly queries: QueryBus,
    private readonly views: GroupTimeViews,
  ) {}

  private async result(groupId: string, events: readonly RegionalGroupEvent[]): Promise<RegionalGroupChange> {
    return { group: await this.queries.execute(new GetRegionalGroupQuery(groupId)), ...consequences(events) };
  }

  @Query(() => [AgencyType], {
    description:
      'The platform’s own agency types, named as today (the health type: integrated care board, before 1 July 2022 clinical commissioning group) and statutory as the default terms say, before any group’s terms, requirements or types of its own: a group’s list on a day is regionalGroup(asAt).agencyTypes.',
  })
  agencyTypes(@CurrentIdentity() _identity: Identity): AgencyType[] {
    return platformAgencyTypesOn(this.views.today().on).map(toAgencyType);
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. Admits an organisation as a core partner covering areas.',
  })
  async admitCorePartner(
    @Args('input') input: AdmitCorePartnerInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.admitCorePartner(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'Admin or chair. Refused with COVERAGE_GAP if an area would lose a required agency type, unless acceptCoverageGap.',
  })
  async changePartnerCoverage(
    @Args('input') input: ChangePartnerCoverageInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.changePartnerCoverage(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'Admin or chair. R16: a successor takes over coverage, representatives’ seats and open funding; history keeps both.',
  })
  async recordSuccession(
    @Args('input') input: RecordSuccessionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.recordSuccession(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, { description: 'Admin or chair. A person represents one partner at a time.' })
  async appointRepresentative(
    @Args('input') input: AppointRepresentativeInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.appointRepresentative(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. Ending a chair’s or deputy’s appointment leaves that post vacant.',
  })
  async endRepresentativeAppointment(
    @Args('input') input: EndRepresentativeAppointmentInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(
      input.groupId,
      await this.service.endRepresentativeAppointment(input, requestMeta(identity, context)),
    );
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. R5: chair and deputy represent partners of different agency types.',
  })
  async appointChair(
    @Args('input') input: AppointChairInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.appointChair(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. R5: chair and deputy represent partners of different agency types.',
  })
  async appointDeputyChair(
    @Args('input') input: AppointChairInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.appointDeputyChair(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. The deputy becomes chair and a new deputy is named.',
  })
  async rotateChair(
    @Args('input') input: RotateChairInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.rotateChair(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, { description: 'Admin or chair. R12: a new version of the terms of reference.' })
  async adoptTermsOfReference(
    @Args('input') input: AdoptTermsOfReferenceInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.adoptTermsOfReference(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. R2: a kind of organisation the law adds, beyond the platform’s own list.',
  })
  async defineAgencyType(
    @Args('input') input: DefineAgencyTypeInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.defineAgencyType(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'Admin or chair. R2, R3, L1: an agency type required from a date, which may be a future commencement; coverageGapsCreated lists the gaps it makes on that day.',
  })
  async requireAgencyType(
    @Args('input') input: RequireAgencyTypeInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.requireAgencyType(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. R17: the least seniority a delegate should hold; a delegation below it is flagged.',
  })
  async setDelegateMinimumSeniority(
    @Args('input') input: SetDelegateMinimumSeniorityInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(
      input.groupId,
      await this.service.setDelegateMinimumSeniority(input, requestMeta(identity, context)),
    );
  }

  @Mutation(() => RegionalGroupChange, { description: 'Admin or chair. R17: the partnership chair.' })
  async recordPartnershipChair(
    @Args('input') input: RecordPartnershipChairInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(input.groupId, await this.service.recordPartnershipChair(input, requestMeta(identity, context)));
  }

  @Mutation(() => RegionalGroupChange, { description: 'Admin or chair. R12: a review of the terms in force.' })
  async recordTermsOfReferenceReview(
    @Args('input') input: RecordTermsOfReferenceReviewInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(
      input.groupId,
      await this.service.recordTermsOfReferenceReview(input, requestMeta(identity, context)),
    );
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. R15: a contribution the group agrees; settles a unilateral change.',
  })
  async agreeFundingContribution(
    @Args('input') input: FundingContributionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(
      input.groupId,
      await this.service.agreeFundingContribution(input, requestMeta(identity, context)),
    );
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'A representative of the partner, for that partner only. Flagged unilateral until the group agrees it.',
  })
  async changeFundingContribution(
    @Args('input') input: FundingContributionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(
      input.groupId,
      await this.service.changeFundingContribution(input, requestMeta(identity, context)),
    );
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'A7: admin or chair correct an appointment’s start and end dates, with a mandatory reason. The membership shows the corrected period on every day; asRecordedAt before the correction shows the original.',
  })
  async correctAppointmentDates(
    @Args('input') input: CorrectAppointmentDatesInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(
      input.groupId,
      await this.service.correctAppointmentDates(input, requestMeta(identity, context)),
    );
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'A7: the contribution in force for a partner and year corrected, with a mandatory reason, by whoever may record it (admin or chair if agreed, the partner’s representative if unilateral).',
  })
  async correctFundingContribution(
    @Args('input') input: CorrectFundingContributionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    return this.result(
      input.groupId,
      await this.service.correctFundingContribution(input, requestMeta(identity, context)),
    );
  }
}

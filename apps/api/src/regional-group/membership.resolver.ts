import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  AGENCY_TYPES,
  RegionalGroupCommand,
  regionalGroupDecider,
  RegionalGroupEvent,
  regionalGroupStream,
} from '@app/domain';
import { newEntityId } from '@app/event-store';
import { Actors } from '../auth/actors';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { PreparedCommand } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { GraphqlContext } from '../graphql/graphql-context';
import { ChangeStreamCommand } from '../common/change-stream.command';
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

type GroupInput = IdempotentInput & { groupId: string };
type Build = (context: PreparedCommand) => RegionalGroupCommand | Promise<RegionalGroupCommand>;

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
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly actors: Actors,
  ) {}

  private async change(
    operation: string,
    input: GroupInput,
    identity: Identity,
    context: GraphqlContext,
    build: Build,
  ) {
    const events = await this.commands.execute(
      new ChangeStreamCommand(
        regionalGroupStream(input.groupId),
        regionalGroupDecider,
        input.groupId,
        operation,
        input,
        { identity, correlationId: context.correlationId },
        build,
      ),
    );
    const group = await this.queries.execute(new GetRegionalGroupQuery(input.groupId));
    return { group, ...consequences(events) };
  }

  @Query(() => [AgencyType], { description: 'Every agency type the platform knows, statutory or not.' })
  agencyTypes(@CurrentIdentity() _identity: Identity): AgencyType[] {
    return AGENCY_TYPES.map(toAgencyType);
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. Admits an organisation as a core partner covering areas.',
  })
  admitCorePartner(
    @Args('input') input: AdmitCorePartnerInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('admitCorePartner', input, identity, context, ({ actor, now }) => ({
      type: 'AdmitCorePartner',
      data: {
        partnerId: newEntityId(
          'core-partner',
          identity.personId,
          input.idempotencyKey,
          regionalGroupStream(input.groupId),
        ),
        name: input.name,
        agencyType: input.agencyType,
        areaIds: input.areaIds,
        admittedOn: input.admittedOn,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'Admin or chair. Refused with COVERAGE_GAP if an area would lose a required agency type, unless acceptCoverageGap.',
  })
  changePartnerCoverage(
    @Args('input') input: ChangePartnerCoverageInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('changePartnerCoverage', input, identity, context, ({ actor, now }) => ({
      type: 'ChangePartnerCoverage',
      data: {
        partnerId: input.partnerId,
        areaIds: input.areaIds,
        changedOn: input.changedOn ?? null,
        acceptCoverageGap: input.acceptCoverageGap,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'Admin or chair. R16: a successor takes over coverage, representatives’ seats and open funding; history keeps both.',
  })
  recordSuccession(
    @Args('input') input: RecordSuccessionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('recordSuccession', input, identity, context, ({ actor, now }) => ({
      type: 'RecordSuccession',
      data: {
        predecessorId: input.predecessorId,
        successorId:
          input.successorId ??
          newEntityId('core-partner', identity.personId, input.idempotencyKey, regionalGroupStream(input.groupId)),
        successorName: input.successorName ?? '',
        effectiveOn: input.effectiveOn,
        acceptCoverageGap: input.acceptCoverageGap,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => RegionalGroupChange, { description: 'Admin or chair. A person represents one partner at a time.' })
  appointRepresentative(
    @Args('input') input: AppointRepresentativeInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('appointRepresentative', input, identity, context, async ({ actor, now }) => ({
      type: 'AppointRepresentative',
      data: {
        appointmentId: newEntityId(
          'appointment',
          identity.personId,
          input.idempotencyKey,
          regionalGroupStream(input.groupId),
        ),
        personId: input.personId,
        personName: (await this.actors.access()).people.get(input.personId)?.name ?? null,
        partnerId: input.partnerId,
        title: input.title,
        role: input.role,
        seniority: input.seniority,
        startDate: input.startDate,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. Ending a chair’s or deputy’s appointment leaves that post vacant.',
  })
  endRepresentativeAppointment(
    @Args('input') input: EndRepresentativeAppointmentInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('endRepresentativeAppointment', input, identity, context, ({ actor, now }) => ({
      type: 'EndRepresentativeAppointment',
      data: { appointmentId: input.appointmentId, endDate: input.endDate, reason: input.reason, actor, now },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. R5: chair and deputy represent partners of different agency types.',
  })
  appointChair(
    @Args('input') input: AppointChairInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('appointChair', input, identity, context, ({ actor, now }) => ({
      type: 'AppointChair',
      data: { appointmentId: input.appointmentId, from: input.from ?? null, actor, now },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. R5: chair and deputy represent partners of different agency types.',
  })
  appointDeputyChair(
    @Args('input') input: AppointChairInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('appointDeputyChair', input, identity, context, ({ actor, now }) => ({
      type: 'AppointDeputyChair',
      data: { appointmentId: input.appointmentId, from: input.from ?? null, actor, now },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. The deputy becomes chair and a new deputy is named.',
  })
  rotateChair(
    @Args('input') input: RotateChairInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('rotateChair', input, identity, context, ({ actor, now }) => ({
      type: 'RotateChair',
      data: { newDeputyAppointmentId: input.newDeputyAppointmentId, on: input.on ?? null, actor, now },
    }));
  }

  @Mutation(() => RegionalGroupChange, { description: 'Admin or chair. R12: a new version of the terms of reference.' })
  adoptTermsOfReference(
    @Args('input') input: AdoptTermsOfReferenceInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('adoptTermsOfReference', input, identity, context, ({ actor, now }) => ({
      type: 'AdoptTermsOfReference',
      data: {
        version: input.version,
        summary: input.summary,
        quorumPercentage: input.quorumPercentage,
        meetingCadenceMonths: input.meetingCadenceMonths,
        noticePeriodMonths: input.noticePeriodMonths,
        statutoryTypesPerArea: input.statutoryTypesPerArea,
        adoptedOn: input.adoptedOn,
        acceptCoverageGap: input.acceptCoverageGap,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. R2: a kind of organisation the law adds, beyond the platform’s own list.',
  })
  defineAgencyType(
    @Args('input') input: DefineAgencyTypeInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('defineAgencyType', input, identity, context, ({ actor, now }) => ({
      type: 'DefineAgencyType',
      data: { code: input.code, name: input.name, definedOn: input.definedOn ?? null, actor, now },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'Admin or chair. R2, R3, L1: an agency type required from a date, which may be a future commencement; coverageGapsCreated lists the gaps it makes on that day.',
  })
  requireAgencyType(
    @Args('input') input: RequireAgencyTypeInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('requireAgencyType', input, identity, context, ({ actor, now }) => ({
      type: 'RequireAgencyType',
      data: { code: input.code, inForceFrom: input.inForceFrom, scope: input.scope, actor, now },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. R17: the least seniority a delegate should hold; a delegation below it is flagged.',
  })
  setDelegateMinimumSeniority(
    @Args('input') input: SetDelegateMinimumSeniorityInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('setDelegateMinimumSeniority', input, identity, context, ({ actor, now }) => ({
      type: 'SetDelegateMinimumSeniority',
      data: { seniority: input.seniority, from: input.from ?? null, actor, now },
    }));
  }

  @Mutation(() => RegionalGroupChange, { description: 'Admin or chair. R17: the partnership chair.' })
  recordPartnershipChair(
    @Args('input') input: RecordPartnershipChairInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('recordPartnershipChair', input, identity, context, ({ actor, now }) => ({
      type: 'RecordPartnershipChair',
      data: { name: input.name, title: input.title, from: input.from ?? null, actor, now },
    }));
  }

  @Mutation(() => RegionalGroupChange, { description: 'Admin or chair. R12: a review of the terms in force.' })
  recordTermsOfReferenceReview(
    @Args('input') input: RecordTermsOfReferenceReviewInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('recordTermsOfReferenceReview', input, identity, context, ({ actor, now }) => ({
      type: 'RecordTermsOfReferenceReview',
      data: { reviewedOn: input.reviewedOn, notes: input.notes, actor, now },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description: 'Admin or chair. R15: a contribution the group agrees; settles a unilateral change.',
  })
  agreeFundingContribution(
    @Args('input') input: FundingContributionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('agreeFundingContribution', input, identity, context, ({ actor, now }) => ({
      type: 'AgreeFundingContribution',
      data: {
        partnerId: input.partnerId,
        financialYear: input.financialYear,
        amountPence: input.amountPence,
        inKind: input.inKind ?? null,
        on: input.on ?? null,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'A representative of the partner, for that partner only. Flagged unilateral until the group agrees it.',
  })
  changeFundingContribution(
    @Args('input') input: FundingContributionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('changeFundingContribution', input, identity, context, ({ actor, now }) => ({
      type: 'ChangeFundingContribution',
      data: {
        partnerId: input.partnerId,
        financialYear: input.financialYear,
        amountPence: input.amountPence,
        inKind: input.inKind ?? null,
        on: input.on ?? null,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'A7: admin or chair correct an appointment’s start and end dates, with a mandatory reason. The membership shows the corrected period on every day; asRecordedAt before the correction shows the original.',
  })
  correctAppointmentDates(
    @Args('input') input: CorrectAppointmentDatesInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('correctAppointmentDates', input, identity, context, ({ actor, now }) => ({
      type: 'CorrectAppointmentDates',
      data: {
        appointmentId: input.appointmentId,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        reason: input.reason ?? '',
        actor,
        now,
      },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'A7: the contribution in force for a partner and year corrected, with a mandatory reason, by whoever may record it (admin or chair if agreed, the partner’s representative if unilateral).',
  })
  correctFundingContribution(
    @Args('input') input: CorrectFundingContributionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('correctFundingContribution', input, identity, context, ({ actor, now }) => ({
      type: 'CorrectFundingContribution',
      data: {
        partnerId: input.partnerId,
        financialYear: input.financialYear,
        amountPence: input.amountPence,
        inKind: input.inKind ?? null,
        reason: input.reason ?? '',
        actor,
        now,
      },
    }));
  }
}

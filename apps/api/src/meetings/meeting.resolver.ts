import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  isRecommendationOverdue,
  RecommendationResponse,
  successorsOf,
  dateOf,
  DomainError,
  groupDateOf,
  meetingDecider,
  MeetingCommandUnion,
  meetingQuorum,
  meetingStream,
  quorumFromCount,
  presentRepresentatives,
  RegionalGroupCommand,
  regionalGroupDecider,
  regionalGroupStream,
} from '@app/domain';
import { EventStore, newEntityId, readState } from '@app/event-store';
import { MeetingQueries, MeetingRow, RecommendationRow } from '@app/read-models';
import { Clock } from '@app/platform';
import { Actors } from '../auth/actors';
import { KnownEntities } from '../common/known-entities';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { PreparedCommand } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { GraphqlContext } from '../graphql/graphql-context';
import { CLOCK, EVENT_STORE } from '../infrastructure/injection-tokens';
import { RegionalGroupChange } from '../regional-group/membership.types';
import { GetRegionalGroupQuery } from '../regional-group/regional-group.queries';
import { QueryBus } from '@nestjs/cqrs';
import { ChangeStreamCommand } from '../common/change-stream.command';
import { derivedId } from '../common/derived-id';
import { GroupFactsReader } from './group-facts';
import { GroupTimeViews } from '../common/group-time-views';
import {
  ApproveMinutesInput,
  CorrectDecisionInput,
  CorrectMeetingDetailsInput,
  CorrectMinutesInput,
  DraftMinutesInput,
  MakeRecommendationInput,
  MeetingIdInput,
  RecordAttendanceInput,
  RecordDecisionInput,
  RecordDissolutionAgreementInput,
  RecordLocalPublicationInput,
  RespondToRecommendationInput,
  ScheduleMeetingInput,
  SubmitWrittenViewsInput,
} from './meeting.inputs';
import {
  Attendance,
  AttendanceStatus,
  Decision,
  LocalPublication,
  Meeting,
  MeetingQuorum,
  MeetingStatus,
  Minutes,
  MinutesStage,
  Recommendation,
  RecommendationStatus,
  WrittenViews,
} from './meeting.types';

export function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.meetingId,
    groupId: row.groupId,
    startsAt: new Date(row.startsAt),
    place: row.place,
    status: row.status as MeetingStatus,
  };
}

export function toRecommendation(row: RecommendationRow, today: string): Recommendation {
  const targets = row.targets.map((t) => ({
    id: derivedId('RecommendationTarget', row.recommendationId, t.partnerId),
    partnerId: t.partnerId,
    status: (t.response ?? 'PENDING') as RecommendationStatus,
    reason: t.reason,
    respondedAt: t.respondedAt,
  }));
  return {
    id: row.recommendationId,
    meetingId: row.meetingId,
    text: row.text,
    dueDate: row.dueDate,
    overdue: isRecommendationOverdue(
      row.targets.map((t) => t.response as RecommendationResponse | null),
      row.dueDate,
      today,
    ),
    targets,
    agreedBy: row.agreedBy,
  };
}

type Build = (context: PreparedCommand, groupId: string) => MeetingCommandUnion | Promise<MeetingCommandUnion>;

/** Meetings of a regional group and what comes out of them (R6-R10, R14). */
@Resolver(() => Meeting)
export class MeetingResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly meetings: MeetingQueries,
    private readonly facts: GroupFactsReader,
    private readonly actors: Actors,
    private readonly known: KnownEntities,
    private readonly access: ReadAccess,
    private readonly views: GroupTimeViews,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): string {
    return dateOf(this.clock.now().toISOString());
  }

  /** `groupId` is known when scheduling; otherwise it is read from the meeting's stream. */
  private async change(
    target: { meetingId: string; groupId?: string },
    operation: string,
    input: IdempotentInput,
    identity: Identity,
    context: GraphqlContext,
    build: Build,
  ): Promise<Meeting> {
    const groupId =
      target.groupId ??
      (await this.actors.groupOfStream(
        meetingStream(target.meetingId),
        `There is no meeting with id ${target.meetingId}.`,
      ));
    await this.commands.execute(
      new ChangeStreamCommand(
        meetingStream(target.meetingId),
        meetingDecider,
        groupId,
        operation,
        input,
        { identity, correlationId: context.correlationId },
        (prepared) => build(prepared, groupId),
      ),
    );
    return this.read(target.meetingId);
  }

  /** Each succeeded partner of the group and the current partner at the end of its line of successors. */
  private async successors(groupId: string): Promise<Record<string, string>> {
    const group = await this.actors.group(groupId);
    return group.status === 'active' ? successorsOf(Object.values(group.partners)) : {};
  }

  /** The meeting as it stands in its own stream: for rules of one aggregate that depend on another. */
  private async meetingState(meetingId: string) {
    const state = await readState(this.store, meetingStream(meetingId), meetingDecider);
    if (state.status === 'NONE') throw new DomainError('NOT_FOUND', `There is no meeting with id ${meetingId}.`);
    return state;
  }

  @Query(() => Meeting, {
    description:
      'One meeting; asRecordedAt gives its date, place and decisions as the platform showed them at that moment, before later corrections (A3, A7).',
  })
  async meeting(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('asRecordedAt', { type: () => Date, nullable: true }) asRecordedAt?: Date | null,
  ): Promise<Meeting> {
    const meeting = this.read(id);
    await this.access.assertGroup(identity.personId, meeting.groupId);
    if (!asRecordedAt) return meeting;
    const { position } = this.views.of(meeting.groupId, null, asRecordedAt);
    const row = this.meetings.meeting(id, position);
    if (!row)
      throw new DomainError('OUT_OF_RANGE', `The platform held no meeting ${id} at ${asRecordedAt.toISOString()}.`);
    return { ...toMeeting(row), recordedBy: position };
  }

  /** A mutation's result, for whoever was allowed to make the change. */
  private read(meetingId: string): Meeting {
    const row = this.meetings.meeting(meetingId);
    if (!row) throw new DomainError('NOT_FOUND', `There is no meeting with id ${meetingId}.`);
    return toMeeting(row);
  }

  @Query(() => [Recommendation], {
    description: 'A group’s recommendations, by target partner and status, with overdue ones marked.',
  })
  async recommendations(
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('partnerId', { type: () => ID, nullable: true }) partnerId: string | null,
    @Args('status', { type: () => RecommendationStatus, nullable: true }) status: RecommendationStatus | null,
    @Args('overdueOnly', { defaultValue: false }) overdueOnly: boolean,
    @CurrentIdentity() identity: Identity,
  ): Promise<Recommendation[]> {
    this.known.group(groupId);
    if (partnerId) this.known.partner(partnerId, groupId);
    await this.access.assertGroup(identity.personId, groupId);
    const today = this.today();
    return this.meetings
      .recommendations({ groupId, partnerId })
      .map((row) => toRecommendation(row, today))
      .filter((r) => !status || r.targets.some((t) => (!partnerId || t.partnerId === partnerId) && t.status === status))
      .filter((r) => !overdueOnly || r.overdue);
  }

  @ResolveField(() => MeetingQuorum, { nullable: true, description: 'Null until the meeting opens.' })
  async quorum(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<MeetingQuorum | null> {
    if (meeting.status === MeetingStatus.SCHEDULED) return null;
    const count = await context.loaders.quorumCount.load(meeting.id);
    return count && { id: derivedId('MeetingQuorum', meeting.id), ...quorumFromCount(count) };
  }

  @ResolveField(() => [Attendance])
  async attendance(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<Attendance[]> {
    const seats = await context.loaders.seatsOfMeeting.load(meeting.id);
    return seats.map((seat) => ({
      id: derivedId('Attendance', meeting.id, seat.appointmentId),
      appointmentId: seat.appointmentId,
      personId: seat.personId,
      name: seat.name,
      partnerId: seat.partnerId,
      partnerName: seat.partnerName,
      status: seat.status as AttendanceStatus | null,
      substitute: seat.substituteName
        ? { name: seat.substituteName, organisation: seat.substituteOrganisation as string }
        : null,
    }));
  }

  @ResolveField(() => [WrittenViews])
  writtenViews(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<WrittenViews[]> {
    return context.loaders.writtenViewsOfMeeting.load(meeting.id);
  }

  @ResolveField(() => [Decision])
  async decisions(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<Decision[]> {
    const decisions = await context.loaders.decisionsOfMeeting.load({
      id: meeting.id,
      args: { recordedBy: meeting.recordedBy ?? null },
    });
    return decisions.map((d) => ({
      id: d.decisionId,
      meetingId: d.meetingId,
      text: d.text,
      agreedBy: d.agreedBy,
      originalText: d.originalText,
      correction:
        d.reason !== null && d.correctedAt !== null ? { reason: d.reason, correctedAt: new Date(d.correctedAt) } : null,
    }));
  }

  @ResolveField(() => [Recommendation])
  async meetingRecommendations(
    @Parent() meeting: Meeting,
    @Context() context: GraphqlContext,
  ): Promise<Recommendation[]> {
    const today = this.today();
    const rows = await context.loaders.recommendationsOfMeeting.load(meeting.id);
    return rows.map((row) => toRecommendation(row, today));
  }

  @ResolveField(() => Minutes)
  async minutes(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<Minutes> {
    const [row, corrections] = await Promise.all([
      context.loaders.meeting.load(meeting.id),
      context.loaders.correctionsOfMeeting.load(meeting.id),
    ]);
    if (!row) throw new DomainError('NOT_FOUND', `There is no meeting with id ${meeting.id}.`);
    return {
      id: derivedId('Minutes', meeting.id),
      stage: row.minutesStage as MinutesStage,
      text: row.minutesText,
      approvedOn: row.minutesApprovedOn,
      approvedAtMeetingId: row.minutesApprovedAtMeeting,
      publishedAt: row.minutesPublishedAt,
      corrections: corrections.map(({ text, reason, correctedAt }) => ({ text, reason, correctedAt })),
    };
  }

  @ResolveField(() => [LocalPublication], {
    description: 'R10: every area of the group, and whether and where it published the minutes.',
  })
  async localPublication(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<LocalPublication[]> {
    const [publications, areas] = await Promise.all([
      context.loaders.localPublicationsOfMeeting.load(meeting.id),
      context.loaders.areasOfGroup.load(meeting.groupId),
    ]);
    const published = new Map(publications.map((p) => [p.areaId, p]));
    return areas.map((area) => {
      const done = published.get(area.areaId);
      return {
        id: derivedId('LocalPublication', meeting.id, area.areaId),
        areaId: area.areaId,
        areaName: area.name,
        published: done !== undefined,
        address: done?.address ?? null,
        publishedOn: done?.publishedOn ?? null,
      };
    });
  }

  @Mutation(() => Meeting, { description: 'Administrator, chair or deputy chair.' })
  scheduleMeeting(
    @Args('input') input: ScheduleMeetingInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    const meetingId = newEntityId('meeting', identity.personId, input.idempotencyKey);
    return this.change(
      { meetingId, groupId: input.groupId },
      'scheduleMeeting',
      input,
      identity,
      context,
      async ({ actor, now }, groupId) => ({
        type: 'ScheduleMeeting',
        data: {
          meetingId,
          groupId,
          startsAt: input.startsAt,
          place: input.place,
          group: await this.facts.factsOf(groupId),
          actor,
          now,
        },
      }),
    );
  }

  @Mutation(() => Meeting, {
    description:
      'Snapshots the representatives on the meeting’s date: its quorum is counted from them for ever after (R7, A3).',
  })
  openMeeting(
    @Args('input') input: MeetingIdInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'openMeeting', input, identity, context, async ({ actor, now }, groupId) => {
      const { meetingDate } = await this.meetingState(input.meetingId);
      return { type: 'OpenMeeting', data: { group: await this.facts.factsOf(groupId, meetingDate), actor, now } };
    });
  }

  @Mutation(() => Meeting)
  recordAttendance(
    @Args('input') input: RecordAttendanceInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'recordAttendance', input, identity, context, ({ actor, now }) => ({
      type: 'RecordAttendance',
      data: {
        appointmentId: input.appointmentId,
        status: input.status,
        substitute: input.substitute ?? null,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => Meeting, { description: 'By the absent representative themself.' })
  submitWrittenViews(
    @Args('input') input: SubmitWrittenViewsInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'submitWrittenViews', input, identity, context, ({ actor, now }) => ({
      type: 'SubmitWrittenViews',
      data: { appointmentId: input.appointmentId, agendaItem: input.agendaItem, views: input.views, actor, now },
    }));
  }

  @Mutation(() => Meeting)
  closeMeeting(
    @Args('input') input: MeetingIdInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'closeMeeting', input, identity, context, ({ actor, now }) => ({
      type: 'CloseMeeting',
      data: { actor, now },
    }));
  }

  @Mutation(() => Meeting, { description: 'Only at an open, quorate meeting (QUORUM_NOT_MET otherwise).' })
  recordDecision(
    @Args('input') input: RecordDecisionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'recordDecision', input, identity, context, ({ actor, now }) => ({
      type: 'RecordDecision',
      data: {
        decisionId: newEntityId('decision', identity.personId, input.idempotencyKey, meetingStream(input.meetingId)),
        text: input.text,
        actor,
        now,
      },
    }));
  }

  @Mutation(() => Meeting, { description: 'Only at an open, quorate meeting (QUORUM_NOT_MET otherwise).' })
  makeRecommendation(
    @Args('input') input: MakeRecommendationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'makeRecommendation', input, identity, context, async ({ actor, now }, groupId) => ({
      type: 'MakeRecommendation',
      data: {
        recommendationId: newEntityId(
          'recommendation',
          identity.personId,
          input.idempotencyKey,
          meetingStream(input.meetingId),
        ),
        text: input.text,
        targetPartnerIds: input.targetPartnerIds,
        dueDate: input.dueDate,
        group: await this.facts.factsOf(groupId),
        actor,
        now,
      },
    }));
  }

  @Mutation(() => Meeting, { description: 'A representative of a target organisation, for that organisation only.' })
  respondToRecommendation(
    @Args('input') input: RespondToRecommendationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'respondToRecommendation', input, identity, context, async ({ actor, now }, groupId) => ({
      type: 'RespondToRecommendation',
      data: {
        recommendationId: input.recommendationId,
        partnerId: input.partnerId,
        response: input.response,
        reason: input.reason ?? null,
        respondedOn: input.respondedOn ?? null,
        successors: await this.successors(groupId),
        actor,
        now,
      },
    }));
  }

  @Mutation(() => Meeting, { description: 'The chairing organisation’s representative or the administrator.' })
  draftMinutes(
    @Args('input') input: DraftMinutesInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'draftMinutes', input, identity, context, async ({ actor, now }, groupId) => ({
      type: 'DraftMinutes',
      data: { text: input.text, group: await this.facts.factsOf(groupId), actor, now },
    }));
  }

  @Mutation(() => Meeting, { description: 'By the chair, or recorded at a later open, quorate meeting.' })
  approveMinutes(
    @Args('input') input: ApproveMinutesInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'approveMinutes', input, identity, context, async ({ actor, now }) => {
      let atMeeting = null;
      if (input.atMeetingId) {
        const later = await this.meetingState(input.atMeetingId);
        atMeeting = {
          meetingId: later.meetingId,
          groupId: later.groupId,
          startsAt: later.startsAt,
          open: later.status === 'OPEN',
          quorate: meetingQuorum(later).isQuorate,
        };
      }
      return { type: 'ApproveMinutes', data: { atMeeting, actor, now } };
    });
  }

  @Mutation(() => Meeting, { description: 'Puts the minutes in the feed of every area of the group (R10, D3).' })
  publishMinutes(
    @Args('input') input: MeetingIdInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'publishMinutes', input, identity, context, async ({ actor, now }, groupId) => ({
      type: 'PublishMinutes',
      data: { group: await this.facts.factsOf(groupId), actor, now },
    }));
  }

  @Mutation(() => Meeting, {
    description: 'Published minutes are sealed; a correction with its reason stands beside them.',
  })
  correctMinutes(
    @Args('input') input: CorrectMinutesInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'correctMinutes', input, identity, context, async ({ actor, now }, groupId) => ({
      type: 'CorrectMinutes',
      data: { text: input.text, reason: input.reason, group: await this.facts.factsOf(groupId), actor, now },
    }));
  }

  @Mutation(() => Meeting, {
    description:
      'A7: a decision’s text corrected, with a mandatory reason, by whoever may record decisions; the original stays in its history and under asRecordedAt.',
  })
  correctDecision(
    @Args('input') input: CorrectDecisionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'correctDecision', input, identity, context, ({ actor, now }) => ({
      type: 'CorrectDecision',
      data: { decisionId: input.decisionId, text: input.text, reason: input.reason ?? '', actor, now },
    }));
  }

  @Mutation(() => Meeting, {
    description:
      'A7: a meeting’s date and place corrected, with a mandatory reason, by whoever may schedule it. A meeting already held is counted again from the membership of the corrected date (R7).',
  })
  correctMeetingDetails(
    @Args('input') input: CorrectMeetingDetailsInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'correctMeetingDetails', input, identity, context, async ({ actor, now }, groupId) => {
      // The facts of the corrected day; a date that does not parse is refused by the decider, on today's facts.
      const instant = Date.parse(input.startsAt);
      const on = Number.isNaN(instant) ? undefined : groupDateOf(new Date(instant).toISOString());
      return {
        type: 'CorrectMeetingDetails',
        data: {
          startsAt: input.startsAt,
          place: input.place,
          reason: input.reason ?? '',
          group: await this.facts.factsOf(groupId, on),
          actor,
          now,
        },
      };
    });
  }

  @Mutation(() => Meeting, { description: 'The area’s own business manager, for that area only.' })
  recordLocalPublication(
    @Args('input') input: RecordLocalPublicationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change(input, 'recordLocalPublication', input, identity, context, async ({ actor, now }) => ({
      type: 'RecordLocalPublication',
      data: {
        areaId: input.areaId,
        address: input.address,
        publishedOn: input.publishedOn,
        managedAreaIds: this.actors.managedAreaIds(await this.actors.access(), identity.personId),
        actor,
        now,
      },
    }));
  }

  @Mutation(() => RegionalGroupChange, {
    description:
      'R14: a core partner agrees to dissolve the group, through its representative at a quorate meeting. The last agreement dissolves it.',
  })
  async recordDissolutionAgreement(
    @Args('input') input: RecordDissolutionAgreementInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RegionalGroupChange> {
    await this.commands.execute(
      new ChangeStreamCommand(
        regionalGroupStream(input.groupId),
        regionalGroupDecider,
        input.groupId,
        'recordDissolutionAgreement',
        input,
        { identity, correlationId: context.correlationId },
        async ({ actor, now }): Promise<RegionalGroupCommand> => {
          const meeting = await this.meetingState(input.meetingId);
          return {
            type: 'RecordDissolutionAgreement',
            data: {
              partnerId: input.partnerId,
              meeting: {
                meetingId: meeting.meetingId,
                groupId: meeting.groupId,
                open: meeting.status === 'OPEN',
                quorate: meetingQuorum(meeting).isQuorate,
                presentPartnerIds: presentRepresentatives(meeting).map((rep) => rep.partnerId),
                presentPersonIds: presentRepresentatives(meeting).map((rep) => rep.personId),
              },
              actor,
              now,
            },
          };
        },
      ),
    );
    return {
      group: await this.queries.execute(new GetRegionalGroupQuery(input.groupId)),
      coverageGapsCreated: [],
      postsVacated: [],
    };
  }
}

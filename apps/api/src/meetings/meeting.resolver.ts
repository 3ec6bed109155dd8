import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  isRecommendationOverdue,
  RecommendationResponse,
  groupDateOf,
  DomainError,
  quorumFromCount,
  mayOpenMeeting,
} from '@app/domain';
import { MeetingQueries, MeetingRow, RecommendationRow } from '@app/read-models';
import { KnownEntities } from '../common/known-entities';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { requestMeta } from '../common/command-gateway';
import { GraphqlContext } from '../graphql/graphql-context';
import { RegionalGroupChange } from '../regional-group/membership.types';
import { GetRegionalGroupQuery } from '../regional-group/regional-group.queries';
import { QueryBus } from '@nestjs/cqrs';
import { derivedId } from '../common/derived-id';
import { MeetingService } from './meeting.service';
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
  PublishMinutesInput,
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
  LocalPublicationChange,
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
    bookedOn: row.bookedOn,
    bookedOnEntered: row.bookedOnEntered,
  };
}

export function toRecommendation(row: RecommendationRow, today: string): Recommendation {
  const targets = row.targets.map((t) => ({
    id: derivedId('RecommendationTarget', row.recommendationId, t.partnerId),
    partnerId: t.partnerId,
    status: (t.response ?? 'PENDING') as RecommendationStatus,
    reason: t.reason,
    respondedAt: t.respondedAt,
    respondedOn: t.respondedOn,
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

/** Meetings of a regional group and what comes out of them (R6-R10, R14). */
@Resolver(() => Meeting)
export class MeetingResolver {
  constructor(
    private readonly service: MeetingService,
    private readonly queries: QueryBus,
    private readonly meetings: MeetingQueries,
    private readonly known: KnownEntities,
    private readonly access: ReadAccess,
    private readonly views: GroupTimeViews,
  ) {}

  @Query(() => Meeting, {
    nullable: true,
    description:
      'One meeting; asRecordedAt gives its date, place and decisions as the platform showed them at that moment, before later corrections (A3, A7). Null when refused, the refusal (with its code) in errors, so the rest of the query still answers.',
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
    const today = this.views.today().on;
    return this.meetings
      .recommendations({ groupId, partnerId })
      .map((row) => toRecommendation(row, today))
      .filter((r) => !status || r.targets.some((t) => (!partnerId || t.partnerId === partnerId) && t.status === status))
      .filter((r) => !overdueOnly || r.overdue);
  }

  @ResolveField(() => Boolean, {
    description:
      'R7: the meeting is scheduled, its group not dissolved and its day come, so whoever runs meetings may open it today.',
  })
  async mayOpen(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<boolean> {
    const { dissolvedAt } = await context.loaders.dissolutionOfGroup.load(meeting.groupId);
    return mayOpenMeeting(
      { status: meeting.status, meetingDate: groupDateOf(meeting.startsAt.toISOString()) },
      dissolvedAt !== null,
      this.views.today().on,
    );
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
    const today = this.views.today().on;
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
      publishedOn: row.minutesPublishedOn,
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
  async scheduleMeeting(
    @Args('input') input: ScheduleMeetingInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.schedule(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, {
    description:
      'Snapshots the representatives on the meeting’s date: its quorum is counted from them for ever after (R7, A3).',
  })
  async openMeeting(
    @Args('input') input: MeetingIdInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.open(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting)
  async recordAttendance(
    @Args('input') input: RecordAttendanceInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.recordAttendance(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, { description: 'By the absent representative themself.' })
  async submitWrittenViews(
    @Args('input') input: SubmitWrittenViewsInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.submitWrittenViews(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting)
  async closeMeeting(
    @Args('input') input: MeetingIdInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.close(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, { description: 'Only at an open, quorate meeting (QUORUM_NOT_MET otherwise).' })
  async recordDecision(
    @Args('input') input: RecordDecisionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.recordDecision(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, { description: 'Only at an open, quorate meeting (QUORUM_NOT_MET otherwise).' })
  async makeRecommendation(
    @Args('input') input: MakeRecommendationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.makeRecommendation(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, { description: 'A representative of a target organisation, for that organisation only.' })
  async respondToRecommendation(
    @Args('input') input: RespondToRecommendationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.respondToRecommendation(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, { description: 'The chairing organisation’s representative or the administrator.' })
  async draftMinutes(
    @Args('input') input: DraftMinutesInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.draftMinutes(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, { description: 'By the chair, or recorded at a later open, quorate meeting.' })
  async approveMinutes(
    @Args('input') input: ApproveMinutesInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.approveMinutes(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, { description: 'Puts the minutes in the feed of every area of the group (R10, D3).' })
  async publishMinutes(
    @Args('input') input: PublishMinutesInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.publishMinutes(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, {
    description: 'Published minutes are sealed; a correction with its reason stands beside them.',
  })
  async correctMinutes(
    @Args('input') input: CorrectMinutesInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.correctMinutes(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, {
    description:
      'A7: a decision’s text corrected, with a mandatory reason, by whoever may record decisions; the original stays in its history and under asRecordedAt.',
  })
  async correctDecision(
    @Args('input') input: CorrectDecisionInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.correctDecision(input, requestMeta(identity, context)));
  }

  @Mutation(() => Meeting, {
    description:
      'A7: a meeting’s date and place corrected, with a mandatory reason, by whoever may schedule it. A meeting already held is counted again from the membership of the corrected date (R7).',
  })
  async correctMeetingDetails(
    @Args('input') input: CorrectMeetingDetailsInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Meeting> {
    return this.read(await this.service.correctDetails(input, requestMeta(identity, context)));
  }

  @Mutation(() => LocalPublicationChange, {
    description:
      'The area’s own business manager, for that area only; the answer holds the meeting only for a sender who may read the group’s business (R43).',
  })
  async recordLocalPublication(
    @Args('input') input: RecordLocalPublicationInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<LocalPublicationChange> {
    const meeting = this.read(await this.service.recordLocalPublication(input, requestMeta(identity, context)));
    const publications = await this.localPublication(meeting, context);
    return {
      meetingId: meeting.id,
      localPublication: publications.find((p) => p.areaId === input.areaId) as LocalPublication,
      meeting: (await this.access.mayReadGroup(identity.personId, meeting.groupId)) ? meeting : null,
    };
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
    const groupId = await this.service.recordDissolutionAgreement(input, requestMeta(identity, context));
    return {
      group: await this.queries.execute(new GetRegionalGroupQuery(groupId)),
      coverageGapsCreated: [],
      postsVacated: [],
    };
  }
}

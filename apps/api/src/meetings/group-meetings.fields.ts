import { Inject } from '@nestjs/common';
import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { cadenceAt, termsInForceOn } from '@app/domain';
import { CLOCK, Clock } from '@app/platform';
import { GroupTimeViews } from '../common/group-time-views';
import { GraphqlContext } from '../graphql/graphql-context';
import { Viewed } from '../graphql/loaders';
import { RegionalGroup } from '../regional-group/regional-group.types';
import { derivedId } from '../common/derived-id';
import { Meeting, MeetingCadence, MeetingStatus } from './meeting.types';
import { toMeeting } from './meeting.resolver';

/** A group's meetings, their cadence (R6) and its dissolution (R14). */
@Resolver(() => RegionalGroup)
export class GroupMeetingFields {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly views: GroupTimeViews,
  ) {}

  /** The key of the group's meetings loader: the group seen today, or as it was asked. */
  private seen(group: RegionalGroup): Viewed {
    return { id: group.id, args: { view: group.view ?? this.views.today() } };
  }

  @ResolveField(() => [Meeting], {
    description:
      'In date order; only those with a given status when asked. Under asAt or asRecordedAt, only the meetings that existed by then (booked, or held when entered afterwards); under asRecordedAt, their dates, places and decisions as the platform showed them then, before later corrections (A7); each with its status and minutes as they stand today.',
  })
  async meetings(
    @Parent() group: RegionalGroup,
    @Args('status', { type: () => MeetingStatus, nullable: true }) status: MeetingStatus | null,
    @Context() context: GraphqlContext,
  ): Promise<Meeting[]> {
    const meetings = await context.loaders.meetingsOfGroup.load(this.seen(group));
    const recordedBy = group.view?.position ?? null;
    return meetings
      .filter((m) => !status || m.status === (status as string))
      .map((row) => ({ ...toMeeting(row), recordedBy }));
  }

  @ResolveField(() => MeetingCadence, {
    description:
      "R6, today (or at the end of the day seen on): the cadence of the terms in force. The last and next meetings are among the group's `meetings` seen the same way: under asAt, those booked by that day (or held by then when entered afterwards), so a meeting booked later is not that day's next; under asRecordedAt, those the platform held at that moment.",
  })
  async cadence(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<MeetingCadence> {
    const key = this.seen(group);
    const now = group.view ? `${group.view.on}T23:59:59.999Z` : this.clock.now().toISOString();
    // The group's own list as seen (one query with the `meetings` field): a day's next meeting is one
    // the group had booked by then, as its meetings page lists them, never one booked afterwards.
    const [terms, booked] = await Promise.all([
      context.loaders.termsOfGroup.load(key),
      context.loaders.meetingsOfGroup.load(key),
    ]);
    const cadenceMonths = termsInForceOn(terms, key.args.view.on).terms.meetingCadenceMonths;
    const { last, next, overdue } = cadenceAt(booked, group.establishedOn, cadenceMonths, now);
    const recordedBy = group.view?.position ?? null;
    return {
      id: derivedId('MeetingCadence', group.id),
      cadenceMonths,
      lastMeeting: last && { ...toMeeting(last), recordedBy },
      nextMeeting: next && { ...toMeeting(next), recordedBy },
      overdue,
    };
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'When the last core partner agreed to dissolve the group (R14).',
  })
  async dissolvedAt(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<string | null> {
    return (await context.loaders.dissolutionOfGroup.load(group.id)).dissolvedAt;
  }

  @ResolveField(() => [String], { description: 'Partners that have agreed to dissolve the group.' })
  async dissolutionAgreedBy(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<string[]> {
    return (await context.loaders.dissolutionOfGroup.load(group.id)).agreedBy;
  }
}

import { Inject } from '@nestjs/common';
import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { addMonthsToDate, dateOf, DEFAULT_TERMS } from '@app/domain';
import { termsRowInForceOn } from '@app/read-models';
import { Clock } from '@app/platform';
import { GraphqlContext } from '../graphql/graphql-context';
import { CLOCK } from '../infrastructure/injection-tokens';
import { RegionalGroup } from '../regional-group/regional-group.types';
import { derivedId } from '../common/derived-id';
import { Meeting, MeetingCadence, MeetingStatus } from './meeting.types';
import { toMeeting } from './meeting.resolver';

/** A group's meetings, their cadence (R6) and its dissolution (R14). */
@Resolver(() => RegionalGroup)
export class GroupMeetingFields {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @ResolveField(() => [Meeting], { description: 'In date order; only those with a given status when asked.' })
  async meetings(
    @Parent() group: RegionalGroup,
    @Args('status', { type: () => MeetingStatus, nullable: true }) status: MeetingStatus | null,
    @Context() context: GraphqlContext,
  ): Promise<Meeting[]> {
    const meetings = await context.loaders.meetingsOfGroup.load(group.id);
    return meetings.filter((m) => !status || m.status === (status as string)).map(toMeeting);
  }

  @ResolveField(() => MeetingCadence)
  async cadence(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<MeetingCadence> {
    const now = this.clock.now().toISOString();
    const today = dateOf(now);
    const [terms, all] = await Promise.all([
      context.loaders.termsOfGroup.load(group.id),
      context.loaders.meetingsOfGroup.load(group.id),
    ]);
    const cadenceMonths = (termsRowInForceOn(terms, today) ?? DEFAULT_TERMS).meetingCadenceMonths;
    const held = all.filter((m) => m.status !== 'SCHEDULED' && m.startsAt <= now);
    const last = held[held.length - 1] ?? null;
    const next = all.find((m) => m.status === 'SCHEDULED' && m.startsAt > now) ?? null;
    const since = last ? dateOf(last.startsAt) : dateOf(group.establishedAt.toISOString());
    return {
      id: derivedId('MeetingCadence', group.id),
      cadenceMonths,
      lastMeeting: last && toMeeting(last),
      nextMeeting: next && toMeeting(next),
      overdue: addMonthsToDate(since, cadenceMonths) < today,
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

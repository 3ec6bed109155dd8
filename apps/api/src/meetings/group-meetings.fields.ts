import { Inject } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { addMonthsToDate, dateOf, DEFAULT_TERMS, termsAdoptedBy } from '@app/domain';
import { MeetingQueries, MembershipQueries } from '@app/read-models';
import { Clock } from '@app/platform';
import { CLOCK } from '../infrastructure/injection-tokens';
import { RegionalGroup } from '../regional-group/regional-group.types';
import { derivedId } from '../common/derived-id';
import { Meeting, MeetingCadence, MeetingStatus } from './meeting.types';
import { toMeeting } from './meeting.resolver';

/** A group's meetings, their cadence (R6) and its dissolution (R14). */
@Resolver(() => RegionalGroup)
export class GroupMeetingFields {
  constructor(
    private readonly meetingQueries: MeetingQueries,
    private readonly membership: MembershipQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField(() => [Meeting], { description: 'In date order; only those with a given status when asked.' })
  meetings(
    @Parent() group: RegionalGroup,
    @Args('status', { type: () => MeetingStatus, nullable: true }) status: MeetingStatus | null,
  ): Meeting[] {
    return this.meetingQueries
      .meetingsOfGroup(group.id)
      .filter((m) => !status || m.status === (status as string))
      .map(toMeeting);
  }

  @ResolveField(() => MeetingCadence)
  cadence(@Parent() group: RegionalGroup): MeetingCadence {
    const now = this.clock.now().toISOString();
    const today = dateOf(now);
    const terms = termsAdoptedBy(this.membership.termsOf(group.id), today) ?? DEFAULT_TERMS;
    const all = this.meetingQueries.meetingsOfGroup(group.id);
    const held = all.filter((m) => m.status !== 'SCHEDULED' && m.startsAt <= now);
    const last = held[held.length - 1] ?? null;
    const next = all.find((m) => m.status === 'SCHEDULED' && m.startsAt > now) ?? null;
    const since = last ? dateOf(last.startsAt) : dateOf(group.establishedAt.toISOString());
    return {
      id: derivedId('MeetingCadence', group.id),
      cadenceMonths: terms.meetingCadenceMonths,
      lastMeeting: last && toMeeting(last),
      nextMeeting: next && toMeeting(next),
      overdue: addMonthsToDate(since, terms.meetingCadenceMonths) < today,
    };
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'When the last core partner agreed to dissolve the group (R14).',
  })
  dissolvedAt(@Parent() group: RegionalGroup): string | null {
    return this.membership.dissolution(group.id).dissolvedAt;
  }

  @ResolveField(() => [String], { description: 'Partners that have agreed to dissolve the group.' })
  dissolutionAgreedBy(@Parent() group: RegionalGroup): string[] {
    return this.membership.dissolution(group.id).agreedBy;
  }
}

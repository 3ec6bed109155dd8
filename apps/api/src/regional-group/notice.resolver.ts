import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import {
  ActiveGroup,
  departureConsequences,
  DomainError,
  fold,
  noticeStatusOn,
  RegionalGroupEvent,
  regionalGroupDecider,
  regionalGroupStream,
} from '@app/domain';
import { EventStore, readState, upcast } from '@app/event-store';
import { MembershipQueries, NoticeRow, WHOLE_RECORD } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { GraphqlContext } from '../graphql/graphql-context';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { requestMeta } from '../common/command-gateway';
import { GiveNoticeToLeaveInput, NoticeChange, NoticeToLeave, WithdrawNoticeInput } from './notice.types';
import { GetRegionalGroupQuery } from './regional-group.queries';
import { RegionalGroup } from './regional-group.types';
import { RegionalGroupService } from './regional-group.service';

function foreseen(group: ActiveGroup, row: NoticeRow): NoticeRow['consequences'] {
  const consequences = departureConsequences(group, row.noticeId, row.partnerId, row.effectiveOn);
  return { ...consequences, coverageGaps: [...consequences.coverageGaps] };
}

/**
 * A notice still open on the day seen shows what leaving would do to the group as recorded by the
 * moment seen, so an area or coverage recorded after the notice counts (R3, R13); once effective or
 * withdrawn there is nothing left to foresee, and it shows what was worked out when it was given.
 * So does a day before it took effect seen after it did: the group as it stands has already lost
 * the partner, and would show leaving as costing nothing.
 */
function toNotice(row: NoticeRow, status: NoticeRow['status'], group: ActiveGroup | null): NoticeToLeave {
  return {
    id: row.noticeId,
    partnerId: row.partnerId,
    givenOn: row.givenOn,
    effectiveOn: row.effectiveOn,
    status,
    withdrawnOn: row.withdrawnOn,
    consequences:
      status === 'OPEN' && group?.notices[row.noticeId]?.status === 'OPEN' ? foreseen(group, row) : row.consequences,
    consequencesWhenGiven: row.consequences,
  };
}

/** Notices to leave (R13, D4): given and withdrawn by the leaving partner; they take effect on their own. */
@Resolver(() => RegionalGroup)
export class NoticeResolver {
  constructor(
    private readonly service: RegionalGroupService,
    private readonly queries: QueryBus,
    private readonly membership: MembershipQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The group from its own stream, as recorded now or, asRecordedAt, by the moment seen (A3). */
  private async groupSeen(groupId: string, position: number | null): Promise<ActiveGroup | null> {
    const stream = regionalGroupStream(groupId);
    const group =
      position === null
        ? await readState(this.store, stream, regionalGroupDecider)
        : fold(
            regionalGroupDecider,
            (await this.store.readStream(stream))
              .filter((event) => event.position <= position)
              .map((event) => upcast(event) as unknown as RegionalGroupEvent),
          );
    return group.status === 'active' ? group : null;
  }

  private async result(groupId: string, noticeId: string): Promise<NoticeChange> {
    const notice = this.membership.notices(groupId).find((n) => n.noticeId === noticeId);
    if (!notice) throw new DomainError('NOT_FOUND', 'There is no such notice to leave.');
    return {
      group: await this.queries.execute(new GetRegionalGroupQuery(groupId)),
      notice: toNotice(notice, notice.status, await this.groupSeen(groupId, null)),
    };
  }

  @ResolveField(() => [NoticeToLeave], {
    description: 'Notices given by the day seen on, each with its status that day when asked asAt (R13, A3).',
  })
  async notices(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<NoticeToLeave[]> {
    const { view } = group;
    const rows = await context.loaders.noticesOfGroup.load({ id: group.id, args: { view: view ?? WHOLE_RECORD } });
    const statuses = rows.map((row) => (view ? noticeStatusOn(row, view.on) : row.status));
    const state = statuses.includes('OPEN') ? await this.groupSeen(group.id, view ? view.position : null) : null;
    return rows.map((row, i) => toNotice(row, statuses[i], state));
  }

  @Mutation(() => NoticeChange, {
    description:
      'A representative of the leaving partner. Refused with NOTICE_TOO_SHORT under the notice period; flows to every area the partner covers.',
  })
  async giveNoticeToLeave(
    @Args('input') input: GiveNoticeToLeaveInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    const noticeId = await this.service.giveNoticeToLeave(input, requestMeta(identity, context));
    return this.result(input.groupId, noticeId);
  }

  @Mutation(() => NoticeChange, {
    description: 'A representative of the leaving partner, before the notice takes effect.',
  })
  async withdrawNotice(
    @Args('input') input: WithdrawNoticeInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    await this.service.withdrawNotice(input, requestMeta(identity, context));
    return this.result(input.groupId, input.noticeId);
  }
}

import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, noticeStatusOn } from '@app/domain';
import { MembershipQueries, NoticeRow, WHOLE_RECORD } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { GraphqlContext } from '../graphql/graphql-context';
import { requestMeta } from '../common/command-gateway';
import { GiveNoticeToLeaveInput, NoticeChange, NoticeToLeave, WithdrawNoticeInput } from './notice.types';
import { GetRegionalGroupQuery } from './regional-group.queries';
import { RegionalGroup } from './regional-group.types';
import { RegionalGroupService } from './regional-group.service';

function toNotice(row: NoticeRow): NoticeToLeave {
  return {
    id: row.noticeId,
    partnerId: row.partnerId,
    givenOn: row.givenOn,
    effectiveOn: row.effectiveOn,
    status: row.status,
    withdrawnOn: row.withdrawnOn,
    consequences: row.consequences,
  };
}

/** Notices to leave (R13, D4): given and withdrawn by the leaving partner; they take effect on their own. */
@Resolver(() => RegionalGroup)
export class NoticeResolver {
  constructor(
    private readonly service: RegionalGroupService,
    private readonly queries: QueryBus,
    private readonly membership: MembershipQueries,
  ) {}

  private async result(groupId: string, noticeId: string): Promise<NoticeChange> {
    const notice = this.membership.notices(groupId).find((n) => n.noticeId === noticeId);
    if (!notice) throw new DomainError('NOT_FOUND', 'There is no such notice to leave.');
    return { group: await this.queries.execute(new GetRegionalGroupQuery(groupId)), notice: toNotice(notice) };
  }

  @ResolveField(() => [NoticeToLeave], {
    description: 'Notices given by the day seen on, each with its status that day when asked asAt (R13, A3).',
  })
  async notices(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<NoticeToLeave[]> {
    const { view } = group;
    const rows = await context.loaders.noticesOfGroup.load({ id: group.id, args: { view: view ?? WHOLE_RECORD } });
    return rows.map((row) => ({ ...toNotice(row), status: view ? noticeStatusOn(row, view.on) : row.status }));
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

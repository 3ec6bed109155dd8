import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { calendarPath } from '../auth/calendar-secret';
import { Identity } from '../auth/identity';
import { requestMeta } from '../common/command-gateway';
import { GraphqlContext } from '../graphql/graphql-context';
import {
  IssueCalendarTokenInput,
  IssuedCalendarToken,
  RevokeCalendarTokenInput,
  RevokedCalendarToken,
} from './calendar-token.types';
import { IssueCalendarTokenCommand } from './issue-calendar-token.command';
import { AccessService } from './access.service';

/** Calendar tokens (R43): a secret a calendar client puts in its address, reading only calendars. */
@Resolver(() => IssuedCalendarToken)
export class CalendarTokensResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly service: AccessService,
  ) {}

  @Mutation(() => IssuedCalendarToken, {
    description:
      'A calendar token for yourself (or, for an administrator, anyone): its secret is returned this once. Ask for calendarUrl(groupId) to get the address of a group calendar to subscribe to.',
  })
  async issueCalendarToken(
    @Args('input') input: IssueCalendarTokenInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<IssuedCalendarToken> {
    const issued = await this.commands.execute(
      new IssueCalendarTokenCommand(
        input.personId ?? identity.personId,
        { identity, correlationId: context.correlationId },
        input.idempotencyKey ?? null,
      ),
    );
    return { id: issued.tokenId, ...issued };
  }

  @ResolveField(() => String, {
    description:
      "The address of a group's calendar for this token, relative to the API's own address (e.g. https://platform.example/groups/…). It serves the calendar while the token's person may read the group.",
  })
  calendarUrl(@Parent() issued: IssuedCalendarToken, @Args('groupId', { type: () => ID }) groupId: string): string {
    return calendarPath(groupId, issued.token);
  }

  @Mutation(() => RevokedCalendarToken, {
    description: 'Stops a calendar token reading anything: for its person or an administrator.',
  })
  async revokeCalendarToken(
    @Args('input') input: RevokeCalendarTokenInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<RevokedCalendarToken> {
    const revoked = await this.service.revokeCalendarToken(input, requestMeta(identity, context));
    return { id: revoked.tokenId, ...revoked };
  }
}

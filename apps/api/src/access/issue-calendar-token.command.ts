import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ACCESS_STREAM, accessDecider, DomainError } from '@app/domain';
import { CommandContext, newEntityId, SYSTEM_ACTOR } from '@app/event-store';
import { CLOCK, Clock } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { calendarSecretHash, newCalendarSecret } from '../auth/calendar-secret';
import { CommandGateway, RequestMeta } from '../common/command-gateway';

export interface IssuedSecret {
  readonly tokenId: string;
  readonly personId: string;
  readonly issuedAt: string;
  /** The secret itself, shown this once; the store keeps only its hash. */
  readonly token: string;
}

/**
 * Issues a calendar token for `personId`: from the API for the signed-in person (`requester`),
 * or from `cli calendar-token` on the platform's own machine (`requester` null, recorded as the
 * system, as `cli init` is).
 */
export class IssueCalendarTokenCommand extends Command<IssuedSecret> {
  constructor(
    readonly personId: string,
    readonly requester: RequestMeta | null,
    readonly idempotencyKey: string | null = null,
  ) {
    super();
  }
}

@CommandHandler(IssueCalendarTokenCommand)
export class IssueCalendarTokenHandler implements ICommandHandler<IssueCalendarTokenCommand> {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ personId, requester, idempotencyKey }: IssueCalendarTokenCommand): Promise<IssuedSecret> {
    const context: CommandContext & { now: string } = requester
      ? await this.gateway.prepare(requester, 'issueCalendarToken', { personId }, idempotencyKey)
      : {
          actor: SYSTEM_ACTOR,
          now: this.clock.now().toISOString(),
          correlationId: randomUUID(),
          reason: 'Calendar token issued from the command line',
        };
    const tokenId = newEntityId('calendar-token', context.actor.personId, idempotencyKey);
    const secret = newCalendarSecret();
    const secretHash = calendarSecretHash(secret);
    const { events } = await this.gateway.execute(
      ACCESS_STREAM,
      accessDecider,
      { type: 'IssueCalendarToken', data: { tokenId, personId, secretHash, actor: context.actor, now: context.now } },
      context,
    );
    const [event] = events;
    if (event.type !== 'CalendarTokenIssued') throw new Error(`IssueCalendarToken recorded ${event.type}.`);
    // A retry with the same idempotency key is answered from the first request's event, whose
    // secret this request never saw: the secret is shown once, so say so rather than return a wrong one.
    if (event.data.secretHash !== secretHash) {
      throw new DomainError(
        'CONFLICT',
        `Calendar token ${tokenId} was already issued by an earlier request with this idempotency key, and its secret is shown only once: revoke it and issue a new one.`,
      );
    }
    return { tokenId, personId, issuedAt: event.data.issuedAt, token: secret };
  }
}

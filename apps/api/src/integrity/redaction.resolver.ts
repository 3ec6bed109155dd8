import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, FieldRedacted, redactionDecider, REDACTIONS_STREAM } from '@app/domain';
import { EventStore, occurredAtOf, redactionCommand } from '@app/event-store';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { derivedId } from '../common/derived-id';
import { CommandGateway, requestMeta } from '../common/command-gateway';
import { GraphqlContext } from '../graphql/graphql-context';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { Redaction, RedactEventFieldInput } from './redaction.types';

@Resolver(() => Redaction)
export class RedactionResolver {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Mutation(() => Redaction, {
    description:
      'Administrator. A7’s one exception (R40): deletes the text of one free-text field of an event and records who, when and why. Every view then shows "[redacted]" and verification still passes.',
  })
  async redactEventField(
    @Args('input') input: RedactEventFieldInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Redaction> {
    const { events } = await this.gateway.change(
      { operation: 'redactEventField', input, meta: requestMeta(identity, context) },
      null,
      REDACTIONS_STREAM,
      redactionDecider,
      ({ actor }) => redactionCommand(this.store, input, actor),
    );
    const { eventId, field } = events[0].data;
    // Read back as recorded, so a retry answers with the first attempt's who and when.
    const recorded = (await this.store.readStream(REDACTIONS_STREAM)).find((event) => {
      const data = event.data as FieldRedacted['data'];
      return data.eventId === eventId && data.field === field;
    });
    if (!recorded) throw new Error(`The redaction of ${field} of event ${eventId} was not read back.`);
    const data = recorded.data as FieldRedacted['data'];
    return {
      id: derivedId('Redaction', eventId, field),
      eventId,
      streamId: data.streamId,
      field,
      reason: data.reason,
      redactedBy: (recorded.metadata.actor as Actor).personId,
      redactedAt: occurredAtOf(recorded),
    };
  }
}

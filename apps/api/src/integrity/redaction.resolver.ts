import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { derivedId } from '../common/derived-id';
import { requestMeta } from '../common/command-gateway';
import { GraphqlContext } from '../graphql/graphql-context';
import { RedactionService } from './redaction.service';
import { Redaction, RedactEventFieldInput } from './redaction.types';

@Resolver(() => Redaction)
export class RedactionResolver {
  constructor(private readonly service: RedactionService) {}

  @Mutation(() => Redaction, {
    description:
      'Administrator. A7’s one exception (R40): deletes the text of one free-text field of an event and records who, when and why. Every view then shows "[redacted]" and verification still passes.',
  })
  async redactEventField(
    @Args('input') input: RedactEventFieldInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Redaction> {
    const redaction = await this.service.redactEventField(input, requestMeta(identity, context));
    return { id: derivedId('Redaction', redaction.eventId, redaction.field), ...redaction };
  }
}

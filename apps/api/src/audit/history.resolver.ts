import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { HistoryReader } from './history-reader';
import { HistoryArgs, HistoryEvent, HistoryEventConnection } from './history.types';

/** The whole log, filtered, for auditors and administrators (A1, A2). */
@Resolver(() => HistoryEvent)
export class HistoryResolver {
  constructor(private readonly reader: HistoryReader) {}

  @Query(() => HistoryEventConnection, {
    description:
      'Recorded events in the order recorded, or in the order they happened (`order: HAPPENED`), for auditors and administrators (FORBIDDEN otherwise). An entityId, partnerId or personId no event concerns is NOT_FOUND; "from" after "to", or after today, is VALIDATION_FAILED.',
  })
  history(@Args() { filter, first, after, order }: HistoryArgs, @CurrentIdentity() identity: Identity) {
    return this.reader.read(identity, filter ?? {}, first, after ?? null, order);
  }
}

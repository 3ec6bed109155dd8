import { eventStoreContract } from '../testing/event-store-contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * Needs a server: EVENTSTORE_CONNECTION_STRING=kurrentdb://localhost:2113?tls=false (or esdb://). Every test writes
 * to streams of its own, so a shared server with other data will do and nothing is deleted.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract(
    'eventstoredb',
    async () => {
      const store = EventStoreDbEventStore.fromConnectionString(connectionString);
      return { store, cleanup: () => store.close() };
    },
    { detectsIdReuseAcrossStreams: false },
  );
} else {
  describe('EventStore contract: eventstoredb', () => {
    process.stdout.write(
      'skipped: no KurrentDB/EventStoreDB configured (set EVENTSTORE_CONNECTION_STRING to run the EventStoreDB contract)\n',
    );
    it.skip('runs against the server named by EVENTSTORE_CONNECTION_STRING', () => undefined);
  });
}

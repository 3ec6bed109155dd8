import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  ACCESS_STREAM,
  accessDecider,
  AccessCommand,
  AccessEvent,
  AccessState,
  Decider,
  Message,
  RegionalGroupCommand,
  regionalGroupDecider,
  RegionalGroupEvent,
  RegionalGroupState,
  regionalGroupStream,
  rolesOf,
} from '@app/domain';
import {
  administrator,
  avonAndSomerset,
  GROUP_ID,
  now as fixtureNow,
  START,
  TODAY,
} from '@app/domain/testing/avon-and-somerset.fixture';
import {
  chainEvents,
  CommandContext,
  EventStore,
  handleCommand,
  inputHashOf,
  NewEvent,
  NO_STREAM,
  readState,
  SqliteEventStore,
  UnchainedEvent,
} from '@app/event-store';
import { commandEvents, personEvents } from './fixtures';
import { BenchResult, envInt, formatNumber, median, report, runMain, timed, withTempDir } from './measure';

/**
 * The cost of one command against a stream with a long history, against the same command on a
 * fresh stream, through handleCommand on a SqliteEventStore (WAL + synchronous=FULL) as the API
 * runs it: the permission read the gateway makes first, then read, decide, append. Two lines:
 * registerPerson on an access stream holding `BENCH_HISTORY` people, and appointing a representative
 * on a group stream of `BENCH_HISTORY` events (representatives appointed and later ended), 100,000
 * unless said. The long stream is written straight to the store in chained batches, then folded
 * once, untimed, as a running process would have done on its first command.
 */

/** Within 2x of a fresh store. */
const TARGET = 0.5;
const DEFAULT_HISTORY = 100_000;
const COMMANDS = 30;
const BATCH = 1000;

interface Case<C extends Message, E extends Message, S> {
  readonly bench: string;
  readonly label: string;
  /** Events of history per person or group event counted in `label`. */
  readonly eventsPer: number;
  readonly streamId: string;
  readonly decider: Decider<C, E, S>;
  /** What the stream holds on a fresh store. */
  readonly seed: () => UnchainedEvent[];
  /** The n-th batch of history filler, at most `size` events. */
  readonly history: (n: number, size: number) => UnchainedEvent[];
  /** The read the gateway makes to find who is acting, before the command. */
  readonly permissions: (store: EventStore) => Promise<unknown>;
  readonly command: (n: number) => { command: C; context: CommandContext };
}

const context = (operation: string, input: unknown, actor = administrator): CommandContext => ({
  actor,
  now: new Date().toISOString(),
  correlationId: randomUUID(),
  idempotencyKey: randomUUID(),
  inputHash: inputHashOf(operation, input),
});

const registerPerson: Case<AccessCommand, AccessEvent, AccessState> = {
  bench: 'command-cost-register-person',
  label: 'people',
  eventsPer: 2,
  streamId: ACCESS_STREAM,
  decider: accessDecider,
  // One administrator, as `initialise` leaves a fresh platform (personEvents grants odd numbers ADMINISTRATOR).
  seed: () => personEvents(1, ACCESS_STREAM, fixtureNow, null),
  // Two events per person: registered, then granted a role.
  history: (n, size) =>
    Array.from({ length: Math.ceil(size / 2) }, (_, i) =>
      personEvents(2 + n * BATCH + i * 2, ACCESS_STREAM, fixtureNow, null),
    )
      .flat()
      .slice(0, size),
  permissions: async (store) => rolesOf(await readState(store, ACCESS_STREAM, accessDecider), administrator.personId),
  command: (n) => {
    const personId = randomUUID();
    const data = { personId, name: `New Colleague ${n}`, email: `new.colleague.${personId}@partnership.example.org` };
    return {
      command: { type: 'RegisterPerson', data: { ...data, subject: null, actor: administrator } },
      context: context('registerPerson', data),
    };
  },
};

const GROUP_STREAM = regionalGroupStream(GROUP_ID);

/** A representative of the police appointed and, the next day, ended: a seat that changed hands. */
function seatChanged(n: number): UnchainedEvent[] {
  const appointmentId = randomUUID();
  const appointed: RegionalGroupEvent = {
    type: 'RepresentativeAppointed',
    data: {
      appointmentId,
      personId: randomUUID(),
      partnerId: 'police',
      name: `Officer Number ${n}`,
      title: 'Lead for safeguarding',
      role: 'DELEGATED_SAFEGUARDING_PARTNER',
      seniority: 'HEAD_OF_SERVICE',
      startDate: START,
    },
  };
  const ended: RegionalGroupEvent = {
    type: 'RepresentativeAppointmentEnded',
    data: { appointmentId, endDate: START, reason: 'Moved to another post' },
  };
  return [
    ...commandEvents(GROUP_STREAM, 'appointRepresentative', appointed.data, [appointed], fixtureNow),
    ...commandEvents(GROUP_STREAM, 'endRepresentativeAppointment', ended.data, [ended], fixtureNow),
  ];
}

const membershipChange: Case<RegionalGroupCommand, RegionalGroupEvent, RegionalGroupState> = {
  bench: 'command-cost-membership-change',
  label: 'group events',
  eventsPer: 1,
  streamId: GROUP_STREAM,
  decider: regionalGroupDecider,
  seed: () =>
    avonAndSomerset.flatMap((event) => commandEvents(GROUP_STREAM, event.type, event.data, [event], fixtureNow)),
  history: (n, size) =>
    Array.from({ length: Math.ceil(size / 2) }, (_, i) => seatChanged(n * BATCH + i))
      .flat()
      .slice(0, size),
  permissions: async (store) => await readState(store, GROUP_STREAM, regionalGroupDecider),
  command: (n) => {
    const data = {
      appointmentId: randomUUID(),
      personId: randomUUID(),
      personName: `New Representative ${n}`,
      partnerId: 'police',
      title: 'Lead for safeguarding',
      role: 'DELEGATED_SAFEGUARDING_PARTNER',
      seniority: 'HEAD_OF_SERVICE',
      startDate: TODAY,
    };
    return {
      command: { type: 'AppointRepresentative', data: { ...data, actor: administrator, now: fixtureNow } },
      context: context('appointRepresentative', data),
    };
  },
};

/** Appends events to a stream in chained batches, straight to the store. */
async function appendChained(store: EventStore, streamId: string, batches: Iterable<UnchainedEvent[]>): Promise<void> {
  let last: (NewEvent & { revision: number }) | null = null;
  for (const batch of batches) {
    if (batch.length === 0) continue;
    const chained = chainEvents(streamId, last, batch);
    await store.append(streamId, chained, { expectedRevision: last ? last.revision : NO_STREAM });
    const revision: number = (last ? last.revision : -1) + chained.length;
    last = { ...chained[chained.length - 1], revision };
  }
}

function* historyBatches(build: (n: number, size: number) => UnchainedEvent[], total: number) {
  for (let n = 0; n * BATCH < total; n += 1) yield build(n, Math.min(BATCH, total - n * BATCH));
}

/** Median milliseconds per command, over COMMANDS commands after one untimed. */
async function commandTimes<C extends Message, E extends Message, S>(
  store: EventStore,
  bench: Case<C, E, S>,
): Promise<number> {
  const run = async (n: number) => {
    await bench.permissions(store);
    const { command, context } = bench.command(n);
    const outcome = await handleCommand(store, bench.streamId, bench.decider, command, context);
    if (outcome.events.length === 0) throw new Error(`${bench.bench}: the command decided nothing.`);
  };
  await run(0);
  const times: number[] = [];
  for (let n = 1; n <= COMMANDS; n += 1) times.push((await timed(() => run(n))).seconds * 1000);
  return median(times);
}

async function measureCase<C extends Message, E extends Message, S>(
  bench: Case<C, E, S>,
  history: number,
): Promise<BenchResult> {
  return await withTempDir(`bench-${bench.bench}`, async (dir) => {
    const fresh = new SqliteEventStore(join(dir, 'fresh.db'));
    const loaded = new SqliteEventStore(join(dir, 'loaded.db'));
    try {
      await appendChained(fresh, bench.streamId, [bench.seed()]);
      const built = await timed(() =>
        appendChained(loaded, bench.streamId, [
          bench.seed(),
          ...historyBatches(bench.history, history * bench.eventsPer),
        ]),
      );
      console.log(
        `${bench.bench}: ${formatNumber(history)} ${bench.label} of history written in ${built.seconds.toFixed(1)} s`,
      );
      const folded = await timed(() => bench.permissions(loaded));
      console.log(
        `  first fold of the long stream (once per process, not timed below): ${folded.seconds.toFixed(1)} s`,
      );
      // Alternate so drift on a shared machine favours neither side.
      const freshMs: number[] = [];
      const loadedMs: number[] = [];
      for (let round = 1; round <= 2; round += 1) {
        const order = round === 1 ? [fresh, loaded] : [loaded, fresh];
        for (const store of order) (store === fresh ? freshMs : loadedMs).push(await commandTimes(store, bench));
      }
      console.log(
        `  median per command: ${loadedMs.map((ms) => ms.toFixed(2)).join(', ')} ms with history, ` +
          `${freshMs.map((ms) => ms.toFixed(2)).join(', ')} ms fresh`,
      );
      return report({
        bench: bench.bench,
        unit: 'commands/s',
        valueLabel: `with ${formatNumber(history)} ${bench.label}`,
        value: 1000 / median(loadedMs),
        baselineLabel: 'on a fresh store',
        baseline: 1000 / median(freshMs),
        target: TARGET,
      });
    } finally {
      await fresh.close();
      await loaded.close();
    }
  });
}

export async function commandCostBench(): Promise<BenchResult[]> {
  const history = envInt('BENCH_HISTORY', DEFAULT_HISTORY);
  const people = await measureCase(registerPerson, history);
  console.log('');
  const membership = await measureCase(membershipChange, history);
  return [people, membership];
}

if (require.main === module) runMain(commandCostBench);

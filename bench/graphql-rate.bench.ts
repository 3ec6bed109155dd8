import { CommandBus } from '@nestjs/cqrs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig, mintToken, SigningKey } from '@app/platform';
import { InitialisePlatformCommand } from '../apps/api/src/access/initialise-platform.command';
import { createApp } from '../apps/api/src/create-app';
import { SIGNING_KEY } from '../apps/api/src/infrastructure/injection-tokens';
import { BenchResult, envInt, formatNumber, median, printRound, report, runMain, timed, withTempDir } from './measure';

/**
 * GraphQL mutations per second against the same server's trivial query, over HTTP: the api on the
 * embedded store in a fresh DATA_DIR, the query `{ __typename }` (the HTTP, authentication and
 * GraphQL layers and nothing else). Two lines:
 * - one client sending one request at a time, the mutation `registerPerson` (validated, decided,
 *   appended durably, projected before it answers);
 * - BENCH_CLIENTS clients at once on both sides, each the officer of a regional group of its own
 *   adding areas to it (`addArea`), as many groups' officers work at once: their appends go to
 *   different streams, so the store can commit those that arrive together with one sync.
 */

const BENCH = 'graphql-mutation-rate';
const CONCURRENT_BENCH = 'graphql-mutation-rate-concurrent';
const TARGET = 0.5;
const ROUNDS = 3;
const WARM_UP = 50;
const DEFAULT_REQUESTS = 300;
const DEFAULT_CLIENTS = 8;

const REGISTER = 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { personId } }';
const ESTABLISH = 'mutation($input: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $input) { id } }';
const ADD_AREA = 'mutation($input: AddAreaInput!) { addArea(input: $input) { area { id } } }';
const TRIVIAL = '{ __typename }';

type Post = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, { id?: string }>>;

/** What one client sends: `client` numbers the client from 0. */
type Send = (client: number) => Promise<unknown>;

/** Sends `count` requests from `clients` clients, each sending its next as soon as its last is answered. */
async function run(send: Send, count: number, clients: number): Promise<void> {
  let sent = 0;
  const client = async (_: unknown, n: number) => {
    while (sent < count) {
      sent += 1;
      await send(n);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
}

/** Rounds of `requests` mutations and as many trivial queries, alternating which goes first. */
async function measure(
  bench: string,
  mutation: { label: string; send: Send },
  trivial: Send,
  requests: number,
  clients: number,
): Promise<BenchResult> {
  await run(mutation.send, WARM_UP, clients);
  await run(trivial, WARM_UP, clients);
  const how = clients === 1 ? 'one at a time' : `from ${clients} clients at once`;
  console.log(
    `${bench}: ${ROUNDS} rounds x ${formatNumber(requests)} requests ${how} (after ${WARM_UP} untimed), ` +
      `${mutation.label} against ${TRIVIAL}, embedded store`,
  );
  const mutationRates: number[] = [];
  const queryRates: number[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    // Alternate which goes first so drift on a shared machine favours neither side.
    const order = round % 2 === 1 ? (['query', 'mutation'] as const) : (['mutation', 'query'] as const);
    for (const kind of order) {
      const { seconds } = await timed(() => run(kind === 'query' ? trivial : mutation.send, requests, clients));
      (kind === 'query' ? queryRates : mutationRates).push(printRound(bench, round, kind, requests, seconds));
    }
  }
  return report({
    bench,
    unit: 'requests/s',
    valueLabel: mutation.label,
    value: median(mutationRates),
    baselineLabel: TRIVIAL,
    baseline: median(queryRates),
    target: TARGET,
  });
}

/** Each client adds areas to a regional group of its own, so no two clients write one stream. */
async function addAreaSender(post: Post, clients: number): Promise<Send> {
  const groupIds: string[] = [];
  for (let n = 1; n <= clients; n += 1) {
    const data = await post(ESTABLISH, {
      input: { name: `Bench Group ${n}`, establishedOn: '2020-01-01', areas: [{ name: `Bench ${n} Area 0` }] },
    });
    groupIds.push(data.establishRegionalGroup.id as string);
  }
  let added = 0;
  return (client) => {
    added += 1;
    return post(ADD_AREA, {
      input: { groupId: groupIds[client], name: `Bench Area ${added}`, addedOn: '2024-01-01', coveringPartnerIds: [] },
    });
  };
}

export async function graphqlRateBench(): Promise<BenchResult[]> {
  const requests = envInt('BENCH_REQUESTS', DEFAULT_REQUESTS);
  const clients = envInt('BENCH_CLIENTS', DEFAULT_CLIENTS);
  return withTempDir('bench-graphql', async (dir) => {
    const app = await createApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '0' }));
    try {
      await app.listen(0, '127.0.0.1');
      const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
      const { personId } = await app
        .get(CommandBus)
        .execute<InitialisePlatformCommand, { personId: string }>(
          new InitialisePlatformCommand({ name: 'Bench Administrator', email: null, subject: null }),
        );
      const token = await mintToken(app.get<SigningKey>(SIGNING_KEY), { subject: personId, name: 'Bench' });
      const post: Post = async (query, variables = {}) => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as {
          data: Record<string, { id?: string }>;
          errors?: { message: string }[];
        };
        if (body.errors) throw new Error(`${BENCH}: ${body.errors[0].message}`);
        return body.data;
      };
      let registered = 0;
      const register = () => {
        registered += 1;
        return post(REGISTER, {
          input: { name: `Bench Colleague ${registered}`, email: `bench.colleague.${registered}@partnership.example` },
        });
      };
      const trivial = () => post(TRIVIAL);
      const oneClient = await measure(BENCH, { label: 'registerPerson', send: register }, trivial, requests, 1);
      console.log('');
      const addArea = await addAreaSender(post, clients);
      const concurrent = await measure(
        CONCURRENT_BENCH,
        { label: 'addArea', send: addArea },
        trivial,
        requests,
        clients,
      );
      return [oneClient, concurrent];
    } finally {
      await app.close();
    }
  });
}

if (require.main === module) runMain(graphqlRateBench);

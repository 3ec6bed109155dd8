import { CommandBus } from '@nestjs/cqrs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig, mintToken, SigningKey } from '@app/platform';
import { InitialisePlatformCommand } from '../apps/api/src/access/initialise-platform.command';
import { createApp } from '../apps/api/src/create-app';
import { SIGNING_KEY } from '../apps/api/src/infrastructure/injection-tokens';
import { BenchResult, envInt, formatNumber, median, printRound, report, runMain, timed, withTempDir } from './measure';

/**
 * GraphQL mutations per second against the same server's trivial query, over HTTP from one
 * client sending one request at a time: the api on the embedded store in a fresh DATA_DIR, the
 * mutation `registerPerson` (validated, decided, appended durably, projected before it answers),
 * the query `{ __typename }` (the HTTP, authentication and GraphQL layers and nothing else).
 */

const BENCH = 'graphql-mutation-rate';
const TARGET = 0.5;
const ROUNDS = 3;
const WARM_UP = 50;
const DEFAULT_REQUESTS = 300;

const REGISTER = 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { personId } }';

export async function graphqlRateBench(): Promise<BenchResult> {
  const requests = envInt('BENCH_REQUESTS', DEFAULT_REQUESTS);
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
      const post = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { errors?: { message: string }[] };
        if (body.errors) throw new Error(`${BENCH}: ${body.errors[0].message}`);
      };
      let registered = 0;
      const mutate = () => {
        registered += 1;
        return post(REGISTER, {
          input: { name: `Bench Colleague ${registered}`, email: `bench.colleague.${registered}@partnership.example` },
        });
      };
      const trivial = () => post('{ __typename }');
      const run = async (send: () => Promise<void>, count: number) => {
        for (let n = 0; n < count; n += 1) await send();
      };
      await run(mutate, WARM_UP);
      await run(trivial, WARM_UP);
      console.log(
        `${BENCH}: ${ROUNDS} rounds x ${formatNumber(requests)} requests one at a time (after ${WARM_UP} untimed), ` +
          'registerPerson against { __typename }, embedded store',
      );
      const mutationRates: number[] = [];
      const queryRates: number[] = [];
      for (let round = 1; round <= ROUNDS; round += 1) {
        // Alternate which goes first so drift on a shared machine favours neither side.
        const order = round % 2 === 1 ? (['query', 'mutation'] as const) : (['mutation', 'query'] as const);
        for (const kind of order) {
          const { seconds } = await timed(() => run(kind === 'query' ? trivial : mutate, requests));
          (kind === 'query' ? queryRates : mutationRates).push(printRound(BENCH, round, kind, requests, seconds));
        }
      }
      return report({
        bench: BENCH,
        unit: 'requests/s',
        valueLabel: 'registerPerson',
        value: median(mutationRates),
        baselineLabel: '{ __typename }',
        baseline: median(queryRates),
        target: TARGET,
      });
    } finally {
      await app.close();
    }
  });
}

if (require.main === module) runMain(graphqlRateBench);

import { appendBench } from './append.bench';
import { asAtBench } from './as-at.bench';
import { commandCostBench } from './command-cost.bench';
import { graphqlRateBench } from './graphql-rate.bench';
import { historyBench } from './history.bench';
import { postgresAppendBench } from './postgres-append.bench';
import { rebuildBench } from './rebuild.bench';
import { startupBench } from './startup.bench';
import { runMain } from './measure';

/** Every benchmark in sequence (the PostgreSQL one when DATABASE_URL is set); each ends its output with its own JSON line (the history bench, one per filter; the as-at bench, one for asAt and one for asRecordedAt; the command-cost bench, one per command; the start-up bench, time and peak memory of a cold and a warm start). */
runMain(async () => {
  await appendBench();
  console.log('');
  await postgresAppendBench();
  console.log('');
  await rebuildBench();
  console.log('');
  await historyBench();
  console.log('');
  await asAtBench();
  console.log('');
  await commandCostBench();
  console.log('');
  await graphqlRateBench();
  console.log('');
  await startupBench();
});

import { appendBench } from './append.bench';
import { rebuildBench } from './rebuild.bench';
import { runMain } from './measure';

/** Both benchmarks in sequence; each ends its output with its own JSON line. */
runMain(async () => {
  await appendBench();
  console.log('');
  await rebuildBench();
});

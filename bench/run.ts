import { appendBench } from './append.bench';
import { historyBench } from './history.bench';
import { rebuildBench } from './rebuild.bench';
import { runMain } from './measure';

/** Every benchmark in sequence; each ends its output with its own JSON line (the history bench, one per filter). */
runMain(async () => {
  await appendBench();
  console.log('');
  await rebuildBench();
  console.log('');
  await historyBench();
});

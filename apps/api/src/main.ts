import 'reflect-metadata';
import { ConfigurationError, JsonLogger, loadConfig } from '@app/platform';
import { createApp } from './create-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new JsonLogger(config.logLevel).log(
    { msg: 'Listening', url: `http://${config.host}:${config.port}/graphql`, store: config.eventStore.kind },
    'Main',
  );
}

void main();

import { INestApplication } from '@nestjs/common';
import { AppConfig, ConfigurationError, loadConfig } from '@app/platform';
import { createApp } from '../../api/src/create-app';

/** Configuration as the api reads it, with a readable exit instead of a stack trace. */
export function configOrExit(overrides: NodeJS.ProcessEnv = {}): AppConfig {
  try {
    return loadConfig({ ...process.env, ...overrides });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** The api's own modules, initialised but not listening: the CLI sends the same commands users send. */
export async function withApp<T>(config: AppConfig, work: (app: INestApplication) => Promise<T>): Promise<T> {
  const app = await createApp({ ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  await app.init();
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

import { INestApplication } from '@nestjs/common';
import { AppConfig, ConfigurationError, loadConfig } from '@app/platform';
import { ProjectionRunner, ReadDatabaseBusyError } from '@app/read-models';
import { createApp } from '../../api/src/create-app';

/** A command stopped for a reason the operator can act on: printed as its message alone, without a stack. */
export class CommandStoppedError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'CommandStoppedError';
  }
}

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

/** When a command stopped on read.db may be sent again. */
const ONCE_FREE =
  'once the service has caught up (at start-up it logs "Listening" when it has; /health gives the read ' +
  "models' lag) or the other command has finished";

/**
 * The api's own modules, initialised but not listening: the CLI sends the same commands users send.
 * Its projection runner writes to read.db beside the service's; when the service holds the file
 * longer than SQLite waits, the command stops with what holds it and what to do.
 */
export async function withApp<T>(config: AppConfig, work: (app: INestApplication) => Promise<T>): Promise<T> {
  const app = await createApp(
    { ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel },
    { command: true },
  );
  try {
    await app.init();
  } catch (error) {
    await app.close();
    throw explainedBusy(error, `The command did not run: run it again ${ONCE_FREE}.`);
  }
  try {
    return await work(app);
  } catch (error) {
    // A command refused because the runner stopped on the lock says only that the read side stopped.
    const stopped = app.get(ProjectionRunner).error;
    throw explainedBusy(
      stopped instanceof ReadDatabaseBusyError ? stopped : error,
      'A change the command recorded before it stopped is kept in the event log, and the service applies it ' +
        `to read.db: ${ONCE_FREE}, look for it before running the command again.`,
    );
  } finally {
    await app.close();
  }
}

function explainedBusy(error: unknown, whatToDo: string): unknown {
  if (!(error instanceof ReadDatabaseBusyError)) return error;
  return new CommandStoppedError(`${error.message} ${whatToDo}`, { cause: error });
}

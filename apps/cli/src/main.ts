import 'reflect-metadata';
import { DomainError } from '@app/domain';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../../api/src/create-app';
import { CommandStoppedError, configOrExit, withApp } from './app-context';
import { calendarSubscriptionText } from './commands/calendar-subscription';
import { exportHistory } from './commands/export.command';
import { signHead } from './commands/head.command';
import { init } from './commands/init.command';
import { replayCheck } from './commands/replay.command';
import { printServedSchema } from './commands/schema.command';
import { calendarTokenFor, tokenFor } from './commands/token.command';
import { verify } from './commands/verify.command';
import { loadDemo } from './demo/demo';
import { demoDataDir, prepareDemoStore } from './demo/demo-store';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  init --name <name> [--email <e-mail>] [--subject <oidc subject>]
                       record the platform's first administrator
  token <person> [--expires 12h]
                       mint a bearer token for a person (id, subject, e-mail or name);
                       it may last at most 30 days
  calendar-token <person>
                       issue a calendar token: it reads only the calendars of the groups
                       the person may read, lasts until revoked (revokeCalendarToken)
  verify [--witness <head.json>] [--key <jwk.json>]
                       check every stream's hash chain and, with a witness, that the store still
                       matches a signed head kept elsewhere; exit 1 naming what failed
  head [--out <head.json>]
                       sign, record and write a head of the transparency log (stdout by default)
  export [--out <file>] write the whole history as JSON Lines (stdout by default)
  replay --check       rebuild every read model from the log into a fresh database and compare it
                       row by row with read.db; exit 1 naming each differing table and key
  schema [--out schema.gql]
                       write the GraphQL schema the api serves
  demo                 fresh store in DATA_DIR (./data/demo when unset) with the Avon and Somerset
                       example, then serve it (only ever replaces a directory an earlier demo made)

Configuration comes from the environment (DATA_DIR, EVENT_STORE, ...) as for the api.`;

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '12h' },
      out: { type: 'string' },
      witness: { type: 'string' },
      key: { type: 'string' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }

  switch (command) {
    case 'init': {
      if (!values.name) throw new DomainError('VALIDATION_FAILED', 'init needs --name "<the administrator\'s name>".');
      const personId = await init(configOrExit(), {
        name: values.name,
        email: values.email ?? null,
        subject: values.subject ?? null,
      });
      process.stdout.write(
        `Administrator recorded: ${personId}\nMint a token with: npm run cli -- token ${personId}\n`,
      );
      return 0;
    }
    case 'token': {
      if (rest.length !== 1)
        throw new DomainError('VALIDATION_FAILED', 'token needs exactly one person: an id, subject, e-mail or name.');
      const token = await withApp(configOrExit(), (app) => tokenFor(app, rest[0], values.expires));
      process.stdout.write(`${token}\n`);
      return 0;
    }
    case 'calendar-token': {
      if (rest.length !== 1)
        throw new DomainError(
          'VALIDATION_FAILED',
          'calendar-token needs exactly one person: an id, subject, e-mail or name.',
        );
      const config = configOrExit();
      const issued = await withApp(config, (app) => calendarTokenFor(app, rest[0]));
      process.stdout.write(calendarSubscriptionText(issued, config.publicUrl));
      return 0;
    }
    case 'verify':
      return verify(configOrExit(), { witness: values.witness ?? null, key: values.key ?? null });
    case 'head':
      return signHead(configOrExit(), values.out ?? null);
    case 'replay':
      if (!values.check) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'replay needs --check: it rebuilds the read models and compares them.',
        );
      }
      return replayCheck(configOrExit());
    case 'export':
      await exportHistory(configOrExit(), values.out ?? null);
      return 0;
    case 'schema': {
      const schema = await withApp(
        configOrExit({ DATA_DIR: join(resolve('data'), `schema-${process.pid}`) }),
        async (app) => printServedSchema(app),
      );
      rmSync(join(resolve('data'), `schema-${process.pid}`), { recursive: true, force: true });
      writeFileSync(values.out ?? 'schema.gql', schema);
      process.stdout.write(`wrote ${values.out ?? 'schema.gql'}\n`);
      return 0;
    }
    case 'demo':
      await demo();
      return 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 2;
  }
}

/** Fresh data every time, in DATA_DIR or ./data/demo, then the example loaded through the api it serves. */
async function demo(): Promise<void> {
  const dataDir = demoDataDir(process.env);
  prepareDemoStore(dataDir);
  const config = configOrExit({ LOG_LEVEL: 'warn', ...process.env, DATA_DIR: dataDir });
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/graphql`;
  const { groupId, tokens } = await loadDemo(app, url);
  const tokensFile = join(dataDir, 'tokens.json');
  writeFileSync(tokensFile, `${JSON.stringify(tokens, null, 2)}\n`);
  process.stdout.write(
    [
      '',
      `Avon and Somerset demo is being served at ${url} (GraphiQL in a browser)`,
      `Pages for people: ${url.replace(/\/graphql$/, '/')} (sign in as any of the tokens below)`,
      `Regional group id: ${groupId}`,
      `Data (event store, read models, keys): ${dataDir}`,
      `Tokens (also in ${tokensFile}); send one as "Authorization: Bearer <token>":`,
      ...Object.entries(tokens).map(([who, token]) => `  ${who}: ${token}`),
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

/** What the operator reads when a command fails: a sentence when it is theirs to act on, a stack otherwise. */
function failureOf(error: unknown): string | undefined {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  if (error instanceof CommandStoppedError) return error.message;
  return error instanceof Error ? error.stack : String(error);
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || !process.argv.includes('demo')) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${failureOf(error)}\n`);
    process.exit(1);
  },
);

import Database from 'better-sqlite3';
import { decodeJwt } from 'jose';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppConfig, embeddedTokenVerifier, loadConfig, loadOrCreateSigningKey } from '@app/platform';
import { CommandStoppedError, withApp } from '../apps/cli/src/app-context';
import { exportHistory } from '../apps/cli/src/commands/export.command';
import { init } from '../apps/cli/src/commands/init.command';
import { calendarTokenFor, tokenFor } from '../apps/cli/src/commands/token.command';
import { Authenticator } from '../apps/api/src/auth/authenticator';
import { verify } from '../apps/cli/src/commands/verify.command';
import { demoDataDir, prepareDemoStore } from '../apps/cli/src/demo/demo-store';
import { createEventStore } from '../apps/api/src/infrastructure/create-event-store';

describe('the command-line tool', () => {
  let dir: string;
  let config: AppConfig;
  let printed: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-'));
    config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    printed = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the first administrator once, and mints tokens only for people it knows', async () => {
    const personId = await init(config, { name: 'Jo Admin', email: 'jo@asssp.example', subject: null });
    await expect(init(config, { name: 'Second Admin', email: null, subject: null })).rejects.toMatchObject({
      code: 'ALREADY_INITIALISED',
    });

    const token = await withApp(config, (app) => tokenFor(app, 'jo@asssp.example', '1h'));
    const verifier = embeddedTokenVerifier(await loadOrCreateSigningKey(dir));
    // The token lasts the hour asked for (a second less if the clock ticked while it was made).
    const { iat, exp } = decodeJwt(token) as { iat: number; exp: number };
    expect(exp - iat).toBeGreaterThanOrEqual(3599);
    expect(exp - iat).toBeLessThanOrEqual(3600);
    await expect(verifier.verify(token)).resolves.toEqual({ subject: personId, expiresAt: new Date(exp * 1000) });
    await expect(withApp(config, (app) => tokenFor(app, 'Nobody Known', '1h'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses to mint a token lasting more than 30 days, saying so', async () => {
    await init(config, { name: 'Jo Admin', email: 'jo@asssp.example', subject: null });
    await expect(withApp(config, (app) => tokenFor(app, 'jo@asssp.example', '31d'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'A token may last at most 30 days; "31d" is longer. Mint a shorter one and a new one when it expires.',
    });
  });

  it('issues a calendar token, recorded in the access stream by the hash of its secret only', async () => {
    const personId = await init(config, { name: 'Jo Admin', email: 'jo@asssp.example', subject: null });
    const { issued, known } = await withApp(config, async (app) => {
      const issued = await calendarTokenFor(app, 'Jo Admin');
      return { issued, known: app.get(Authenticator).identifyCalendarReader(issued.token) };
    });
    expect(issued).toMatchObject({
      personId,
      personName: 'Jo Admin',
      groupIds: [],
      token: expect.stringMatching(/^cal_/),
    });
    expect(known?.personId).toBe(personId);
    const file = join(dir, 'history.jsonl');
    await exportHistory(config, file);
    const history = readFileSync(file, 'utf8');
    expect(history).toContain('"CalendarTokenIssued"');
    expect(history).not.toContain(issued.token);
    await expect(withApp(config, (app) => calendarTokenFor(app, 'Nobody Known'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a witness file that is not there, saying so rather than the system error', async () => {
    await init(config, { name: 'Jo Admin', email: null, subject: null });
    const missing = join(dir, 'no-such-head.json');
    await expect(verify(config, { witness: missing })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `The witness ${missing} could not be read: there is no such file. Give the path of a head.json you kept.`,
    });
  });

  it('verifies the hash chains, and names the stream whose event was altered with plain SQL', async () => {
    await init(config, { name: 'Jo Admin', email: null, subject: null });
    expect(await verify(config)).toBe(0);
    expect(printed).toMatch(/ok: 2 events in 1 streams/);

    const raw = new Database(join(dir, 'events.db'));
    raw.prepare(`UPDATE events SET data = json_set(data, '$.name', 'Mallory') WHERE type = 'PersonRegistered'`).run();
    raw.close();
    printed = '';
    expect(await verify(config)).toBe(1);
    expect(printed).toMatch(/BROKEN: 1 of 1 streams/);
    expect(printed).toMatch(/access-platform at revision 0 .*altered/);
  });

  describe('given the service holding read.db while it catches up (another connection in a write transaction)', () => {
    let holder: Database.Database;
    beforeEach(async () => {
      const at = (time: string) => loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', CLOCK_NOW: `2026-11-23T${time}Z` });
      await init(at('09:00:00'), { name: 'Jo Admin', email: null, subject: null });
      // The day's tree head, signed as an app starts after the first change: not due again that day,
      // so the command's app starts without recording anything.
      await withApp(at('09:30:00'), async () => undefined);
      config = at('10:00:00');
      holder = new Database(join(dir, 'read.db'));
      holder.exec('BEGIN IMMEDIATE');
    });
    afterEach(() => holder.close());
    /** The command stopped after SQLite's wait for read.db, saying what holds it and what to do, without a stack. */
    const stoppedOnReadDb = (whatToDo: string) =>
      expect.objectContaining({
        constructor: CommandStoppedError,
        message: expect.stringMatching(
          new RegExp(
            `^The read database ${join(dir, 'read.db')} stayed locked for 5 s: another process on the same file is writing to it, such as the service .* ${whatToDo}.* once the service has caught up .* or the other command has finished`,
          ),
        ),
      });

    it('when a command starts with events for read.db to catch up with, then it stops saying so and that it did not run', async () => {
      const store = createEventStore(config);
      await store.append('counter-1', [{ id: 'e-1', type: 'Counted', data: { n: 1 }, metadata: {} }], {
        expectedRevision: 'no_stream',
      });
      await store.close();
      await expect(withApp(config, (app) => calendarTokenFor(app, 'Jo Admin'))).rejects.toEqual(
        stoppedOnReadDb('The command did not run: run it again'),
      );
    });

    it('when the change it recorded cannot reach read.db, then it stops saying so and that the change is kept in the log', async () => {
      await expect(withApp(config, (app) => calendarTokenFor(app, 'Jo Admin'))).rejects.toEqual(
        stoppedOnReadDb('A change the command recorded before it stopped is kept in the event log'),
      );
      holder.exec('ROLLBACK');
      const file = join(dir, 'history.jsonl');
      await exportHistory(config, file);
      expect(readFileSync(file, 'utf8')).toContain('"CalendarTokenIssued"');
    });
  });

  it('exports the whole history as JSON Lines in global order', async () => {
    await init(config, { name: 'Jo Admin', email: null, subject: null });
    const file = join(dir, 'history.jsonl');
    await exportHistory(config, file);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((event) => [event.position, event.type])).toEqual([
      [1, 'PersonRegistered'],
      [2, 'RoleGranted'],
    ]);
    expect(lines[0].metadata).toMatchObject({ actor: { personId: 'system' }, hash: expect.any(String) });
  });

  it('puts the demo in DATA_DIR when it is set, in ./data/demo otherwise', () => {
    expect(demoDataDir({ DATA_DIR: join(dir, 'asssp') })).toBe(join(dir, 'asssp'));
    expect(demoDataDir({})).toBe(resolve('data', 'demo'));
  });

  it('replaces a directory an earlier demo made, and refuses one holding anything else', () => {
    const demoDir = join(dir, 'asssp');
    prepareDemoStore(demoDir);
    writeFileSync(join(demoDir, 'events.db'), 'the previous demo');
    prepareDemoStore(demoDir);
    expect(readdirSync(demoDir)).toEqual(['.demo-store']);

    const store = join(dir, 'real-store');
    mkdirSync(store);
    writeFileSync(join(store, 'events.db'), 'a real store');
    expect(() => prepareDemoStore(store)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: `${store} holds data the demo did not create; move it away to run the demo.`,
      }),
    );
    expect(existsSync(join(store, 'events.db'))).toBe(true);
  });
});

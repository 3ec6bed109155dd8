import Database from 'better-sqlite3';
import { REDACTIONS_STREAM } from '@app/domain';
import { AppConfig } from '@app/platform';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '../apps/cli/src/commands/verify.command';
import { TestApp } from './support/test-app';

interface FixtureRow {
  event_id: string;
  stream_id: string;
  type: string;
  data: string;
}

/** The events table of a store written before free text was sealed, by the code of that time. */
const FIXTURE = JSON.parse(readFileSync(join(__dirname, 'fixtures/pre-sealing-events.json'), 'utf8')) as FixtureRow[];
const rowOf = (type: string) => FIXTURE.find((row) => row.type === type) as FixtureRow;
const OLD_TEXT = 'Tyler Jones at Hillside Primary';
const NEW_TEXT = 'Ask Kayden Price’s school';
const REASON = 'It names a child (R40)';
const REDACT =
  'mutation($i: RedactEventFieldInput!) { redactEventField(input: $i) { id eventId streamId field reason redactedBy redactedAt } }';

/** The files of the data directory whose name starts with `prefix` (a database and its write-ahead log), as bytes. */
function bytesOf(dir: string, prefix: string): Buffer {
  return Buffer.concat(
    readdirSync(dir)
      .filter((name) => name.startsWith(prefix))
      .map((name) => readFileSync(join(dir, name))),
  );
}

describe('redaction (A7, R40) over a store made before free text was sealed', () => {
  let api: TestApp;
  let dir: string;
  let printed: string;
  const drafted = rowOf('PolicyDrafted');
  const policyId = drafted.stream_id.replace('policy-', '');
  const groupId = (JSON.parse(rowOf('RegionalGroupEstablished').data) as { groupId: string }).groupId;
  const areaIds = (JSON.parse(rowOf('RegionalGroupEstablished').data) as { areas: { areaId: string }[] }).areas.map(
    (area) => area.areaId,
  );
  const adminId = (JSON.parse(rowOf('PersonRegistered').data) as { personId: string }).personId;

  const send = async (query: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await api.graphql(query, variables);
    if (errors) throw new Error(`${errors[0].extensions?.code}: ${errors[0].message}`);
    return data ?? {};
  };
  const views = async () => {
    const { policy, areaFeed } = await send(
      `query($p: ID!, $a: ID!) {
         policy(id: $p) { draft { title body summary } }
         areaFeed(areaId: $a, first: 100) { edges { node { kind title } } }
       }`,
      { p: policyId, a: areaIds[0] },
    );
    return {
      draft: policy.draft as { title: string; body: string; summary: string },
      feed: (areaFeed.edges as { node: { kind: string; title: string } }[]).map((edge) => edge.node),
    };
  };
  const verifyPrinting = async (config: AppConfig) => {
    printed = '';
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      return await verify(config);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redaction-e2e-'));
    const raw = new Database(join(dir, 'events.db'));
    raw.exec(`CREATE TABLE events (
      position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
      recorded_at TEXT NOT NULL, UNIQUE (stream_id, revision))`);
    const insert = raw.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const row of FIXTURE) insert.run(...Object.values(row));
    raw.close();
    api = await TestApp.startOn(dir, adminId, { CLOCK_NOW: '2026-11-24T09:00:00.000Z' });
    // Area feeds are for auditors, not administrators (R43): the administrator checks the views as an auditor too.
    await send('mutation($i: RoleInput!) { grantRole(input: $i) { personId } }', {
      i: { personId: adminId, role: 'AUDITOR' },
    });
  });
  afterAll(async () => api.stop());

  it('migrates the old store, which still verifies and shows its text', async () => {
    expect(await verifyPrinting(api.config)).toBe(0);
    expect(printed).toMatch(/every hash chain intact/);
    expect((await views()).draft.body).toContain(OLD_TEXT);
  });

  it('redacts a field of an old event and one of a new event: every view shows "[redacted]", verify passes and reports them, and the text is gone from the files', async () => {
    const { issueRegionalCommunication } = await send(
      'mutation($i: IssueRegionalCommunicationInput!) { issueRegionalCommunication(input: $i) { id } }',
      { i: { groupId, title: NEW_TEXT, body: 'Please cascade.', areaIds, cascadeBy: '2026-12-05' } },
    );
    const issued = (await api.store.readStream(`communication-${issueRegionalCommunication.id}`))[0];
    expect((await views()).feed).toContainEqual({
      kind: 'COMMUNICATION',
      title: `${NEW_TEXT} (cascade by 2026-12-05)`,
    });

    const old = await send(REDACT, { i: { eventId: drafted.event_id, field: 'body', reason: REASON } });
    expect(old.redactEventField).toMatchObject({
      eventId: drafted.event_id,
      streamId: drafted.stream_id,
      field: 'body',
      reason: REASON,
      redactedBy: adminId,
      redactedAt: expect.stringMatching(/^2026-11-24T09:/),
    });
    await send(REDACT, { i: { eventId: issued.id, field: 'title', reason: REASON } });

    const { draft, feed } = await views();
    expect(draft).toEqual({
      title: 'Escalation procedure',
      body: '[redacted]',
      summary: 'How partners escalate disagreements.',
    });
    expect(feed).toContainEqual({ kind: 'COMMUNICATION', title: '[redacted] (cascade by 2026-12-05)' });
    expect(JSON.stringify(feed)).not.toContain('Kayden');

    expect(await verifyPrinting(api.config)).toBe(0);
    expect(printed).toMatch(/every hash chain intact/);
    expect(printed).toContain(
      `body of event ${drafted.event_id} in ${drafted.stream_id}, by ${adminId} at 2026-11-24T09:`,
    );
    expect(printed).toContain(`because: ${REASON} (recorded before text was sealed: re-anchored)`);
    expect(printed).toContain(`title of event ${issued.id} in communication-${issueRegionalCommunication.id}`);

    for (const text of [OLD_TEXT, 'Kayden Price']) {
      expect(bytesOf(dir, 'events.db').includes(text)).toBe(false);
      expect(bytesOf(dir, 'read.db').includes(text)).toBe(false);
    }
  });

  it('refuses anyone but an administrator, a field that is not free text, and a second redaction, writing nothing', async () => {
    const before = (await api.store.readStream(REDACTIONS_STREAM)).length;
    const stranger = await api.registerPersonWithoutRoles('Someone Else');
    const refused = async (input: Record<string, unknown>, token?: string) =>
      (
        await api.graphql(
          REDACT,
          { i: { eventId: drafted.event_id, field: 'summary', reason: REASON, ...input } },
          token,
        )
      ).errors?.[0];
    expect((await refused({}, stranger))?.extensions?.code).toBe('FORBIDDEN');
    expect(await refused({ field: 'groupId' })).toMatchObject({
      extensions: { code: 'VALIDATION_FAILED' },
      message:
        'groupId is not a free-text field of a PolicyDrafted event; its free-text fields are title, body, summary.',
    });
    expect((await refused({ field: 'body' }))?.extensions?.code).toBe('ALREADY_REDACTED');
    expect((await refused({ eventId: '00000000-0000-4000-8000-000000000000' }))?.extensions?.code).toBe('NOT_FOUND');
    expect((await refused({ field: 'no such field!' }))?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await api.store.readStream(REDACTIONS_STREAM)).toHaveLength(before);
  });

  it('shows the text redacted after a restart, and after the read models are rebuilt from nothing', async () => {
    api = await api.restart({ CLOCK_NOW: '2026-11-24T09:00:00.000Z' });
    expect((await views()).draft.body).toBe('[redacted]');
    await api.app.close();
    for (const name of readdirSync(dir).filter((file) => file.startsWith('read.db'))) rmSync(join(dir, name));
    api = await TestApp.startOn(dir, adminId, { CLOCK_NOW: '2026-11-24T09:00:00.000Z' });
    const { draft, feed } = await views();
    expect(draft.body).toBe('[redacted]');
    expect(feed).toContainEqual({ kind: 'COMMUNICATION', title: '[redacted] (cascade by 2026-12-05)' });
  });
});

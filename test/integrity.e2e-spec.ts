import { INestApplication } from '@nestjs/common';
import Database from 'better-sqlite3';
import { importJWK, JWK, KeyLike } from 'jose';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSignedTreeHead, SignedTreeHead, treeHeadSignatureProblem, verifyConsistency } from '@app/event-store';
import { alterEventAndRechain } from '@app/event-store/testing/rechain-with-sql';
import { AppConfig, loadConfig, mintToken, SigningKey } from '@app/platform';
import { signHead } from '../apps/cli/src/commands/head.command';
import { verify } from '../apps/cli/src/commands/verify.command';
import { createApp } from '../apps/api/src/create-app';
import { SIGNING_KEY } from '../apps/api/src/infrastructure/injection-tokens';
import { startDemoApp } from './support/demo-app';

/**
 * The insider with plain SQL on events.db (A4): a head taken before the tampering, kept
 * elsewhere, finds each edit, and the service refuses to call itself healthy afterwards.
 */
const NEXT_DAY = '2026-11-24T09:00:00.000Z';

describe('tamper evidence against a signed tree head kept elsewhere', () => {
  let pristine: string;
  let headFile: string;
  let head: SignedTreeHead;
  let bristolAreaId: string;
  let auditorId: string;
  let adminId: string;
  let printed: string;
  const dirs: string[] = [];

  const configFor = (dataDir: string): AppConfig =>
    loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', PORT: '0', CLOCK_NOW: NEXT_DAY });

  /** A copy of the store as it stood, for one attack. */
  const copyOfStore = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tamper-'));
    cpSync(pristine, dir, { recursive: true });
    dirs.push(dir);
    return dir;
  };
  const sql = (dataDir: string, statement: string) => {
    const db = new Database(join(dataDir, 'events.db'));
    db.exec(statement);
    db.close();
  };
  const one = <T>(dataDir: string, query: string): T => {
    const db = new Database(join(dataDir, 'events.db'), { readonly: true });
    const row = db.prepare(query).get() as T;
    db.close();
    return row;
  };

  /** The service started on `dataDir`, as an operator would start it after the fact. */
  const serve = async <T>(dataDir: string, work: (url: string, app: INestApplication) => Promise<T>): Promise<T> => {
    const app = await createApp(configFor(dataDir));
    try {
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      return await work(`http://127.0.0.1:${port}`, app);
    } finally {
      await app.close();
    }
  };
  const health = async (url: string) => {
    const response = await fetch(`${url}/health`);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  const verifyWithWitness = async (dataDir: string) => {
    printed = '';
    return verify(configFor(dataDir), { witness: headFile });
  };

  beforeAll(async () => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { api, demo } = await startDemoApp({ load: ['meetings'] });
    pristine = api.config.dataDir;
    auditorId = demo.personIds.auditor;
    adminId = api.adminId;
    bristolAreaId = Object.entries(demo.areaIds).find(([name]) => /bristol/i.test(name))?.[1] as string;

    // An auditor takes a head and keeps it away from the platform; the partnership carries on.
    headFile = join(mkdtempSync(join(tmpdir(), 'auditor-')), 'head.json');
    dirs.push(join(headFile, '..'));
    expect(await signHead(api.config, headFile)).toBe(0);
    head = parseSignedTreeHead(JSON.parse(readFileSync(headFile, 'utf8')));
    await api.send(
      'mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { personId } }',
      { i: { name: 'Kim Newcomer', email: 'kim@asssp.example' } },
      api.adminToken as string,
    );
    await api.app.close();
    dirs.push(pristine);
  });
  beforeEach(() => {
    printed = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
  });
  afterEach(() => (process.stdout.write as jest.Mock).mockRestore());
  afterAll(() => {
    jest.restoreAllMocks();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('holds for the untouched store, which serves the head, proofs, the key and the areas their witnesses', async () => {
    const dir = copyOfStore();
    expect(await verifyWithWitness(dir)).toBe(0);
    expect(printed).toMatch(/every hash chain intact/);
    expect(printed).toMatch(new RegExp(`witness head of ${head.timestamp} holds: the first ${head.treeSize} of`));

    // The next day the service starts, finds the store agrees with every head, and signs the day's head.
    await serve(dir, async (url, app) => {
      const { status, body } = await health(url);
      expect(status).toBe(200);
      expect(body.integrity.consistent).toBe(true);
      expect(body.integrity.signedTreeSize).toBeGreaterThan(head.treeSize);

      const token = await mintToken(app.get<SigningKey>(SIGNING_KEY), {
        subject: auditorId,
        name: 'Independent Scrutineer',
      });
      const ask = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as { data?: any; errors?: any[] };
      };
      // The auditor asks for the newest head and a proof that the head they kept is a prefix of it.
      const { data } = await ask(
        'query($from: Int!) { integrity { head { treeSize rootHash timestamp keyId signature } consistencyProof(from: $from) { fromSize toSize hashes } } }',
        { from: head.treeSize },
      );
      const newest = parseSignedTreeHead(data.integrity.head);
      expect(newest.timestamp.slice(0, 10)).toBe('2026-11-24');
      const proof = data.integrity.consistencyProof;
      expect(proof).toMatchObject({ fromSize: head.treeSize, toSize: newest.treeSize });
      const hashes = proof.hashes.map((h: string) => Buffer.from(h, 'hex'));
      const [kept, now] = [Buffer.from(head.rootHash, 'hex'), Buffer.from(newest.rootHash, 'hex')];
      expect(verifyConsistency(head.treeSize, newest.treeSize, kept, now, hashes)).toBe(true);
      expect(verifyConsistency(head.treeSize, newest.treeSize, Buffer.alloc(32), now, hashes)).toBe(false);

      const jwk = (await (await fetch(`${url}/.well-known/transparency-log-key`)).json()) as JWK;
      expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid: head.keyId, alg: 'ES256' });
      expect(jwk.d).toBeUndefined();
      const publicKey = (await importJWK(jwk, 'ES256')) as KeyLike;
      expect(await treeHeadSignatureProblem(head, publicKey)).toBeNull();
      expect(await treeHeadSignatureProblem(newest, publicKey)).toBeNull();

      const refused = await ask('{ integrity { consistencyProof(from: 0) { toSize } } }');
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/between 1 and/),
        extensions: { code: 'VALIDATION_FAILED' },
      });

      const feed = await ask(
        'query($a: ID!) { areaFeed(areaId: $a, first: 100) { edges { node { kind treeHead { treeSize rootHash signature } } } } }',
        { a: bristolAreaId },
      );
      const heads = feed.data.areaFeed.edges.filter((e: any) => e.node.kind === 'TREE_HEAD');
      expect(heads.map((e: any) => e.node.treeHead)).toEqual(
        [head, newest].map(({ treeSize, rootHash, signature }) => ({ treeSize, rootHash, signature })),
      );
    });
  });

  it('finds the last event of a stream deleted', async () => {
    const dir = copyOfStore();
    const { streamId } = one<{ streamId: string }>(
      dir,
      `SELECT stream_id AS streamId FROM events WHERE position <= ${head.treeSize} AND stream_id LIKE 'meeting-%' LIMIT 1`,
    );
    sql(
      dir,
      `DELETE FROM events WHERE stream_id = '${streamId}' AND revision = (SELECT MAX(revision) FROM events WHERE stream_id = '${streamId}')`,
    );
    expect(await verifyWithWitness(dir)).toBe(1);
    // The hash chains cannot see a stream cut short; the head can.
    expect(printed).toMatch(/every hash chain intact/);
    expect(printed).toMatch(/WITNESS FAILED/);
    expect(printed).toMatch(new RegExp(`first ${head.treeSize} events no longer have the root`));
    await serve(dir, async (url) => expect((await health(url)).status).toBe(503));
  });

  it('finds a whole stream deleted', async () => {
    const dir = copyOfStore();
    const { streamId } = one<{ streamId: string }>(
      dir,
      `SELECT stream_id AS streamId FROM events WHERE type = 'MeetingScheduled' ORDER BY position DESC LIMIT 1`,
    );
    sql(dir, `DELETE FROM events WHERE stream_id = '${streamId}'`);
    expect(await verifyWithWitness(dir)).toBe(1);
    expect(printed).toMatch(/every hash chain intact/);
    expect(printed).toMatch(/WITNESS FAILED/);
    expect(printed).toMatch(/no longer have the root|events were removed/);
    await serve(dir, async (url) => {
      const { status, body } = await health(url);
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'unavailable', integrity: { consistent: false } });
    });
  });

  it('finds a decision altered with its stream’s chain recomputed, which the service would otherwise serve', async () => {
    const dir = copyOfStore();
    const decision = one<{ streamId: string; revision: number }>(
      dir,
      `SELECT stream_id AS streamId, revision FROM events WHERE type = 'DecisionRecorded' ORDER BY position LIMIT 1`,
    );
    alterEventAndRechain(join(dir, 'events.db'), decision.streamId, decision.revision, (data) => ({
      ...data,
      text: 'The partnership agreed to stop all joint work.',
    }));
    expect(await verifyWithWitness(dir)).toBe(1);
    expect(printed).toMatch(/every hash chain intact/);
    expect(printed).toMatch(new RegExp(`first ${head.treeSize} events no longer have the root`));
    await serve(dir, async (url) => expect((await health(url)).status).toBe(503));
    // The day's head was due, but the service signs nothing over a history that contradicts its heads.
    const heads = one<{ n: number }>(dir, `SELECT COUNT(*) AS n FROM events WHERE stream_id = 'transparency-log'`);
    expect(heads.n).toBe(1);
  });

  it('stops its read side, and records nothing, on a log cut back after its last head (a restore that lost no head)', async () => {
    const dir = copyOfStore();
    const before = one<{ last: number }>(dir, 'SELECT MAX(position) AS last FROM events');
    sql(dir, `DELETE FROM events WHERE position = ${before.last}`);
    for (const _ of [1, 2]) {
      await serve(dir, async (url) => {
        const { status, body } = await health(url);
        expect(status).toBe(503);
        expect(body).toMatchObject({ projections: { running: false }, integrity: { consistent: true } });
      });
      // The day's head was due; neither start signed it, so the second finds what the first found.
      expect(one<{ last: number }>(dir, 'SELECT MAX(position) AS last FROM events').last).toBe(before.last - 1);
    }
  });

  it('stops its read side, and records nothing, on the log of another copy of the store at least as long as its own', async () => {
    const register = async (url: string, app: INestApplication, name: string) => {
      const token = await mintToken(app.get<SigningKey>(SIGNING_KEY), { subject: adminId, name: 'Administrator' });
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { personId } }',
          variables: { i: { name } },
        }),
      });
      return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    };
    const lastPosition = (dataDir: string) =>
      one<{ last: number }>(dataDir, 'SELECT MAX(position) AS last FROM events').last;
    const applied = (dataDir: string) => {
      const db = new Database(join(dataDir, 'read.db'), { readonly: true });
      const rows = db.prepare('SELECT * FROM last_applied_event').all();
      db.close();
      return rows;
    };
    // Two copies of the store go their own ways the next day, each recording its own events.
    const [dir, other] = [copyOfStore(), copyOfStore()];
    await serve(dir, async (url, app) => expect((await register(url, app, 'Ash Ours')).errors).toBeUndefined());
    await serve(other, async (url, app) => {
      for (const name of ['Bea Theirs', 'Cal Theirs']) expect((await register(url, app, name)).errors).toBeUndefined();
    });
    expect(lastPosition(other)).toBeGreaterThan(lastPosition(dir));
    // The other copy's events put beside this copy's read.db, as a restore of the wrong backup would.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `events.db${suffix}`), { force: true });
    for (const suffix of ['', '-wal']) {
      if (existsSync(join(other, `events.db${suffix}`)))
        copyFileSync(join(other, `events.db${suffix}`), join(dir, `events.db${suffix}`));
    }
    const [end, before] = [lastPosition(dir), applied(dir)];
    expect(before).toHaveLength(1);

    for (const _ of [1, 2]) {
      await serve(dir, async (url, app) => {
        const { status, body } = await health(url);
        expect(status).toBe(503);
        // Stopped by the event it applied last, whatever the heads read.db keeps happen to cover.
        expect(body).toMatchObject({ projections: { running: false } });
        const refused = await register(url, app, 'Dee Late');
        expect(refused.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      });
      expect(lastPosition(dir)).toBe(end);
      expect(applied(dir)).toEqual(before);
    }
  });

  it('finds the log truncated below the head, and a head that was itself altered', async () => {
    const dir = copyOfStore();
    sql(dir, `DELETE FROM events WHERE position > ${Math.floor(head.treeSize / 2)}`);
    expect(await verifyWithWitness(dir)).toBe(1);
    expect(printed).toMatch(/every hash chain intact/);
    expect(printed).toMatch(
      new RegExp(`covers ${head.treeSize} events but the store holds ${Math.floor(head.treeSize / 2)}`),
    );
    // The head went with the tail, but the copy sent to the areas' feeds (in read.db) still finds it.
    await serve(dir, async (url) => expect((await health(url)).status).toBe(503));

    printed = '';
    const forged = join(dir, 'forged-head.json');
    writeFileSync(forged, JSON.stringify({ ...head, treeSize: head.treeSize - 1 }));
    expect(await verify(configFor(copyOfStore()), { witness: forged })).toBe(1);
    expect(printed).toMatch(/signature does not verify/);
  });
});

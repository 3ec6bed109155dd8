import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS_STREAM } from '@app/domain';
import { describeWithPostgres, dropTestSchema, freshTestSchema } from '@app/event-store/testing/postgres-test-schema';
import { mintToken, SigningKey } from '@app/platform';
import { ProjectionRunner } from '@app/read-models';
import { SIGNING_KEY } from '../apps/api/src/infrastructure/injection-tokens';
import { LOG_KEY_FILE } from '../apps/api/src/integrity/log-key';
import { NoticeScheduler } from '../apps/api/src/regional-group/notice-scheduler';
import { LoadedDemo, loadAvonAndSomerset } from '../apps/cli/src/demo/load-demo';
import { loadMeetingYear } from '../apps/cli/src/demo/meeting-year';
import { TestApp } from './support/test-app';

type FeedItem = { cursor: string; kind: string; subjectId: string };

const REGISTER = 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { personId } }';

/**
 * Two api instances on one PostgreSQL schema, as the compose `postgres` profile runs them: each
 * with its own DATA_DIR and read models, sharing the token key and the log key.
 */
describeWithPostgres('two api instances on one PostgreSQL database', (connectionString) => {
  const schema = freshTestSchema();
  const env = (clock: string) => ({
    EVENT_STORE: 'postgres',
    DATABASE_URL: connectionString,
    DATABASE_SCHEMA: schema,
    CLOCK_NOW: clock,
  });
  let a: TestApp;
  let b: TestApp;
  let demo: LoadedDemo;
  let tokenFor: (personId: string) => Promise<string>;

  /** The instance caught up with every event in the store, whichever instance recorded it. */
  const caughtUp = async (api: TestApp): Promise<TestApp> => {
    await api.app.get(ProjectionRunner).waitFor(await api.store.lastPosition());
    return api;
  };

  /**
   * Sends each operation to the two instances in turn, as the compose profile's nginx does. Each
   * instance is first brought up to the store's head: an instance answers ids from its own read
   * models, so one that has not yet seen the other's last event would not know an id it created.
   */
  const roundRobin = (): TestApp['send'] => {
    let turn = 0;
    return async (query, variables, token) => {
      turn += 1;
      return (await caughtUp(turn % 2 === 0 ? a : b)).send(query, variables, token);
    };
  };

  beforeAll(async () => {
    a = await TestApp.start(env('2026-11-23T09:00:00.000Z'));
    const dataDir = mkdtempSync(join(tmpdir(), 'safeguarding-e2e-'));
    for (const file of ['signing-key.json', LOG_KEY_FILE])
      copyFileSync(join(a.config.dataDir, file), join(dataDir, file));
    b = await TestApp.startOn(dataDir, a.adminId, env('2026-11-23T09:00:00.000Z'));
    const key = a.app.get<SigningKey>(SIGNING_KEY);
    tokenFor = (personId) => mintToken(key, { subject: personId, name: personId });
    demo = await loadAvonAndSomerset({ send: roundRobin(), administratorToken: a.adminToken as string, tokenFor });
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await dropTestSchema(connectionString, schema);
  });

  it('records commands sent to both at once, losing none, and registers an e-mail address once', async () => {
    const register = (api: TestApp, n: number, email = `colleague.${n}@asssp.example`) =>
      api.graphql(REGISTER, { input: { name: `Colleague ${n}`, email } });
    const before = (await a.store.readStream(ACCESS_STREAM)).length;
    const sent = await Promise.all(Array.from({ length: 20 }, (_, n) => register(n % 2 === 0 ? a : b, n)));
    expect(sent.map((response) => response.errors)).toEqual(Array(20).fill(undefined));
    const recorded = (await a.store.readStream(ACCESS_STREAM)).slice(before);
    expect(recorded.map((event) => event.type)).toEqual(Array(20).fill('PersonRegistered'));
    expect(new Set(recorded.map((event) => (event.data as { personId: string }).personId))).toEqual(
      new Set(sent.map((response) => response.data?.registerPerson.personId as string)),
    );

    const same = await Promise.all([a, b].map((api, n) => register(api, 20 + n, 'one.address@asssp.example')));
    expect(same.map((response) => response.errors?.[0].extensions?.code ?? 'RECORDED').sort()).toEqual([
      'ALREADY_EXISTS',
      'RECORDED',
    ]);
  });

  it('refuses, on either instance, a second partner for someone both were asked at once to appoint (R4)', async () => {
    const personId = (
      await a.send<{ registerPerson: { personId: string } }>(
        REGISTER,
        { input: { name: 'Pat Double', email: 'pat.double@asssp.example' } },
        a.adminToken as string,
      )
    ).registerPerson.personId;
    const appoint = async (api: TestApp, partner: string) =>
      (await caughtUp(api)).graphql(
        'mutation($input: AppointRepresentativeInput!) { appointRepresentative(input: $input) { group { id } } }',
        {
          input: {
            groupId: demo.groupId,
            personId,
            partnerId: demo.partnerIds[partner],
            title: 'Director',
            role: 'MEMBER',
            seniority: 'DIRECTOR',
            startDate: '2026-11-23',
          },
        },
      );
    const answers = await Promise.all([appoint(a, 'bristol'), appoint(b, 'somerset')]);
    expect(answers.map((answer) => answer.errors?.[0].extensions?.code ?? 'RECORDED').sort()).toEqual([
      'ALREADY_REPRESENTING',
      'RECORDED',
    ]);
    const events = await b.store.readStream(`regional-group-${demo.groupId}`);
    expect(
      events.filter(
        (event) =>
          event.type === 'RepresentativeAppointed' && (event.data as { personId: string }).personId === personId,
      ),
    ).toHaveLength(1);
  });

  it('delivers an area feed subscribed on each instance every item once, in order, whichever recorded it', async () => {
    const bristol = demo.areaIds.Bristol;
    const chair = await tokenFor(demo.personIds['sheila-smith']);
    const received = new Map<TestApp, FeedItem[]>([
      [a, []],
      [b, []],
    ]);
    const { data } = await a.graphql('query($a: ID!) { areaFeed(areaId: $a) { totalCount } }', { a: bristol }, chair);
    const already = data?.areaFeed.totalCount as number;
    const subscriptions = [a, b].map((api) => {
      const client = api.subscriptionClient(chair);
      const items = received.get(api) as FeedItem[];
      client.subscribe<{ areaFeed: FeedItem }>(
        {
          query: 'subscription($a: ID!) { areaFeed(areaId: $a) { cursor kind subjectId } }',
          variables: { a: bristol },
        },
        {
          next: ({ data: item }) => items.push(item?.areaFeed as FeedItem),
          error: () => undefined,
          complete: () => undefined,
        },
      );
      return client;
    });
    await loadMeetingYear({ send: roundRobin(), administratorToken: a.adminToken as string, tokenFor }, demo);

    const feedOf = async (api: TestApp): Promise<FeedItem[]> => {
      const page = await (
        await caughtUp(api)
      ).graphql(
        'query($a: ID!) { areaFeed(areaId: $a, first: 100) { pageInfo { hasNextPage } edges { node { cursor kind subjectId } } } }',
        { a: bristol },
        chair,
      );
      expect(page.errors).toBeUndefined();
      expect(page.data?.areaFeed.pageInfo.hasNextPage).toBe(false);
      return page.data?.areaFeed.edges.map((edge: { node: FeedItem }) => edge.node);
    };
    const whole = await feedOf(a);
    expect(await feedOf(b)).toEqual(whole);
    expect(whole.length - already).toBeGreaterThan(0);
    expect(whole.filter((item) => item.kind === 'MINUTES_PUBLISHED').length).toBeGreaterThan(0);
    // Jest's timeout bounds the wait; each instance delivers as its own read models catch up.
    while ([a, b].some((api) => (received.get(api) as FeedItem[]).length < whole.length))
      await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.get(a)).toEqual(whole);
    expect(received.get(b)).toEqual(whole);
    for (const client of subscriptions) await client.dispose();
  });

  it('applies a notice that has reached its date once, however many instances start and ask at once (R13)', async () => {
    const given = await a.graphql(
      'mutation($input: GiveNoticeToLeaveInput!) { giveNoticeToLeave(input: $input) { notice { id } } }',
      {
        input: {
          groupId: demo.groupId,
          partnerId: demo.partnerIds['somerset-icb'],
          givenOn: '2026-11-23',
          effectiveOn: '2027-11-23',
        },
      },
      await tokenFor(demo.personIds['sandra-corry']),
    );
    expect(given.errors).toBeUndefined();
    await caughtUp(b);

    // Both start after the date together, each asking its scheduler at start-up, then both ask again.
    [a, b] = await Promise.all([a, b].map((api) => api.restart(env('2027-11-24T09:00:00.000Z'))));
    await Promise.all([a, b].map((api) => api.app.get(NoticeScheduler).applyDueNotices()));

    const events = await a.store.readStream(`regional-group-${demo.groupId}`);
    const left = events.filter((event) => event.type === 'PartnerLeft');
    expect(left).toHaveLength(1);
    expect(left[0].metadata.actor).toMatchObject({ personId: 'system' });
    const notices = async (api: TestApp) =>
      (
        await (
          await caughtUp(api)
        ).graphql('query($id: ID!) { regionalGroup(id: $id) { notices { status } } }', {
          id: demo.groupId,
        })
      ).data?.regionalGroup.notices;
    expect(await notices(a)).toEqual([{ status: 'EFFECTIVE' }]);
    expect(await notices(b)).toEqual([{ status: 'EFFECTIVE' }]);
  });
});

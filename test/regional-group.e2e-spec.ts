import { EVENT_SCHEMA_VERSION } from '@app/domain';
import { LiveEvents } from '../apps/api/src/live/live-events';
import { TestApp, waitUntil } from './support/test-app';

const ESTABLISH = `
  mutation Establish($input: EstablishRegionalGroupInput!) {
    establishRegionalGroup(input: $input) { id name establishedAt areas { id name } }
  }`;

const AREAS = ['Bath and North East Somerset', 'Bristol', 'North Somerset', 'Somerset', 'South Gloucestershire'];
const avonAndSomerset = (overrides: Record<string, unknown> = {}) => ({
  input: {
    name: 'Avon and Somerset Strategic Safeguarding Partnership',
    areas: AREAS.map((name) => ({ name })),
    ...overrides,
  },
});

describe('establishing and reading regional groups over GraphQL', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(async () => api.stop());

  it('establishes the Avon and Somerset group with its five areas and reads it back', async () => {
    const { data, errors } = await api.graphql(ESTABLISH, avonAndSomerset());
    expect(errors).toBeUndefined();
    const group = data?.establishRegionalGroup;
    expect(group.name).toBe('Avon and Somerset Strategic Safeguarding Partnership');
    expect(group.areas.map((a: { name: string }) => a.name)).toEqual(AREAS);

    const read = await api.graphql(`query($id: ID!) { regionalGroup(id: $id) { id name areas { name } } }`, {
      id: group.id,
    });
    expect(read.data?.regionalGroup).toEqual({
      id: group.id,
      name: group.name,
      areas: AREAS.map((name) => ({ name })),
    });
  });

  it('records who established the group, from the token', async () => {
    const { data } = await api.graphql(ESTABLISH, avonAndSomerset({ name: 'Actor check group' }));
    const [event] = await api.store.readStream(`regional-group-${data?.establishRegionalGroup.id}`);
    expect(event.metadata).toMatchObject({
      actor: { personId: api.adminId, roles: ['ADMINISTRATOR'] },
      schemaVersion: EVENT_SCHEMA_VERSION,
    });
  });

  it('pages through groups with cursors', async () => {
    for (const name of ['Paging group A', 'Paging group B', 'Paging group C']) {
      await api.graphql(ESTABLISH, avonAndSomerset({ name }));
    }
    const page = `query($after: String) { regionalGroups(first: 2, after: $after) {
      totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`;
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data }: { data?: Record<string, any> } = await api.graphql(page, { after });
      if (!data) throw new Error('No page of groups.');
      names.push(...data.regionalGroups.edges.map((e: { node: { name: string } }) => e.node.name));
      if (!data.regionalGroups.pageInfo.hasNextPage) break;
      after = data.regionalGroups.pageInfo.endCursor;
    }
    expect(names).toEqual(expect.arrayContaining(['Paging group A', 'Paging group B', 'Paging group C']));
    expect(new Set(names).size).toBe(names.length);
    const bad = await api.graphql(page, { after: 'not-a-cursor' });
    expect(bad.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('says whether its quorum is the platform’s default or from terms of its own (R7, R12)', async () => {
    const { data } = await api.graphql(ESTABLISH, avonAndSomerset({ name: 'Quorum default group' }));
    const groupId: string = data?.establishRegionalGroup.id;
    const read = async () =>
      (
        await api.graphql(
          'query($id: ID!) { regionalGroup(id: $id) { establishedOn quorum { percentage platformDefault } } }',
          { id: groupId },
        )
      ).data?.regionalGroup as { establishedOn: string; quorum: { percentage: number; platformDefault: boolean } };
    const before = await read();
    expect(before.quorum).toEqual({ percentage: 66, platformDefault: true });
    // The default's own figure, adopted: only the field tells the group's terms from the platform's.
    const adopted = await api.graphql(
      'mutation($i: AdoptTermsOfReferenceInput!) { adoptTermsOfReference(input: $i) { group { id } } }',
      {
        i: {
          groupId,
          version: '1.0',
          summary: 'First terms.',
          quorumPercentage: 66,
          adoptedOn: before.establishedOn,
          acceptCoverageGap: true,
        },
      },
    );
    expect(adopted.errors).toBeUndefined();
    expect((await read()).quorum).toEqual({ percentage: 66, platformDefault: false });
  });

  it('answers NOT_FOUND for a group that does not exist', async () => {
    const { errors } = await api.graphql(`{ regionalGroup(id: "nope") { id } }`);
    expect(errors?.[0]).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
      message: expect.stringMatching(/no regional group/),
    });
  });

  it('tells a caller who they are', async () => {
    const { data } = await api.graphql(`{ me { personId name roles { role areaId } } }`);
    expect(data?.me).toEqual({
      personId: api.adminId,
      name: 'Test Administrator',
      roles: [{ role: 'ADMINISTRATOR', areaId: null }],
    });
  });

  describe('refusals, which change nothing', () => {
    const refused = async (
      variables: Record<string, unknown>,
      code: string,
      message: RegExp,
      token?: string | null,
    ) => {
      const before = await api.store.lastPosition();
      const { data, errors } = await api.graphql(ESTABLISH, variables, token);
      expect(data?.establishRegionalGroup ?? null).toBeNull();
      expect(errors?.[0].extensions?.code).toBe(code);
      expect(errors?.[0].message).toMatch(message);
      expect(JSON.stringify(errors)).not.toMatch(/stacktrace|\.ts:\d+/);
      expect(await api.store.lastPosition()).toBe(before);
    };

    it('an empty name', () =>
      refused(avonAndSomerset({ name: '   ' }), 'VALIDATION_FAILED', /group name must not be empty/));
    it('no areas', () => refused(avonAndSomerset({ areas: [] }), 'VALIDATION_FAILED', /at least one local area/));
    it('an unnamed area', () =>
      refused(avonAndSomerset({ areas: [{ name: '' }] }), 'VALIDATION_FAILED', /area name must not be empty/));
    it('duplicate area names', () =>
      refused(
        avonAndSomerset({ areas: [{ name: 'Bristol' }, { name: 'bristol' }] }),
        'VALIDATION_FAILED',
        /"bristol" appears twice/,
      ));
    it('an overlong name', () =>
      refused(avonAndSomerset({ name: 'x'.repeat(201) }), 'VALIDATION_FAILED', /at most 200 characters/));
    it('a missing field', () => refused({ input: { areas: [{ name: 'Bristol' }] } }, 'VALIDATION_FAILED', /name/));
    it('an unknown field', () => refused(avonAndSomerset({ colour: 'red' }), 'VALIDATION_FAILED', /colour/));
    it('a malformed idempotency key', () =>
      refused(avonAndSomerset({ idempotencyKey: 'a b' }), 'VALIDATION_FAILED', /idempotencyKey/));
    it('no token', () => refused(avonAndSomerset(), 'UNAUTHENTICATED', /Sign in/, null));
    it('a badly signed token', () =>
      refused(avonAndSomerset(), 'UNAUTHENTICATED', /signature/, `${api.adminToken?.slice(0, -4)}AAAA`));
    it('a caller who is not an administrator', async () => {
      const token = await api.registerPersonWithoutRoles('Someone Without Roles');
      await refused(avonAndSomerset(), 'FORBIDDEN', /Only an administrator/, token);
    });
    it('a caller who may not establish a group, told so rather than what is wrong with the input', async () => {
      const token = await api.registerPersonWithoutRoles('Someone Else Without Roles');
      // A field the schema does not have is refused by GraphQL itself, before any rule is asked.
      for (const wrong of [{ name: '   ' }, { areas: [] }, { areas: [{ name: '' }] }, { idempotencyKey: 'a b' }])
        await refused(avonAndSomerset(wrong), 'FORBIDDEN', /^Only an administrator/, token);
      await refused(avonAndSomerset({ name: '   ' }), 'UNAUTHENTICATED', /Sign in/, null);
    });
  });

  describe('idempotency keys', () => {
    it('records a retried request once and answers it the same way', async () => {
      const variables = avonAndSomerset({ name: 'Retried group', idempotencyKey: 'retry-key-0001' });
      const first = await api.graphql(ESTABLISH, variables);
      const before = await api.store.lastPosition();
      const second = await api.graphql(ESTABLISH, variables);
      expect(second.data).toEqual(first.data);
      expect(await api.store.lastPosition()).toBe(before);
    });

    it('records concurrent sends of one request once', async () => {
      const variables = avonAndSomerset({ name: 'Concurrent group', idempotencyKey: 'concurrent-key-1' });
      const before = (await api.store.lastPosition()) ?? 0;
      const results = await Promise.all(Array.from({ length: 6 }, () => api.graphql(ESTABLISH, variables)));
      expect(results.every((r) => r.errors === undefined)).toBe(true);
      expect(new Set(results.map((r) => r.data?.establishRegionalGroup.id)).size).toBe(1);
      expect((await api.store.readAll({ from: before })).length).toBe(1);
    });

    it('refuses the same key with a different input', async () => {
      await api.graphql(ESTABLISH, avonAndSomerset({ name: 'Keyed group', idempotencyKey: 'reused-key-0001' }));
      const before = await api.store.lastPosition();
      const { errors } = await api.graphql(
        ESTABLISH,
        avonAndSomerset({ name: 'Another group', idempotencyKey: 'reused-key-0001' }),
      );
      expect(errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await api.store.lastPosition()).toBe(before);
    });
  });

  describe('subscriptions over graphql-ws', () => {
    let live: LiveEvents;
    beforeAll(() => {
      live = api.app.get(LiveEvents);
    });

    it('delivers each group established after subscribing', async () => {
      const before = live.subscriberCount;
      const client = api.subscriptionClient();
      const received: string[] = [];
      let stop = () => undefined as void;
      const done = new Promise<void>((resolve, reject) => {
        stop = client.subscribe<{ regionalGroupEstablished: { name: string } }>(
          { query: 'subscription { regionalGroupEstablished { name areas { name } } }' },
          {
            next: ({ data }) => {
              received.push(data?.regionalGroupEstablished.name as string);
              if (received.length === 2) resolve();
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      await waitUntil(() => live.subscriberCount === before + 1);
      await api.graphql(ESTABLISH, avonAndSomerset({ name: 'Live group 1' }));
      await api.graphql(ESTABLISH, avonAndSomerset({ name: 'Live group 2' }));
      await done;
      stop();
      await waitUntil(() => live.subscriberCount === before);
      expect(received).toEqual(['Live group 1', 'Live group 2']);
    });

    it('stops listening as soon as the client goes away', async () => {
      const before = live.subscriberCount;
      const client = api.subscriptionClient();
      client.subscribe(
        { query: 'subscription { regionalGroupEstablished { name } }' },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
      await waitUntil(() => live.subscriberCount === before + 1);
      await client.dispose();
      await waitUntil(() => live.subscriberCount === before);
      expect(live.subscriberCount).toBe(before);
    });

    it('answers refusals over the socket with the same codes as over HTTP', async () => {
      const missing = await api.overSocket('{ regionalGroup(id: "nope") { id } }');
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const aliases = await api.overSocket(
        `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { name }`).join(' ')} }`,
      );
      expect(aliases.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});

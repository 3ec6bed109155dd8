import { serverAudits } from 'graphql-http';
import { mintToken, SigningKey } from '@app/platform';
import { SIGNING_KEY } from '../apps/api/src/infrastructure/injection-tokens';
import { gunzipSync } from 'node:zlib';
import { TestApp } from './support/test-app';

/** What Apollo Client 4 and other current clients send. */
const MODERN = 'application/graphql-response+json, application/json;q=0.9';

const DASHBOARD = `{
  regionalGroups(first: 100) {
    totalCount
    edges { node { id name areas { id name } meetings { id startsAt status minutes { stage } } } }
  }
}`;

describe('the HTTP edge', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(async () => api.stop());

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}`, ...headers },
      body,
    });
    const json = (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions: { code: string } }[];
    };
    return { status: response.status, headers: response.headers, ...json, error: json.errors?.[0] };
  };
  const postQuery = (payload: Record<string, unknown>, accept = MODERN) => post(JSON.stringify(payload), { accept });

  it('passes every MUST and SHOULD of the GraphQL-over-HTTP audit', async () => {
    const authorised = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${api.adminToken}`);
      return fetch(input, { ...init, headers });
    };
    const failures: string[] = [];
    for (const audit of serverAudits({ url: `${api.url}/graphql`, fetchFn: authorised })) {
      const result = await audit.fn();
      if (result.status !== 'ok' && !audit.name.startsWith('MAY')) failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });

  describe('a query that does not parse is a 400 with GRAPHQL_PARSE_FAILED', () => {
    it.each([
      ['an unterminated selection', '{'],
      ['a missing closing brace', '{ me { name }'],
      ['a lone surrogate escape in a string literal', '{ regionalGroup(id: "\\ud800") { id } }'],
      ['a lone surrogate character', '\ud800'],
      ['more than 2000 tokens', `{ ${'me { name } '.repeat(700)}}`],
    ])('%s', async (_what, query) => {
      const response = await postQuery({ query });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      expect(response.data).toBeUndefined();
      expect(response.error?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('says what the token limit is', async () => {
      const response = await postQuery({ query: `{ ${'me { name } '.repeat(700)}}` });
      expect(response.error?.message).toBe('The query has more than 2000 tokens, the most one request may hold.');
    });

    it('is a 200 with the same code for a client that accepts only application/json, as the specification asks', async () => {
      const response = await postQuery({ query: '{' }, 'application/json');
      expect(response.status).toBe(200);
      expect(response.error?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    });
  });

  it('asks which operation to run when a document holds several and none is named', async () => {
    const response = await postQuery({ query: 'query A { me { name } } query B { me { personId } }' });
    expect(response.status).toBe(400);
    expect(response.error).toEqual({
      message: 'Must provide operation name if query contains multiple operations.',
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    });
  });

  it('refuses an operation name the document does not hold', async () => {
    const response = await postQuery({ query: 'query A { me { name } }', operationName: 'C' });
    expect(response.status).toBe(400);
    expect(response.error).toEqual({
      message: 'Unknown operation named "C".',
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    });
  });

  it('refuses a subscription over plain HTTP and points to graphql-ws', async () => {
    const response = await postQuery({ query: 'subscription { regionalGroupEstablished { id } }' });
    expect(response.status).toBe(400);
    expect(response.error?.extensions.code).toBe('SUBSCRIPTION_NOT_OVER_HTTP');
    expect(response.error?.message).toMatch(/graphql-ws/);
  });

  it('answers a persisted-query hash with PERSISTED_QUERY_NOT_SUPPORTED, so the client sends the query', async () => {
    const response = await postQuery({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(response.status).toBe(400);
    expect(response.error?.extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect(response.error?.message).toMatch(/send the query text/);
  });

  describe('query cost and depth', () => {
    beforeAll(async () => {
      for (const name of ['North Region', 'South Region', 'East Region']) {
        const { errors } = await api.graphql(
          'mutation($input: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $input) { id } }',
          { input: { name, areas: [{ name: `${name} A` }, { name: `${name} B` }] } },
        );
        expect(errors).toBeUndefined();
      }
    });

    it('serves a dashboard: the first 100 groups with their areas, meetings and minutes’ stage', async () => {
      const response = await postQuery({ query: DASHBOARD });
      expect(response.errors).toBeUndefined();
      expect(response.status).toBe(200);
      expect(response.data).toMatchObject({ regionalGroups: { totalCount: 3 } });
    });

    it('serves the README’s example query', async () => {
      const query = '{ me { name roles { role } } regionalGroups { edges { node { id name areas { name } } } } }';
      expect((await postQuery({ query })).errors).toBeUndefined();
    });

    it('refuses an alias bomb within the alias limit by its cost', async () => {
      const aliases = Array.from(
        { length: 3 },
        (_, i) =>
          `d${i}: regionalGroups(first: 100) { edges { node { id name areas { id name } meetings { id startsAt status minutes { stage } } } } }`,
      );
      const response = await postQuery({ query: `{ ${aliases.join(' ')} }` });
      expect(response.status).toBe(400);
      expect(response.error?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.error?.message).toBe(
        'Query cost 22506 exceeds the limit of 20000; ask for smaller pages or fewer fields.',
      );
    });

    it('refuses lists nested in lists by their cost', async () => {
      // 100 groups x 10 partners x 10 predecessors x 10 predecessors of theirs x 2 fields, and the objects between.
      const query =
        '{ regionalGroups(first: 100) { edges { node { partners { predecessors { predecessors { id name } } } } } } }';
      const response = await postQuery({ query });
      expect(response.status).toBe(400);
      expect(response.error?.message).toBe(
        'Query cost 211202 exceeds the limit of 20000; ask for smaller pages or fewer fields.',
      );
    });

    it('counts a page size sent in a variable as the largest page', async () => {
      const query = `query($n: Int!) { ${['a', 'b', 'c'].map((alias) => `${alias}: regionalGroups(first: $n) { edges { node { id name areas { id name } meetings { id startsAt status minutes { stage } } } } }`).join(' ')} }`;
      const response = await postQuery({ query, variables: { n: 1 } });
      expect(response.error?.message).toMatch(/^Query cost \d+ exceeds the limit of 20000;/);
    });

    it('refuses a query nested deeper than 10', async () => {
      const query =
        '{ regionalGroups(first: 1) { edges { node { partners { predecessors { predecessors { predecessors { predecessors { predecessors { predecessors { id } } } } } } } } } } }';
      const response = await postQuery({ query });
      expect(response.status).toBe(400);
      expect(response.errors?.map((error) => error.message)).toContain(
        'Query depth 11 exceeds the limit of 10; ask for fewer nested fields.',
      );
    });

    it('states the alias limit without calling it a syntax error', async () => {
      const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { name }`).join(' ')} }`;
      const response = await postQuery({ query });
      expect(response.error?.message).toBe('Aliases limit of 15 exceeded, found 16.');
    });
  });

  describe('a request without a valid token is 401 UNAUTHENTICATED, whatever the media type and operation', () => {
    const QUERY = '{ me { name } }';
    // Refused, a nullable lookup answers null beside its error: still the whole request refused for the token.
    const LOOKUP = '{ regionalGroup(id: "00000000-0000-4000-8000-000000000000") { id } }';
    const MUTATION = 'mutation { issueCalendarToken(input: {}) { tokenId } }';
    const key = () => api.app.get<SigningKey>(SIGNING_KEY);
    const credentials: [string, () => Promise<Record<string, string>>, RegExp][] = [
      ['no token', async () => ({ authorization: '' }), /Sign in first/],
      ['a token that is not a JWT', async () => ({ authorization: 'Bearer not-a-token' }), /could not be verified/],
      [
        'an expired token',
        async () => ({
          authorization: `Bearer ${await mintToken(key(), { subject: api.adminId, name: 'x' }, '-5m')}`,
        }),
        /expired/,
      ],
    ];
    const cases = credentials.flatMap(([who, headers, message]) =>
      [MODERN, 'application/json'].flatMap((accept) =>
        [
          ['a query', QUERY],
          ['a nullable lookup', LOOKUP],
          ['a mutation', MUTATION],
        ].map(([operation, query]) => [who, operation, accept, query, headers, message] as const),
      ),
    );

    it.each(cases)('%s, %s, accepting %s', async (_who, _operation, accept, query, headers, message) => {
      const response = await post(JSON.stringify({ query }), { accept, ...(await headers()) });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="graphql"');
      // Whether refused before execution (a bad token) or during it (no token), no cache keeps it.
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect('data' in response).toBe(false);
      expect(response.errors).toHaveLength(1);
      expect(response.error?.extensions.code).toBe('UNAUTHENTICATED');
      expect(response.error?.message).toMatch(message);
    });

    it('still answers what needs nobody (the schema GraphiQL loads before a token is pasted) with 200', async () => {
      const response = await post(JSON.stringify({ query: '{ __schema { queryType { name } } }' }), {
        accept: MODERN,
        authorization: '',
      });
      expect([response.status, response.errors]).toEqual([200, undefined]);
      expect(response.headers.get('www-authenticate')).toBeNull();
    });
  });

  describe('x-correlation-id', () => {
    const establish = async (key: string, correlationId: string) => {
      const response = await post(
        JSON.stringify({
          query: 'mutation($input: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $input) { id } }',
          variables: {
            input: { name: `Group ${key}`, areas: [{ name: 'Only' }], idempotencyKey: `correlation-${key}` },
          },
        }),
        { 'x-correlation-id': correlationId },
      );
      const groupId = (response.data as { establishRegionalGroup: { id: string } }).establishRegionalGroup.id;
      const [event] = await api.store.readStream(`regional-group-${groupId}`);
      return { echoed: response.headers.get('x-correlation-id'), recorded: event.metadata.correlationId };
    };

    it('records a well-formed id in the events and echoes it', async () => {
      expect(await establish('good', 'trace-4bf92f3577b34da6:01.a_b')).toEqual({
        echoed: 'trace-4bf92f3577b34da6:01.a_b',
        recorded: 'trace-4bf92f3577b34da6:01.a_b',
      });
    });

    it.each([
      ['markup', '<script>alert(1)</script>'],
      ['spaces and quotes', 'a "quoted" id'],
      ['more than 100 characters', 'x'.repeat(101)],
      ['an NHS number (R40)', '943-476-5919'],
    ])('replaces one with %s by a new id, and says which', async (what, header) => {
      const { echoed, recorded } = await establish(what.replace(/\W/g, '-'), header);
      expect(recorded).toMatch(/^[0-9a-f-]{36}$/);
      expect(echoed).toBe(recorded);
    });
  });

  describe('compression and caching', () => {
    it('serves GraphiQL as a small page whose assets are compressed and cached for good', async () => {
      const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
      const html = await page.text();
      expect(html.length).toBeLessThan(10_000);
      const assets = [...html.matchAll(/(?:src|href)="(\/graphiql-assets\/[^"]+)"/g)].map((match) => match[1]);
      expect(assets).toHaveLength(3);
      for (const asset of assets) {
        for (const encoding of ['br', 'gzip']) {
          const response = await fetch(`${api.url}${asset}`, { headers: { 'accept-encoding': encoding } });
          expect(response.status).toBe(200);
          expect(response.headers.get('content-encoding')).toBe(encoding);
          expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
          expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
        }
      }
      const script = assets.find((asset) => asset.endsWith('.js')) as string;
      const raw = await fetch(`${api.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
      // fetch decodes; the compressed size is what crossed the wire.
      expect(Number(raw.headers.get('content-length'))).toBeLessThan(3_000_000);
      expect(await raw.text()).toContain('renderYogaGraphiQL');
    });

    it('compresses a large JSON response', async () => {
      const http = await import('node:http');
      const body = JSON.stringify({ query: '{ __schema { types { name description fields { name description } } } }' });
      const { headers, payload } = await new Promise<{ headers: Record<string, unknown>; payload: Buffer }>(
        (resolve, reject) => {
          const request = http.request(
            `${api.url}/graphql`,
            {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'accept-encoding': 'gzip',
                authorization: `Bearer ${api.adminToken}`,
              },
            },
            (response) => {
              const chunks: Buffer[] = [];
              response.on('data', (chunk: Buffer) => chunks.push(chunk));
              response.on('end', () => resolve({ headers: response.headers, payload: Buffer.concat(chunks) }));
            },
          );
          request.on('error', reject);
          request.end(body);
        },
      );
      expect(headers['content-encoding']).toBe('gzip');
      const json = gunzipSync(payload).toString('utf8');
      expect(json.length).toBeGreaterThan(payload.length * 3);
      expect(JSON.parse(json)).toHaveProperty('data.__schema.types');
    });
  });
});

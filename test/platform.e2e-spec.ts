import { SignJWT, UnsecuredJWT } from 'jose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBEDDED_AUDIENCE, EMBEDDED_ISSUER, mintToken, SigningKey } from '@app/platform';
import { SIGNING_KEY } from '../apps/api/src/infrastructure/injection-tokens';
import { printServedSchema } from '../apps/cli/src/commands/schema.command';
import { TestApp } from './support/test-app';

describe('the GraphQL service', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(async () => api.stop());

  it('serves exactly the committed schema.gql (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8');
    expect(printServedSchema(api.app)).toBe(committed);
  });

  it('describes a booking day left out as what it then means, not as today, and as not after today', async () => {
    const bookedOn = async (type: string) =>
      (
        (
          await api.graphql<{ __type: { inputFields: { name: string; description: string }[] } }>(
            'query($type: String!) { __type(name: $type) { inputFields { name description } } }',
            { type },
          )
        ).data?.__type.inputFields ?? []
      ).find((field) => field.name === 'bookedOn')?.description;
    for (const type of ['ScheduleMeetingInput', 'CorrectMeetingDetailsInput']) {
      const description = await bookedOn(type);
      expect(description).toContain('not after today');
      expect(description).not.toContain('Today (Europe/London) when omitted');
    }
  });

  it('reports the store and the projection lag on /health', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { projections: { position: number }; store: { lastPosition: number } };
    expect(body).toMatchObject({
      status: 'ok',
      store: { kind: 'sqlite', reachable: true },
      projections: { running: true, lag: 0 },
    });
    expect(body.projections.position).toBe(body.store.lastPosition);
  });

  it('serves GraphiQL from its own bundle, with no script from elsewhere', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { name } }')}`, {
      headers: { authorization: `Bearer ${api.adminToken}` },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it('answers a body larger than the API takes with a GraphQL error naming the limit', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify({ query: '{ me { name } }', variables: { text: 'x'.repeat(200 * 1024) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'The request body is 201 KB, more than the 100 KB the API takes in one request: ' +
            'send long texts in separate requests, or shorten them.',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 102400 },
        },
      ],
    });
  });

  it('answers a body sent in chunks, its length not declared, that grows past the limit with the same error', async () => {
    const body = new TextEncoder().encode(
      JSON.stringify({ query: '{ me { name } }', variables: { text: 'x'.repeat(200 * 1024) } }),
    );
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < body.length; at += 16 * 1024) controller.enqueue(body.subarray(at, at + 16 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    });
    expect(response.status).toBe(413);
    const { errors } = (await response.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(errors).toEqual([
      {
        message: expect.stringMatching(
          /^The request body is over \d+ KB, more than the 100 KB the API takes in one request: /,
        ),
        extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 102400 },
      },
    ]);
  });

  it('answers a body that is not JSON with a GraphQL error', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
      body: '{"query": "{ me { name } ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('limits aliases per request', async () => {
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { name }`).join(' ')} }`;
    const { errors } = await api.graphql(query);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(/alias/i);
  });

  it('refuses a page size outside 1 to 100', async () => {
    const { errors } = await api.graphql('{ regionalGroups(first: 0) { totalCount } }');
    expect(errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
  });

  describe('authentication', () => {
    const meWith = async (token: string) => (await api.graphql('{ me { name } }', {}, token)).errors?.[0];

    it('refuses an expired token', async () => {
      const key = api.app.get<SigningKey>(SIGNING_KEY);
      const expired = await mintToken(key, { subject: api.adminId, name: 'x' }, '-5m');
      expect(await meWith(expired)).toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
        message: expect.stringMatching(/expired/),
      });
    });

    it('refuses an unsigned token (alg: none)', async () => {
      const unsigned = new UnsecuredJWT({})
        .setSubject(api.adminId)
        .setIssuer(EMBEDDED_ISSUER)
        .setAudience(EMBEDDED_AUDIENCE)
        .encode();
      expect((await meWith(unsigned))?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a token for someone the platform does not know', async () => {
      const key = api.app.get<SigningKey>(SIGNING_KEY);
      const stranger = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: key.kid })
        .setSubject('stranger')
        .setIssuer(EMBEDDED_ISSUER)
        .setAudience(EMBEDDED_AUDIENCE)
        .setExpirationTime('1h')
        .setIssuedAt()
        .sign(key.privateKey);
      expect(await meWith(stranger)).toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
        message: expect.stringMatching(/nobody/),
      });
    });

    it('refuses credentials that are not a bearer token', async () => {
      const response = await api.graphql('{ me { name } }', {}, null, { authorization: 'Basic YWRtaW46YWRtaW4=' });
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});

describe('the GraphQL service in production', () => {
  let api: TestApp;
  beforeAll(async () => {
    // An OIDC provider is required in production; none answers here, which these checks never need.
    api = await TestApp.start({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
      AUTH_ISSUER: 'https://login.example.org/',
      AUTH_AUDIENCE: 'safeguarding',
    });
  });
  afterAll(async () => api.stop());

  it('serves no GraphiQL and no introspection', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
    const { errors } = await api.graphql('{ __schema { types { name } } }', {}, null);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

import { generateKeyPair, SignJWT } from 'jose';
import { mintToken, SigningKey } from '@app/platform';
import { Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { SIGNING_KEY } from '../apps/api/src/infrastructure/injection-tokens';
import { LiveEvents } from '../apps/api/src/live/live-events';
import { TestApp, waitUntil } from './support/test-app';

interface Closed {
  readonly code: number;
  readonly reason: string;
}

const SUBSCRIPTION = 'subscription { regionalGroupEstablished { name } }';

/** Subscribes, and resolves with the code and reason the server closed the socket with. */
function closing(client: Client): Promise<Closed> {
  return new Promise((resolve, reject) => {
    client.subscribe(
      { query: SUBSCRIPTION },
      {
        next: (result) => reject(new Error(`the socket stayed open and sent ${JSON.stringify(result)}`)),
        error: (event) => {
          const { code, reason } = event as Closed;
          resolve({ code, reason });
        },
        complete: () => reject(new Error('the socket stayed open and completed the subscription')),
      },
    );
  });
}

describe('who may open a graphql-ws socket', () => {
  let api: TestApp;
  let key: SigningKey;
  beforeAll(async () => {
    api = await TestApp.start();
    key = api.app.get<SigningKey>(SIGNING_KEY);
  });
  afterAll(async () => api.stop());

  const admin = () => ({ subject: api.adminId, name: 'Test Administrator' });

  it('closes a socket opened without a token with 4401, naming the connection params it needs', async () => {
    expect(await closing(api.subscriptionClient(null))).toEqual({
      code: 4401,
      reason: 'Unauthorized: send the connection params { "authorization": "Bearer <token>" }.',
    });
  });

  it('closes a socket whose authorization is not a bearer token with 4401', async () => {
    expect(await closing(api.socketClient({ authorization: api.adminToken }))).toEqual({
      code: 4401,
      reason: 'Unauthorized: send credentials as "Authorization: Bearer <token>".',
    });
  });

  it('closes a socket whose token is not a token at all with 4401', async () => {
    expect(await closing(api.subscriptionClient('not-a-token'))).toEqual({
      code: 4401,
      reason: 'Unauthorized: the token could not be verified.',
    });
  });

  it('closes a socket whose token has expired with 4401', async () => {
    const expired = await mintToken(key, admin(), '-1m');
    expect(await closing(api.subscriptionClient(expired))).toEqual({
      code: 4401,
      reason: 'Unauthorized: the token has expired; ask for a new one.',
    });
  });

  it('closes a socket whose token names nobody the platform knows with 4401', async () => {
    const stranger = await mintToken(key, { subject: randomUUID(), name: 'Nobody Known' });
    expect(await closing(api.subscriptionClient(stranger))).toEqual({
      code: 4401,
      reason: 'Unauthorized: the token is valid but names nobody this platform knows.',
    });
  });

  it('closes an open socket, ending its subscriptions, when its token expires', async () => {
    const live = api.app.get(LiveEvents);
    const before = live.subscriberCount;
    const client = api.subscriptionClient(await mintToken(key, admin(), '3s'));
    let accepted = false;
    client.on('connected', () => (accepted = true));
    const closed = closing(client);
    await waitUntil(() => live.subscriberCount === before + 1);
    expect(await closed).toEqual({ code: 4401, reason: 'Unauthorized: the token has expired; ask for a new one.' });
    expect(accepted).toBe(true);
    await waitUntil(() => live.subscriberCount === before);
  });

  it('accepts the key as "Authorization" and the scheme in any case', async () => {
    const client = api.socketClient({ Authorization: `bearer ${api.adminToken}` });
    const result = await new Promise((resolve, reject) => {
      client.subscribe({ query: '{ me { name } }' }, { next: resolve, error: reject, complete: () => undefined });
    });
    expect(result).toEqual({ data: { me: { name: 'Test Administrator' } } });
  });
});

describe('a graphql-ws socket when the identity provider cannot be reached', () => {
  let api: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 9: every attempt to fetch the provider's keys fails.
    api = await TestApp.start({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
      AUTH_ISSUER: 'https://login.example.org/',
      AUTH_AUDIENCE: 'safeguarding',
    });
  });
  afterAll(async () => api.stop());

  it('is closed with 1013, so that clients try again, rather than refused as unauthorised', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'provider-key-1' })
      .setSubject(randomUUID())
      .setIssuer('https://login.example.org/')
      .setAudience('safeguarding')
      .setExpirationTime('10m')
      .sign((await generateKeyPair('RS256')).privateKey);
    expect(await closing(api.subscriptionClient(token))).toEqual({
      code: 1013,
      reason: 'Try again later: the token could not be checked just now.',
    });
  });
});

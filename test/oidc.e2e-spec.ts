import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { TestApp } from './support/test-app';

/** An identity provider's published key set, served on loopback as a real JWKS endpoint. */
async function startJwksServer(): Promise<{ server: Server; url: string; privateKey: KeyLike }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid: 'provider-key-1', alg: 'RS256', use: 'sig' }],
  });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`, privateKey };
}

describe('tokens from an OIDC provider', () => {
  let provider: Awaited<ReturnType<typeof startJwksServer>>;
  let api: TestApp;

  beforeAll(async () => {
    provider = await startJwksServer();
    api = await TestApp.start({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: provider.url,
      AUTH_ISSUER: 'https://login.example.org/',
      AUTH_AUDIENCE: 'safeguarding-platform',
    });
  });
  afterAll(async () => {
    await api.stop();
    provider.server.close();
  });

  const providerToken = (claims: { sub: string; iss?: string; aud?: string }, key: KeyLike = provider.privateKey) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'provider-key-1' })
      .setSubject(claims.sub)
      .setIssuer(claims.iss ?? 'https://login.example.org/')
      .setAudience(claims.aud ?? 'safeguarding-platform')
      .setExpirationTime('10m')
      .sign(key);

  it("accepts the provider's token for a person the platform knows by that subject", async () => {
    const { data, errors } = await api.graphql(
      '{ me { personId roles { role } } }',
      {},
      await providerToken({ sub: api.adminId }),
    );
    expect(errors).toBeUndefined();
    expect(data?.me).toEqual({ personId: api.adminId, roles: [{ role: 'ADMINISTRATOR' }] });
  });

  it('refuses a token for another audience or issuer, or signed by another key', async () => {
    const otherKey = (await generateKeyPair('RS256')).privateKey;
    for (const token of [
      await providerToken({ sub: api.adminId, aud: 'another-service' }),
      await providerToken({ sub: api.adminId, iss: 'https://evil.example.org/' }),
      await providerToken({ sub: api.adminId }, otherKey),
    ]) {
      const { errors } = await api.graphql('{ me { personId } }', {}, token);
      expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a provider token that never expires or says it was issued in the future, but not one lasting past 30 days', async () => {
    const signed = (claims: { iat?: number; exp?: number }) => {
      const jwt = new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'provider-key-1' })
        .setSubject(api.adminId)
        .setIssuer('https://login.example.org/')
        .setAudience('safeguarding-platform');
      if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
      if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
      return jwt.sign(provider.privateKey);
    };
    const now = Math.floor(Date.now() / 1000);
    const everlasting = await api.graphql('{ me { personId } }', {}, await signed({ iat: now }));
    expect(everlasting.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(everlasting.errors?.[0].message).toMatch(/no expiry/);
    const future = await api.graphql('{ me { personId } }', {}, await signed({ iat: now + 3600, exp: now + 7200 }));
    expect(future.errors?.[0].message).toMatch(/issued in the future/);
    const quarter = await api.graphql('{ me { personId } }', {}, await signed({ iat: now, exp: now + 90 * 86_400 }));
    expect(quarter.errors).toBeUndefined();
  });

  it("opens a graphql-ws socket with the provider's token, which in production still serves no introspection", async () => {
    const token = await providerToken({ sub: api.adminId });
    const me = await api.overSocket('{ me { personId } }', {}, token);
    expect(me.data?.me).toEqual({ personId: api.adminId });
    const introspection = await api.overSocket('{ __schema { types { name } } }', {}, token);
    expect(introspection.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';

interface Grant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly nonce: string;
  readonly subject: string;
}

export interface OidcProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  /** Whom the provider signs in at its authorization endpoint (it has no login form of its own). */
  subject: string;
  /** The PKCE verifiers the token endpoint refused, to show the check is made. */
  readonly refusedVerifiers: string[];
  close(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<URLSearchParams> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
};

/**
 * A small OpenID Connect provider on loopback, for the pages' sign-in: discovery, an authorization
 * endpoint that signs in `subject` and returns a one-use code, a token endpoint that checks the
 * client, the redirect URI and the PKCE verifier (S256) before issuing an ID token (with the nonce)
 * and an access token for the API's audience, and its JWKS. It skips only the login form.
 */
export async function startOidcProvider(clientId: string, audience: string): Promise<OidcProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'provider-key-1', alg: 'RS256', use: 'sig' }] };
  const grants = new Map<string, Grant>();
  const sign = (claims: Record<string, unknown>, subject: string, aud: string, key: KeyLike) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'provider-key-1' })
      .setSubject(subject)
      .setIssuer(provider.issuer)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', provider.issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      json(200, {
        issuer: provider.issuer,
        authorization_endpoint: `${provider.issuer}authorize`,
        token_endpoint: `${provider.issuer}token`,
        jwks_uri: provider.jwksUrl,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
      });
      return;
    }
    if (url.pathname === '/jwks.json') {
      json(200, jwks);
      return;
    }
    if (url.pathname === '/authorize') {
      const query = url.searchParams;
      if (
        query.get('client_id') !== clientId ||
        query.get('response_type') !== 'code' ||
        query.get('code_challenge_method') !== 'S256'
      ) {
        json(400, { error: 'invalid_request' });
        return;
      }
      const code = randomBytes(16).toString('base64url');
      grants.set(code, {
        clientId,
        redirectUri: query.get('redirect_uri') ?? '',
        codeChallenge: query.get('code_challenge') ?? '',
        nonce: query.get('nonce') ?? '',
        subject: provider.subject,
      });
      const back = new URL(query.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.get('state') ?? '');
      back.searchParams.set('iss', provider.issuer);
      response.writeHead(302, { location: back.href });
      response.end();
      return;
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      void readBody(request).then(async (form) => {
        const code = form.get('code') ?? '';
        const grant = grants.get(code);
        grants.delete(code);
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (
          !grant ||
          form.get('grant_type') !== 'authorization_code' ||
          form.get('client_id') !== grant.clientId ||
          form.get('redirect_uri') !== grant.redirectUri ||
          challenge !== grant.codeChallenge
        ) {
          if (grant && challenge !== grant.codeChallenge) provider.refusedVerifiers.push(verifier);
          json(400, { error: 'invalid_grant' });
          return;
        }
        json(200, {
          token_type: 'Bearer',
          expires_in: 600,
          access_token: await sign({}, grant.subject, audience, privateKey),
          id_token: await sign(
            { nonce: grant.nonce, name: 'Signed in at the provider' },
            grant.subject,
            clientId,
            privateKey,
          ),
        });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider: OidcProvider = {
    issuer: `${origin}/`,
    jwksUrl: `${origin}/jwks.json`,
    subject: '',
    refusedVerifiers: [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return provider;
}

import { SignJWT, UnsecuredJWT, decodeJwt, generateKeyPair } from 'jose';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey } from './signing-key';
import { AuthenticationError, EMBEDDED_AUDIENCE, EMBEDDED_ISSUER, embeddedTokenVerifier, mintToken } from './tokens';

describe('embedded tokens', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a key once, private to its owner, and reuses it', async () => {
    const key = await loadOrCreateSigningKey(dir);
    expect(statSync(join(dir, 'signing-key.json')).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateSigningKey(dir);
    expect(again.kid).toBe(key.kid);
    const token = await mintToken(key, { subject: 'person-1', name: 'Jo' });
    await expect(embeddedTokenVerifier(again).verify(token)).resolves.toEqual({
      subject: 'person-1',
      expiresAt: new Date((decodeJwt(token).exp as number) * 1000),
    });
  });

  it('reports no expiry for a token that never expires', async () => {
    const key = await loadOrCreateSigningKey(dir);
    const everlasting = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setSubject('p')
      .setIssuer(EMBEDDED_ISSUER)
      .setAudience(EMBEDDED_AUDIENCE)
      .sign(key.privateKey);
    await expect(embeddedTokenVerifier(key).verify(everlasting)).resolves.toEqual({ subject: 'p', expiresAt: null });
  });

  it('refuses expired, foreign, unsigned and mis-addressed tokens', async () => {
    const key = await loadOrCreateSigningKey(dir);
    const verifier = embeddedTokenVerifier(key);
    const expired = await mintToken(key, { subject: 'p', name: 'Jo' }, '-1m');
    const foreignKey = (await generateKeyPair('ES256')).privateKey;
    const foreign = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('p')
      .setIssuer(EMBEDDED_ISSUER)
      .setAudience(EMBEDDED_AUDIENCE)
      .setExpirationTime('1h')
      .sign(foreignKey);
    const unsigned = new UnsecuredJWT({})
      .setSubject('p')
      .setIssuer(EMBEDDED_ISSUER)
      .setAudience(EMBEDDED_AUDIENCE)
      .encode();
    const wrongAudience = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('p')
      .setIssuer(EMBEDDED_ISSUER)
      .setAudience('someone-else')
      .setExpirationTime('1h')
      .sign(key.privateKey);
    await expect(verifier.verify(expired)).rejects.toThrow(/expired/);
    await expect(verifier.verify(foreign)).rejects.toThrow(/signature/);
    await expect(verifier.verify(unsigned)).rejects.toThrow(AuthenticationError);
    await expect(verifier.verify(wrongAudience)).rejects.toThrow(/not issued for this platform/);
    await expect(verifier.verify('not-a-token')).rejects.toThrow(AuthenticationError);
  });
});

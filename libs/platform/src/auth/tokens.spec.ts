import { SignJWT, UnsecuredJWT, decodeJwt, generateKeyPair } from 'jose';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, SigningKey } from './signing-key';
import {
  AuthenticationError,
  CLOCK_SKEW_SECONDS,
  EMBEDDED_AUDIENCE,
  EMBEDDED_ISSUER,
  embeddedTokenVerifier,
  mintToken,
  TOKEN_EXPIRED,
  tokenTimesProblem,
} from './tokens';

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

  describe('times', () => {
    const at = new Date('2026-03-01T12:00:00Z');
    const seconds = at.getTime() / 1000;
    const signed = (key: SigningKey, claims: { iat?: number; exp?: number }) => {
      const jwt = new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: key.kid })
        .setSubject('p')
        .setIssuer(EMBEDDED_ISSUER)
        .setAudience(EMBEDDED_AUDIENCE);
      if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
      if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
      return jwt.sign(key.privateKey);
    };

    it('refuses a token that never expires', async () => {
      const key = await loadOrCreateSigningKey(dir);
      const everlasting = await signed(key, { iat: seconds });
      await expect(embeddedTokenVerifier(key, () => at).verify(everlasting)).rejects.toThrow(/no expiry/);
    });

    it('refuses a token issued in the future, allowing a minute of clock skew', async () => {
      const key = await loadOrCreateSigningKey(dir);
      const verifier = embeddedTokenVerifier(key, () => at);
      const skewed = await signed(key, { iat: seconds + CLOCK_SKEW_SECONDS, exp: seconds + 3600 });
      await expect(verifier.verify(skewed)).resolves.toMatchObject({ subject: 'p' });
      const future = await signed(key, { iat: seconds + CLOCK_SKEW_SECONDS + 1, exp: seconds + 3600 });
      await expect(verifier.verify(future)).rejects.toThrow(/issued in the future/);
    });

    it('refuses an embedded token lasting more than 30 days, or not saying when it was issued', async () => {
      const key = await loadOrCreateSigningKey(dir);
      const verifier = embeddedTokenVerifier(key, () => at);
      const month = await signed(key, { iat: seconds, exp: seconds + 30 * 86_400 });
      await expect(verifier.verify(month)).resolves.toMatchObject({ subject: 'p' });
      const longer = await signed(key, { iat: seconds, exp: seconds + 30 * 86_400 + 1 });
      await expect(verifier.verify(longer)).rejects.toThrow(/longer than 30 days/);
      const undated = await signed(key, { exp: seconds + 3600 });
      await expect(verifier.verify(undated)).rejects.toThrow(/when it was issued/);
    });

    it('accepts a token until the second its expiry names', async () => {
      const key = await loadOrCreateSigningKey(dir);
      const token = await signed(key, { iat: seconds - 3600, exp: seconds });
      await expect(embeddedTokenVerifier(key, () => new Date(at.getTime() - 1000)).verify(token)).resolves.toEqual({
        subject: 'p',
        expiresAt: at,
      });
      await expect(embeddedTokenVerifier(key, () => at).verify(token)).rejects.toThrow(TOKEN_EXPIRED);
    });

    it('holds OIDC tokens to an expiry and a past issue time, but not to the 30-day maximum', () => {
      expect(tokenTimesProblem({ iat: seconds, exp: seconds + 90 * 86_400 }, at, null)).toBeNull();
      expect(tokenTimesProblem({ exp: seconds + 600 }, at, null)).toBeNull();
      expect(tokenTimesProblem({ iat: seconds }, at, null)).toMatch(/no expiry/);
      expect(tokenTimesProblem({ iat: seconds + 61, exp: seconds + 600 }, at, null)).toMatch(/future/);
    });

    it('mints tokens of at most 30 days, saying so of a longer or unreadable duration', async () => {
      const key = await loadOrCreateSigningKey(dir);
      const month = decodeJwt(await mintToken(key, { subject: 'p', name: 'Jo' }, '30d'));
      // The clock may tick between the two claims, taking a second off, never adding one.
      expect((month.exp as number) - (month.iat as number)).toBeGreaterThanOrEqual(30 * 86_400 - 1);
      expect((month.exp as number) - (month.iat as number)).toBeLessThanOrEqual(30 * 86_400);
      await expect(mintToken(key, { subject: 'p', name: 'Jo' }, '31d')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/at most 30 days; "31d" is longer/),
      });
      await expect(mintToken(key, { subject: 'p', name: 'Jo' }, 'forever')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/not a duration/),
      });
    });
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

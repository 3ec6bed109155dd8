import { DomainError } from '@app/domain';
import { createRemoteJWKSet, decodeJwt, errors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { SIGNING_ALGORITHM, SigningKey } from './signing-key';

/** Issuer and audience of tokens minted by the embedded key. */
export const EMBEDDED_ISSUER = 'urn:safeguarding-platform';
export const EMBEDDED_AUDIENCE = 'urn:safeguarding-platform:api';

/** Said of an expired token wherever it is refused: on a request, a socket opening, or a socket it was keeping open. */
export const TOKEN_EXPIRED = 'The token has expired; ask for a new one.';

/**
 * The longest an embedded token may last (`cli token --expires`): a token that leaks stops
 * working within a month. OIDC tokens last what their provider decides, so this applies to
 * embedded tokens only.
 */
export const MAX_EMBEDDED_TOKEN_DAYS = 30;
const MAX_EMBEDDED_TOKEN_SECONDS = MAX_EMBEDDED_TOKEN_DAYS * 86_400;

/**
 * How far ahead of this machine's clock an issuer's clock may run. An `iat` up to a minute in
 * the future is a provider whose clock is slightly fast; further ahead, the token is refused.
 * Expiry gets no such allowance: a token is refused from the second its `exp` names.
 */
export const CLOCK_SKEW_SECONDS = 60;

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

export interface VerifiedToken {
  /** The identity provider's subject: matched against the subject the platform holds for each person. */
  readonly subject: string;
  /** When the token stops being accepted (its `exp`): every accepted token has one. */
  readonly expiresAt: Date;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

/**
 * Why a token's times make it unacceptable at `now`, or null when they are fine: it must carry
 * an expiry, must not claim to be issued in the future (beyond CLOCK_SKEW_SECONDS), and, when
 * `maxLifetimeSeconds` is given (embedded tokens), must say when it was issued and last no longer
 * than that. Whether `exp` has passed is jose's check, made before this one.
 */
export function tokenTimesProblem(
  claims: Pick<JWTPayload, 'iat' | 'exp'>,
  now: Date,
  maxLifetimeSeconds: number | null,
): string | null {
  if (claims.exp === undefined) return 'The token has no expiry (exp); this platform accepts only tokens that expire.';
  if (claims.iat !== undefined && claims.iat > now.getTime() / 1000 + CLOCK_SKEW_SECONDS) {
    return "The token says it was issued in the future (iat); check the issuer's clock.";
  }
  if (maxLifetimeSeconds === null) return null;
  if (claims.iat === undefined) return 'The token does not say when it was issued (iat).';
  if (claims.exp - claims.iat > maxLifetimeSeconds) {
    return `The token lasts longer than ${maxLifetimeSeconds / 86_400} days, the most this platform accepts.`;
  }
  return null;
}

/**
 * A token for a person, lasting `expiresIn` (a jose duration such as "12h" or "30d"; a negative
 * one mints a token that has already expired). A lifetime over MAX_EMBEDDED_TOKEN_DAYS is
 * refused here, by the same rule the verifier applies, so no token is minted that would be refused.
 */
export async function mintToken(
  key: SigningKey,
  person: { subject: string; name: string },
  expiresIn: string = '12h',
): Promise<string> {
  let token: string;
  try {
    token = await new SignJWT({ name: person.name })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setSubject(person.subject)
      .setIssuer(EMBEDDED_ISSUER)
      .setAudience(EMBEDDED_AUDIENCE)
      // Expiry first: jose reads the clock for each, so a second ticking between them can only shorten the lifetime.
      .setExpirationTime(expiresIn)
      .setIssuedAt()
      .sign(key.privateKey);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new DomainError(
      'VALIDATION_FAILED',
      `"${expiresIn}" is not a duration: use a number and a unit, such as 12h, 7d or 30d.`,
    );
  }
  const problem = tokenTimesProblem(decodeJwt(token), new Date(), MAX_EMBEDDED_TOKEN_SECONDS);
  if (problem) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `A token may last at most ${MAX_EMBEDDED_TOKEN_DAYS} days; "${expiresIn}" is longer. Mint a shorter one and a new one when it expires.`,
    );
  }
  return token;
}

/**
 * `now` is the wall clock, not the service's Clock: CLOCK_NOW moves business dates for demos
 * and tests, while tokens are minted and expire in real time.
 */
export function embeddedTokenVerifier(key: SigningKey, now: () => Date = () => new Date()): TokenVerifier {
  return {
    verify: (token) => {
      const at = now();
      return checked(
        jwtVerify(token, key.publicKey, {
          algorithms: [SIGNING_ALGORITHM],
          issuer: EMBEDDED_ISSUER,
          audience: EMBEDDED_AUDIENCE,
          currentDate: at,
        }),
        at,
        MAX_EMBEDDED_TOKEN_SECONDS,
      );
    },
  };
}

/**
 * Production: tokens from an OIDC provider, checked against its published keys. They must
 * expire and not be issued in the future, but their lifetime is the provider's to choose.
 */
export function oidcTokenVerifier(
  oidc: { jwksUrl: string; issuer: string; audience: string },
  now: () => Date = () => new Date(),
): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(oidc.jwksUrl));
  return {
    verify: (token) => {
      const at = now();
      return checked(
        jwtVerify(token, keys, {
          algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
          issuer: oidc.issuer,
          audience: oidc.audience,
          currentDate: at,
        }),
        at,
        null,
      );
    },
  };
}

async function checked(
  verification: Promise<{ payload: JWTPayload }>,
  now: Date,
  maxLifetimeSeconds: number | null,
): Promise<VerifiedToken> {
  let payload: JWTPayload;
  try {
    ({ payload } = await verification);
  } catch (error) {
    // An identity provider that cannot be reached is an outage to report, not a bad token.
    if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) throw error;
    throw new AuthenticationError(describe(error));
  }
  const problem = tokenTimesProblem(payload, now, maxLifetimeSeconds);
  if (problem) throw new AuthenticationError(problem);
  if (!payload.sub) throw new AuthenticationError('The token names no subject.');
  return { subject: payload.sub, expiresAt: new Date((payload.exp as number) * 1000) };
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return TOKEN_EXPIRED;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid.';
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'The token is signed with an algorithm this platform does not accept.';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The token was not issued for this platform (${error.claim}).`;
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'The token was signed with a key the identity provider does not publish.';
  return 'The token could not be verified.';
}

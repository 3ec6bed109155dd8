import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { SIGNING_ALGORITHM, SigningKey } from './signing-key';

/** Issuer and audience of tokens minted by the embedded key. */
export const EMBEDDED_ISSUER = 'urn:safeguarding-platform';
export const EMBEDDED_AUDIENCE = 'urn:safeguarding-platform:api';

/** Said of an expired token wherever it is refused: on a request, a socket opening, or a socket it was keeping open. */
export const TOKEN_EXPIRED = 'The token has expired; ask for a new one.';

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

export interface VerifiedToken {
  /** The identity provider's subject: matched against the subject the platform holds for each person. */
  readonly subject: string;
  /** When the token stops being accepted (its `exp`); null for a token that never expires. */
  readonly expiresAt: Date | null;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

export async function mintToken(
  key: SigningKey,
  person: { subject: string; name: string },
  expiresIn: string = '12h',
): Promise<string> {
  return new SignJWT({ name: person.name })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(person.subject)
    .setIssuer(EMBEDDED_ISSUER)
    .setAudience(EMBEDDED_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key.privateKey);
}

export function embeddedTokenVerifier(key: SigningKey): TokenVerifier {
  return {
    verify: (token) =>
      checked(
        jwtVerify(token, key.publicKey, {
          algorithms: [SIGNING_ALGORITHM],
          issuer: EMBEDDED_ISSUER,
          audience: EMBEDDED_AUDIENCE,
        }),
      ),
  };
}

/** Production: tokens from an OIDC provider, checked against its published keys. */
export function oidcTokenVerifier(oidc: { jwksUrl: string; issuer: string; audience: string }): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(oidc.jwksUrl));
  return {
    verify: (token) =>
      checked(
        jwtVerify(token, keys, {
          algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
          issuer: oidc.issuer,
          audience: oidc.audience,
        }),
      ),
  };
}

async function checked(verification: Promise<{ payload: JWTPayload }>): Promise<VerifiedToken> {
  let payload: JWTPayload;
  try {
    ({ payload } = await verification);
  } catch (error) {
    // An identity provider that cannot be reached is an outage to report, not a bad token.
    if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) throw error;
    throw new AuthenticationError(describe(error));
  }
  if (!payload.sub) throw new AuthenticationError('The token names no subject.');
  return { subject: payload.sub, expiresAt: payload.exp === undefined ? null : new Date(payload.exp * 1000) };
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

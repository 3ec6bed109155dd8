import { createHash, randomBytes } from 'node:crypto';

/**
 * A calendar token is an opaque random secret, and the access stream records only its SHA-256.
 * Why not a signed JWT with `scope: "calendar"`: revocation has to be checked against the read
 * model on every download anyway, so a signature would save no lookup; in production there is
 * no embedded signing key (tokens come from the OIDC provider), and several api instances each
 * keep their own DATA_DIR, so a key made by one would not verify on another, while the hash
 * travels with the events to every instance; and a JWT would have to expire within 30 days,
 * which breaks the calendar subscriptions people set up once. 32 random bytes cannot be guessed,
 * so a plain hash (no salt, no slow hash) is enough and can be looked up directly.
 */
const PREFIX = 'cal_';

export function newCalendarSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Told apart by its prefix: a bearer token is a JWT, which never starts with it. */
export function isCalendarSecret(token: string): boolean {
  return token.startsWith(PREFIX);
}

export function calendarSecretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function calendarPath(groupId: string, secret: string): string {
  return `/groups/${encodeURIComponent(groupId)}/calendar.ics?token=${encodeURIComponent(secret)}`;
}

/** Said wherever a calendar token is offered as an API bearer token. */
export const CALENDAR_TOKEN_ONLY_READS_CALENDARS =
  'This token only reads calendars: use it in a calendar address, and a bearer token (cli token) for the API.';

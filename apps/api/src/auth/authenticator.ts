import { Inject, Injectable } from '@nestjs/common';
import { PeopleQueries } from '@app/read-models';
import { AuthenticationError, TokenVerifier, unauthenticated, VerifiedToken } from '@app/platform';
import { TOKEN_VERIFIER } from '../infrastructure/injection-tokens';
import { calendarSecretHash, CALENDAR_TOKEN_ONLY_READS_CALENDARS, isCalendarSecret } from './calendar-secret';
import { Identity } from './identity';

@Injectable()
export class Authenticator {
  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly people: PeopleQueries,
  ) {}

  /**
   * No credentials: null, and each operation decides whether it needs someone. Credentials that
   * fail are refused outright, so a client with a broken token never gets an anonymous answer.
   */
  async identify(authorization: unknown): Promise<Identity | null> {
    if (authorization === undefined || authorization === null || authorization === '') return null;
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!match) throw unauthenticated('Send credentials as "Authorization: Bearer <token>".');
    if (isCalendarSecret(match[1])) throw unauthenticated(CALENDAR_TOKEN_ONLY_READS_CALENDARS);
    let token: VerifiedToken;
    try {
      token = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error.message);
      throw error;
    }
    const person = this.people.bySubject(token.subject);
    if (!person) throw unauthenticated('The token is valid but names nobody this platform knows.');
    return { personId: person.personId, name: person.name, subject: token.subject, tokenExpiresAt: token.expiresAt };
  }

  /** The person a calendar token was issued to, while it is not revoked; null for any other secret. */
  identifyCalendarReader(secret: string): Identity | null {
    if (!isCalendarSecret(secret)) return null;
    const token = this.people.calendarTokenBySecretHash(calendarSecretHash(secret));
    if (!token || token.revokedAt !== null) return null;
    const person = this.people.byId(token.personId);
    if (!person) return null;
    return { personId: person.personId, name: person.name, subject: person.subject, tokenExpiresAt: null };
  }
}

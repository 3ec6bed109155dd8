import { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@app/domain';
import { PeopleQueries, PersonRow, RegionalGroupQueries } from '@app/read-models';
import { mintToken, SigningKey } from '@app/platform';
import { IssueCalendarTokenCommand, IssuedSecret } from '../../../api/src/access/issue-calendar-token.command';
import { SIGNING_KEY } from '../../../api/src/infrastructure/injection-tokens';
import { ReadAccess } from '../../../api/src/auth/read-access';
import { CalendarSubscription } from './calendar-subscription';

/** Mints a token for a person the platform knows, found by id, subject, e-mail or name. */
export async function tokenFor(app: INestApplication, reference: string, expiresIn: string): Promise<string> {
  const key = app.get<SigningKey | null>(SIGNING_KEY);
  if (!key) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'This platform uses an OIDC provider (AUTH_JWKS_URL): tokens come from that provider.',
    );
  }
  return mintToken(key, personFor(app, reference), expiresIn);
}

/**
 * Issues a calendar token for a person, found as `tokenFor` finds them; it works with OIDC too.
 * With it, their name and the groups whose calendars it reads, to print an address for each.
 */
export async function calendarTokenFor(
  app: INestApplication,
  reference: string,
): Promise<IssuedSecret & CalendarSubscription> {
  const person = personFor(app, reference);
  const issued: IssuedSecret = await app.get(CommandBus).execute(new IssueCalendarTokenCommand(person.personId, null));
  const groupIds =
    (await app.get(ReadAccess).readableGroupIds(person.personId)) ?? app.get(RegionalGroupQueries).allGroupIds();
  return { ...issued, personName: person.name, groupIds };
}

function personFor(app: INestApplication, reference: string): PersonRow {
  const matches = app.get(PeopleQueries).find(reference);
  if (matches.length === 0) throw new DomainError('NOT_FOUND', `Nobody the platform knows matches "${reference}".`);
  if (matches.length > 1) {
    throw new DomainError(
      'CONFLICT',
      `"${reference}" matches ${matches.length} people; use a person id: ${matches.map((p) => p.personId).join(', ')}.`,
    );
  }
  return matches[0];
}

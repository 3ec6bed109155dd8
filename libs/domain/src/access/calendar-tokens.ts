import { Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';

/**
 * A calendar token lets a calendar client (Outlook, Google Calendar), which cannot send headers,
 * read the calendars its person may read, and nothing else. The events hold a hash of its
 * secret, never the secret: the person is shown the secret once, when it is issued.
 */
export type CalendarTokenIssued = Message<
  'CalendarTokenIssued',
  { tokenId: string; personId: string; issuedAt: string; secretHash: string }
>;
export type CalendarTokenRevoked = Message<
  'CalendarTokenRevoked',
  { tokenId: string; personId: string; revokedAt: string }
>;
export type CalendarTokenEvent = CalendarTokenIssued | CalendarTokenRevoked;

export type IssueCalendarToken = Message<
  'IssueCalendarToken',
  { tokenId: string; personId: string; secretHash: string; actor: Actor; now: string }
>;
export type RevokeCalendarToken = Message<'RevokeCalendarToken', { tokenId: string; actor: Actor; now: string }>;
export type CalendarTokenCommand = IssueCalendarToken | RevokeCalendarToken;

export type CalendarToken = Readonly<{ tokenId: string; personId: string; revoked: boolean }>;
export type CalendarTokens = Readonly<Record<string, CalendarToken>>;

export function evolveCalendarTokens(tokens: CalendarTokens, event: CalendarTokenEvent): CalendarTokens {
  const { tokenId, personId } = event.data;
  return { ...tokens, [tokenId]: { tokenId, personId, revoked: event.type === 'CalendarTokenRevoked' } };
}

/**
 * A person issues and revokes their own calendar tokens; an administrator anyone's, and so does
 * the operator on the platform's own machine (`cli calendar-token`, recorded as the system),
 * who can already mint any person's API token there.
 */
function maySpeakFor(actor: Actor, personId: string): boolean {
  return actor.personId === personId || actor.roles.includes('ADMINISTRATOR') || actor.roles.includes('SYSTEM');
}

export function issueCalendarToken(
  command: IssueCalendarToken,
  tokens: CalendarTokens,
  personKnown: boolean,
): CalendarTokenEvent[] {
  const { tokenId, personId, secretHash, actor, now } = command.data;
  if (!maySpeakFor(actor, personId)) {
    throw new DomainError(
      'FORBIDDEN',
      'Only the person themselves or an administrator can issue their calendar token.',
      {
        requiredRole: 'ADMINISTRATOR',
      },
    );
  }
  if (!personKnown) throw new DomainError('NOT_FOUND', `The platform knows nobody with person id ${personId}.`);
  if (tokens[tokenId]) throw new DomainError('ALREADY_EXISTS', `A calendar token ${tokenId} was already issued.`);
  return [{ type: 'CalendarTokenIssued', data: { tokenId, personId, issuedAt: now, secretHash } }];
}

export function revokeCalendarToken(command: RevokeCalendarToken, tokens: CalendarTokens): CalendarTokenEvent[] {
  const { tokenId, actor, now } = command.data;
  const token = tokens[tokenId];
  // Someone else's token is "not found" to a person who may not revoke it, so ids cannot be probed.
  if (!token || !maySpeakFor(actor, token.personId)) {
    throw new DomainError('NOT_FOUND', `There is no calendar token ${tokenId} of yours.`);
  }
  if (token.revoked) throw new DomainError('CONFLICT', `The calendar token ${tokenId} is already revoked.`);
  return [{ type: 'CalendarTokenRevoked', data: { tokenId, personId: token.personId, revokedAt: now } }];
}

import { calendarPath } from '../../../api/src/auth/calendar-secret';

/** A calendar token as the CLI hands it over: whose it is, its secret and the groups it reads. */
export interface CalendarSubscription {
  readonly tokenId: string;
  readonly personName: string;
  readonly token: string;
  readonly groupIds: readonly string[];
}

/**
 * What `cli calendar-token` prints: the secret, then an address to subscribe to for each group
 * the person may read, in full when PUBLIC_URL says where the platform is, or else what to set.
 */
export function calendarSubscriptionText(issued: CalendarSubscription, publicUrl: string | null): string {
  const addresses = issued.groupIds.map((groupId) =>
    publicUrl
      ? // Appended, not resolved against it: a platform served under a path keeps it.
        `Subscribe to ${publicUrl.replace(/\/+$/, '')}${calendarPath(groupId, issued.token)}`
      : `Subscribe to the platform's address followed by ${calendarPath(groupId, issued.token)}`,
  );
  return [
    `Calendar token ${issued.tokenId} for ${issued.personName}; shown this once:`,
    issued.token,
    ...(addresses.length > 0 ? addresses : [`${issued.personName} may read no group's calendar yet.`]),
    ...(publicUrl || addresses.length === 0
      ? []
      : [
          '(Set PUBLIC_URL to the address people reach the platform at, e.g. https://platform.example, to have it in full.)',
        ]),
    '',
  ].join('\n');
}

import { DomainError } from '@app/domain';

/** What a query asked to be shown: a day (`asAt`), a moment of the record (`asRecordedAt`), or both. */
export interface AskedView {
  readonly asAt: string | null;
  readonly asRecordedAt: Date | null;
}

/**
 * OUT_OF_RANGE for a view in which the platform held nothing of a thing, naming the first moment it
 * recorded it, if any. Asked only for a day, there is no moment to name: it records no day the thing existed.
 */
export function notHeld(what: string, { asAt, asRecordedAt }: AskedView, earliest: string | null): DomainError {
  const held = earliest === null ? '' : `; it first recorded it at ${earliest}`;
  const message =
    asRecordedAt === null
      ? `The platform holds nothing of this ${what} to show on ${asAt ?? 'any day'}: it records no day the ${what} existed${held}.`
      : `The platform held nothing of this ${what} at ${asRecordedAt.toISOString()}${asAt === null ? '' : ` to show on ${asAt}`}${held}.`;
  return new DomainError('OUT_OF_RANGE', message, { earliest });
}

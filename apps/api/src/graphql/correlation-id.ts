import { randomUUID } from 'node:crypto';
import { findIdentifyingDataInKey } from '@app/domain';

/** What a correlation id from a client may hold: it is written into every event the request records. */
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The request's correlation id: the client's `x-correlation-id` when it is 1 to 100 letters,
 * digits, `.`, `_`, `:` or `-` and identifies no child or family (an NHS number, R40), otherwise a
 * new UUID. A bad header is replaced rather than refused (as load balancers treat request ids),
 * and the id used is sent back in the response's `x-correlation-id`, so the client can see what
 * was recorded.
 */
export function correlationIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_CORRELATION_ID.test(header) && findIdentifyingDataInKey(header) === null
    ? header
    : randomUUID();
}

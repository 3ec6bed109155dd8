/*
 * Every id this platform gives out is a UUID in lowercase hexadecimal (random, or derived from an
 * idempotency key): a client can only hold one it was given, so anything else is a mistake.
 */
const ENTITY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && ENTITY_ID.test(value);
}

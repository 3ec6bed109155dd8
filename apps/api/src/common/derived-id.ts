/**
 * The `id` of an object that has none of its own, derived from what identifies it (an attendance
 * is one meeting's record of one appointment). Apollo and Relay normalise their caches by id, so
 * it must be stable and must never equal another object's: the type name is part of it, and it is
 * opaque, like a cursor, so no client builds or parses one.
 */
export function derivedId(typeName: string, ...parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([typeName, ...parts])).toString('base64url');
}

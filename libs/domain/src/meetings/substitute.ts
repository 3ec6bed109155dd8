/**
 * R8: a substitute attends instead of the representative, so one is recorded only for a
 * representative who was not present themselves (sent apologies or was absent).
 */
export function mayBeSubstituted(status: string): boolean {
  return status === 'APOLOGIES' || status === 'ABSENT';
}

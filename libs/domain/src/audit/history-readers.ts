import { DomainError } from '../shared/domain-error';

/** The whole history, with who did what and why, is for auditors and administrators (A2, R43). */
export function mayReadHistory(roles: readonly string[]): boolean {
  return roles.includes('AUDITOR') || roles.includes('ADMINISTRATOR');
}

export function requireHistoryReader(roles: readonly string[]): void {
  if (mayReadHistory(roles)) return;
  throw new DomainError('FORBIDDEN', 'Only an auditor or an administrator can read the history.', {
    requiredRole: 'AUDITOR or ADMINISTRATOR',
  });
}

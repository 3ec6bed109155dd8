/**
 * Every refusal the domain can give, by stable code. Clients branch on these strings, so a
 * code is never renamed; the GraphQL edge maps each one to `extensions.code`.
 */
export const DOMAIN_ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'ALREADY_EXISTS',
  'ALREADY_INITIALISED',
  'IDEMPOTENCY_KEY_REUSED',
  'COVERAGE_GAP',
  'SAME_AGENCY_TYPE',
  'ALREADY_REPRESENTING',
  'QUORUM_NOT_MET',
  'MEETING_NOT_OPEN',
  'MINUTES_NOT_READY',
  'MINUTES_SEALED',
  'GROUP_DISSOLVED',
  'OUT_OF_SCOPE',
  'OPEN_TASKS',
  'WORKSTREAM_CLOSED',
  'INVALID_TASK_STATE',
  'NOTICE_TOO_SHORT',
  'IDENTIFYING_DATA',
  /** A date before the thing it is about existed (an appointment before its partner was admitted). */
  'OUT_OF_RANGE',
  /** An organisation named for a day on which it was not a core partner of the group (a workstream's lead partner). */
  'NOT_A_CORE_PARTNER',
  'ALREADY_REDACTED',
  'NOT_SUPPORTED',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

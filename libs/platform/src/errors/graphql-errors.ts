import { DomainError, DomainErrorCode } from '@app/domain';
import { DuplicateEventIdError, WrongExpectedVersionError } from '@app/event-store';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AuthenticationError } from '../auth/tokens';

/** Every `extensions.code` a client can receive. Codes are part of the API: never renamed. */
export type GraphqlErrorCode =
  | DomainErrorCode
  | 'UNAUTHENTICATED'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'OPERATION_RESOLUTION_FAILURE'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'SUBSCRIPTION_NOT_OVER_HTTP'
  | 'BAD_REQUEST'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/**
 * The one mapping from domain refusals to GraphQL codes. Domain codes pass through under their
 * own names; the typed record makes adding a domain code without deciding its mapping a compile error.
 */
const DOMAIN_CODES: Record<DomainErrorCode, GraphqlErrorCode> = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  ALREADY_INITIALISED: 'ALREADY_INITIALISED',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  COVERAGE_GAP: 'COVERAGE_GAP',
  SAME_AGENCY_TYPE: 'SAME_AGENCY_TYPE',
  ALREADY_REPRESENTING: 'ALREADY_REPRESENTING',
  QUORUM_NOT_MET: 'QUORUM_NOT_MET',
  MEETING_NOT_OPEN: 'MEETING_NOT_OPEN',
  MINUTES_NOT_READY: 'MINUTES_NOT_READY',
  MINUTES_SEALED: 'MINUTES_SEALED',
  GROUP_DISSOLVED: 'GROUP_DISSOLVED',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  OPEN_TASKS: 'OPEN_TASKS',
  WORKSTREAM_CLOSED: 'WORKSTREAM_CLOSED',
  INVALID_TASK_STATE: 'INVALID_TASK_STATE',
  NOTICE_TOO_SHORT: 'NOTICE_TOO_SHORT',
  IDENTIFYING_DATA: 'IDENTIFYING_DATA',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  NOT_A_CORE_PARTNER: 'NOT_A_CORE_PARTNER',
  ALREADY_REDACTED: 'ALREADY_REDACTED',
  NOT_SUPPORTED: 'NOT_SUPPORTED',
};

/** One problem with input refused at the edge: the field's path in the input and a sentence about it. */
export interface InputProblem {
  readonly field: string;
  readonly sentence: string;
}

/**
 * Input refused by class-validator at the edge, with one readable sentence per problem. The
 * refusal names the first field at fault and carries every problem by field, so a form can word
 * each one with its own label.
 */
export class InputValidationError extends Error {
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(({ sentence }) => sentence).join(' '));
    this.name = 'InputValidationError';
  }
}

/**
 * A change refused because the read side has stopped (`/health` says so, the log says why): it
 * could be recorded but never shown, so nothing is recorded until an operator has acted.
 */
export class ReadSideStoppedError extends Error {
  constructor() {
    super(
      'Changes cannot be recorded now: the service has stopped updating what it shows, and an operator must act. ' +
        'Nothing was recorded; try again later.',
    );
    this.name = 'ReadSideStoppedError';
  }
}

/**
 * Codes of the GraphQL server and the HTTP edge that are safe to pass on as they are: the request
 * itself is at fault (no operation chosen among several, a persisted-query hash, which this
 * service does not keep, a subscription sent over plain HTTP).
 */
const PASS_THROUGH = new Set<GraphqlErrorCode>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'SUBSCRIPTION_NOT_OVER_HTTP',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

function isPassedThrough(code: unknown): code is GraphqlErrorCode {
  return typeof code === 'string' && PASS_THROUGH.has(code as GraphqlErrorCode);
}

/** Apollo's own wording for this one is a bare name ("PersistedQueryNotSupported"). */
const PASSED_THROUGH_MESSAGES: Partial<Record<GraphqlErrorCode, string>> = {
  PERSISTED_QUERY_NOT_SUPPORTED:
    'This service keeps no persisted queries: send the query text itself (turn off automatic persisted queries).',
};

/** graphql-js words its token limit as "Syntax Error: Document contains more that N tokens. Parsing aborted." */
function plainer(message: string): string {
  const tokens = /^Syntax Error: Document contains more that (\d+) tokens/.exec(message);
  return tokens ? `The query has more than ${tokens[1]} tokens, the most one request may hold.` : message;
}

interface Classified {
  readonly code: GraphqlErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function classifyError(error: unknown, formatted: GraphQLFormattedError): Classified | null {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError)
    return { code: DOMAIN_CODES[original.code], message: original.message, details: original.details };
  if (original instanceof InputValidationError) {
    const { problems } = original;
    return { code: 'VALIDATION_FAILED', message: original.message, details: { field: problems[0]?.field, problems } };
  }
  if (original instanceof AuthenticationError) return { code: 'UNAUTHENTICATED', message: original.message };
  if (original instanceof ReadSideStoppedError) return { code: 'SERVICE_UNAVAILABLE', message: original.message };
  if (original instanceof WrongExpectedVersionError || original instanceof DuplicateEventIdError) {
    return { code: 'CONFLICT', message: 'Someone else changed this at the same moment; fetch it again and retry.' };
  }
  const code = formatted.extensions?.code;
  if (code === 'BAD_USER_INPUT') return { code: 'VALIDATION_FAILED', message: formatted.message };
  if (isPassedThrough(code)) return { code, message: PASSED_THROUGH_MESSAGES[code] ?? plainer(formatted.message) };
  return null;
}

/**
 * Apollo's formatError: a stable code and a readable sentence, never a stack trace or an
 * internal message. Anything unrecognised is logged in full and answered generically.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logUnexpected: (error: unknown) => void,
): GraphQLFormattedError {
  const classified = classifyError(error, formatted);
  if (!classified) logUnexpected(error instanceof GraphQLError ? (error.originalError ?? error) : error);
  const { code, message, details } = classified ?? {
    code: 'INTERNAL_SERVER_ERROR' as const,
    message: 'Something went wrong on our side; it has been logged.',
  };
  return {
    message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { ...(details ?? {}), code },
  };
}

/**
 * RFC 9110: a 401 names the scheme to authenticate with. Apollo sends it with a refusal raised
 * before execution (a bad token); the GraphQL-over-HTTP plugin with one raised during it.
 */
export const WWW_AUTHENTICATE = 'Bearer realm="graphql"';

/**
 * A refusal is about the credentials of one request: no cache keeps it. Apollo's cache control
 * says so of a refusal raised during execution (no token); one raised before it (a bad token)
 * carries it here.
 */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: {
        status: 401,
        headers: new Map([
          ['www-authenticate', WWW_AUTHENTICATE],
          ['cache-control', 'no-store'],
        ]),
      },
    },
  });
}

import { DomainError, isIsoDate } from '@app/domain';
import { GraphQLScalarType, Kind, print } from 'graphql';

/** RFC 3339's date-time: a day, a time of day and Z or an offset, as the description promises. */
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/**
 * Nest's own DateTime scalar hands any string to `new Date`: "yesterday" became an Invalid Date that
 * failed deep in a resolver, "1" the year 2001 and 30 February the 2nd of March.
 */
function instant(value: unknown): Date {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match || !isIsoDate(match[1])) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${JSON.stringify(value)} is not a date and time: write one as 2026-11-01T09:30:00Z, with Z or an offset such as +01:00.`,
    );
  }
  return new Date(match[0]);
}

export const DateTimeScalar = new GraphQLScalarType<Date, string | null>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: instant,
  // Any other literal (a number, a name) is refused as written.
  parseLiteral: (ast) => instant(ast.kind === Kind.STRING ? ast.value : print(ast)),
});

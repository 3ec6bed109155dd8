import { dateTimeProblem, DomainError } from '@app/domain';
import { GraphQLScalarType, Kind, print } from 'graphql';

/**
 * Nest's own DateTime scalar hands any string to `new Date`: "yesterday" became an Invalid Date that
 * failed deep in a resolver, "1" the year 2001 and 30 February the 2nd of March.
 */
function instant(value: unknown): Date {
  const problem = dateTimeProblem(value);
  if (problem !== null) throw new DomainError('VALIDATION_FAILED', `${JSON.stringify(value)} ${problem}.`);
  return new Date(value as string);
}

export const DateTimeScalar = new GraphQLScalarType<Date, string | null>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: instant,
  // Any other literal (a number, a name) is refused as written.
  parseLiteral: (ast) => instant(ast.kind === Kind.STRING ? ast.value : print(ast)),
});

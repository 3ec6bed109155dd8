import { DomainError } from '@app/domain';
import { WrongExpectedVersionError } from '@app/event-store';
import { GraphQLError } from 'graphql';
import { AuthenticationError } from '../auth/tokens';
import { formatGraphqlError, InputValidationError, ReadSideStoppedError } from './graphql-errors';

const format = (error: unknown, code?: string) => {
  const logged: unknown[] = [];
  const graphqlError = new GraphQLError('raw', {
    originalError: error instanceof Error ? error : undefined,
    extensions: code ? { code } : {},
  });
  const formatted = formatGraphqlError(
    { message: 'raw', extensions: { code, stacktrace: ['at secret.ts:1'] } },
    graphqlError,
    (e) => logged.push(e),
  );
  return { formatted, logged };
};

describe('GraphQL error mapping', () => {
  it('passes a domain refusal on with its code, sentence and details', () => {
    const { formatted } = format(
      new DomainError('FORBIDDEN', 'Only an administrator can do that.', { requiredRole: 'ADMINISTRATOR' }),
    );
    expect(formatted).toMatchObject({
      message: 'Only an administrator can do that.',
      extensions: { code: 'FORBIDDEN', requiredRole: 'ADMINISTRATOR' },
    });
  });

  it('maps input, authentication and concurrency failures', () => {
    expect(
      format(new InputValidationError([{ field: 'name', sentence: 'name must not be empty.' }])).formatted.extensions
        ?.code,
    ).toBe('VALIDATION_FAILED');
    expect(format(new AuthenticationError('expired')).formatted.extensions?.code).toBe('UNAUTHENTICATED');
    expect(format(new WrongExpectedVersionError('s', 1, 2)).formatted.extensions?.code).toBe('CONFLICT');
    expect(format(undefined, 'BAD_USER_INPUT').formatted.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('names the first field at fault and carries each problem by field, so a form can word it with its label', () => {
    const problems = [
      { field: 'title', sentence: 'title must be at most 200 characters long (it has 600).' },
      { field: 'detail', sentence: 'detail must not be empty.' },
    ];
    expect(format(new InputValidationError(problems)).formatted).toMatchObject({
      message: 'title must be at most 200 characters long (it has 600). detail must not be empty.',
      extensions: { code: 'VALIDATION_FAILED', field: 'title', problems },
    });
  });

  it('answers a change refused while the read side has stopped as SERVICE_UNAVAILABLE, saying nothing was recorded', () => {
    const { formatted, logged } = format(new ReadSideStoppedError());
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(formatted.message).toMatch(/Nothing was recorded/);
    expect(logged).toEqual([]);
  });

  it('never sends a stack trace or an internal message, and logs what it hides', () => {
    const { formatted, logged } = format(new TypeError('cannot read property x of undefined'));
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toMatch(/property/);
    expect(JSON.stringify(formatted)).not.toMatch(/stacktrace|secret\.ts/);
    expect(logged).toHaveLength(1);
  });
});

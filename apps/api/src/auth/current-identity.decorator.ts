import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '@app/platform';
import { GraphqlContext } from '../graphql/graphql-context';

/** The signed-in person; an operation that takes it refuses anonymous callers with UNAUTHENTICATED. */
export const CurrentIdentity = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const { identity } = GqlExecutionContext.create(context).getContext<GraphqlContext>();
  if (!identity) throw unauthenticated('Sign in first: send "Authorization: Bearer <token>".');
  return identity;
});

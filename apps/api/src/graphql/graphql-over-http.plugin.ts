import { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { WWW_AUTHENTICATE } from '@app/platform';

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
const JSON_TYPES = new Set(['application/json', 'application/*', '*/*']);

/**
 * The media type to answer in: the first of the two a client lists (as graphql-http's reference
 * server chooses), application/json when it sends no Accept, null when it accepts neither.
 */
export function responseMediaType(accept: string | undefined): string | null {
  for (const entry of (accept || '*/*').toLowerCase().split(',')) {
    const [type, ...parameters] = entry.split(';').map((part) => part.trim());
    if (parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter))) continue;
    if (type === GRAPHQL_RESPONSE_JSON) return `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`;
    if (JSON_TYPES.has(type)) return 'application/json; charset=utf-8';
  }
  return null;
}

/**
 * Status codes as the GraphQL-over-HTTP specification asks. A client that accepts
 * application/graphql-response+json learns from the status that a request failed as a whole
 * (no `data`): 400. A client that accepts only application/json predates that media type and
 * reads errors from the body, so a well-formed request is answered 200 whatever its errors.
 * Subscriptions are served over graphql-ws only: over plain HTTP they are refused, not run.
 * A request refused for want of a valid token is 401 whatever the media type and whatever part
 * of the request found it, as the specification allows a server that requires authentication:
 * a missing token for an operation that needs someone answers as a bad or expired token does
 * (no `data`, `UNAUTHENTICATED`, `WWW-Authenticate`). An answer with `data` stays 200.
 */
export function graphqlOverHttpPlugin(): ApolloServerPlugin {
  const refuseSubscriptions: GraphQLRequestListener<BaseContext>['didResolveOperation'] = ({ operation }) =>
    operation?.operation === OperationTypeNode.SUBSCRIPTION
      ? Promise.reject(
          new GraphQLError('Subscriptions are served over graphql-ws (a WebSocket to /graphql), not over plain HTTP.', {
            extensions: { code: 'SUBSCRIPTION_NOT_OVER_HTTP', http: { status: 400 } },
          }),
        )
      : Promise.resolve();

  const setStatus: GraphQLRequestListener<BaseContext>['willSendResponse'] = ({ request, response }) => {
    if (response.body.kind !== 'single') return Promise.resolve();
    // Chosen here so that the status below matches it (Apollo would prefer application/json on a tie).
    const contentType =
      response.http.headers.get('content-type') ?? responseMediaType(request.http?.headers.get('accept'));
    if (!contentType) return Promise.resolve();
    response.http.headers.set('content-type', contentType);
    const status = response.http.status ?? 200;
    const result = response.body.singleResult;
    // A nullable lookup (regionalGroup, policy...) refused for want of a token leaves `data` of nulls, not null.
    const answeredNothing = Object.values(result.data ?? {}).every((value) => value === null);
    const refusedForToken =
      answeredNothing && result.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED');
    if (refusedForToken) {
      // The refusal nulled the whole answer; it is sent as the request error it is, without `data`.
      delete (result as { data?: unknown }).data;
      response.http.status = 401;
      response.http.headers.set('www-authenticate', WWW_AUTHENTICATE);
      return Promise.resolve();
    }
    // A refusal inside an answer that has data (a field the reader may not see) leaves it a 200.
    response.http.headers.delete('www-authenticate');
    if ('data' in result) {
      if (status >= 400) response.http.status = 200;
    } else if (contentType.startsWith(GRAPHQL_RESPONSE_JSON)) {
      if (status < 400) response.http.status = 400;
    } else if (status === 400) {
      response.http.status = 200;
    }
    return Promise.resolve();
  };

  return {
    requestDidStart: () => Promise.resolve({ didResolveOperation: refuseSubscriptions, willSendResponse: setStatus }),
  };
}

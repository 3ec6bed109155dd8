import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ServerOptions } from 'graphql-ws';
import { Logger } from '@nestjs/common';
import { MembershipQueries, RegionalGroupQueries } from '@app/read-models';
import { AppConfig, formatGraphqlError } from '@app/platform';
import { GraphQLError, NoSchemaIntrospectionCustomRule, specifiedRules, validate, ValidationRule } from 'graphql';
import { randomUUID } from 'node:crypto';
import { Authenticator } from '../auth/authenticator';
import { graphiqlLandingPage } from './graphiql-landing-page';
import { GraphqlContext } from './graphql-context';
import { graphqlWsOptions } from './graphql-ws-options';
import { createLoaders } from './loaders';

/** Limits that keep one request from exhausting the server; generous for every query the API documents. */
const LIMITS = {
  maxDepth: { n: 10 },
  costLimit: { maxCost: 5000 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 2000 },
};

interface HttpContextInput {
  readonly req: { headers: Record<string, string | string[] | undefined> };
}

interface WsContextInput {
  readonly connectionParams?: Record<string, unknown>;
  readonly extra: { identity?: GraphqlContext['identity'] };
}

export function graphqlOptions(
  config: AppConfig,
  authenticator: Authenticator,
  groups: RegionalGroupQueries,
  membership: MembershipQueries,
): ApolloDriverConfig {
  const logger = new Logger('GraphQL');
  const production = config.environment === 'production';
  const armor = new ApolloArmor({ ...LIMITS, blockFieldSuggestion: { enabled: production } }).protect();
  const format = (error: GraphQLError) =>
    formatGraphqlError(error.toJSON(), error, (unexpected) => logger.error(unexpected));
  // graphql-ws validates and reports errors itself, outside Apollo: give it the same rules and formatting.
  const socketRules: ValidationRule[] = [
    ...specifiedRules,
    ...armor.validationRules,
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  // Nest's type lists fewer graphql-ws options than it passes on to graphql-ws at run time.
  const socketValidationAndErrors: Pick<ServerOptions, 'validate' | 'onNext' | 'onError'> = {
    // Tagged as Apollo tags them over HTTP, so clients see one code for a malformed or over-limit query.
    validate: (schema, document) =>
      validate(schema, document, socketRules).map(
        (error) =>
          new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ),
    onNext: (_context, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: result.errors.map(format) } : undefined,
    onError: (_context, _id, _payload, errors) => errors.map(format),
  };

  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !production,
    playground: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    plugins: [...armor.plugins, production ? ApolloServerPluginLandingPageDisabled() : graphiqlLandingPage()],
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    formatError: (formatted, error) => formatGraphqlError(formatted, error, (unexpected) => logger.error(unexpected)),
    persistedQueries: false,
    subscriptions: { 'graphql-ws': graphqlWsOptions(authenticator, socketValidationAndErrors) },
    context: async (input: HttpContextInput | WsContextInput): Promise<GraphqlContext> => {
      if ('extra' in input && input.extra && !('req' in input && input.req)) {
        return {
          identity: input.extra.identity ?? null,
          correlationId: randomUUID(),
          loaders: createLoaders(groups, membership),
        };
      }
      const { headers } = (input as HttpContextInput).req;
      const correlation = headers['x-correlation-id'];
      return {
        identity: await authenticator.identify(headers.authorization),
        correlationId: typeof correlation === 'string' && correlation.length <= 100 ? correlation : randomUUID(),
        loaders: createLoaders(groups, membership),
      };
    },
  };
}

import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ServerOptions } from 'graphql-ws';
import { Logger } from '@nestjs/common';
import { AppConfig, formatGraphqlError } from '@app/platform';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { Authenticator } from '../auth/authenticator';
import { correlationIdFrom } from './correlation-id';
import { DateTimeScalar } from './date-time.scalar';
import { graphiqlLandingPage } from './graphiql-landing-page';
import { GraphqlContext } from './graphql-context';
import { graphqlOverHttpPlugin } from './graphql-over-http.plugin';
import { graphqlWsOptions } from './graphql-ws-options';
import { createLoaders, LoaderSources } from './loaders';
import { queryLimitsRule } from './query-limits';

/** Parsing stops past this many tokens: a parse failure, answered before any validation work. */
const MAX_TOKENS = 2000;

/** graphql-armor's refusals begin "Syntax Error:" whatever they are about; the sentence after it is kept. */
const reportLimit = (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
const armorLimit = (n: number) => ({ n, propagateOnRejection: false, onReject: [reportLimit] });

/**
 * Limits that keep one request from exhausting the server, generous for every query the README,
 * the demo and a dashboard send: depth and cost (query-limits.ts), aliases and directives (graphql-armor).
 */
const ARMOR_LIMITS = {
  maxDepth: { enabled: false },
  costLimit: { enabled: false },
  maxTokens: { enabled: false },
  maxAliases: armorLimit(15),
  maxDirectives: armorLimit(20),
};

interface HttpContextInput {
  readonly req: { headers: Record<string, string | string[] | undefined> };
  readonly res: { setHeader(name: string, value: string): unknown };
}

interface WsContextInput {
  readonly connectionParams?: Record<string, unknown>;
  readonly extra: { identity?: GraphqlContext['identity'] };
}

export function graphqlOptions(
  config: AppConfig,
  authenticator: Authenticator,
  sources: LoaderSources,
): ApolloDriverConfig {
  const logger = new Logger('GraphQL');
  const production = config.environment === 'production';
  const armor = new ApolloArmor({ ...ARMOR_LIMITS, blockFieldSuggestion: { enabled: production } }).protect();
  const limitRules = [...(armor.validationRules ?? []), queryLimitsRule()];
  const format = (error: GraphQLError) =>
    formatGraphqlError(error.toJSON(), error, (unexpected) => logger.error(unexpected));
  // graphql-ws validates and reports errors itself, outside Apollo: give it the same rules and formatting.
  const socketRules: ValidationRule[] = [
    ...specifiedRules,
    ...limitRules,
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
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    sortSchema: true,
    introspection: !production,
    playground: false,
    csrfPrevention: true,
    // Statuses are decided in one place, graphqlOverHttpPlugin; Nest's own plugin would turn every 401 with data: null into 200.
    preserveHttpStatusForExecutionErrors: false,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ...(armor.plugins ?? []),
      graphqlOverHttpPlugin(),
      production ? ApolloServerPluginLandingPageDisabled() : graphiqlLandingPage(),
    ],
    validationRules: limitRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    allowBatchedHttpRequests: false,
    formatError: (formatted, error) => formatGraphqlError(formatted, error, (unexpected) => logger.error(unexpected)),
    persistedQueries: false,
    subscriptions: { 'graphql-ws': graphqlWsOptions(authenticator, socketValidationAndErrors) },
    context: async (input: HttpContextInput | WsContextInput): Promise<GraphqlContext> => {
      if ('extra' in input && input.extra && !('req' in input && input.req)) {
        return {
          identity: input.extra.identity ?? null,
          correlationId: randomUUID(),
          loaders: createLoaders(sources),
        };
      }
      const { req, res } = input as HttpContextInput;
      const correlationId = correlationIdFrom(req.headers['x-correlation-id']);
      res.setHeader('x-correlation-id', correlationId);
      return {
        identity: await authenticator.identify(req.headers.authorization),
        correlationId,
        loaders: createLoaders(sources),
      };
    },
  };
}

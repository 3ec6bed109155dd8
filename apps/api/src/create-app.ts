import { INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import compression from 'compression';
import { DomainError } from '@app/domain';
import { AppConfig, InputValidationError, JsonLogger } from '@app/platform';
import { AppModule } from './app.module';
import { IDENTIFYING_DATA_CONSTRAINT } from './common/input-validators';
import { GRAPHIQL_ASSETS_PATH, graphiqlSite } from './graphql/graphiql-landing-page';
import { GraphqlExceptionFilter } from './graphql/graphql-exception.filter';
import { Pages } from '../../web/src/page-context';
import { PageNotFoundFilter } from '../../web/src/page-not-found.filter';

interface Problem {
  /** The field's path in the input, e.g. `title` or `areas.0.name`. */
  readonly field: string;
  readonly constraint: string;
  readonly sentence: string;
}

function problems(errors: ValidationError[], path = ''): Problem[] {
  return errors.flatMap((error) => {
    const field = path ? `${path}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      constraint,
      sentence: message.endsWith('.') ? message : `${field}: ${message}.`,
    }));
    return [...own, ...problems(error.children ?? [], field)];
  });
}

/**
 * Input that identifies a child or family is refused as IDENTIFYING_DATA naming the (first) field,
 * whatever else is wrong with it: that is what the sender must not send again (R40).
 */
function inputRefusal(errors: ValidationError[]): Error {
  const all = problems(errors);
  const identifying = all.filter((problem) => problem.constraint === IDENTIFYING_DATA_CONSTRAINT);
  if (identifying.length > 0) {
    return new DomainError('IDENTIFYING_DATA', identifying.map((problem) => problem.sentence).join(' '), {
      field: identifying[0].field,
    });
  }
  return new InputValidationError(all.map((problem) => problem.sentence));
}

/** The api as it runs: used by main, the CLI's demo and the end-to-end tests alike. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger: new JsonLogger(config.logLevel),
    abortOnError: false,
  });
  // Responses over 1 kB go out gzip- or brotli-compressed when the client accepts it.
  app.use(compression());
  if (config.environment !== 'production') app.use(GRAPHIQL_ASSETS_PATH, graphiqlSite().serve);
  app.useGlobalPipes(
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: inputRefusal,
    }),
  );
  const apiErrors = new GraphqlExceptionFilter(app.get(HttpAdapterHost).httpAdapter);
  // The filter added last is tried first.
  app.useGlobalFilters(apiErrors, new PageNotFoundFilter(app.get(Pages), apiErrors));
  app.enableShutdownHooks();
  return app;
}

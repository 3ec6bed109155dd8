import { INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import compression from 'compression';
import { AppConfig, InputValidationError, JsonLogger } from '@app/platform';
import { AppModule } from './app.module';
import { GRAPHIQL_ASSETS_PATH, graphiqlSite } from './graphql/graphiql-landing-page';
import { GraphqlExceptionFilter } from './graphql/graphql-exception.filter';

function sentences(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const here = path ? `${path}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.endsWith('.') ? message : `${here}: ${message}.`,
    );
    return [...own, ...sentences(error.children ?? [], here)];
  });
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
      exceptionFactory: (errors) => new InputValidationError(sentences(errors)),
    }),
  );
  app.useGlobalFilters(new GraphqlExceptionFilter(app.get(HttpAdapterHost).httpAdapter));
  app.enableShutdownHooks();
  return app;
}

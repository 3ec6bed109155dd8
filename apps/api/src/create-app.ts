import { INestApplication } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import compression from 'compression';
import { AppConfig, JsonLogger } from '@app/platform';
import { AppModule } from './app.module';
import { AppRole } from './infrastructure/infrastructure.module';
import { inputRefusal } from './common/input-refusal';
import { AuthorisationFirstInterceptor, AuthorisationFirstValidationPipe } from './common/authorisation-first';
import { GRAPHIQL_ASSETS_PATH, graphiqlSite } from './graphql/graphiql-landing-page';
import { GraphqlExceptionFilter } from './graphql/graphql-exception.filter';
import { Pages } from '../../web/src/page-context';
import { PageAddressFilter } from '../../web/src/page-address.filter';

/** The api as it runs: used by main, the CLI's demo and the end-to-end tests alike. */
export async function createApp(config: AppConfig, role: AppRole = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config, role), {
    logger: new JsonLogger(config.logLevel),
    abortOnError: false,
  });
  // Responses over 1 kB go out gzip- or brotli-compressed when the client accepts it.
  app.use(compression());
  if (config.environment !== 'production') app.use(GRAPHIQL_ASSETS_PATH, graphiqlSite().serve);
  // A mutation's input is refused only after its rules say whether the person may act (FORBIDDEN first).
  app.useGlobalInterceptors(new AuthorisationFirstInterceptor());
  app.useGlobalPipes(
    new AuthorisationFirstValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: inputRefusal,
    }),
  );
  const apiErrors = new GraphqlExceptionFilter(app.get(HttpAdapterHost).httpAdapter);
  // The filter added last is tried first.
  app.useGlobalFilters(apiErrors, new PageAddressFilter(app.get(Pages), apiErrors));
  app.enableShutdownHooks();
  return app;
}

import { INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { AppConfig, InputValidationError, JsonLogger } from '@app/platform';
import { AppModule } from './app.module';
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

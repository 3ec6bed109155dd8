import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { resolve } from 'node:path';
import { CONNECTION_STRING_SCHEME } from '@app/event-store/eventstoredb/connection-string';
import { SCHEMA_NAME } from '@app/event-store/postgres/postgres-schema';

class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  // Decorators run bottom-up: the type check comes first so a word gets one clear message.
  @Max(65535)
  @Min(0)
  @IsInt()
  @Type(() => Number)
  PORT: number = 3000;

  @IsString()
  @MinLength(1)
  HOST: string = '127.0.0.1';

  @IsString()
  @MinLength(1)
  DATA_DIR: string = './data';

  // kurrentdb is the server's current name; both select the one adapter, which speaks to either.
  @IsIn(['sqlite', 'eventstoredb', 'kurrentdb', 'postgres'])
  EVENT_STORE: string = 'sqlite';

  @IsOptional()
  @IsString()
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  // The same rule as the store's own check (storeNames), so a bad name stops start-up with the others.
  @Matches(SCHEMA_NAME, { message: 'DATABASE_SCHEMA must be lower-case letters, digits and underscores (at most 50)' })
  DATABASE_SCHEMA: string = 'public';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  AUTH_ISSUER?: string;

  @IsOptional()
  @IsString()
  AUTH_AUDIENCE?: string;

  // The pages' own registration at the provider, for signing people in (authorization code + PKCE).
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTH_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTH_CLIENT_SECRET?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  CLOCK_NOW?: string;

  @IsIn(['debug', 'info', 'warn', 'error', 'silent'])
  LOG_LEVEL: string = 'info';

  // The address people reach the platform at, for what is handed to them outside a request (the CLI).
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL?: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface AppConfig {
  readonly environment: 'development' | 'test' | 'production';
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore:
    | { readonly kind: 'sqlite' }
    | { readonly kind: 'eventstoredb'; readonly connectionString: string }
    | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema: string };
  /**
   * Null: tokens are signed and verified with the embedded key in DATA_DIR. `clientId` (and
   * `clientSecret` for a confidential client) let the pages sign people in at the provider.
   */
  readonly oidc: {
    readonly jwksUrl: string;
    readonly issuer: string;
    readonly audience: string;
    readonly clientId: string | null;
    readonly clientSecret: string | null;
  } | null;
  readonly clockNow: string | null;
  readonly logLevel: LogLevel;
  /** The platform's public address (PUBLIC_URL), e.g. https://platform.example; null when not set. */
  readonly publicUrl: string | null;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Reads the environment once at start-up and refuses to start with every problem listed at
 * once, so an operator fixes them in one go rather than one per restart.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const provided = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = plainToInstance(Environment, provided, { excludeExtraneousValues: false });
  const problems = validateSync(parsed, { stopAtFirstError: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map(
      (message) => `${error.property}: ${message} (got "${String(error.value)}")`,
    ),
  );

  if (usesKurrentDb(parsed) && !parsed.EVENTSTORE_CONNECTION_STRING) {
    problems.push(
      `EVENTSTORE_CONNECTION_STRING: required when EVENT_STORE is ${parsed.EVENT_STORE} (e.g. kurrentdb://localhost:2113?tls=false)`,
    );
  }
  if (
    parsed.EVENTSTORE_CONNECTION_STRING &&
    !CONNECTION_STRING_SCHEME.test(parsed.EVENTSTORE_CONNECTION_STRING.trim())
  ) {
    problems.push('EVENTSTORE_CONNECTION_STRING: must be a kurrentdb:// or esdb:// connection string');
  }
  if (parsed.EVENT_STORE === 'postgres' && !parsed.DATABASE_URL) {
    problems.push(
      'DATABASE_URL: required when EVENT_STORE is postgres (e.g. postgres://user:password@host:5432/database)',
    );
  }
  if (parsed.DATABASE_URL && !/^postgres(ql)?:\/\//.test(parsed.DATABASE_URL)) {
    problems.push('DATABASE_URL: must be a postgres:// or postgresql:// connection string');
  }
  const oidcSettings = [parsed.AUTH_JWKS_URL, parsed.AUTH_ISSUER, parsed.AUTH_AUDIENCE];
  const oidcGiven = oidcSettings.filter(Boolean).length;
  if (oidcGiven > 0 && oidcGiven < 3) {
    problems.push(
      'AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE: give all three to use an OIDC provider, or none for the embedded key',
    );
  }
  if ((parsed.AUTH_CLIENT_ID || parsed.AUTH_CLIENT_SECRET) && oidcGiven < 3) {
    problems.push(
      'AUTH_CLIENT_ID, AUTH_CLIENT_SECRET: the pages sign in at an OIDC provider; configure the provider too',
    );
  }
  if (parsed.AUTH_CLIENT_SECRET && !parsed.AUTH_CLIENT_ID) {
    problems.push('AUTH_CLIENT_SECRET: give AUTH_CLIENT_ID with it');
  }
  if (parsed.NODE_ENV === 'production') {
    if (oidcGiven === 0)
      problems.push(
        'AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE: required in production (an OIDC provider signs tokens)',
      );
    if (parsed.CLOCK_NOW) problems.push('CLOCK_NOW: a fixed clock is refused in production');
  }
  if (problems.length > 0) throw new ConfigurationError(problems);

  return {
    environment: parsed.NODE_ENV as AppConfig['environment'],
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir: resolve(parsed.DATA_DIR),
    eventStore: eventStoreOf(parsed),
    oidc:
      oidcGiven === 3
        ? {
            jwksUrl: parsed.AUTH_JWKS_URL as string,
            issuer: parsed.AUTH_ISSUER as string,
            audience: parsed.AUTH_AUDIENCE as string,
            clientId: parsed.AUTH_CLIENT_ID ?? null,
            clientSecret: parsed.AUTH_CLIENT_SECRET ?? null,
          }
        : null,
    clockNow: parsed.CLOCK_NOW ?? null,
    logLevel: parsed.LOG_LEVEL as LogLevel,
    publicUrl: parsed.PUBLIC_URL ?? null,
  };
}

function usesKurrentDb(parsed: Environment): boolean {
  return parsed.EVENT_STORE === 'eventstoredb' || parsed.EVENT_STORE === 'kurrentdb';
}

function eventStoreOf(parsed: Environment): AppConfig['eventStore'] {
  if (usesKurrentDb(parsed)) {
    return { kind: 'eventstoredb', connectionString: parsed.EVENTSTORE_CONNECTION_STRING as string };
  }
  if (parsed.EVENT_STORE === 'postgres') {
    return { kind: 'postgres', connectionString: parsed.DATABASE_URL as string, schema: parsed.DATABASE_SCHEMA };
  }
  return { kind: 'sqlite' };
}

import { ConfigurationError, loadConfig } from './app-config';

describe('configuration validated at start-up', () => {
  it('serves a single machine by default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      eventStore: { kind: 'sqlite' },
      oidc: null,
      clockNow: null,
      environment: 'development',
    });
    expect(config.dataDir).toMatch(/data$/);
  });

  it('reads an EventStoreDB connection and an OIDC provider', () => {
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      AUTH_JWKS_URL: 'https://login.example.org/.well-known/jwks.json',
      AUTH_ISSUER: 'https://login.example.org/',
      AUTH_AUDIENCE: 'safeguarding',
      NODE_ENV: 'production',
    });
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
    expect(config.oidc?.audience).toBe('safeguarding');
    expect(config.oidc?.clientId).toBeNull();
  });

  it("reads the pages' client at the provider, and refuses a client without a provider or a secret without a client", () => {
    const provider = {
      AUTH_JWKS_URL: 'https://login.example.org/.well-known/jwks.json',
      AUTH_ISSUER: 'https://login.example.org/',
      AUTH_AUDIENCE: 'safeguarding',
    };
    expect(loadConfig({ ...provider, AUTH_CLIENT_ID: 'pages' }).oidc).toMatchObject({
      clientId: 'pages',
      clientSecret: null,
    });
    expect(() => loadConfig({ AUTH_CLIENT_ID: 'pages' })).toThrow(/configure the provider too/);
    expect(() => loadConfig({ ...provider, AUTH_CLIENT_SECRET: 'secret' })).toThrow(/give AUTH_CLIENT_ID with it/);
  });

  it('takes kurrentdb as the same store as eventstoredb, with either spelling of connection string', () => {
    const url = 'kurrentdb+discover://admin:changeit@cluster.example:2113';
    expect(loadConfig({ EVENT_STORE: 'kurrentdb', EVENTSTORE_CONNECTION_STRING: url }).eventStore).toEqual({
      kind: 'eventstoredb',
      connectionString: url,
    });
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(
      /EVENTSTORE_CONNECTION_STRING: required when EVENT_STORE is kurrentdb/,
    );
    expect(() =>
      loadConfig({ EVENT_STORE: 'kurrentdb', EVENTSTORE_CONNECTION_STRING: 'http://cluster.example:2113' }),
    ).toThrow(/EVENTSTORE_CONNECTION_STRING: must be a kurrentdb:\/\/ or esdb:\/\/ connection string/);
    expect(() => loadConfig({ EVENT_STORE: 'kurrent' })).toThrow(/EVENT_STORE must be one of/);
  });

  it('reads a PostgreSQL connection, in the public schema unless another is named', () => {
    const url = 'postgres://api:secret@db.example:5432/safeguarding';
    expect(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: url }).eventStore).toEqual({
      kind: 'postgres',
      connectionString: url,
      schema: 'public',
    });
    expect(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: 'events_a' }).eventStore).toEqual({
      kind: 'postgres',
      connectionString: url,
      schema: 'events_a',
    });
  });

  it('refuses PostgreSQL without a usable connection string or with a schema name it cannot use', () => {
    expect(() => loadConfig({ EVENT_STORE: 'postgres' })).toThrow(
      /DATABASE_URL: required when EVENT_STORE is postgres/,
    );
    expect(() => loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'mysql://db/x' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ connection string/,
    );
    expect(() =>
      loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db/x', DATABASE_SCHEMA: 'Events; DROP' }),
    ).toThrow(/DATABASE_SCHEMA must be lower-case letters, digits and underscores/);
  });

  it('lists every problem at once', () => {
    let error: ConfigurationError | undefined;
    try {
      loadConfig({
        PORT: 'eighty',
        EVENT_STORE: 'eventstoredb',
        AUTH_ISSUER: 'x',
        NODE_ENV: 'production',
        CLOCK_NOW: '2020-01-01T00:00:00Z',
      });
    } catch (caught) {
      error = caught as ConfigurationError;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: PORT must be an integer/),
        expect.stringMatching(/^EVENTSTORE_CONNECTION_STRING: required/),
        expect.stringMatching(/give all three/),
        expect.stringMatching(/^CLOCK_NOW: a fixed clock is refused in production/),
      ]),
    );
    expect(error?.message).toContain('  - PORT');
  });

  it('reads the public address people reach the platform at, and refuses one that is not an http(s) address', () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'https://platform.example' }).publicUrl).toBe('https://platform.example');
    expect(() => loadConfig({ PUBLIC_URL: 'platform.example' })).toThrow(/PUBLIC_URL/);
  });

  it('refuses a clock that is not an ISO date', () => {
    expect(() => loadConfig({ CLOCK_NOW: 'next tuesday' })).toThrow(/CLOCK_NOW/);
  });
});

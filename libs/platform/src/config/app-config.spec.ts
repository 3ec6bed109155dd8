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

  it('refuses a clock that is not an ISO date', () => {
    expect(() => loadConfig({ CLOCK_NOW: 'next tuesday' })).toThrow(/CLOCK_NOW/);
  });
});

import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { CONNECTION_STRING_SCHEME, toKurrentConnectionString } from './connection-string';

describe('KurrentDB connection strings', () => {
  it('hands EventStoreDB connection strings to the client under the kurrentdb scheme, settings unchanged', () => {
    expect(toKurrentConnectionString('esdb://localhost:2113?tls=false')).toBe('kurrentdb://localhost:2113?tls=false');
    expect(toKurrentConnectionString('esdb+discover://admin:changeit@cluster.example:2113?nodePreference=leader')).toBe(
      'kurrentdb+discover://admin:changeit@cluster.example:2113?nodePreference=leader',
    );
  });

  it('keeps the KurrentDB spellings, whatever their case, and trims surrounding space', () => {
    expect(toKurrentConnectionString(' kurrentdb://localhost:2113 ')).toBe('kurrentdb://localhost:2113');
    expect(toKurrentConnectionString('kdb+discover://a:b@c:2113')).toBe('kurrentdb+discover://a:b@c:2113');
    expect(toKurrentConnectionString('KurrentDB://localhost:2113')).toBe('kurrentdb://localhost:2113');
    expect(toKurrentConnectionString('ESDB+DISCOVER://h:2113')).toBe('kurrentdb+discover://h:2113');
  });

  it('refuses other schemes', () => {
    expect(CONNECTION_STRING_SCHEME.test('postgres://localhost:5432/db')).toBe(false);
    expect(CONNECTION_STRING_SCHEME.test('esdb+tls://localhost:2113')).toBe(false);
    expect(() => toKurrentConnectionString('tcp://localhost:1113')).toThrow(/kurrentdb:\/\//);
  });

  it('gives the client a string it parses without the esdb deprecation warning', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const given of ['esdb://localhost:2113?tls=false', 'esdb+discover://localhost:2113?tls=false']) {
        const client = KurrentDBClient.connectionString(toKurrentConnectionString(given));
        await client.dispose();
      }
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

/**
 * The schemes the KurrentDB client understands: KurrentDB's own spellings and EventStoreDB's older
 * esdb ones, each with a +discover form for DNS/gossip discovery of a cluster. The configuration
 * checks connection strings against this, so a typo stops start-up rather than the first append.
 */
export const CONNECTION_STRING_SCHEME = /^(?:esdb|kurrentdb|kurrent|kdb)(?:\+discover)?:\/\//i;

/**
 * The client still parses esdb:// but warns on every connection that it is deprecated, and it only
 * knows lower-case schemes; the same settings are handed to it under the kurrentdb spelling instead,
 * so existing EventStoreDB connection strings keep working unchanged and quietly.
 */
export function toKurrentConnectionString(connectionString: string): string {
  const trimmed = connectionString.trim();
  const scheme = CONNECTION_STRING_SCHEME.exec(trimmed);
  if (!scheme) {
    throw new Error('A KurrentDB connection string starts with kurrentdb://, esdb:// or their +discover forms.');
  }
  const discover = scheme[0].toLowerCase().includes('+discover') ? '+discover' : '';
  return `kurrentdb${discover}://${trimmed.slice(scheme[0].length)}`;
}

import { Client, escapeIdentifier } from 'pg';
import { randomUUID } from 'node:crypto';

/**
 * The PostgreSQL server tests run against (CI sets it). The server is shared and outlives a
 * run, so each test works in a schema of its own and drops it afterwards.
 */
export const TEST_DATABASE_URL = process.env.DATABASE_URL || undefined;

/** A schema name no other run or test uses; the store creates the schema on first use. */
export function freshTestSchema(): string {
  return `test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

export async function dropTestSchema(connectionString: string, schema: string): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Runs `suite` against the server in DATABASE_URL. Without one it says so and shows as skipped;
 * with one that cannot be reached the tests fail, so CI never passes without the server.
 */
export function describeWithPostgres(name: string, suite: (connectionString: string) => void): void {
  const connectionString = TEST_DATABASE_URL;
  describe(name, () => {
    if (connectionString) {
      suite(connectionString);
      return;
    }
    process.stdout.write(`skipped: no PostgreSQL configured (set DATABASE_URL to run ${name})\n`);
    it.skip('runs against the server named by DATABASE_URL', () => undefined);
  });
}

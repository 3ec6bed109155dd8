import { Client } from 'pg';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithPostgres, dropTestSchema, freshTestSchema } from '@app/event-store/testing/postgres-test-schema';
import { TestApp } from './support/test-app';

describeWithPostgres('the api on PostgreSQL (EVENT_STORE=postgres)', (connectionString) => {
  const schema = freshTestSchema();
  let api: TestApp;
  beforeAll(async () => {
    api = await TestApp.start({ EVENT_STORE: 'postgres', DATABASE_URL: connectionString, DATABASE_SCHEMA: schema });
  });
  afterAll(async () => {
    await api?.stop();
    await dropTestSchema(connectionString, schema);
  });

  it('records a regional group in PostgreSQL and answers a query for it from its own read models', async () => {
    const established = await api.graphql(
      `mutation($input: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $input) { id name } }`,
      { input: { name: 'Avon and Somerset Strategic Safeguarding Partnership', areas: [{ name: 'Bristol' }] } },
    );
    expect(established.errors).toBeUndefined();
    const { id } = established.data?.establishRegionalGroup as { id: string };

    const read = await api.graphql(`query($id: ID!) { regionalGroup(id: $id) { name areas { name } } }`, { id });
    expect(read.data?.regionalGroup).toEqual({
      name: 'Avon and Somerset Strategic Safeguarding Partnership',
      areas: [{ name: 'Bristol' }],
    });

    const raw = new Client({ connectionString });
    await raw.connect();
    try {
      const rows = await raw.query<{ type: string }>(`SELECT type FROM "${schema}".events WHERE stream_id = $1`, [
        `regional-group-${id}`,
      ]);
      expect(rows.rows.map((row) => row.type)).toEqual(['RegionalGroupEstablished']);
    } finally {
      await raw.end();
    }
    expect(existsSync(join(api.config.dataDir, 'events.db'))).toBe(false);
    expect(existsSync(join(api.config.dataDir, 'read.db'))).toBe(true);
  });

  it('reports the PostgreSQL store as reachable on /health', async () => {
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { store: unknown }).store).toMatchObject({ kind: 'postgres', reachable: true });
  });
});

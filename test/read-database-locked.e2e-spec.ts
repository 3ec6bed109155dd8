import Database from 'better-sqlite3';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

const REGISTER = 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { personId } }';

interface Health {
  readonly status: string;
  readonly projections: { readonly running: boolean; readonly lag: number };
}

/**
 * The service beside a command of the CLI that holds read.db's write lock, as one does while its
 * own projection runner catches up: the service's read side waits for the file rather than stopping.
 */
describe("the service while another process holds read.db's write lock", () => {
  let api: TestApp;
  let holder: Database.Database;
  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(async () => {
    holder?.close();
    await api.stop();
  });

  const health = async (): Promise<{ status: number; body: Health }> => {
    const response = await fetch(`${api.url}/health`);
    return { status: response.status, body: (await response.json()) as Health };
  };
  /** Health once the store holds an event the read models have not applied. */
  const lagging = async (): Promise<{ status: number; body: Health }> => {
    for (;;) {
      const answer = await health();
      if (answer.body.projections.lag > 0) return answer;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('when a change is sent, then the service stays healthy, and answers the change once the lock is released', async () => {
    holder = new Database(join(api.config.dataDir, 'read.db'));
    holder.exec('BEGIN IMMEDIATE');
    const registering = api.graphql(REGISTER, { input: { name: 'Someone New', email: 'someone.new@asssp.example' } });
    await lagging();
    // Past a few of the runner's tries for the lock.
    await new Promise((resolve) => setTimeout(resolve, 2500));

    const held = await health();
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'ok', projections: { running: true, lag: 1 } });

    holder.exec('ROLLBACK');
    const { errors, data } = await registering;
    expect(errors).toBeUndefined();
    expect(data).toEqual({ registerPerson: { personId: expect.any(String) } });
    expect((await health()).body).toMatchObject({ status: 'ok', projections: { running: true, lag: 0 } });
  });
});

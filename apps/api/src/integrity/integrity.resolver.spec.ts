import { DomainError } from '@app/domain';
import {
  handleCommand,
  signAndRecordTreeHead,
  SqliteEventStore,
  TransparencyLog,
  verifyConsistency,
} from '@app/event-store';
import { counterDecider } from '@app/event-store/testing/counter-decider';
import { alterEventAndRechain } from '@app/event-store/testing/rechain-with-sql';
import { generateKeyPair } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrityMonitor } from './integrity-monitor';
import { IntegrityResolver } from './integrity.resolver';

const context = {
  actor: { personId: 'p', partnerId: null, roles: [] },
  now: '2026-03-02T09:00:00.000Z',
  correlationId: 'c',
};

describe('the consistency proof from a head inside a chunk the tree reads back from the store', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let resolver: IntegrityResolver;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'proof-'));
    file = join(dir, 'events.db');
    store = new SqliteEventStore(file);
    const key = { ...(await generateKeyPair('ES256')), kid: 'log-key-1' };
    const increment = (stream: string) =>
      handleCommand(store, stream, counterDecider, { type: 'Increment', data: { by: 1 } }, context);
    for (let i = 0; i < 65; i += 1) await increment('counter-a');
    for (let i = 0; i < 5; i += 1) await increment('counter-b');
    await signAndRecordTreeHead(store, key, new Date('2026-03-02T09:01:00Z'), 'test');
    for (let i = 0; i < 60; i += 1) await increment('counter-a');
    await signAndRecordTreeHead(store, key, new Date('2026-03-03T09:01:00Z'), 'test');
    // Read as at start-up, before any head's chunk is read back (and kept).
    const log = await TransparencyLog.scan(store);
    // The monitor's only part the resolver uses: the log it holds, already read.
    resolver = new IntegrityResolver({ current: async () => log } as unknown as IntegrityMonitor);
    expect([log.size, log.heads.map(({ head }) => head.treeSize)]).toEqual([132, [70, 131]]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the proof from the chunk read back when the store is as the service read it', async () => {
    const proof = await resolver.consistencyProof(70);
    const log = await TransparencyLog.scan(store);
    const hashes = proof.hashes.map((hash) => Buffer.from(hash, 'hex'));
    expect(verifyConsistency(70, 131, await log.tree.root(70), await log.tree.root(131), hashes)).toBe(true);
  });

  it('refuses it with CONFLICT when an event of that chunk was changed under the service', async () => {
    // counter-b's first event is leaf 65: in the chunk of leaves 64 to 127, inside the head of 70.
    alterEventAndRechain(file, 'counter-b', 0, (data) => ({ ...data, by: 100 }));
    const refusal = resolver.consistencyProof(70);
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^No proof can be given, because the events of leaves 64 to 127 are no longer/),
    });
  });
});

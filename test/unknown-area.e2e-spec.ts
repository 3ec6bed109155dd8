import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { regionalGroupDecider, regionalGroupStream } from '@app/domain';
import { handleCommand } from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

const ADD_AREA = 'mutation($i: AddAreaInput!) { addArea(input: $i) { area { id } } }';
const NOTIFY = 'mutation($i: NotifySeriousIncidentInput!) { notifySeriousIncident(input: $i) { id areaId } }';
const NOW = '2026-11-23T09:00:00.000Z';

/**
 * An area command finds the area's group in the read model (the store keeps no index by area),
 * then reads the group's stream, which must hold the area on every attempt. Where the two
 * disagree the command is refused as for an unknown area (NOT_FOUND) and nothing is written.
 */
describe('an area command where the read model and the group stream disagree about the area', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let police: string;
  const incident = (areaId: string) => ({
    areaId,
    reference: 'NEW-2026-01',
    awareOn: '2026-11-20',
    notifiedOn: '2026-11-20',
  });
  /** The police representative notifies a serious incident: allowed wherever the police cover the area (L5). */
  const notify = (areaId: string) => api.graphql(NOTIFY, { i: incident(areaId) }, police);
  /** Closes the service, runs `offline` on its data directory, and starts it again there. */
  const restartAround = async (offline: () => void) => {
    await api.app.close();
    offline();
    api = await TestApp.startOn(api.config.dataDir, api.adminId, { CLOCK_NOW: NOW });
  };

  beforeAll(async () => {
    const app = await startDemoApp({ clockNow: NOW, load: [] });
    ({ api, demo } = app);
    police = await app.tokenOf('victoria-capel');
  });
  afterAll(async () => api.stop());

  /**
   * The runner stopped stands for a read model behind the store: an instance that has not yet
   * applied what another instance on the same store recorded.
   */
  it('refuses an area the group stream holds but the read model has not applied yet, and accepts it once applied', async () => {
    await api.app.get(ProjectionRunner).stop();
    const areaId = '5d1c0a7e-3b2f-4e8a-9c61-7f0e2d4b8a13';
    const admin = { personId: api.adminId, partnerId: null, roles: ['ADMINISTRATOR'] };
    const area = {
      areaId,
      name: 'Lagging Unitary',
      addedOn: '2026-11-01',
      coveringPartnerIds: [demo.partnerIds.police],
    };
    const recorded = await handleCommand(
      api.store,
      regionalGroupStream(demo.groupId),
      regionalGroupDecider,
      { type: 'AddArea', data: { ...area, actor: admin, now: NOW } },
      { actor: admin, now: NOW, correlationId: 'another-instance' },
    );
    expect(recorded.events.map((event) => event.type)).toContain('AreaAdded');
    const before = await api.store.lastPosition();

    const refused = await notify(areaId);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(refused.errors?.[0].message).toBe(`There is no area with id ${areaId}.`);
    expect(await api.store.lastPosition()).toBe(before);

    api = await api.restart({ CLOCK_NOW: NOW });
    const accepted = await notify(areaId);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.notifySeriousIncident.areaId).toBe(areaId);
  });

  /**
   * The store restored from a backup taken before the area was added, beside a read database
   * that had applied it: the read model is ahead of the log, so the read side stops at start-up
   * and every change is refused, this one included, before anything is written.
   */
  it('refuses an area the read model holds but the group stream does not, writing nothing', async () => {
    const events = join(api.config.dataDir, 'events.db');
    const backup = join(api.config.dataDir, 'events.backup.db');
    await restartAround(() => copyFileSync(events, backup));
    const added = await api.send<{ addArea: { area: { id: string } } }>(
      ADD_AREA,
      {
        i: {
          groupId: demo.groupId,
          name: 'Restored Unitary',
          addedOn: '2026-11-01',
          coveringPartnerIds: [demo.partnerIds.police],
        },
      },
      api.adminToken as string,
    );
    const areaId = added.addArea.area.id;
    await restartAround(() => {
      for (const suffix of ['-wal', '-shm']) rmSync(`${events}${suffix}`, { force: true });
      copyFileSync(backup, events);
    });
    const before = await api.store.lastPosition();

    const refused = await notify(areaId);
    expect(refused.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.errors?.[0].message).toMatch(/Nothing was recorded/);
    expect(await api.store.lastPosition()).toBe(before);
  });
});

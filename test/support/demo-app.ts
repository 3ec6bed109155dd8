import { groupDateOf } from '@app/domain';
import { mintToken, SigningKey } from '@app/platform';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNING_KEY } from '../../apps/api/src/infrastructure/injection-tokens';
import { AREAS } from '../../apps/cli/src/demo/avon-and-somerset';
import { demoTokens } from '../../apps/cli/src/demo/demo';
import { DemoPart, loadDemoParts, loadedPart, WHOLE_DEMO } from '../../apps/cli/src/demo/demo-parts';
import { DemoContext, LoadedDemo } from '../../apps/cli/src/demo/load-demo';
import { LoadedMeetings } from '../../apps/cli/src/demo/meeting-year';
import { LoadedWorkstreams } from '../../apps/cli/src/demo/workstreams';
import { TestApp } from './test-app';

export interface DemoAppOptions {
  /** The service's fixed clock (CLOCK_NOW); the demo's "today" is its date. */
  readonly clockNow?: string;
  /** The parts loaded after the membership; the whole demo unless said. */
  readonly load?: readonly DemoPart[];
}

export interface DemoApp {
  readonly api: TestApp;
  readonly demo: LoadedDemo;
  /** What the loaders take: this app's GraphQL, its administrator, and `mint`. */
  readonly context: DemoContext;
  /** A token for a person, by id, signed with this app's key (which a restart keeps). */
  readonly mint: (personId: string) => Promise<string>;
  /** A token for a seed person, by seed key (e.g. `bristol-business-manager`). */
  readonly tokenOf: (key: string) => Promise<string>;
  /** A newly registered area business manager of `area` (e.g. `Somerset`), as a token. */
  readonly businessManager: (area: string, name: string) => Promise<string>;
  /** The parts below are there when loaded, and throw (naming the part) when not. */
  readonly year: LoadedMeetings;
  readonly workstreams: LoadedWorkstreams;
  readonly businessManagerIds: Partial<Record<(typeof AREAS)[number], string>>;
  /** What `npm run demo` writes to tokens.json, written to this app's data directory too (needs `policies`). */
  readonly tokens: Record<string, string>;
}

/**
 * The api on a fixed day with `npm run demo`'s Avon and Somerset membership, and the parts of the
 * rest asked for (by default all of it: the year of meetings, workstreams, policies, the notice,
 * the communication, the areas' own arrangements and what they report up), loaded through GraphQL
 * by the demo's own `loadDemoParts`.
 */
export async function startDemoApp({
  clockNow = '2026-11-23T09:00:00.000Z',
  load = WHOLE_DEMO,
}: DemoAppOptions = {}): Promise<DemoApp> {
  const api = await TestApp.start({ CLOCK_NOW: clockNow });
  const key = api.app.get<SigningKey>(SIGNING_KEY);
  const mint = (personId: string) => mintToken(key, { subject: personId, name: personId });
  const administratorToken = api.adminToken as string;
  const context: DemoContext = { send: api.send, administratorToken, tokenFor: mint };
  // A part asked for without what it needs is refused once the app runs, which must not outlive the refusal.
  const { demo, year, workstreams, businessManagerIds } = await loadDemoParts(
    context,
    groupDateOf(clockNow),
    load,
  ).catch(async (error: unknown) => {
    await api.stop();
    throw error;
  });
  let tokens: Record<string, string> | undefined;
  if (businessManagerIds) {
    tokens = await demoTokens(administratorToken, demo, mint, businessManagerIds);
    writeFileSync(join(api.config.dataDir, 'tokens.json'), `${JSON.stringify(tokens, null, 2)}\n`);
  }
  const businessManager = async (area: string, name: string) => {
    const { registerPerson } = await api.send<{ registerPerson: { personId: string } }>(
      'mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { personId } }',
      { i: { name } },
      administratorToken,
    );
    await api.send(
      'mutation($i: RoleInput!) { grantRole(input: $i) { personId } }',
      { i: { personId: registerPerson.personId, role: 'AREA_BUSINESS_MANAGER', areaId: demo.areaIds[area] } },
      administratorToken,
    );
    return mint(registerPerson.personId);
  };
  return {
    api,
    demo,
    context,
    mint,
    tokenOf: (person) => mint(demo.personIds[person]),
    businessManager,
    get year() {
      return loadedPart(year, 'meetings');
    },
    get workstreams() {
      return loadedPart(workstreams, 'workstreams');
    },
    get businessManagerIds() {
      return loadedPart(businessManagerIds, 'policies');
    },
    get tokens() {
      return loadedPart(tokens, 'policies');
    },
  };
}

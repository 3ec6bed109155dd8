import { groupDateOf } from '@app/domain';
import { mintToken, SigningKey } from '@app/platform';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNING_KEY } from '../../apps/api/src/infrastructure/injection-tokens';
import { AREAS } from '../../apps/cli/src/demo/avon-and-somerset';
import { demoTokens } from '../../apps/cli/src/demo/demo';
import { DemoContext, LoadedDemo, loadAvonAndSomerset } from '../../apps/cli/src/demo/load-demo';
import { LoadedMeetings, loadMeetingYear } from '../../apps/cli/src/demo/meeting-year';
import { loadLocalArrangements } from '../../apps/cli/src/demo/local-arrangements';
import { loadPoliciesAndNotices } from '../../apps/cli/src/demo/policies-and-notices';
import { loadReportsUp } from '../../apps/cli/src/demo/reports-up';
import { LoadedWorkstreams, loadWorkstreams } from '../../apps/cli/src/demo/workstreams';
import { TestApp } from './test-app';

/** What `npm run demo` loads after the membership, in the order it loads them. */
export type DemoPart = 'meetings' | 'workstreams' | 'policies' | 'localArrangements' | 'reportsUp';

const WHOLE_DEMO: readonly DemoPart[] = ['meetings', 'workstreams', 'policies', 'localArrangements', 'reportsUp'];

/** What a part needs loaded before it: the year's meetings, or the business managers the policies register. */
const NEEDS: Record<DemoPart, DemoPart | null> = {
  meetings: null,
  workstreams: 'meetings',
  policies: null,
  localArrangements: 'policies',
  reportsUp: 'policies',
};

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

/** The value a part loaded, or a throw saying which part the spec forgot to load. */
function loaded<T>(value: T | undefined, part: DemoPart): T {
  if (value === undefined) throw new Error(`the demo's ${part} were not loaded: add '${part}' to startDemoApp's load`);
  return value;
}

/**
 * The api on a fixed day with `npm run demo`'s Avon and Somerset membership, and the parts of the
 * rest asked for (by default all of it: the year of meetings, workstreams, policies, the notice,
 * the communication, the areas' own arrangements and what they report up), loaded through GraphQL
 * as the demo loads them.
 */
export async function startDemoApp({
  clockNow = '2026-11-23T09:00:00.000Z',
  load = WHOLE_DEMO,
}: DemoAppOptions = {}): Promise<DemoApp> {
  for (const part of load) {
    const needed = NEEDS[part];
    if (needed && !load.includes(needed)) throw new Error(`the demo's ${part} need its ${needed} loaded too`);
  }
  const today = groupDateOf(clockNow);
  const api = await TestApp.start({ CLOCK_NOW: clockNow });
  const key = api.app.get<SigningKey>(SIGNING_KEY);
  const mint = (personId: string) => mintToken(key, { subject: personId, name: personId });
  const administratorToken = api.adminToken as string;
  const context: DemoContext = { send: api.send, administratorToken, tokenFor: mint };
  const demo = await loadAvonAndSomerset(context);
  const year = load.includes('meetings') ? await loadMeetingYear(context, demo) : undefined;
  const workstreams = load.includes('workstreams')
    ? await loadWorkstreams(context, demo, loaded(year, 'meetings'))
    : undefined;
  const businessManagerIds = load.includes('policies')
    ? (await loadPoliciesAndNotices(context, demo, today)).businessManagerIds
    : undefined;
  if (load.includes('localArrangements'))
    await loadLocalArrangements(context, demo, loaded(businessManagerIds, 'policies'));
  if (load.includes('reportsUp')) await loadReportsUp(context, demo, loaded(businessManagerIds, 'policies'), today);
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
      return loaded(year, 'meetings');
    },
    get workstreams() {
      return loaded(workstreams, 'workstreams');
    },
    get businessManagerIds() {
      return loaded(businessManagerIds, 'policies');
    },
    get tokens() {
      return loaded(tokens, 'policies');
    },
  };
}

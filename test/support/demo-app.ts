import { mintToken, SigningKey } from '@app/platform';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNING_KEY } from '../../apps/api/src/infrastructure/injection-tokens';
import { demoTokens } from '../../apps/cli/src/demo/demo';
import { LoadedDemo, loadAvonAndSomerset, SendGraphql } from '../../apps/cli/src/demo/load-demo';
import { LoadedMeetings, loadMeetingYear } from '../../apps/cli/src/demo/meeting-year';
import { loadLocalArrangements } from '../../apps/cli/src/demo/local-arrangements';
import { loadPoliciesAndNotices } from '../../apps/cli/src/demo/policies-and-notices';
import { loadReportsUp } from '../../apps/cli/src/demo/reports-up';
import { LoadedWorkstreams, loadWorkstreams } from '../../apps/cli/src/demo/workstreams';
import { TestApp } from './test-app';

export interface DemoApp {
  readonly api: TestApp;
  readonly demo: LoadedDemo;
  readonly year: LoadedMeetings;
  readonly workstreams: LoadedWorkstreams;
  /** What `npm run demo` writes to tokens.json, written to this app's data directory too. */
  readonly tokens: Record<string, string>;
}

/**
 * The whole of `npm run demo` (membership, the year of meetings, workstreams, policies, the notice,
 * the communication, the areas' own arrangements and what they report up) loaded through GraphQL
 * on a fixed day, with its tokens.json.
 */
export async function startDemoApp(today = '2026-11-23'): Promise<DemoApp> {
  const api = await TestApp.start({ CLOCK_NOW: `${today}T09:00:00.000Z` });
  const send: SendGraphql = api.send;
  const mint = (personId: string) =>
    mintToken(api.app.get<SigningKey>(SIGNING_KEY), { subject: personId, name: personId });
  const context = { send, administratorToken: api.adminToken as string, tokenFor: mint };
  const demo = await loadAvonAndSomerset(context);
  const year = await loadMeetingYear(context, demo);
  const workstreams = await loadWorkstreams(context, demo, year);
  const { businessManagerIds } = await loadPoliciesAndNotices(context, demo, today);
  await loadLocalArrangements(context, demo, businessManagerIds);
  await loadReportsUp(context, demo, businessManagerIds, today);
  const tokens = await demoTokens(api.adminToken as string, demo, mint, businessManagerIds);
  writeFileSync(join(api.config.dataDir, 'tokens.json'), `${JSON.stringify(tokens, null, 2)}\n`);
  return { api, demo, year, workstreams, tokens };
}

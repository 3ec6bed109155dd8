import { mintToken, SigningKey } from '@app/platform';
import { SIGNING_KEY } from '../../apps/api/src/infrastructure/injection-tokens';
import { LoadedDemo, loadAvonAndSomerset } from '../../apps/cli/src/demo/load-demo';
import { LoadedMeetings, loadMeetingYear } from '../../apps/cli/src/demo/meeting-year';
import { TestApp } from './test-app';

export interface SeededApp {
  readonly api: TestApp;
  readonly demo: LoadedDemo;
  readonly year: LoadedMeetings;
  /** A token for a seed person, by seed key (e.g. `bristol-business-manager`). */
  readonly tokenOf: (key: string) => Promise<string>;
}

/**
 * The api with the Avon and Somerset membership and its year of meetings loaded through GraphQL,
 * as `npm run demo` loads them, on the seed's clock.
 */
export async function startSeededApp(clockNow = '2026-11-23T09:00:00.000Z'): Promise<SeededApp> {
  const api = await TestApp.start({ CLOCK_NOW: clockNow });
  const mint = (personId: string) =>
    mintToken(api.app.get<SigningKey>(SIGNING_KEY), { subject: personId, name: personId });
  const context = {
    send: api.send,
    administratorToken: api.adminToken as string,
    tokenFor: mint,
  };
  const demo = await loadAvonAndSomerset(context);
  const year = await loadMeetingYear(context, demo);
  return { api, demo, year, tokenOf: (key) => mint(demo.personIds[key]) };
}

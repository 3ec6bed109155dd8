import { IsoDate } from '@app/domain';
import { AREAS } from './avon-and-somerset';
import { DemoContext, LoadedDemo, loadAvonAndSomerset } from './load-demo';
import { loadLocalArrangements } from './local-arrangements';
import { LoadedMeetings, loadMeetingYear } from './meeting-year';
import { loadPoliciesAndNotices } from './policies-and-notices';
import { loadReportsUp } from './reports-up';
import { LoadedWorkstreams, loadWorkstreams } from './workstreams';

/** What the demo loads after the membership, in the order it loads them. */
export type DemoPart = 'meetings' | 'workstreams' | 'policies' | 'localArrangements' | 'reportsUp';

export const WHOLE_DEMO: readonly DemoPart[] = [
  'meetings',
  'workstreams',
  'policies',
  'localArrangements',
  'reportsUp',
];

/** What a part needs loaded before it: the year's meetings, or the business managers the policies register. */
const NEEDS: Record<DemoPart, DemoPart | null> = {
  meetings: null,
  workstreams: 'meetings',
  policies: null,
  localArrangements: 'policies',
  reportsUp: 'policies',
};

/** The membership, and what each part asked for loaded; a part not asked for is undefined. */
export interface LoadedDemoParts {
  readonly demo: LoadedDemo;
  readonly year?: LoadedMeetings;
  readonly workstreams?: LoadedWorkstreams;
  /** The business managers the policies registered, by area. */
  readonly businessManagerIds?: Partial<Record<(typeof AREAS)[number], string>>;
}

/** The value a part loaded, or a throw saying which part was not asked for. */
export function loadedPart<T>(value: T | undefined, part: DemoPart): T {
  if (value === undefined) throw new Error(`the demo's ${part} were not loaded: ask for '${part}' among its parts`);
  return value;
}

/**
 * The Avon and Somerset membership, then `parts` (the whole demo unless said) in the demo's one
 * order: the year of meetings, workstreams, policies with the notice and the communication, the
 * areas' own arrangements, and what they report up. `today` is the service's date.
 */
export async function loadDemoParts(
  context: DemoContext,
  today: IsoDate,
  parts: readonly DemoPart[] = WHOLE_DEMO,
): Promise<LoadedDemoParts> {
  for (const part of parts) {
    const needed = NEEDS[part];
    if (needed && !parts.includes(needed)) throw new Error(`the demo's ${part} need its ${needed} loaded too`);
  }
  const demo = await loadAvonAndSomerset(context);
  const year = parts.includes('meetings') ? await loadMeetingYear(context, demo) : undefined;
  const workstreams = parts.includes('workstreams')
    ? await loadWorkstreams(context, demo, loadedPart(year, 'meetings'))
    : undefined;
  const businessManagerIds = parts.includes('policies')
    ? (await loadPoliciesAndNotices(context, demo, today)).businessManagerIds
    : undefined;
  if (parts.includes('localArrangements'))
    await loadLocalArrangements(context, demo, loadedPart(businessManagerIds, 'policies'));
  if (parts.includes('reportsUp'))
    await loadReportsUp(context, demo, loadedPart(businessManagerIds, 'policies'), today);
  return { demo, year, workstreams, businessManagerIds };
}

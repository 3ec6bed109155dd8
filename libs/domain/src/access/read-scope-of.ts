import { LocalArrangementEvent, localArrangementStream } from '../local-arrangements/local-arrangement.decider';
import { RegionalReportsEvent } from '../regional-reports/regional-reports.decider';
import { WorkstreamEvent, workstreamStream } from '../workstreams/workstream.events';

/**
 * R43 for one recorded event shown whole (the history, its export): whose business its content is
 * when that is narrower than the group's. An area's reports and feed are for `mayReadAreaFeed`'s readers, a
 * workstream's tasks for `mayReadWorkstream`'s; administrators, who read the group, read neither.
 */
export type ReadScope = Readonly<{ areaId: string | null; workstreamId: string | null }>;

/**
 * An area's own stream holds its arrangement, what it sends up, its practice reviews and its feed
 * acknowledgements: all read with `localArrangement`, `reportsUp` and the feed, by the area's
 * readers. Its policy adoptions alone are read with the policy, by whoever reads the group's business.
 */
const AREA_STREAM_PREFIX = localArrangementStream('');
const READ_WITH_THE_POLICY: ReadonlySet<string> = new Set<LocalArrangementEvent['type']>([
  'PolicyAdoptionRecorded',
  'PolicyAdoptionCorrected',
]);

/** The region's answers to what an area sent up say what it was about, so they are the area's reports too. */
const REGION_ANSWER_TYPES: ReadonlySet<string> = new Set<RegionalReportsEvent['type']>([
  'InboxItemAcknowledged',
  'EscalationResponded',
  'EscalationResolved',
]);

/** A workstream's tasks; its commissioning, people, status and closing are the group's business. */
const TASK_TYPES: ReadonlySet<string> = new Set<WorkstreamEvent['type']>([
  'TaskAdded',
  'TaskStarted',
  'TaskBlocked',
  'TaskUnblocked',
  'TaskCompleted',
  'TaskCancelled',
  'TaskReassigned',
  'TaskDueDateChanged',
  'TaskCarriedOut',
  'TaskCarriedIn',
]);

const WORKSTREAM_PREFIX = workstreamStream('');

/** The area or workstream whose readers alone may see what this event says; null for the group's own business. */
export function readScopeOf(streamId: string, type: string, data: unknown): ReadScope | null {
  if (streamId.startsWith(AREA_STREAM_PREFIX) && !READ_WITH_THE_POLICY.has(type)) {
    return { areaId: streamId.slice(AREA_STREAM_PREFIX.length), workstreamId: null };
  }
  if (REGION_ANSWER_TYPES.has(type)) {
    const { areaId } = data as { areaId?: unknown };
    if (typeof areaId === 'string') return { areaId, workstreamId: null };
  }
  if (TASK_TYPES.has(type) && streamId.startsWith(WORKSTREAM_PREFIX)) {
    return { areaId: null, workstreamId: streamId.slice(WORKSTREAM_PREFIX.length) };
  }
  return null;
}

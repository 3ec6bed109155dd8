import {
  AreaAdded,
  CommunicationIssued,
  localArrangementStream,
  MeetingDetailsCorrected,
  MeetingScheduled,
  PolicyDrafted,
  PolicyDraftRevised,
  RegionalGroupEstablished,
  WorkstreamCommissioned,
} from '@app/domain';
import { StoredEvent } from '@app/event-store';
import { streamEntity } from './entities-of';

/**
 * What an event tells of the record a stream holds, so an auditor reads which group, meeting, workstream,
 * policy, communication or area an event is in rather than a bare id. A null part is one it does not change.
 */
export interface RecordName {
  readonly streamId: string;
  readonly groupId: string | null;
  /** The group's, workstream's or area's name, or the policy's or communication's title. */
  readonly name: string | null;
  /** A meeting's start: a meeting has no name of its own, it is known by its day. */
  readonly startsAt: string | null;
}

type Naming =
  | RegionalGroupEstablished
  | AreaAdded
  | MeetingScheduled
  | MeetingDetailsCorrected
  | WorkstreamCommissioned
  | PolicyDrafted
  | PolicyDraftRevised
  | CommunicationIssued;

const named = (streamId: string, groupId: string | null, name: string | null, startsAt: string | null = null) => ({
  streamId,
  groupId,
  name,
  startsAt,
});

/** The records this event names or renames; none for an event that leaves every name as it was. */
export function recordNamesOf(stored: Pick<StoredEvent, 'streamId' | 'type' | 'data'>): RecordName[] {
  const event = stored as Naming;
  const { streamId } = stored;
  switch (event.type) {
    case 'RegionalGroupEstablished':
      return [
        named(streamId, event.data.groupId, event.data.name),
        ...event.data.areas.map((area) => named(localArrangementStream(area.areaId), event.data.groupId, area.name)),
      ];
    case 'AreaAdded':
      return [named(localArrangementStream(event.data.areaId), streamEntity(streamId).entityId, event.data.name)];
    case 'MeetingScheduled':
      return [named(streamId, event.data.groupId, null, event.data.startsAt)];
    case 'MeetingDetailsCorrected':
      return [named(streamId, null, null, event.data.startsAt)];
    case 'WorkstreamCommissioned':
      return [named(streamId, event.data.groupId, event.data.name)];
    case 'PolicyDrafted':
    case 'PolicyDraftRevised':
      return [named(streamId, 'groupId' in event.data ? event.data.groupId : null, event.data.title)];
    case 'CommunicationIssued':
      // Kept even when restricted: the history reader withholds it from whoever may not read the item (R42).
      return [named(streamId, event.data.groupId, event.data.title)];
    default:
      return [];
  }
}

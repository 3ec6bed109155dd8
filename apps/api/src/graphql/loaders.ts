import DataLoader from 'dataloader';
import { QuorumCount } from '@app/domain';
import {
  CorrectionRow,
  DecisionRow,
  LocalAreaRow,
  LocalPublicationRow,
  MeetingQueries,
  MeetingRow,
  MembershipQueries,
  PartnerRow,
  RecommendationRow,
  RegionalGroupQueries,
  RepresentativeRow,
  SeatRow,
  WrittenViewsRow,
} from '@app/read-models';

/** Made fresh for each request, so batching never serves one request's cache to another. */
export interface Loaders {
  readonly areasOfGroup: DataLoader<string, LocalAreaRow[]>;
  readonly area: DataLoader<string, LocalAreaRow | null>;
  readonly partnersOfGroup: DataLoader<string, PartnerRow[]>;
  readonly partner: DataLoader<string, PartnerRow | null>;
  readonly areaIdsOfPartner: DataLoader<string, string[]>;
  readonly representativesOfGroup: DataLoader<string, RepresentativeRow[]>;
  readonly appointment: DataLoader<string, RepresentativeRow | null>;
  readonly meeting: DataLoader<string, MeetingRow | null>;
  /** Null for a meeting that has not opened: there is no snapshot to count from yet. */
  readonly quorumCount: DataLoader<string, QuorumCount | null>;
  readonly seatsOfMeeting: DataLoader<string, SeatRow[]>;
  readonly writtenViewsOfMeeting: DataLoader<string, WrittenViewsRow[]>;
  readonly decisionsOfMeeting: DataLoader<string, DecisionRow[]>;
  readonly recommendationsOfMeeting: DataLoader<string, RecommendationRow[]>;
  readonly correctionsOfMeeting: DataLoader<string, CorrectionRow[]>;
  readonly localPublicationsOfMeeting: DataLoader<string, LocalPublicationRow[]>;
}

/** A loader over a query that answers a whole batch of keys at once as a map. */
function batched<V>(load: (keys: readonly string[]) => Map<string, V>, missing: V): DataLoader<string, V> {
  return new DataLoader((keys) => {
    const found = load(keys);
    return Promise.resolve(keys.map((key) => found.get(key) ?? missing));
  });
}

/** Groups rows by a key, for a loader whose query answers a batch as one list. */
function by<Row>(rows: readonly Row[], keyOf: (row: Row) => string): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) grouped.set(keyOf(row), [...(grouped.get(keyOf(row)) ?? []), row]);
  return grouped;
}

export function createLoaders(
  groups: RegionalGroupQueries,
  membership: MembershipQueries,
  meetings: MeetingQueries,
): Loaders {
  return {
    areasOfGroup: batched((ids) => groups.areasOfGroups(ids), []),
    area: batched((ids) => groups.areas(ids), null),
    partnersOfGroup: batched((ids) => membership.partnersOfGroups(ids), []),
    partner: batched((ids) => membership.partners(ids), null),
    areaIdsOfPartner: batched((ids) => membership.areaIdsOfPartners(ids), []),
    representativesOfGroup: batched((ids) => membership.representativesOfGroups(ids), []),
    appointment: batched((ids) => membership.appointments(ids), null),
    meeting: batched((ids) => meetings.meetings(ids), null),
    quorumCount: batched((ids) => meetings.quorumCounts(ids), null),
    seatsOfMeeting: batched((ids) => meetings.seatsOfMeetings(ids), []),
    writtenViewsOfMeeting: batched((ids) => meetings.writtenViewsOfMeetings(ids), []),
    decisionsOfMeeting: batched((ids) => meetings.decisionsOfMeetings(ids), []),
    recommendationsOfMeeting: batched(
      (ids) => by(meetings.recommendations({ meetingIds: ids }), (row) => row.meetingId),
      [],
    ),
    correctionsOfMeeting: batched((ids) => meetings.correctionsOfMeetings(ids), []),
    localPublicationsOfMeeting: batched((ids) => meetings.localPublicationsOfMeetings(ids), []),
  };
}

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
  TimeView,
  WrittenViewsRow,
} from '@app/read-models';

/** An id seen on a day as recorded by a position: membership answers differ with the view. */
export type Viewed = Readonly<{ id: string; view: TimeView }>;

/** Made fresh for each request, so batching never serves one request's cache to another. */
export interface Loaders {
  readonly areasOfGroup: DataLoader<string, LocalAreaRow[]>;
  readonly area: DataLoader<string, LocalAreaRow | null>;
  readonly partnersOfGroup: DataLoader<Viewed, PartnerRow[], string>;
  readonly partner: DataLoader<Viewed, PartnerRow | null, string>;
  readonly areaIdsOfPartner: DataLoader<Viewed, string[], string>;
  readonly representativesOfGroup: DataLoader<Viewed, RepresentativeRow[], string>;
  readonly appointment: DataLoader<Viewed, RepresentativeRow | null, string>;
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

/** A loader over a query that answers a batch of ids seen in one view: one query per view in the batch. */
function batchedInView<V>(
  load: (ids: readonly string[], view: TimeView) => Map<string, V>,
  missing: V,
): DataLoader<Viewed, V, string> {
  const viewKey = (view: TimeView) => `${view.on}@${view.position ?? 'now'}`;
  return new DataLoader(
    (keys) => {
      const byView = new Map<string, Viewed[]>();
      for (const key of keys) byView.set(viewKey(key.view), [...(byView.get(viewKey(key.view)) ?? []), key]);
      const found = new Map<string, V>();
      for (const [name, viewed] of byView) {
        for (const [id, value] of load(
          viewed.map((key) => key.id),
          viewed[0].view,
        ))
          found.set(`${name}/${id}`, value);
      }
      return Promise.resolve(keys.map((key) => found.get(`${viewKey(key.view)}/${key.id}`) ?? missing));
    },
    { cacheKeyFn: (key) => `${viewKey(key.view)}/${key.id}` },
  );
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
    partnersOfGroup: batchedInView((ids, view) => membership.partnersOfGroups(ids, view), []),
    partner: batchedInView((ids, view) => membership.partners(ids, view), null),
    areaIdsOfPartner: batchedInView((ids, view) => membership.areaIdsOfPartners(ids, view), []),
    representativesOfGroup: batchedInView((ids, view) => membership.representativesOfGroups(ids, view), []),
    appointment: batchedInView((ids, view) => membership.appointments(ids, view), null),
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

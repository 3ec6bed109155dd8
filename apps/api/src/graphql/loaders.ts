import DataLoader from 'dataloader';
import { QuorumCount } from '@app/domain';
import {
  AdoptionRow,
  CorrectionRow,
  DecisionRow,
  DissolutionRow,
  FundingRow,
  LocalAreaRow,
  LocalPublicationRow,
  MeetingQueries,
  MeetingRow,
  MemberRow,
  MembershipQueries,
  NoticeRow,
  OfficersRow,
  Page,
  PartnerRow,
  PolicyQueries,
  PolicyReviewRow,
  PolicyRow,
  PolicyVersionRow,
  RecommendationRow,
  RegionalGroupQueries,
  ReportRow,
  RepresentativeRow,
  ReviewRow,
  SeatRow,
  TaskFilter,
  TaskHistoryRow,
  TaskRow,
  TermsRow,
  TimeView,
  VersionAreaRow,
  WorkstreamQueries,
  WorkstreamRow,
  WrittenViewsRow,
} from '@app/read-models';

/** The query classes the loaders read through. */
export interface LoaderSources {
  readonly groups: RegionalGroupQueries;
  readonly membership: MembershipQueries;
  readonly meetings: MeetingQueries;
  readonly workstreams: WorkstreamQueries;
  readonly policies: PolicyQueries;
}

/** The key of a field that takes arguments: the parent's id and the arguments, the same for every parent of one list. */
export interface KeyWith<Args> {
  readonly id: string;
  readonly args: Args;
}

/** A group's membership, terms, funding, notices, meetings, workstreams and policies, and what each of those holds, differ with the day seen on and the position recorded by. */
export type Viewed = KeyWith<{ readonly view: TimeView }>;

/** Meetings and decisions as the platform showed them at a position of the log; null for now (A3, A7). */
export type RecordedBy = KeyWith<{ readonly recordedBy: number | null }>;

export interface TaskPageArgs extends Required<Pick<TaskFilter, 'status' | 'overdueOn'>> {
  readonly first: number;
  readonly after: string | null;
  readonly view: TimeView;
}

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
  readonly decisionsOfMeeting: DataLoader<RecordedBy, DecisionRow[], string>;
  readonly recommendationsOfMeeting: DataLoader<string, RecommendationRow[]>;
  readonly correctionsOfMeeting: DataLoader<string, CorrectionRow[]>;
  readonly localPublicationsOfMeeting: DataLoader<string, LocalPublicationRow[]>;
  readonly meetingsOfGroup: DataLoader<Viewed, MeetingRow[], string>;
  readonly officersOfGroup: DataLoader<Viewed, OfficersRow | null, string>;
  readonly termsOfGroup: DataLoader<Viewed, TermsRow[], string>;
  readonly termsReviewsOfGroup: DataLoader<Viewed, ReviewRow[], string>;
  readonly fundingOfGroup: DataLoader<
    KeyWith<{ readonly financialYear: string | null; readonly view: TimeView }>,
    FundingRow[],
    string
  >;
  readonly dissolutionOfGroup: DataLoader<string, DissolutionRow>;
  readonly noticesOfGroup: DataLoader<Viewed, NoticeRow[], string>;
  readonly workstreamsOfGroup: DataLoader<Viewed, WorkstreamRow[], string>;
  /** Null for a workstream that did not exist on the day seen. */
  readonly workstream: DataLoader<Viewed, WorkstreamRow | null, string>;
  readonly areaIdsOfWorkstream: DataLoader<string, string[]>;
  readonly membersOfWorkstream: DataLoader<Viewed, MemberRow[], string>;
  /** Newest first. */
  readonly reportsOfWorkstream: DataLoader<Viewed, ReportRow[], string>;
  /** Null for every key of a batch whose `after` cursor this API did not give out. */
  readonly tasksOfWorkstream: DataLoader<KeyWith<TaskPageArgs>, Page<TaskRow> | null, string>;
  readonly taskCountsOfWorkstream: DataLoader<Viewed, { status: string; count: number }[], string>;
  readonly historyOfTask: DataLoader<Viewed, TaskHistoryRow[], string>;
  readonly policiesOfGroup: DataLoader<Viewed, PolicyRow[], string>;
  /** Oldest first. */
  readonly versionsOfPolicy: DataLoader<Viewed, PolicyVersionRow[], string>;
  readonly versionAreasOfPolicy: DataLoader<string, VersionAreaRow[]>;
  readonly adoptionsOfPolicy: DataLoader<Viewed, AdoptionRow[], string>;
  readonly reviewsOfPolicy: DataLoader<Viewed, PolicyReviewRow[], string>;
}

/** A loader over a query that answers a whole batch of keys at once as a map. */
function batched<V>(load: (keys: readonly string[]) => Map<string, V>, missing: V): DataLoader<string, V> {
  return new DataLoader((keys) => {
    const found = load(keys);
    return Promise.resolve(keys.map((key) => found.get(key) ?? missing));
  });
}

/**
 * A loader over a query that takes arguments besides the ids: one query per distinct set of
 * arguments in a batch (one in all when a list asks the same field of every row), each over all its ids.
 */
function batchedWith<Args, V>(
  load: (keys: readonly string[], args: Args) => Map<string, V> | null,
  missing: V,
): DataLoader<KeyWith<Args>, V, string> {
  const argsOf = (key: KeyWith<Args>) => JSON.stringify(key.args);
  return new DataLoader(
    (keys) => {
      const idsByArgs = new Map<string, { args: Args; ids: string[] }>();
      for (const key of keys) {
        const same = idsByArgs.get(argsOf(key));
        if (same) same.ids.push(key.id);
        else idsByArgs.set(argsOf(key), { args: key.args, ids: [key.id] });
      }
      const found = new Map([...idsByArgs].map(([args, { ids, ...rest }]) => [args, load(ids, rest.args)]));
      return Promise.resolve(keys.map((key) => found.get(argsOf(key))?.get(key.id) ?? missing));
    },
    { cacheKeyFn: (key) => JSON.stringify([key.id, key.args]) },
  );
}

/** Groups rows by a key, for a loader whose query answers a batch as one list. */
function by<Row>(rows: readonly Row[], keyOf: (row: Row) => string): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) grouped.set(keyOf(row), [...(grouped.get(keyOf(row)) ?? []), row]);
  return grouped;
}

/**
 * The rows a list read, put in the cache of the loader of one row under the key that loader would
 * read each by, so a field of each listed row that loads its own row finds it already read. A key
 * already cached keeps its row.
 */
function primed<Row, K, C>(
  lists: Map<string, Row[]>,
  single: DataLoader<K, Row | null, C>,
  keyOf: (row: Row) => K,
): Map<string, Row[]> {
  for (const row of [...lists.values()].flat()) single.prime(keyOf(row), row);
  return lists;
}

export function createLoaders({ groups, membership, meetings, workstreams, policies }: LoaderSources): Loaders {
  const meeting = batched((ids) => meetings.meetings(ids), null);
  const workstream = batchedWith((ids, { view }: { view: TimeView }) => workstreams.workstreamsSeen(ids, view), null);
  return {
    areasOfGroup: batched((ids) => groups.areasOfGroups(ids), []),
    area: batched((ids) => groups.areas(ids), null),
    partnersOfGroup: batchedWith((ids, { view }) => membership.partnersOfGroups(ids, view), []),
    partner: batchedWith((ids, { view }) => membership.partners(ids, view), null),
    areaIdsOfPartner: batchedWith((ids, { view }) => membership.areaIdsOfPartners(ids, view), []),
    representativesOfGroup: batchedWith((ids, { view }) => membership.representativesOfGroups(ids, view), []),
    appointment: batchedWith((ids, { view }) => membership.appointments(ids, view), null),
    meeting,
    quorumCount: batched((ids) => meetings.quorumCounts(ids), null),
    seatsOfMeeting: batched((ids) => meetings.seatsOfMeetings(ids), []),
    writtenViewsOfMeeting: batched((ids) => meetings.writtenViewsOfMeetings(ids), []),
    decisionsOfMeeting: batchedWith((ids, { recordedBy }) => meetings.decisionsOfMeetings(ids, recordedBy), []),
    recommendationsOfMeeting: batched(
      (ids) => by(meetings.recommendations({ meetingIds: ids }), (row) => row.meetingId),
      [],
    ),
    correctionsOfMeeting: batched((ids) => meetings.correctionsOfMeetings(ids), []),
    localPublicationsOfMeeting: batched((ids) => meetings.localPublicationsOfMeetings(ids), []),
    meetingsOfGroup: batchedWith((ids, { view }) => {
      const lists = meetings.meetingsOfGroups(ids, view);
      // The meeting loader reads meetings as they stand now: a list read at an earlier position may hold older versions.
      return view.position === null ? primed(lists, meeting, (row) => row.meetingId) : lists;
    }, []),
    officersOfGroup: batchedWith((ids, { view }) => membership.officersOfGroups(ids, view), null),
    termsOfGroup: batchedWith((ids, { view }) => membership.termsOfGroups(ids, view), []),
    termsReviewsOfGroup: batchedWith((ids, { view }) => membership.termsReviewsOfGroups(ids, view), []),
    fundingOfGroup: batchedWith(
      (ids, { financialYear, view }) => membership.fundingOfGroups(ids, financialYear, view),
      [],
    ),
    dissolutionOfGroup: batched((ids) => membership.dissolutionsOfGroups(ids), { dissolvedAt: null, agreedBy: [] }),
    noticesOfGroup: batchedWith((ids, { view }) => membership.noticesOfGroups(ids, view), []),
    workstreamsOfGroup: batchedWith(
      (ids, { view }) =>
        primed(workstreams.workstreamsOfGroups(ids, view), workstream, (row) => ({
          id: row.workstreamId,
          args: { view },
        })),
      [],
    ),
    workstream,
    areaIdsOfWorkstream: batched((ids) => workstreams.areaIdsOfWorkstreams(ids), []),
    membersOfWorkstream: batchedWith((ids, { view }) => workstreams.membersOfWorkstreams(ids, view), []),
    reportsOfWorkstream: batchedWith((ids, { view }) => workstreams.reportsOfWorkstreams(ids, view), []),
    tasksOfWorkstream: batchedWith(
      (ids, { first, after, view, ...filter }) => workstreams.tasksOfWorkstreams(ids, filter, first, after, view),
      null,
    ),
    taskCountsOfWorkstream: batchedWith((ids, { view }) => workstreams.countsByStatusOfWorkstreams(ids, view), []),
    historyOfTask: batchedWith((ids, { view }) => workstreams.historyOfTasks(ids, view), []),
    policiesOfGroup: batchedWith((ids, { view }) => policies.policiesOfGroups(ids, view), []),
    versionsOfPolicy: batchedWith((ids, { view }) => policies.versionsOfPolicies(ids, view), []),
    versionAreasOfPolicy: batched((ids) => policies.versionAreasOfPolicies(ids), []),
    adoptionsOfPolicy: batchedWith((ids, { view }) => policies.adoptionsOfPolicies(ids, view), []),
    reviewsOfPolicy: batchedWith((ids, { view }) => policies.reviewsOfPolicies(ids, view), []),
  };
}

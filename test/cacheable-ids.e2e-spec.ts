import { DemoApp, startDemoApp } from './support/demo-app';

/** Types that are not cached as objects of their own: the operation roots and a page's plumbing. */
const STRUCTURAL = /^(Query|Mutation|Subscription|PageInfo|.+Connection|.+Edge)$/;

/** Object types without an id, each for a reason a client can rely on. */
const WITHOUT_ID: Record<string, string> = {
  RegionalGroupChange: 'a mutation result wrapping the group, which has its id',
  NoticeChange: 'a mutation result wrapping the notice and the group, which have their ids',
  AreaAddition: 'a mutation result wrapping the group and the new area, which have their ids',
  LocalPublicationChange: 'a mutation result wrapping an area’s publication and the meeting, which has its id',
  PolicyAdoptionChange: 'a mutation result wrapping an area’s decision and the policy, which has its id',
  LeadSafeguardingPartner: 'a value of its delegated safeguarding partner’s naming, which has the id',
  CoverageGap: 'what a change would do to an area, reported with the change, not a thing that lasts',
  DepartureConsequences: 'a value of its notice, worked out from the group on each read or kept from when it was given',
  Substitute: 'who sat in for a representative: a value of its attendance',
  RoleGrant: 'a role held, a value of its person',
  TaskCount: 'a count of its workstream’s tasks, computed on each read',
  WorkstreamPerson: 'a name as its workstream lists it; the person’s own record is Person',
  MinutesCorrection: 'an entry in the minutes’ history: written once, never changed',
  DecisionCorrection: 'a value of its decision, which has the id: written once, never changed',
  WrittenViews: 'an entry in the meeting’s record: written once, never changed',
  PolicyReview: 'an entry in the policy’s history: written once, never changed',
  StatusReport: 'an entry in the workstream’s history: written once, never changed',
  TaskChange: 'an entry in the task’s history: written once, never changed',
  Deadline: 'a value of its practice review or report, its status computed on each read as at today',
  YearlyReportDetails: 'a value of its inbox item, which has the id: written once, never changed',
  PerformanceFiguresDetails: 'a value of its inbox item, which has the id: written once, never changed',
  HistoryActor: 'who made a recorded change: a value of its event, written once, never changed',
};

interface IntrospectedType {
  kind: string;
  name: string;
  fields:
    { name: string; type: { kind: string; name: string | null; ofType: { name: string | null } | null } }[] | null;
}

interface Identified {
  id: string;
}
interface GroupRead {
  regionalGroup: {
    meetings: { attendance: Identified[]; localPublication: Identified[] }[];
    representatives: (Identified & { appointmentId: string })[];
    termsOfReference: { inForce: Identified & { version: string }; versions: (Identified & { version: string })[] };
  };
}

/** What a client normalises: every object that carries an id, by id, with the type it came as. */
function collectIds(value: unknown, found: { typename: string; id: string }[] = []) {
  if (Array.isArray(value)) value.forEach((item) => collectIds(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && typeof record.__typename === 'string')
      found.push({ typename: record.__typename, id: record.id });
    Object.values(record).forEach((child) => collectIds(child, found));
  }
  return found;
}

const GROUP = `query($id: ID!) {
  me { id }
  agencyTypes { id }
  regionalGroup(id: $id) {
    id areas { id }
    partners(includeFormer: true) { id agencyType { id } succeededBy { id } predecessors { id } }
    representatives(includeFormer: true) { id appointmentId partner { id } }
    chair { id } deputyChair { id }
    quorum { id required } cadence { id lastMeeting { id } nextMeeting { id } }
    termsOfReference { id inForce { id version } versions { id version } reviews { id } }
    funding { id financialYear partner { id } }
    coverage { id area { id } }
    notices { id }
    meetings {
      id quorum { id } minutes { id stage } decisions { id }
      attendance { id appointmentId } localPublication { id areaId }
      meetingRecommendations { id targets { id partnerId } }
    }
    policies { id draft { id } versions { id } currentVersion { id } adoption { id } }
    workstreams { id }
  }
}`.replace(/\{/g, '{ __typename ');

describe('cacheable objects have ids (Apollo and Relay normalise by them)', () => {
  let seeded: DemoApp;

  beforeAll(async () => {
    seeded = await startDemoApp({ load: ['meetings'] });
  });
  afterAll(async () => seeded.api.stop());

  it('gives every object type a client may cache an `id: ID!`, but for the listed exceptions', async () => {
    const { data } = await seeded.api.graphql<{ __schema: { types: IntrospectedType[] } }>(
      '{ __schema { types { kind name fields { name type { kind name ofType { name } } } } } }',
    );
    const objects = (data?.__schema.types ?? []).filter(
      (type) => type.kind === 'OBJECT' && !type.name.startsWith('__') && !STRUCTURAL.test(type.name),
    );
    const hasId = (type: IntrospectedType) =>
      type.fields?.some((f) => f.name === 'id' && f.type.kind === 'NON_NULL' && f.type.ofType?.name === 'ID');
    expect(objects.length).toBeGreaterThan(40);
    expect(objects.filter((type) => !hasId(type) && !(type.name in WITHOUT_ID)).map((type) => type.name)).toEqual([]);
    // The exceptions stay true: each is still in the schema and still has no id.
    const exceptions = objects.filter((type) => type.name in WITHOUT_ID);
    expect(exceptions.map((type) => type.name).sort()).toEqual(Object.keys(WITHOUT_ID).sort());
    expect(exceptions.filter(hasId).map((type) => type.name)).toEqual([]);
  });

  it('never gives two objects of different types, or two different objects, the same id; and keeps them between reads', async () => {
    const read = async () => {
      const { data, errors } = await seeded.api.graphql<GroupRead>(GROUP, { id: seeded.demo.groupId });
      expect(errors).toBeUndefined();
      return data;
    };
    const first = await read();
    const found = collectIds(first);
    const typeOf = new Map<string, Set<string>>();
    for (const { typename, id } of found) typeOf.set(id, (typeOf.get(id) ?? new Set()).add(typename));
    expect([...typeOf].filter(([, types]) => types.size > 1)).toEqual([]);
    for (const typename of ['Representative', 'Attendance', 'Minutes', 'LocalPublication', 'FundingContribution']) {
      expect(found.some((entry) => entry.typename === typename)).toBe(true);
    }

    const group = (first as GroupRead).regionalGroup;
    // Each meeting's attendance and publications are distinct objects, so each has its own id.
    for (const meeting of group.meetings) {
      expect(new Set(meeting.attendance.map((a) => a.id)).size).toBe(meeting.attendance.length);
      expect(new Set(meeting.localPublication.map((p) => p.id)).size).toBe(meeting.localPublication.length);
    }
    // A representative's id is their appointment; the version in force is one of the versions.
    for (const representative of group.representatives) expect(representative.id).toBe(representative.appointmentId);
    const inForce = group.termsOfReference.inForce;
    expect(group.termsOfReference.versions.find((v) => v.version === inForce.version)?.id).toBe(inForce.id);

    expect(await read()).toEqual(first);
  });
});

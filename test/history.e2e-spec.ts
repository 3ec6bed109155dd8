import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { localArrangementStream } from '@app/domain';
import { chainEvents, SYSTEM_ACTOR } from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { GROUP_NAME } from '../apps/cli/src/demo/avon-and-somerset';
import { replayCheck } from '../apps/cli/src/commands/replay.command';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { MEETINGS } from '../apps/cli/src/demo/meeting-year';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

const NODE = 'id position type data happenedOn recordedAt reason actor { personId name partnerId partnerName roles }';
const HISTORY = `query($filter: HistoryFilter, $first: Int, $after: String, $order: HistoryOrder) {
  history(filter: $filter, first: $first, after: $after, order: $order) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NODE} } }
  }
}`;

interface HistoryNode {
  id: string;
  position: number;
  type: string;
  data: string;
  happenedOn: string;
  recordedAt: string;
  reason: string | null;
  actor: {
    personId: string | null;
    name: string | null;
    partnerId: string | null;
    partnerName: string | null;
    roles: string[];
  };
}

interface HistoryPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: HistoryNode }[];
}

describe('the auditor’s history over GraphQL, and replay --check, on the Avon and Somerset demo', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let auditor: string;
  let chair: string;

  /** Every page of a filtered history, as an auditor reads it, with the total the first page gave. */
  const allOf = async (filter: Record<string, unknown>, token = auditor, order = 'RECORDED', first = 100) => {
    const nodes: HistoryNode[] = [];
    let totalCount = -1;
    for (let after: string | null = null; ;) {
      const { data, errors } = await api.graphql<{ history: HistoryPage }>(
        HISTORY,
        { filter, first, after, order },
        token,
      );
      if (errors) throw new Error(`${errors[0].extensions?.code}: ${errors[0].message}`);
      const page = data?.history as HistoryPage;
      if (totalCount < 0) totalCount = page.totalCount;
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return { nodes, totalCount };
      after = page.pageInfo.endCursor;
    }
  };

  beforeAll(async () => {
    const app = await startDemoApp({ load: ['meetings', 'workstreams', 'policies'] });
    ({ api, demo } = app);
    auditor = await app.tokenOf('auditor');
    chair = await app.tokenOf('sheila-smith');
  });
  afterAll(async () => api.stop());

  it('shows the police’s changes in 2026: its answers to the group’s recommendations, by its own representative', async () => {
    const police = demo.partnerIds.police;
    const { nodes, totalCount } = await allOf({ partnerId: police, from: '2026-01-01', to: '2026-12-31' });
    expect(nodes.length).toBe(totalCount);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.happenedOn >= '2026-01-01' && node.happenedOn <= '2026-12-31').toBe(true);
      expect(node.actor.partnerId === police || node.data.includes(police)).toBe(true);
    }
    const answers = nodes.filter((node) => node.type === 'RecommendationResponded' && node.actor.partnerId === police);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers[0].actor).toMatchObject({
      personId: demo.personIds['victoria-capel'],
      partnerId: police,
      partnerName: 'Avon and Somerset Police',
    });
    expect(answers[0].actor.name).toMatch(/Victoria/);
    expect(answers[0].actor.roles).toContain('REPRESENTATIVE');
    expect(JSON.parse(answers[0].data)).toMatchObject({ partnerId: police });
    expect(answers[0].recordedAt).toMatch(/^2026-11-23T/);
    // The police joined in 2019: outside the window, though it is in the police's whole history.
    expect(nodes.map((node) => node.type)).not.toContain('CorePartnerAdmitted');
    const whole = await allOf({ partnerId: police });
    expect(whole.nodes.filter((node) => node.type === 'CorePartnerAdmitted')).toHaveLength(1);
    expect(whole.nodes.find((node) => node.type === 'CorePartnerAdmitted')?.happenedOn).toMatch(/^2019-/);
    expect(whole.nodes.map((node) => node.position)).toEqual(
      [...whole.nodes.map((node) => node.position)].sort((a, b) => a - b),
    );
  });

  it('has every meeting booked by the constabulary, which the terms of reference say books them: its deputy chair', async () => {
    const booked = (await allOf({ types: ['MeetingScheduled'] })).nodes;
    expect(booked.length).toBeGreaterThan(0);
    const senders = new Set(booked.map(({ actor }) => `${actor.name}, ${actor.partnerName}, ${actor.roles.join(' ')}`));
    expect([...senders]).toEqual([expect.stringMatching(/^Will White, Avon and Somerset Police, .*DEPUTY_CHAIR/)]);
  });

  it('pages with cursors: the second page starts after the first, with nothing repeated', async () => {
    const page = async (after: string | null) =>
      (
        await api.graphql<{ history: HistoryPage }>(
          HISTORY,
          { filter: { types: ['MeetingScheduled'] }, first: 2, after },
          auditor,
        )
      ).data?.history as HistoryPage;
    const positions = (of: HistoryPage) => of.edges.map((edge) => edge.node.position);
    const first = await page(null);
    const second = await page(first.pageInfo.endCursor);
    // March 2020's meeting, the year of meetings, the one booked for December and the extraordinary ones of
    // December 2024 and November 2026 that approved the policies.
    expect(first.totalCount).toBe(1 + MEETINGS.length + 3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(positions(second)[0]).toBeGreaterThan(positions(first)[1]);
    expect(positions(second)).toHaveLength(2);
  });

  it('reads the police’s history, entered years late, in the order things happened, a page of 10 at a time', async () => {
    const police = { partnerId: demo.partnerIds.police };
    const recorded = await allOf(police);
    const happened = await allOf(police, auditor, 'HAPPENED', 10);
    expect(happened.totalCount).toBe(recorded.totalCount);
    expect(happened.nodes.length).toBeGreaterThan(10);
    // The same events, none repeated across pages, by day and then by position.
    expect(happened.nodes.map((n) => n.id).sort()).toEqual(recorded.nodes.map((n) => n.id).sort());
    const key = (n: HistoryNode) => `${n.happenedOn}:${String(n.position).padStart(10, '0')}`;
    expect(happened.nodes.map(key)).toEqual(happened.nodes.map(key).sort());
    expect(happened.nodes[0]).toMatchObject({ type: 'CorePartnerAdmitted', happenedOn: '2019-06-01' });
    // Recorded, history entered late reads after what happened years after it.
    const days = recorded.nodes.map((n) => n.happenedOn);
    expect(days.some((day, index) => index > 0 && day < days[index - 1])).toBe(true);

    const in2024 = { ...police, from: '2024-01-01', to: '2024-12-31' };
    const filtered = await allOf(in2024, auditor, 'HAPPENED', 2);
    expect(filtered.nodes.map((n) => n.id)).toEqual(
      happened.nodes.filter((n) => n.happenedOn.startsWith('2024-')).map((n) => n.id),
    );

    const { data, errors } = await api.graphql<{ regionalGroup: { history: HistoryPage } }>(
      `query($id: ID!) { regionalGroup(id: $id) { history(first: 1, order: HAPPENED) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ${NODE} } } } } }`,
      { id: demo.groupId },
      auditor,
    );
    expect(errors).toBeUndefined();
    expect(data?.regionalGroup.history.edges[0].node.happenedOn).toBe('2019-06-01');
  });

  it('records the reason a change gives, and shows it in the history of the entity changed', async () => {
    const review = (reason: string) =>
      api.graphql(
        `mutation($input: RecordTermsOfReferenceReviewInput!) { recordTermsOfReferenceReview(input: $input) { group { id } } }`,
        { input: { groupId: demo.groupId, reviewedOn: '2026-11-20', notes: 'Annual review', reason } },
      );
    expect((await review('Brought forward after the 2026 Act')).errors).toBeUndefined();
    const { data } = await api.graphql<{ regionalGroup: { history: HistoryPage } }>(
      `query($id: ID!) { regionalGroup(id: $id) { history(filter: { types: ["TermsOfReferenceReviewed"], from: "2026-11-20" }) {
        edges { node { reason happenedOn actor { personId roles } } } } } }`,
      { id: demo.groupId },
      auditor,
    );
    expect(data?.regionalGroup.history.edges).toEqual([
      {
        node: {
          reason: 'Brought forward after the 2026 Act',
          happenedOn: '2026-11-20',
          actor: { personId: api.adminId, roles: ['ADMINISTRATOR'] },
        },
      },
    ]);
  });

  it('refuses a reason with nothing visible in it, too long, or identifying a child, and records nothing', async () => {
    const before = (await allOf({ types: ['TermsOfReferenceReviewed'] })).totalCount;
    for (const reason of ['   ', 'x'.repeat(5001)]) {
      const { errors } = await api.graphql(
        `mutation($input: RecordTermsOfReferenceReviewInput!) { recordTermsOfReferenceReview(input: $input) { group { id } } }`,
        { input: { groupId: demo.groupId, reviewedOn: '2026-11-21', reason } },
      );
      expect(errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
      expect(errors?.[0].message).toMatch(/reason/);
    }
    // A reason is free text like any other: it may not identify a child (R40).
    const identifying = await api.graphql(
      `mutation($input: RecordTermsOfReferenceReviewInput!) { recordTermsOfReferenceReview(input: $input) { group { id } } }`,
      {
        input: {
          groupId: demo.groupId,
          reviewedOn: '2026-11-21',
          reason: 'Raised by the case of NHS number 943 476 5919',
        },
      },
    );
    expect(identifying.errors?.[0].extensions).toMatchObject({ code: 'IDENTIFYING_DATA', field: 'reason' });
    expect((await allOf({ types: ['TermsOfReferenceReviewed'] })).totalCount).toBe(before);
  });

  it('dates a policy’s approval and publication on the meeting’s day, and keeps an area’s reason for not adopting out of the change’s reason', async () => {
    const { nodes } = await allOf({
      types: ['PolicyDrafted', 'PolicyApproved', 'PolicyVersionPublished', 'PolicyAdoptionRecorded'],
    });
    const days = (type: string) => nodes.filter((n) => n.type === type).map((n) => n.happenedOn);
    // The demo records them on 23 November 2026; a draft has no day of its own, but came before its approval.
    expect(days('PolicyDrafted')).toEqual(['2026-11-19', '2024-12-12']);
    expect(days('PolicyApproved')).toEqual(['2026-11-19', '2024-12-12']);
    expect(days('PolicyVersionPublished')).toEqual(['2026-11-19', '2024-12-12']);
    const northSomerset = nodes.find(
      (n) => n.type === 'PolicyAdoptionRecorded' && JSON.parse(n.data).areaId === demo.areaIds['North Somerset'],
    );
    expect(JSON.parse(northSomerset?.data ?? '{}')).toMatchObject({
      decision: 'NOT_ADOPTED',
      reason: 'The local procedure already covers this.',
    });
    expect(northSomerset?.reason).toBeNull();
  });

  it('reads a policy and its meeting of December 2024, entered in 2026, booked on the day entered for its meeting, drafted in that month before the approval', async () => {
    const drafts = (await allOf({ types: ['PolicyDrafted'] })).nodes.map((n) => JSON.parse(n.data));
    const policyId = drafts.find((data) => data.title === 'Information sharing protocol')?.policyId as string;
    const { data, errors } = await api.graphql<{ policy: { history: HistoryPage } }>(
      `query($id: ID!) { policy(id: $id) { history(filter: { from: "2024-12-01", to: "2024-12-31" }, first: 100) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ${NODE} } } } } }`,
      { id: policyId },
      auditor,
    );
    expect(errors).toBeUndefined();
    const inDecember = (data?.policy.history as HistoryPage).edges.map(({ node }) => [node.type, node.happenedOn]);
    expect(inDecember).toEqual([
      ['PolicyDrafted', '2024-12-12'],
      ['PolicyApproved', '2024-12-12'],
      ['PolicyVersionPublished', '2024-12-12'],
      // Bristol's and Somerset's decisions on it, entered with the days they were made.
      ['PolicyAdoptionRecorded', '2024-12-16'],
      ['PolicyAdoptionRecorded', '2024-12-19'],
    ]);
    const meetingId = JSON.parse(
      (await allOf({ entityId: policyId, types: ['PolicyApproved'] })).nodes[0].data,
    ).meetingId;
    // Called a fortnight ahead, it is booked on the day entered for it, before the draft it approved.
    const booked = await allOf({ entityId: meetingId, types: ['MeetingScheduled'] });
    expect(booked.nodes.map((n) => n.happenedOn)).toEqual(['2024-11-28']);
    const meeting = await allOf({ entityId: meetingId, from: '2024-12-12', to: '2024-12-12' });
    expect(meeting.nodes.map((n) => n.type)[0]).toBe('MeetingOpened');
    // No minutes were entered after it, yet its closing carries the day the meeting was held.
    const closed = await allOf({ entityId: meetingId, types: ['MeetingClosed'] });
    expect(closed.nodes.map((n) => n.happenedOn)).toEqual(['2024-12-12']);
  });

  it('reads an area’s reason for not adopting, recorded before schema version 3 as the change’s reason too, as the decision’s only', async () => {
    // Before version 3 the one `reason` the area gave went into the event's data and its metadata alike.
    // The demo now sends notAdoptedReason, so such events are written here as the platform then wrote them:
    // South Gloucestershire's on the escalation procedure, Bath and North East Somerset's on the information
    // sharing protocol (the versions each has yet to decide), the second with a change reason of its own.
    const adoptions = (await allOf({ types: ['PolicyAdoptionRecorded'] })).nodes.map((n) => JSON.parse(n.data));
    const policyDecidedBy = (area: string, decision: string) =>
      adoptions.find((data) => data.areaId === demo.areaIds[area] && data.decision === decision)?.policyId as string;
    const recordedAsVersion2 = async (area: string, policyId: string, notAdopted: string, changeReason: string) => {
      const stream = localArrangementStream(demo.areaIds[area]);
      const history = await api.store.readStream(stream);
      const last = history[history.length - 1];
      const [old] = chainEvents(stream, last, [
        {
          id: randomUUID(),
          type: 'PolicyAdoptionRecorded',
          data: {
            areaId: demo.areaIds[area],
            policyId,
            version: 1,
            decision: 'NOT_ADOPTED',
            variation: null,
            reason: notAdopted,
            decidedOn: '2026-11-20',
          },
          metadata: {
            actor: SYSTEM_ACTOR,
            occurredAt: '2026-11-20T12:00:00.000Z',
            correlationId: randomUUID(),
            causationId: randomUUID(),
            reason: changeReason,
            schemaVersion: 2,
            idempotencyKey: null,
            inputHash: null,
          },
        },
      ]);
      const { position } = await api.store.append(stream, [old], { expectedRevision: last.revision });
      await api.app.get(ProjectionRunner).waitFor(position);
      return position;
    };
    const ownProcedure = 'Our own escalation procedure is newer.';
    const sameReason = await recordedAsVersion2(
      'South Gloucestershire',
      policyDecidedBy('North Somerset', 'NOT_ADOPTED'),
      ownProcedure,
      ownProcedure,
    );
    const ownReason = await recordedAsVersion2(
      'Bath and North East Somerset',
      policyDecidedBy('South Gloucestershire', 'ADOPTED'),
      'The area’s protocol is being rewritten.',
      'Entered from the board’s minutes',
    );
    const { nodes } = await allOf({ types: ['PolicyAdoptionRecorded'] });
    const at = (position: number) => nodes.find((n) => n.position === position);
    expect(JSON.parse(at(sameReason)?.data ?? '{}')).toMatchObject({ decision: 'NOT_ADOPTED', reason: ownProcedure });
    expect(at(sameReason)?.reason).toBeNull();
    expect(at(ownReason)?.reason).toBe('Entered from the board’s minutes');
  });

  it('gives each main type its history: a partner’s, a representative’s, a meeting’s', async () => {
    const { data, errors } = await api.graphql<{
      regionalGroup: Record<'partners' | 'representatives' | 'meetings', { history: HistoryPage }[]>;
    }>(
      `query($id: ID!) { regionalGroup(id: $id) {
        partners { id name history(first: 1) { totalCount } }
        representatives { appointmentId history(first: 1, filter: { types: ["RepresentativeAppointed"] }) { totalCount } }
        meetings { id history(first: 1) { totalCount edges { node { type } } } } } }`,
      { id: demo.groupId },
      auditor,
    );
    expect(errors).toBeUndefined();
    const group = data?.regionalGroup;
    for (const partner of group?.partners ?? []) expect(partner.history.totalCount).toBeGreaterThan(0);
    expect(group?.representatives.map((rep) => rep.history.totalCount)).toEqual(group?.representatives.map(() => 1));
    expect(group?.meetings[0].history.edges[0].node.type).toBe('MeetingScheduled');
  });

  describe('refusals', () => {
    const codeOf = async (variables: Record<string, unknown>, token: string | null = auditor) =>
      (await api.graphql(HISTORY, variables, token)).errors?.[0].extensions?.code;

    it('is for auditors and administrators only: the chair is FORBIDDEN, on the query and on a type’s field', async () => {
      expect(await codeOf({}, chair)).toBe('FORBIDDEN');
      const { data, errors } = await api.graphql<{ regionalGroup: { name: string; history: HistoryPage | null } }>(
        `query($id: ID!) { regionalGroup(id: $id) { name history { totalCount } } }`,
        { id: demo.groupId },
        chair,
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'AUDITOR or ADMINISTRATOR' });
      expect(data?.regionalGroup).toEqual({ name: GROUP_NAME, history: null });
      expect(await codeOf({}, null)).toBe('UNAUTHENTICATED');
      expect(await codeOf({}, api.adminToken)).toBeUndefined();
    });

    it('refuses "from" after "to", and dates not written YYYY-MM-DD, as VALIDATION_FAILED', async () => {
      const { errors } = await api.graphql(HISTORY, { filter: { from: '2026-12-31', to: '2026-01-01' } }, auditor);
      expect(errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
      expect(errors?.[0].message).toMatch(/"from" \(2026-12-31\) is after "to" \(2026-01-01\)/);
      expect(await codeOf({ filter: { from: '31/12/2026' } })).toBe('VALIDATION_FAILED');
    });

    it('refuses "from" a day still to come as VALIDATION_FAILED, naming today; today itself is asked', async () => {
      const { errors } = await api.graphql(HISTORY, { filter: { from: '2026-11-24' } }, auditor);
      expect(errors?.[0].extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'from',
        from: '2026-11-24',
        today: '2026-11-23',
      });
      expect(await codeOf({ filter: { from: '2026-11-23' } })).toBeUndefined();
    });

    it('refuses a cursor it did not give out, and a page size out of range', async () => {
      expect(await codeOf({ after: 'bm90LWEtY3Vyc29y' })).toBe('VALIDATION_FAILED');
      const tooFew = await api.graphql(HISTORY, { first: 0 }, auditor);
      expect(tooFew.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
      // One sentence naming the argument once.
      expect(tooFew.errors?.[0].message).toBe('first must not be less than 1.');
    });

    it('refuses a cursor given out in one order when asked in the other, saying which order it is for', async () => {
      const cursorOf = async (order: string) =>
        (
          (await api.graphql<{ history: HistoryPage }>(HISTORY, { first: 1, order }, auditor)).data
            ?.history as HistoryPage
        ).pageInfo.endCursor;
      const recorded = await cursorOf('RECORDED');
      const happened = await cursorOf('HAPPENED');
      const inHappened = await api.graphql(HISTORY, { first: 1, order: 'HAPPENED', after: recorded }, auditor);
      expect(inHappened.data).toBeNull();
      expect(inHappened.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
      expect(inHappened.errors?.[0].message).toBe(
        'The "after" cursor was given out for the history in the order recorded (order RECORDED), not in the order things happened: ask again with order RECORDED, or without "after" to start from the first page.',
      );
      // Without an order, the history is the log's, as before the argument existed.
      const inRecorded = await api.graphql(HISTORY, { first: 1, after: happened }, auditor);
      expect(inRecorded.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
      expect(inRecorded.errors?.[0].message).toMatch(
        /^The "after" cursor was given out for the history in the order things happened \(order HAPPENED\)/,
      );
      expect(await codeOf({ order: 'HAPPENED', after: 'bm90LWEtY3Vyc29y' })).toBe('VALIDATION_FAILED');
      expect(await codeOf({ order: 'SIDEWAYS' })).toBe('VALIDATION_FAILED');
    });

    it('says NOT_FOUND for an entity, partner or person no event concerns, and an empty page for a known one outside the window', async () => {
      expect(await codeOf({ filter: { entityId: randomUUID() } })).toBe('NOT_FOUND');
      expect(await codeOf({ filter: { partnerId: randomUUID() } })).toBe('NOT_FOUND');
      expect(await codeOf({ filter: { personId: randomUUID() } })).toBe('NOT_FOUND');
      // A malformed id names nothing either, as in a mutation's input.
      expect(await codeOf({ filter: { entityId: 'not-an-id' } })).toBe('NOT_FOUND');
      const { data } = await api.graphql(
        HISTORY,
        { filter: { entityId: demo.partnerIds.police, to: '2000-01-01' } },
        auditor,
      );
      expect(data?.history).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
    });
  });

  describe('cli replay --check', () => {
    let printed: string;
    beforeEach(() => {
      printed = '';
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        printed += String(chunk);
        return true;
      });
      jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    });
    afterEach(() => jest.restoreAllMocks());

    it('finds the demo’s read models identical to a rebuild from the log, then names the one row altered', async () => {
      expect(await replayCheck(api.config)).toBe(0);
      expect(printed).toMatch(/^ok: \d+ tables, \d+ rows rebuilt from the log to position \d+, identical to read.db/);

      const db = new Database(join(api.config.dataDir, 'read.db'));
      db.prepare('UPDATE core_partners SET name = ? WHERE partner_id = ?').run('Mallory', demo.partnerIds.police);
      db.close();
      printed = '';
      expect(await replayCheck(api.config)).toBe(1);
      expect(printed).toContain('DIFFERENT: 1 tables of read.db differ');
      expect(printed).toContain(`  core_partners: 1 rows\n    partner_id="${demo.partnerIds.police}": differs\n`);
    });
  });
});

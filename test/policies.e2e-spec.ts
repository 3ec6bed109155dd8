import { CLOCK, Clock } from '@app/platform';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { openQuorateMeeting } from '../apps/cli/src/demo/policies-and-notices';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

const POLICY =
  'id status reviewOverdue draft { approved } versions { version effectiveOn } adoption { areaId version decision variation reason } undecidedAreaIds';
/** What an area's decision answers: its own row, and the policy only for a reader of the group's business (R43). */
const ADOPTION_CHANGE = `policyId adoption { areaId version decision variation reason } policy { ${POLICY} }`;

describe('regional policies, local adoption and communications (D1, D5)', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let send: TestApp['send'];
  let chair: string;
  /** The escalation procedure and the open, quorate meeting that approved it. */
  let escalation: { policyId: string; meetingId: string };
  const managers: Record<string, string> = {};
  const policyCall = async (
    mutation: string,
    inputType: string,
    input: Record<string, unknown>,
    token: string | null = chair,
  ) => api.graphql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${POLICY} } }`, { input }, token);

  beforeAll(async () => {
    const app = await startDemoApp({ load: [] });
    ({ api, demo } = app);
    send = api.send;
    chair = await app.tokenOf('sheila-smith');
    for (const area of Object.keys(demo.areaIds))
      managers[area] = await app.businessManager(area, `${area} business manager`);
  });
  afterAll(async () => api.stop());

  /** A quorate meeting of the group starting at `startsAt`, open, with every representative present. */
  const openMeetingAt = (startsAt: string): Promise<string> =>
    openQuorateMeeting(send, demo, chair, startsAt, 'Portishead');
  /** `policyId` approved at the meeting by a decision recorded there. */
  const approveAt = async (policyId: string, meetingId: string, text: string) => {
    const decided = await send(
      'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decisions { id text } } }',
      { i: { meetingId, text } },
      chair,
    );
    const decision = decided.recordDecision.decisions.find((d: { text: string }) => d.text === text);
    const approved = await policyCall('approvePolicy', 'ApprovePolicyInput', {
      policyId,
      meetingId,
      decisionId: decision.id,
    });
    expect(approved.errors).toBeUndefined();
  };
  /** A policy drafted today and approved at a meeting starting at `startsAt`, opened for it. */
  const draftApprovedAt = async (title: string, startsAt: string) => {
    const { draftPolicy } = await send(
      'mutation($i: DraftPolicyInput!) { draftPolicy(input: $i) { id } }',
      { i: { groupId: demo.groupId, title, body: 'text' } },
      chair,
    );
    const meetingId = await openMeetingAt(startsAt);
    await approveAt(draftPolicy.id, meetingId, `Approved the ${title.toLowerCase()}.`);
    return { policyId: draftPolicy.id as string, meetingId };
  };

  it('publishes an approved policy to every area, and records a different decision in each', async () => {
    const draft = await policyCall('draftPolicy', 'DraftPolicyInput', {
      groupId: demo.groupId,
      title: 'Regional escalation procedure',
      body: 'https://procedures.example/escalation',
    });
    const policyId = draft.data?.draftPolicy.id;
    expect(
      (
        await policyCall('publishPolicyVersion', 'PublishPolicyVersionInput', {
          policyId,
          effectiveOn: '2026-12-01',
          reviewOn: '2027-12-01',
        })
      ).errors?.[0].extensions?.code,
    ).toBe('VALIDATION_FAILED');

    const meetingId = await openMeetingAt('2026-11-23T08:00:00Z');
    const decided = await send(
      'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decisions { id } } }',
      { i: { meetingId, text: 'Approved the regional escalation procedure.' } },
      chair,
    );
    const approved = await policyCall('approvePolicy', 'ApprovePolicyInput', {
      policyId,
      meetingId,
      decisionId: decided.recordDecision.decisions[0].id,
    });
    expect(approved.data?.approvePolicy.draft).toEqual({ approved: true });
    const published = await policyCall('publishPolicyVersion', 'PublishPolicyVersionInput', {
      policyId,
      effectiveOn: '2026-12-01',
      reviewOn: '2027-12-01',
    });
    expect(published.data?.publishPolicyVersion).toMatchObject({
      status: 'PUBLISHED',
      versions: [{ version: 1, effectiveOn: '2026-12-01' }],
    });

    const decide = (area: string, decision: string, extra: Record<string, unknown> = {}, token = managers[area]) =>
      api.graphql(
        `mutation($input: RecordPolicyAdoptionInput!) { recordPolicyAdoption(input: $input) { ${ADOPTION_CHANGE} } }`,
        { input: { policyId, areaId: demo.areaIds[area], version: 1, decision, ...extra } },
        token,
      );
    expect((await decide('Somerset', 'ADOPTED', {}, managers.Bristol)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await decide('Somerset', 'ADOPTED', {}, chair)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await decide('Bristol', 'ADOPTED');
    await decide('Somerset', 'ADOPTED_WITH_VARIATION', {
      variation: 'Escalations go first to the Somerset duty manager.',
    });
    await decide('North Somerset', 'NOT_ADOPTED', { notAdoptedReason: 'The local procedure already covers this.' });
    const last = await decide('Bath and North East Somerset', 'ADOPTED');
    // R43: the area's business manager may not read the group's policies, so its answer is its own decision only.
    expect(last.data?.recordPolicyAdoption).toEqual({
      policyId,
      adoption: {
        areaId: demo.areaIds['Bath and North East Somerset'],
        version: 1,
        decision: 'ADOPTED',
        variation: null,
        reason: null,
      },
      policy: null,
    });
    const { policy } = await send(`query($id: ID!) { policy(id: $id) { ${POLICY} } }`, { id: policyId }, chair);
    expect(policy.adoption.map((a: { areaId: string; decision: string }) => [a.areaId, a.decision]).sort()).toEqual(
      [
        [demo.areaIds.Bristol, 'ADOPTED'],
        [demo.areaIds.Somerset, 'ADOPTED_WITH_VARIATION'],
        [demo.areaIds['North Somerset'], 'NOT_ADOPTED'],
        [demo.areaIds['Bath and North East Somerset'], 'ADOPTED'],
      ].sort(),
    );
    expect(policy.undecidedAreaIds).toEqual([demo.areaIds['South Gloucestershire']]);
    // The area's own business manager reads its decision from the feed item, not from the group's policy.
    const adoptionInFeed = async () =>
      (
        await send(
          'query($a: ID!) { areaFeed(areaId: $a) { edges { node { subjectId adoption { decision variation } } } } }',
          { a: demo.areaIds['South Gloucestershire'] },
          managers['South Gloucestershire'],
        )
      ).areaFeed.edges.find((e: { node: { subjectId: string } }) => e.node.subjectId === policyId).node.adoption;
    await expect(adoptionInFeed()).resolves.toBeNull();
    // A representative of the group who also manages an area's business reads the group's policy whole.
    const { me } = await send<{ me: { personId: string } }>('{ me { personId } }', {}, chair);
    await send(
      'mutation($i: RoleInput!) { grantRole(input: $i) { personId } }',
      { i: { personId: me.personId, role: 'AREA_BUSINESS_MANAGER', areaId: demo.areaIds['South Gloucestershire'] } },
      api.adminToken as string,
    );
    const lastArea = await decide(
      'South Gloucestershire',
      'ADOPTED_WITH_VARIATION',
      { variation: 'Applies from the next school term.' },
      chair,
    );
    expect(lastArea.data?.recordPolicyAdoption.adoption).toMatchObject({
      areaId: demo.areaIds['South Gloucestershire'],
      decision: 'ADOPTED_WITH_VARIATION',
    });
    expect(lastArea.data?.recordPolicyAdoption.policy.undecidedAreaIds).toEqual([]);
    expect(lastArea.data?.recordPolicyAdoption.policy.adoption).toHaveLength(5);
    await expect(adoptionInFeed()).resolves.toEqual({
      decision: 'ADOPTED_WITH_VARIATION',
      variation: 'Applies from the next school term.',
    });
    const feed = await send(
      'query($a: ID!) { areaFeed(areaId: $a) { edges { node { kind subjectId } } } }',
      { a: demo.areaIds['South Gloucestershire'] },
      chair,
    );
    expect(feed.areaFeed.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      kind: 'POLICY_PUBLISHED',
      subjectId: policyId,
    });
    escalation = { policyId, meetingId };
  });

  it('gives a policy’s title as the version in force on the day asked about, and the draft as it stood (A3)', async () => {
    const { policyId, meetingId } = escalation;
    const moment = () => api.app.get<Clock>(CLOCK).now().toISOString();
    type Seen = { title: string; draft: { title: string } | null; currentVersion: { version: number } | null };
    const seen = async (variables: { asAt?: string; asRecordedAt?: string }) => {
      const { data, errors } = await api.graphql<{ policy: Seen }>(
        `query($id: ID!, $asAt: String, $asRecordedAt: DateTime) { policy(id: $id, asAt: $asAt, asRecordedAt: $asRecordedAt) {
          title draft { title } currentVersion { version } } }`,
        { id: policyId, ...variables },
        chair,
      );
      expect(errors).toBeUndefined();
      return data?.policy as Seen;
    };
    const beforeRevision = moment();
    const revised = await policyCall('revisePolicyDraft', 'RevisePolicyDraftInput', {
      policyId,
      title: 'Regional escalation and resolution procedure',
      body: 'https://procedures.example/escalation-v2',
    });
    expect(revised.errors).toBeUndefined();
    const beforePublication = moment();
    const decided = await send(
      'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decisions { id } } }',
      { i: { meetingId, text: 'Approved version 2 of the regional escalation procedure.' } },
      chair,
    );
    await policyCall('approvePolicy', 'ApprovePolicyInput', {
      policyId,
      meetingId,
      decisionId: decided.recordDecision.decisions.at(-1).id,
    });
    const published = await policyCall('publishPolicyVersion', 'PublishPolicyVersionInput', {
      policyId,
      effectiveOn: '2027-01-01',
      reviewOn: '2028-01-01',
    });
    expect(published.errors).toBeUndefined();

    // Version 1 is in force through December, version 2 from January, each with its own title.
    expect(await seen({ asAt: '2026-12-15' })).toEqual({
      title: 'Regional escalation procedure',
      draft: null,
      currentVersion: { version: 1 },
    });
    expect(await seen({ asAt: '2027-01-15' })).toEqual({
      title: 'Regional escalation and resolution procedure',
      draft: null,
      currentVersion: { version: 2 },
    });
    // As the platform held it before the revision, January had only version 1 and no draft.
    expect(await seen({ asAt: '2027-01-15', asRecordedAt: beforeRevision })).toEqual({
      title: 'Regional escalation procedure',
      draft: null,
      currentVersion: { version: 1 },
    });
    // Between the revision and the publication, the revised draft stood beside version 1.
    expect(await seen({ asAt: '2026-12-15', asRecordedAt: beforePublication })).toEqual({
      title: 'Regional escalation procedure',
      draft: { title: 'Regional escalation and resolution procedure' },
      currentVersion: { version: 1 },
    });
  });

  it('shows a policy past its review date as overdue, and lists it as due for review', async () => {
    const moment = () => api.app.get<Clock>(CLOCK).now().toISOString();
    const beforeDraft = moment();
    // Approved at the meeting of 12 December 2024 and published that day, entered in 2026.
    const { policyId, meetingId: december2024 } = await draftApprovedAt(
      'Information sharing protocol',
      '2024-12-12T10:00:00Z',
    );
    await send(
      'mutation($i: MeetingIdInput!) { closeMeeting(input: $i) { id } }',
      { i: { meetingId: december2024 } },
      chair,
    );
    const beforePublication = moment();
    await send(
      'mutation($i: PublishPolicyVersionInput!) { publishPolicyVersion(input: $i) { id } }',
      { i: { policyId, publishedOn: '2024-12-12', effectiveOn: '2025-01-01', reviewOn: '2026-01-01' } },
      chair,
    );
    const due = await send(
      'query($g: ID!) { policiesDueForReview(groupId: $g, withinDays: 0) { id reviewOverdue } }',
      { g: demo.groupId },
      chair,
    );
    expect(due.policiesDueForReview).toEqual([{ id: policyId, reviewOverdue: true }]);
    const asAt = (day: string) =>
      api.graphql<{ policy: { asAt: string; reviewOverdue: boolean; currentVersion: { version: number } | null } }>(
        'query($id: ID!, $asAt: String) { policy(id: $id, asAt: $asAt) { asAt reviewOverdue currentVersion { version } } }',
        { id: policyId, asAt: day },
        chair,
      );
    // A3: entered in 2026, it is known to have existed from the day it was published, not before.
    expect((await asAt('2024-12-11')).errors?.[0]).toMatchObject({
      message: 'The policy existed from 2024-12-12; 2024-12-11 is before it.',
      extensions: { code: 'OUT_OF_RANGE', earliest: '2024-12-12' },
    });
    expect((await asAt('2024-12-31')).data?.policy).toEqual({
      asAt: '2024-12-31',
      reviewOverdue: false,
      currentVersion: null,
    });
    expect((await asAt('2025-06-01')).data?.policy).toEqual({
      asAt: '2025-06-01',
      reviewOverdue: false,
      currentVersion: { version: 1 },
    });
    expect((await asAt('2026-06-01')).data?.policy.reviewOverdue).toBe(true);
    expect((await asAt('2019-05-31')).errors?.[0].extensions?.code).toBe('OUT_OF_RANGE');
    // As the platform showed it before the publication was recorded: a draft, no version, nothing due.
    const asRecordedAt = (instant: string) =>
      api.graphql<{ policy: { status: string } }>(
        'query($id: ID!, $t: DateTime) { policy(id: $id, asRecordedAt: $t) { status reviewDueOn reviewOverdue versions { version } currentVersion { version } } }',
        { id: policyId, t: instant },
        chair,
      );
    expect((await asRecordedAt(beforePublication)).data?.policy).toEqual({
      status: 'DRAFT',
      reviewDueOn: null,
      reviewOverdue: false,
      versions: [],
      currentVersion: null,
    });
    // Before the draft was recorded: the refusal names the moment it was, which can be asked.
    const beforeHeld = (await asRecordedAt(beforeDraft)).errors?.[0];
    const earliest = beforeHeld?.extensions?.earliest as string;
    expect(beforeHeld).toMatchObject({
      message: `The platform held nothing of this policy at ${beforeDraft}; it first recorded it at ${earliest}.`,
      extensions: { code: 'OUT_OF_RANGE' },
    });
    expect(earliest > beforeDraft).toBe(true);
    expect((await asRecordedAt(earliest)).data?.policy.status).toBe('DRAFT');
    const badWindow = await api.graphql(
      'query($g: ID!) { policiesDueForReview(groupId: $g, withinDays: -1) { id } }',
      { g: demo.groupId },
      chair,
    );
    expect(badWindow.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    const reviewed = await policyCall('recordPolicyReview', 'RecordPolicyReviewInput', {
      policyId,
      outcome: 'NO_CHANGE',
    });
    expect(reviewed.data?.recordPolicyReview.reviewOverdue).toBe(false);
  });

  it('shows a draft approved from the day of the meeting that approved it, however late that was entered (A3, D1)', async () => {
    // Approved at the meeting of 13 March 2025, entered in 2026, not yet published.
    const { policyId } = await draftApprovedAt('Missing children protocol', '2025-03-13T10:00:00Z');
    const draftOn = async (asAt: string) => {
      const { data, errors } = await api.graphql<{
        policy: { status: string; draft: { approved: boolean } | null };
        regionalGroup: { policies: { id: string; draft: { approved: boolean } | null }[] };
      }>(
        `query($id: ID!, $g: ID!, $asAt: String) {
          policy(id: $id, asAt: $asAt) { status draft { approved } }
          regionalGroup(id: $g, asAt: $asAt) { policies { id draft { approved } } } }`,
        { id: policyId, g: demo.groupId, asAt },
        chair,
      );
      expect(errors).toBeUndefined();
      return {
        policy: data?.policy,
        inGroup: data?.regionalGroup.policies.find((policy) => policy.id === policyId),
      };
    };
    const approved = { status: 'DRAFT', draft: { approved: true } };
    await expect(draftOn('2025-03-13')).resolves.toEqual({
      policy: approved,
      inGroup: { id: policyId, draft: { approved: true } },
    });
    await expect(draftOn('2026-11-23')).resolves.toEqual({
      policy: approved,
      inGroup: { id: policyId, draft: { approved: true } },
    });
  });

  it('refuses policy dates before what they follow as OUT_OF_RANGE, naming the earliest, and writes nothing', async () => {
    const { draftPolicy } = await send(
      'mutation($i: DraftPolicyInput!) { draftPolicy(input: $i) { id } }',
      { i: { groupId: demo.groupId, title: 'Neglect strategy', body: 'https://procedures.example/neglect' } },
      chair,
    );
    const policyId = draftPolicy.id;
    await approveAt(policyId, escalation.meetingId, 'Approved the neglect strategy.');
    const publish = (dates: Record<string, string>) =>
      policyCall('publishPolicyVersion', 'PublishPolicyVersionInput', { policyId, ...dates });
    expect((await publish({ effectiveOn: '2010-01-01', reviewOn: '2011-01-01' })).errors?.[0]).toMatchObject({
      message: 'The effective date (2010-01-01) is before the meeting that approved it (2026-11-23).',
      extensions: { code: 'OUT_OF_RANGE', earliest: '2026-11-23' },
    });
    expect((await publish({ effectiveOn: '2027-01-01', reviewOn: '2027-01-01' })).errors?.[0]).toMatchObject({
      extensions: { code: 'OUT_OF_RANGE', earliest: '2027-01-02' },
    });
    expect(
      (await publish({ publishedOn: '2026-11-22', effectiveOn: '2027-01-01', reviewOn: '2028-01-01' })).errors?.[0],
    ).toMatchObject({ extensions: { code: 'OUT_OF_RANGE', earliest: '2026-11-23' } });
    const { policy: unpublished } = await send(
      `query($id: ID!) { policy(id: $id) { ${POLICY} } }`,
      { id: policyId },
      chair,
    );
    expect(unpublished).toMatchObject({ status: 'DRAFT', versions: [] });

    expect((await publish({ effectiveOn: '2027-01-01', reviewOn: '2028-01-01' })).errors).toBeUndefined();
    const adoption = (mutation: string, input: Record<string, unknown>) =>
      api.graphql(
        `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { policyId adoption { decision } } }`,
        { input: { policyId, areaId: demo.areaIds.Bristol, version: 1, decision: 'ADOPTED', ...input } },
        managers.Bristol,
      );
    expect((await adoption('recordPolicyAdoption', { decidedOn: '2016-05-05' })).errors?.[0]).toMatchObject({
      message: "The date of the decision (2016-05-05) is before version 1's publication (2026-11-23).",
      extensions: { code: 'OUT_OF_RANGE', earliest: '2026-11-23', field: 'decidedOn' },
    });
    expect((await adoption('recordPolicyAdoption', { decidedOn: '2026-11-23' })).errors).toBeUndefined();
    const corrected = await adoption('correctPolicyAdoption', {
      decision: 'NOT_ADOPTED',
      notAdoptedReason: 'Our own strategy runs to 2028.',
      decidedOn: '2015-01-01',
      reason: 'Recorded as adopted in error.',
    });
    expect(corrected.errors?.[0]).toMatchObject({ extensions: { code: 'OUT_OF_RANGE', earliest: '2026-11-23' } });
    const { policy } = await send(`query($id: ID!) { policy(id: $id) { ${POLICY} } }`, { id: policyId }, chair);
    expect(policy.adoption).toEqual([
      { areaId: demo.areaIds.Bristol, version: 1, decision: 'ADOPTED', variation: null, reason: null },
    ]);

    // A revision follows the version it revises: no meeting held before that version was published approved it.
    const revised = await policyCall('revisePolicyDraft', 'RevisePolicyDraftInput', {
      policyId,
      title: 'Neglect strategy',
      body: 'https://procedures.example/neglect-2',
    });
    expect(revised.errors).toBeUndefined();
    const earlier = await openMeetingAt('2025-03-13T10:00:00Z');
    const decided = await send(
      'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decisions { id } } }',
      { i: { meetingId: earlier, text: 'Approved the revised neglect strategy.' } },
      chair,
    );
    const refused = await policyCall('approvePolicy', 'ApprovePolicyInput', {
      policyId,
      meetingId: earlier,
      decisionId: decided.recordDecision.decisions.at(-1).id,
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /^The approving meeting's day \(2025-03-13\) is before the publication of version 1/,
      ),
      extensions: { code: 'OUT_OF_RANGE' },
    });
    const { policy: unapproved } = await send(
      `query($id: ID!) { policy(id: $id) { ${POLICY} } }`,
      { id: policyId },
      chair,
    );
    expect(unapproved.draft).toEqual({ approved: false });
  });

  it('sends a communication to its audience areas and shows the sender which have acknowledged it', async () => {
    const { issueRegionalCommunication } = await send(
      'mutation($i: IssueRegionalCommunicationInput!) { issueRegionalCommunication(input: $i) { id } }',
      {
        i: {
          groupId: demo.groupId,
          title: 'Safeguarding adolescents week',
          body: 'Please cascade to all practitioners.',
          areaIds: [demo.areaIds.Bristol, demo.areaIds.Somerset],
          cascadeBy: '2026-12-05',
        },
      },
      chair,
    );
    const id = issueRegionalCommunication.id;
    const bristolFeed = await send(
      'query($a: ID!) { areaFeed(areaId: $a, first: 100) { edges { node { cursor subjectId } } } }',
      { a: demo.areaIds.Bristol },
      chair,
    );
    const item = bristolFeed.areaFeed.edges.find((e: { node: { subjectId: string } }) => e.node.subjectId === id).node;
    await send(
      'mutation($i: AcknowledgeFeedItemInput!) { acknowledgeFeedItem(input: $i) { acknowledgedAt } }',
      { i: { areaId: demo.areaIds.Bristol, cursor: item.cursor } },
      managers.Bristol,
    );
    const status = await send(
      'query($s: ID!) { feedItemAcknowledgements(subjectId: $s) { areaId acknowledgedAt } }',
      { s: id },
      chair,
    );
    expect(
      status.feedItemAcknowledgements
        .map((a: { areaId: string; acknowledgedAt: string | null }) => [a.areaId, a.acknowledgedAt !== null])
        .sort(),
    ).toEqual(
      [
        [demo.areaIds.Bristol, true],
        [demo.areaIds.Somerset, false],
      ].sort(),
    );
  });
});
